import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { STATE_LABELS } from '../../../../core/tickets/workflow'
import type { TicketView } from '../../../../core/views'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { useAction } from '../../../utils/use-action'
import './index.css'

type Filter = 'all' | 'dispatched' | 'accepted' | 'rework' | 'resolved'
const FILTERS: Filter[] = ['all', 'dispatched', 'accepted', 'rework', 'resolved']

/** 网格待办: tickets of my grids only, overdue first, then by deadline. */
export default function Inbox () {
  const [filter, setFilter] = useState<Filter>('all')
  const { data, loading, error, reload } = useAction(
    () => call('tickets', 'inbox', filter === 'all' ? {} : { states: [filter] }), [filter])
  useDidShow(() => { if (data) void reload() })

  const accept = async (t: TicketView) => {
    try {
      await call('tickets', 'act', { id: t.id, transition: 'accept', expectedVersion: t.version })
      Taro.showToast({ title: '已受理', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: (e as Error).message, icon: 'none' })
    }
    await reload()
  }

  const now = Date.now()
  return (
    <PageShell className='inbox'>
      <View className='tabs'>
        {FILTERS.map((f) => (
          <View key={f} className={`tab ${filter === f ? 'on' : ''}`} onClick={() => setFilter(f)}>
            {f === 'all' ? '全部' : STATE_LABELS[f]}
            {data && f !== 'all' && data.counts[f] > 0 && <Text className='badge'>{data.counts[f]}</Text>}
          </View>
        ))}
      </View>
      {data && data.counts.overdue > 0 && <View className='overdue-bar'>有 {data.counts.overdue} 件已超期，请优先处理</View>}
      <StatusView loading={loading && !data} error={error} empty={data?.items.length === 0} emptyText='没有待办案卷' onRetry={reload}>
        <View id='inbox-list'>
          {data?.items.map((t) => (
            <TicketCard key={t.id} ticket={t} nowMs={now}>
              {t.actions.includes('accept') && (
                <View className='ticket-actions'><View className='btn-small' onClick={(e) => { e.stopPropagation(); void accept(t) }}>受理</View></View>
              )}
            </TicketCard>
          ))}
        </View>
      </StatusView>
    </PageShell>
  )
}
