import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { useAction } from '../../../utils/use-action'

/** 分拣台: tickets no grid manager could take; nothing unroutable is dropped. */
export default function Triage () {
  const { data, loading, error, reload } = useAction(() => call('tickets', 'triage', { limit: 50 }))
  useDidShow(() => { if (data) void reload() })
  const now = Date.now()
  return (
    <View className='page triage'>
      <View className='section-title'>待分拣 <Text className='muted'>（位置不在网格内，或网格暂无网格员）</Text></View>
      <StatusView loading={loading} error={error} empty={data?.items.length === 0} emptyText='分拣台已清空' onRetry={reload}>
        <View id='triage-list'>
          {data?.items.map((t) => <TicketCard key={t.id} ticket={t} nowMs={now} />)}
        </View>
      </StatusView>
    </View>
  )
}
