import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { dateTime } from '../../../utils/format'
import { usePaged } from '../../../utils/use-paged'
import './index.css'

/** 消息: every change that matters to me, newest first; opening the list marks them read. */
export default function Messages () {
  const list = usePaged((cursor) => call('users', 'messages', { cursor, limit: 20 }))
  const reload = async () => {
    const first = await list.load(null)
    if (first && first.unread > 0) void call('users', 'readMessages', {}).catch(() => undefined)
  }
  useDidShow(() => { void reload() })
  useReachBottom(() => { if (list.next && !list.loading) void list.load(list.next) })

  const { items } = list
  return (
    <View className='page messages'>
      <StatusView loading={list.loading && items.length === 0} error={items.length ? null : list.error} empty={items.length === 0} emptyText='暂无消息' onRetry={() => void reload()}>
        <View className='cells' id='message-list'>
          {items.map((m) => (
            <View key={m.id} className={`cell message ${m.read ? '' : 'unread'}`} onClick={() => m.ticketId && Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: m.ticketId }) })}>
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
        {list.next && <View className='status'>{list.loading ? '正在加载…' : '上拉加载更多'}</View>}
      </StatusView>
    </View>
  )
}
