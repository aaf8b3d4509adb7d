import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'

interface Props {
  loading: boolean
  error: string | null
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
  children?: ReactNode
}

/** Loading, error (with retry) and empty states, so no page is ever just blank. */
export function StatusView ({ loading, error, empty, emptyText = '暂无内容', onRetry, children }: Props) {
  if (loading) return <View className='status status-loading'>正在加载…</View>
  if (error) {
    return (
      <View className='status status-error'>
        <Text className='error-text'>{error}</Text>
        {onRetry && <View className='btn-small' onClick={onRetry}>重试</View>}
      </View>
    )
  }
  if (empty) return <View className='status status-empty'>{emptyText}</View>
  return <>{children}</>
}
