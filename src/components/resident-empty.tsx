import { View, Text } from '@tarojs/components'
import './resident-empty.css'

interface Props {
  id?: string
  icon: string
  title: string
  /** What will appear here, and when. */
  text: string
  action?: { label: string; onClick: () => void }
}

/** An empty list that says what will appear in it and when, with the next step where there is one. */
export function ResidentEmpty ({ id, icon, title, text, action }: Props) {
  return (
    <View className='resident-empty' id={id}>
      <Text className='resident-empty-icon' aria-hidden='true'>{icon}</Text>
      <View className='resident-empty-title'>{title}</View>
      <View className='resident-empty-text'>{text}</View>
      {action && <View className='resident-empty-action' ariaRole='button' onClick={action.onClick}>{action.label}</View>}
    </View>
  )
}

interface MoreProps {
  next: string | null
  loading: boolean
  error: string | null
  count: number
  onMore: () => void
}

/** The foot of a paged list: load more (by tap too, not only by pulling up), a failed page with 重试, or the end. */
export function ResidentListFoot ({ next, loading, error, count, onMore }: MoreProps) {
  if (count === 0) return null
  if (error) {
    return (
      <View className='resident-foot resident-foot-error' id='list-foot'>
        <Text className='resident-foot-error-text'>{error}</Text>
        <View className='resident-foot-btn' ariaRole='button' onClick={onMore}>重试</View>
      </View>
    )
  }
  if (loading) return <View className='resident-foot' id='list-foot'>正在加载…</View>
  if (next) return <View className='resident-foot'><View className='resident-foot-btn' id='list-more' ariaRole='button' onClick={onMore}>加载更多</View></View>
  return <View className='resident-foot' id='list-foot'>共 {count} 条，已经到底了</View>
}
