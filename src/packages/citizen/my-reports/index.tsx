import { View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { usePaged } from '../../../utils/use-paged'

type Tab = 'mine' | 'followed'

/** 我的随手拍: what I reported and what I follow, newest first, paged as the list scrolls. */
export default function MyReports () {
  const [tab, setTab] = useState<Tab>('mine')
  const current = useRef<Tab>('mine')
  const list = usePaged((cursor) => call('reports', current.current, { cursor, limit: 20 }))
  const show = (t: Tab) => { current.current = t; setTab(t); void list.load(null) }

  useDidShow(() => { void list.load(null) })
  useReachBottom(() => { if (list.next && !list.loading) void list.load(list.next) })

  const now = Date.now()
  const { items } = list
  return (
    <View className='page'>
      <View className='tabs'>
        {(['mine', 'followed'] as const).map((k) => (
          <View key={k} className={`tab ${tab === k ? 'on' : ''}`} onClick={() => show(k)}>{k === 'mine' ? '我上报的' : '我关注的'}</View>
        ))}
      </View>
      <StatusView loading={list.loading && items.length === 0} error={items.length ? null : list.error} empty={items.length === 0} emptyText={tab === 'mine' ? '还没有上报过问题，去「随手拍」看看吧' : '还没有关注的上报'} onRetry={() => void list.load(null)}>
        {items.map((t) => <TicketCard key={t.id} ticket={t} nowMs={now} />)}
        {list.next && <View className='status'>{list.loading ? '正在加载…' : '上拉加载更多'}</View>}
      </StatusView>
    </View>
  )
}
