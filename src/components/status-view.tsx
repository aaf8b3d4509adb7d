import { Button, View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { SIGN_IN_MESSAGE } from '../api'
import { SignInPrompt } from './sign-in-prompt'

interface Props {
  loading: boolean
  /** From useAction / usePaged: `SIGN_IN_MESSAGE` (nobody signed in) shows the sign-in prompt instead of 重试. */
  error: string | null
  empty?: boolean
  emptyText?: string
  /** A line under the empty text: why it is empty or what to do next. */
  emptyHint?: string
  onRetry?: () => void
  /** What signing in is for, when the prompt shows ("登录后才能查看网格待办"). */
  signInReason?: string
  children?: ReactNode
}

/** Loading, sign-in, error (with retry) and empty states, so no page is ever just blank or a dead end. */
export function StatusView ({ loading, error, empty, emptyText = '暂无内容', emptyHint, onRetry, signInReason, children }: Props) {
  if (loading) return <View className='status status-loading' aria-live='polite'>正在加载…</View>
  if (error === SIGN_IN_MESSAGE) return <SignInPrompt reason={signInReason} />
  if (error) {
    return (
      <View className='status status-error' aria-live='polite'>
        <View className='error-text status-message'>{error}</View>
        {onRetry && <View className='status-actions'><Button className='btn-plain' onClick={onRetry}>重试</Button></View>}
      </View>
    )
  }
  if (empty) {
    return (
      <View className='status status-empty'>
        <View className='status-message'>{emptyText}</View>
        {emptyHint && <Text className='status-desc'>{emptyHint}</Text>}
      </View>
    )
  }
  return <>{children}</>
}
