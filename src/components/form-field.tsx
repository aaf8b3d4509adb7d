import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  /** The page's class prefix (its CSS styles `${prefix}-field`, `-label`, `-hint`, `-error`). */
  prefix: string
  /** The field's name: `data-field` and the error's id `error-<name>`, for tests and for scrolling to it. */
  name: string
  label: string
  error?: string
  required?: boolean
  hint?: string
  children: ReactNode
}

/** A form field: its label (a star when required), the control, and either its hint or its error, announced. */
export function FormField ({ prefix, name, label, error, required = false, hint, children }: Props) {
  return (
    <View className={`${prefix}-field ${error ? `${prefix}-field-bad` : ''}`} data-field={name}>
      <View className={`${prefix}-label`}>{label}{required && <Text className={`${prefix}-required`} aria-hidden='true'> *</Text>}</View>
      {children}
      {hint && !error && <View className={`${prefix}-hint`}>{hint}</View>}
      {error && <View className={`${prefix}-error error-text`} id={`error-${name}`} ariaRole='alert'>{error}</View>}
    </View>
  )
}
