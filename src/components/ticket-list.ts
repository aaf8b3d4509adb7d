import { ticketNumber } from '../../core/tickets/number'
import { STATE_LABELS } from '../../core/tickets/workflow'
import type { TicketView } from '../../core/views'

/** The 分拣台 list as the office narrows and orders it: search, filters and the table's sortable columns. */

export type SortKey = 'number' | 'category' | 'grid' | 'state' | 'createdAt' | 'deadline'
export interface Sort { key: SortKey; dir: 'asc' | 'desc' }

export const SORT_LABELS: Record<SortKey, string> = {
  number: '编号', category: '类别', grid: '网格', state: '状态', createdAt: '上报时间', deadline: '时限'
}

export const NO_GRID = '未落入网格'

/** The street (街道) of a ticket's grid, for the area filter: grid names read 街道·社区·网格. */
export function streetOf (t: Pick<TicketView, 'gridName'>): string {
  return t.gridName ? t.gridName.split('·')[0] : NO_GRID
}

export interface Filters {
  text: string
  category: string | null
  street: string | null
}

export const NO_FILTERS: Filters = { text: '', category: null, street: null }

/** Does the ticket match what was typed: its number (with or without the dash), words of its description, address, grid or category? */
export function matchesText (t: TicketView, text: string): boolean {
  const q = text.trim().toLowerCase()
  if (!q) return true
  const number = ticketNumber(t).toLowerCase()
  const hay = [number, number.replace('-', ''), t.description, t.address, t.gridName ?? NO_GRID, t.categoryName, STATE_LABELS[t.state]].join('\n').toLowerCase()
  return q.split(/\s+/).every((word) => hay.includes(word.replace(/-/g, '')) || hay.includes(word))
}

export function filterTickets (tickets: readonly TicketView[], f: Filters): TicketView[] {
  return tickets.filter((t) => (f.category === null || t.categoryName === f.category) && (f.street === null || streetOf(t) === f.street) && matchesText(t, f.text))
}

const STATE_ORDER = Object.keys(STATE_LABELS)

const sortValue: Record<SortKey, (t: TicketView) => string | number> = {
  number: (t) => ticketNumber(t),
  category: (t) => t.categoryName,
  grid: (t) => t.gridName ?? '',
  state: (t) => STATE_ORDER.indexOf(t.state),
  createdAt: (t) => t.createdAt,
  deadline: (t) => t.deadline
}

/** Ordered by the column, ties by filing time then id, so the order never jumps between reloads. */
export function sortTickets (tickets: readonly TicketView[], s: Sort): TicketView[] {
  const sign = s.dir === 'asc' ? 1 : -1
  const cmp = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN'))
  return [...tickets].sort((a, b) => sign * cmp(sortValue[s.key](a), sortValue[s.key](b)) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/** A click on a column: the same column flips its direction; another starts ascending (times: newest first). */
export function nextSort (current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { key, dir: key === 'createdAt' ? 'desc' : 'asc' }
}

/** The distinct values of a column present in the list, for a filter's choices. */
export function choices (tickets: readonly TicketView[], of: (t: TicketView) => string): string[] {
  return [...new Set(tickets.map(of))].sort((a, b) => a.localeCompare(b, 'zh-CN'))
}
