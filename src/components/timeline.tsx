import { View, Text } from '@tarojs/components'
import { ROLE_LABELS, type TicketEvent } from '../../core/types'
import { IN_PLACE_STEPS, STATE_LABELS, TRANSITIONS } from '../../core/tickets/workflow'
import { dateTime } from '../utils/format'

const LABELS: Record<string, string> = {
  submit: '上报',
  ...Object.fromEntries(TRANSITIONS.map((t) => [t.action, t.label])),
  ...Object.fromEntries(IN_PLACE_STEPS.map((s) => [s.action, s.label]))
}
const IN_PLACE = new Set<string>(IN_PLACE_STEPS.map((s) => s.action))

/**
 * The ticket's whole history, newest at the bottom, each step with who did it and why. A 督办 or 批准缓办 keeps the
 * state, so it shows none and is marked like the other in-place steps; its note is the office's reason.
 */
export function Timeline ({ events }: { events: TicketEvent[] }) {
  return (
    <View className='timeline' id='timeline'>
      {events.map((e, i) => (
        <View key={e.id} className={`tl-item ${i === events.length - 1 ? 'last' : ''} ${IN_PLACE.has(e.action) ? 'urge' : ''}`} data-action={e.action}>
          <View className='tl-dot' />
          <View className='tl-body'>
            <View className='row'>
              <Text className='tl-title'>{LABELS[e.action] ?? e.action}</Text>
              {!IN_PLACE.has(e.action) && <Text className='tag'>{STATE_LABELS[e.toState]}</Text>}
              <View className='spacer' />
              <Text className='tl-when'>{dateTime(e.at)}</Text>
            </View>
            <View className='tl-note'>{e.actorRole === 'system' ? '系统' : ROLE_LABELS[e.actorRole]}{e.note ? `：${e.note}` : ''}</View>
          </View>
        </View>
      ))}
    </View>
  )
}
