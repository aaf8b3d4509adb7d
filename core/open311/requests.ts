import { gcj02ToWgs84 } from '../geo/datum'
import { ringCentroid } from '../routing/geometry'
import { ticketNumber } from '../tickets/number'
import { CLOSE_REASON_LABELS, STATE_LABELS, stateKind } from '../tickets/workflow'
import type { Category, GcjPoint, Grid, Ticket } from '../types'
import type { Open311Request, Open311Status } from './types'

/**
 * A ticket as a service request: the public view of it and nothing more (DOMAIN.md "Anonymity and privacy": the
 * reporter's identity and phone are never shown publicly; public views show the grid, not the exact point). So
 * there is no reporter field, the address is the grid's, not what the reporter typed, and lat/long are the grid's
 * centre — the precision every public view of a ticket has — converted to WGS-84 as the spec wants.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000

/** An instant in ISO 8601 with the city's offset, e.g. 2026-11-20T10:00:00+08:00 (the spec wants an offset or Z). */
export function chinaIso (iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return `${d.toISOString().slice(0, 19)}+08:00`
}

/** Open while anyone still has work on it; fixed and closed are both `closed` (a reopen makes it open again). */
export function statusOf (t: Pick<Ticket, 'state'>): Open311Status {
  return stateKind(t.state) === 'open' ? 'open' : 'closed'
}

const STATE_NOTES: Record<Ticket['state'], string> = {
  triage: '文明办正在安排处理单位',
  dispatched: '已派遣至网格员，等待受理',
  accepted: '网格员已受理，正在处置',
  resolved: '已处置，等待上报人核查',
  rework: '核查未通过，正在重新处置',
  fixed: '问题已解决',
  closed: '案卷已关闭'
}

function chinaDate (iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** status_notes: the state in the words the app uses, why it closed, and whether it is late or deferred. */
export function statusNotes (t: Pick<Ticket, 'state' | 'closeReason' | 'overdue' | 'deferral'>): string {
  let text = `${STATE_LABELS[t.state]}：${STATE_NOTES[t.state]}`
  if (t.state === 'closed' && t.closeReason) {
    text = t.closeReason === 'duplicate'
      ? `${STATE_LABELS.closed}：重复上报，已并入另一案卷处理`
      : `${STATE_LABELS.closed}：${CLOSE_REASON_LABELS[t.closeReason]}`
  }
  if (statusOf(t) === 'open') {
    if (t.deferral) text += `（已批准缓办至${chinaDate(t.deferral.until)}）`
    else if (t.overdue) text += '（已超期）'
  }
  return text
}

/** The grid's centre in WGS-84, to 6 decimals: where a partner's map puts the grid's requests. */
export function gridPoint (grid: Pick<Grid, 'polygon'>): { lat: number; long: number } | null {
  const c: GcjPoint | null = ringCentroid(grid.polygon)
  if (!c) return null
  const [lng, lat] = gcj02ToWgs84(c.lng, c.lat)
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6
  return { lat: r6(lat), long: r6(lng) }
}

/** The grid's name with the community, street and district it belongs to: the whole address the public sees. */
export function gridAddress (grid: Pick<Grid, 'district' | 'street' | 'community' | 'name'>): string {
  const parts = [grid.district, grid.street, grid.community].filter((p) => p && !grid.name.includes(p))
  return `${parts.join('')}${parts.length ? ' ' : ''}${grid.name}`
}

export interface RequestContext {
  category: Pick<Category, 'code' | 'name' | 'timeLimitHours'> | undefined
  grid: Pick<Grid, 'code' | 'name' | 'district' | 'street' | 'community'> | undefined
  /** The grid's point (gridPoint), computed once per grid by the caller. */
  point: { lat: number; long: number } | null
  /** A photo of the report that passed review, as a URL, or null. */
  mediaUrl: string | null
}

/** One ticket as GET requests shows it. */
export function toOpen311Request (t: Ticket, ctx: RequestContext): Open311Request {
  const closed = statusOf(t) === 'closed'
  return {
    service_request_id: ticketNumber(t),
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(t),
    service_name: ctx.category?.name ?? '未知类别',
    service_code: ctx.category?.code ?? '',
    description: t.description.trim() || null,
    agency_responsible: t.department || null,
    service_notice: ctx.category ? `工作时限 ${ctx.category.timeLimitHours} 小时` : null,
    requested_datetime: chinaIso(t.createdAt),
    updated_datetime: chinaIso(closed && t.closedAt ? t.closedAt : t.updatedAt),
    expected_datetime: chinaIso(t.deadline),
    address: ctx.grid ? gridAddress(ctx.grid) : null,
    address_id: ctx.grid?.code ?? null,
    zipcode: null,
    lat: ctx.point?.lat ?? null,
    long: ctx.point?.long ?? null,
    media_url: ctx.mediaUrl
  }
}

/** What a partner is told when its report is filed: who handles it and by when. */
export function serviceNotice (t: Pick<Ticket, 'state' | 'deadline' | 'department'>, category: Pick<Category, 'timeLimitHours'>, gridName: string | null): string {
  const who = t.state === 'dispatched'
    ? `已派遣至${gridName ?? ''}网格员处置`
    : gridName ? '所在网格暂无网格员，已转文明办分拣' : '位置不在任何网格内，已转文明办分拣'
  const d = new Date(Date.parse(t.deadline) + CHINA_OFFSET_MS)
  const two = (n: number) => String(n).padStart(2, '0')
  const by = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
  return `${who}；责任单位：${t.department}，工作时限 ${category.timeLimitHours} 小时，应于 ${by} 前处理完毕。`
}
