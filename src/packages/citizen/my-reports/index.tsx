import { View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { TicketView } from '../../../../core/views'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'

/** 我的随手拍: newest first, paged as the list scrolls. */
export default function MyReports () {
  const [items, setItems] = useState<TicketView[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)

  const [tab, setTab] = useState<'mine' | 'followed'>('mine')

  const load = async (cursor: string | null, which = tab) => {
    setLoading(true)
    setError(null)
    if (!cursor) setItems([])
    try {
      const page = await call('reports', which, { cursor, limit: 20 })
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items))
      setNext(page.next)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }
  useDidShow(() => { void load(null) })
  useReachBottom(() => { if (next && !loading) void load(next) })

  const now = Date.now()
  return (
    <View className='page'>
      <View className='tabs'>
        {(['mine', 'followed'] as const).map((k) => (
          <View key={k} className={`tab ${tab === k ? 'on' : ''}`} onClick={() => { setTab(k); void load(null, k) }}>{k === 'mine' ? '我上报的' : '我关注的'}</View>
        ))}
      </View>
      <StatusView loading={loading && items.length === 0} error={items.length ? null : error} empty={items.length === 0} emptyText={tab === 'mine' ? '还没有上报过问题，去「随手拍」看看吧' : '还没有关注的上报'} onRetry={() => void load(null)}>
        {items.map((t) => <TicketCard key={t.id} ticket={t} nowMs={now} />)}
        {next && <View className='status'>{loading ? '正在加载…' : '上拉加载更多'}</View>}
      </StatusView>
    </View>
  )
}
