import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { PAGES, pageUrl } from '../../core/pages'
import { deadlineRunning } from '../../core/tickets/labels'
import { ticketNumber } from '../../core/tickets/number'
import { isOverdue } from '../../core/tickets/sla'
import type { TicketView } from '../../core/views'
import { SORT_LABELS, type Sort, type SortKey } from './ticket-list'
import { dateTime, deadlineText } from '../utils/format'
import { StateTag } from './ticket-card'
import './ticket-table.css'

const COLUMNS: SortKey[] = ['number', 'category', 'grid', 'state', 'createdAt', 'deadline']

interface Props {
  tickets: readonly TicketView[]
  nowMs: number
  sort: Sort
  onSort: (key: SortKey) => void
  /** Rows can be picked for a bulk action (ids of the picked ones). */
  selected?: ReadonlySet<string>
  onSelect?: (ids: string[], on: boolean) => void
  /** One more column after 时限, e.g. 督办 with its count and button. */
  extra?: { title: string; render: (t: TicketView) => ReactNode }
}

/** The office's list at a desk: one row per ticket, sortable columns, a tick box per row for bulk actions. */
export function TicketTable ({ tickets, nowMs, sort, onSort, selected, onSelect, extra }: Props) {
  const selectable = selected !== undefined && onSelect !== undefined
  const allOn = selectable && tickets.length > 0 && tickets.every((t) => selected.has(t.id))
  const nowIso = new Date(nowMs).toISOString()
  return (
    <View className={`ticket-table ${extra ? 'with-extra' : ''} ${selectable ? 'selectable' : ''}`} id='ticket-table' ariaRole='table' ariaLabel='案卷列表'>
      <View className='tt-row tt-head' ariaRole='row'>
        {selectable && (
          <View className='tt-cell tt-check-cell' ariaRole='columnheader'>
            <View className={`tt-check ${allOn ? 'on' : ''}`} ariaRole='checkbox' aria-checked={allOn ? 'true' : 'false'} ariaLabel='全选'
              onClick={() => onSelect(tickets.map((t) => t.id), !allOn)}>
              <Text className='tt-box'>{allOn ? '✓' : ''}</Text>
            </View>
          </View>
        )}
        {COLUMNS.map((key) => (
          <View key={key} className={`tt-cell tt-col-${key} tt-sortable ${sort.key === key ? 'on' : ''}`} data-sort={key} ariaRole='columnheader'
            aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} ariaLabel={`${SORT_LABELS[key]}，点按排序`}
            onClick={() => onSort(key)}>
            {SORT_LABELS[key]}<Text className='tt-arrow' aria-hidden='true'>{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</Text>
          </View>
        ))}
        {extra && <View className='tt-cell tt-col-extra' ariaRole='columnheader'>{extra.title}</View>}
      </View>
      {tickets.map((t) => {
        const on = selected?.has(t.id) ?? false
        const late = isOverdue(t, nowIso)
        return (
          <View key={t.id} className={`tt-row tt-item ${on ? 'picked' : ''}`} data-row={t.id} ariaRole='row'
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: t.id }) })}>
            {selectable && (
              <View className='tt-cell tt-check-cell' ariaRole='cell'>
                <View className={`tt-check ${on ? 'on' : ''}`} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} ariaLabel={`选择 ${ticketNumber(t)}`}
                  onClick={(e) => { e.stopPropagation(); onSelect([t.id], !on) }}>
                  <Text className='tt-box'>{on ? '✓' : ''}</Text>
                </View>
              </View>
            )}
            <View className='tt-cell tt-col-number' ariaRole='cell'>{ticketNumber(t)}</View>
            <View className='tt-cell tt-col-category' ariaRole='cell'>
              <Text className='tt-strong'>{t.categoryName}</Text>
              <Text className='tt-desc'>{t.description}</Text>
            </View>
            <View className='tt-cell tt-col-grid' ariaRole='cell'>{t.gridName ?? '未落入网格'}</View>
            <View className='tt-cell tt-col-state' ariaRole='cell'><StateTag state={t.state} /></View>
            <View className='tt-cell tt-col-createdAt' ariaRole='cell'>{dateTime(t.createdAt)}</View>
            <View className={`tt-cell tt-col-deadline ${late ? 'late' : ''}`} ariaRole='cell'>
              {deadlineRunning(t) ? deadlineText(t.deadline, nowMs) : '—'}
            </View>
            {extra && <View className='tt-cell tt-col-extra' ariaRole='cell' onClick={(e) => e.stopPropagation()}>{extra.render(t)}</View>}
          </View>
        )
      })}
    </View>
  )
}
