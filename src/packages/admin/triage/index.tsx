import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { TicketView } from '../../../../core/views'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { useAction } from '../../../utils/use-action'

type Queue = 'triage' | 'overdue' | 'verifyQueue'
const QUEUES: Array<{ key: Queue; label: string; hint: string; empty: string }> = [
  { key: 'triage', label: '待分拣', hint: '位置不在网格内、网格无人负责或被退回的上报：请派遣、合并、转办或驳回', empty: '分拣台已清空' },
  { key: 'overdue', label: '已超期', hint: '超过处理时限仍未办结的案卷：请督办', empty: '没有超期案卷' },
  { key: 'verifyQueue', label: '待核查', hint: '网格员已处理、居民逾期未核查的案卷：请代为核查或结案', empty: '没有待核查案卷' }
]

/** 分拣台: the office's three queues; a tap opens the ticket, where the office acts on it. */
export default function Triage () {
  const [queue, setQueue] = useState<Queue>('triage')
  const { data, loading, error, reload } = useAction<TicketView[]>(async () => (await call('tickets', queue, { limit: 50 })).items, [queue])
  useDidShow(() => { if (data) void reload() })
  const current = QUEUES.find((q) => q.key === queue)!
  const now = Date.now()
  return (
    <View className='page triage'>
      <View className='tabs'>
        {QUEUES.map((q) => <View key={q.key} className={`tab ${queue === q.key ? 'on' : ''}`} data-queue={q.key} onClick={() => setQueue(q.key)}>{q.label}</View>)}
      </View>
      <View className='section-title'><Text className='muted'>{current.hint}</Text></View>
      <StatusView loading={loading} error={error} empty={data?.length === 0} emptyText={current.empty} onRetry={reload}>
        <View id='triage-list'>
          {data?.map((t) => <TicketCard key={t.id} ticket={t} nowMs={now} />)}
        </View>
      </StatusView>
    </View>
  )
}
