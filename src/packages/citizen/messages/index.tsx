import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { Message } from '../../../../core/types'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { dateTime } from '../../../utils/format'
import './index.css'

/** 消息: every change that matters to me, newest first; opening the list marks them read. */
export default function Messages () {
  const [items, setItems] = useState<Message[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const load = async (cursor: string | null) => {
    setLoading(true)
    setError(null)
    try {
      const page = await call('users', 'messages', { cursor, limit: 20 })
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items))
      setNext(page.next)
      if (!cursor && page.unread > 0) void call('users', 'readMessages', {}).catch(() => undefined)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }
  useDidShow(() => { void load(null) })
  useReachBottom(() => { if (next && !loading) void load(next) })

  return (
    <View className='page messages'>
      <StatusView loading={loading && items.length === 0} error={items.length ? null : error} empty={items.length === 0} emptyText='暂无消息' onRetry={() => void load(null)}>
        <View className='cells' id='message-list'>
          {items.map((m) => (
            <View key={m.id} className={`cell message ${m.read ? '' : 'unread'}`} onClick={() => m.ticketId && Taro.navigateTo({ url: `/packages/ticket/detail/index?id=${m.ticketId}` })}>
              <View className='cell-body'>
                <View className='row'>
                  {!m.read && <View className='dot' />}
                  <Text className='cell-title'>{m.title}</Text>
                  <View className='spacer' />
                  <Text className='muted'>{dateTime(m.at)}</Text>
                </View>
                <View className='cell-desc'>{m.body}</View>
              </View>
              {m.ticketId && <Text className='cell-arrow'>›</Text>}
            </View>
          ))}
        </View>
        {next && <View className='status'>{loading ? '正在加载…' : '上拉加载更多'}</View>}
      </StatusView>
    </View>
  )
}
