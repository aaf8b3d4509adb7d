import { View, Text } from '@tarojs/components'
import { ROLE_LABELS, type TicketEvent } from '../../core/types'
import { STATE_LABELS, TRANSITIONS } from '../../core/tickets/workflow'
import { dateTime } from '../utils/format'

const LABELS: Record<string, string> = {
  submit: '上报', markOverdue: '超期督办',
  ...Object.fromEntries(TRANSITIONS.map((t) => [t.action, t.label]))
}

/** The ticket's whole history, newest at the bottom, each step with who did it and why. */
export function Timeline ({ events }: { events: TicketEvent[] }) {
  return (
    <View className='timeline' id='timeline'>
      {events.map((e, i) => (
        <View key={e.id} className={`tl-item ${i === events.length - 1 ? 'last' : ''}`} data-action={e.action}>
          <View className='tl-dot' />
          <View className='tl-body'>
            <View className='row'>
              <Text className='tl-title'>{LABELS[e.action] ?? e.action}</Text>
              <Text className='tag'>{STATE_LABELS[e.toState]}</Text>
              <View className='spacer' />
              <Text className='muted'>{dateTime(e.at)}</Text>
            </View>
            <View className='muted tl-note'>{e.actorRole === 'system' ? '系统' : ROLE_LABELS[e.actorRole]}{e.note ? `：${e.note}` : ''}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
