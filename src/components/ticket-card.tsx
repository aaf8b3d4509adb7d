import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../core/pages'
import { deadlineRunning } from '../../core/tickets/labels'
import { ticketNumber } from '../../core/tickets/number'
import { isOverdue } from '../../core/tickets/sla'
import { STATE_KIND, STATE_LABELS } from '../../core/tickets/workflow'
import type { TicketView } from '../../core/views'
import { dateTime, deadlineText } from '../utils/format'
import './ticket-card.css'

const KIND_COLOR = { open: 'orange', fixed: 'green', closed: '' } as const

export function StateTag ({ state }: { state: TicketView['state'] }) {
  return <Text className={`tag ${KIND_COLOR[STATE_KIND[state]]}`}>{STATE_LABELS[state]}</Text>
}

interface Props {
  ticket: TicketView
  nowMs: number
  children?: React.ReactNode
}

export function TicketCard ({ ticket, nowMs, children }: Props) {
  return (
    <View className='ticket-card' data-ticket={ticket.id} onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: ticket.id }) })}>
      <View className='row'>
        <Text className='ticket-cat'>{ticket.categoryName}</Text>
        <View className='spacer' />
        <StateTag state={ticket.state} />
      </View>
      <View className='ticket-desc'>{ticket.description}</View>
      <View className='row ticket-meta'>
        <Text className='ticket-where'>{ticket.gridName ?? '未落入网格'} · {dateTime(ticket.createdAt)}</Text>
        <View className='spacer' />
        {deadlineRunning(ticket) && <Text className={`tag ${isOverdue(ticket, new Date(nowMs).toISOString()) ? 'red' : 'blue'}`}>{deadlineText(ticket.deadline, nowMs)}</Text>}
      </View>
      <View className='row ticket-no'>
        <Text>编号 {ticketNumber(ticket)}</Text>
        {(ticket.urgeCount ?? 0) > 0 && <Text className='ticket-urged'>已督办 {ticket.urgeCount} 次</Text>}
      </View>
      {children}
    </View>
  )
}
