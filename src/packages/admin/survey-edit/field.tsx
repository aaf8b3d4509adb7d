import type { ReactNode } from 'react'
import { FormField } from '../../../components/form-field'
import type { ErrorPlace, FormErrors } from './form'

/** One field of the editor, its message (if any) from where the form's check put it. */
export function Field ({ label, place, errors, required = false, hint, children }: { label: string; place: ErrorPlace; errors: FormErrors; required?: boolean; hint?: string; children: ReactNode }) {
  return <FormField prefix='se' name={place} label={label} error={errors[place]} required={required} hint={hint}>{children}</FormField>
}
