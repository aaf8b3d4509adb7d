import { parseTicketNumber, type ParsedNumber } from '../tickets/number'
import type { Open311Error, Open311Status } from './types'

/**
 * GET requests' arguments (GeoReport v2): service_request_id (comma list; overrides every other argument),
 * service_code and status (comma lists), start_date and end_date (W3C date-times with an offset) over
 * requested_datetime. The spec's window: the most recent 90 days when no date is given, never more than 90 days;
 * its volume: at most 1,000 requests. Where more would match, this server answers 400 asking to narrow the query
 * instead of the first 1,000 (a partial answer read as the whole is worse than none: README "one unit of work").
 */

export const WINDOW_DAYS = 90
export const MAX_RESULTS = 1000
/** Most ids one GET requests may list (each is looked up on its own filing day). */
export const MAX_IDS = 50

const DAY_MS = 86_400_000

/** Query and form arguments in arrival order, as URLSearchParams gives them. */
export type Params = ReadonlyArray<readonly [string, string]>

/** The spec's optional arguments: a parameter sent empty is the same as one not sent. Last one wins. */
export function param (params: Params, name: string): string | undefined {
  let found: string | undefined
  for (const [k, v] of params) if (k === name && v.trim() !== '') found = v.trim()
  return found
}

/** A comma list argument, possibly declared several times: every non-empty item, once. */
export function listParam (params: Params, name: string): string[] | undefined {
  const items = params.filter(([k]) => k === name).flatMap(([, v]) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '')
  return items.length ? [...new Set(items)] : undefined
}

const W3C_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/

/** A W3C date-time with its offset (2026-11-01T00:00:00+08:00 or …Z) as a UTC ISO instant; null otherwise. */
export function parseW3cDateTime (text: string): string | null {
  const m = W3C_RE.exec(text)
  if (!m) return null
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)))
  const check = new Date(ms)
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) ||
      Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null
  let offsetMin = 0
  if (zone !== 'Z') {
    const [oh, om] = zone.slice(1).split(':').map(Number)
    if (oh > 14 || om > 59) return null
    offsetMin = (zone[0] === '+' ? 1 : -1) * (oh * 60 + om)
  }
  return new Date(ms - offsetMin * 60_000).toISOString()
}

export type RequestQuery =
  | { kind: 'ids'; numbers: ParsedNumber[] }
  | {
    kind: 'window'
    /** requested_datetime ≥ fromIso and < toIso. */
    fromIso: string
    toIso: string
    /** null: every service. */
    serviceCodes: string[] | null
    /** null: both. */
    statuses: Open311Status[] | null
  }

export type QueryResult = { ok: true; query: RequestQuery } | { ok: false; error: Open311Error }

const bad = (description: string): QueryResult => ({ ok: false, error: { code: 400, description } })
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)
const DATE_HINT = '应为带时区的 ISO 8601 时间，例如 2026-11-01T00:00:00+08:00 或 2026-10-31T16:00:00Z'

/** GET requests' arguments read against the known service codes and the clock. */
export function parseRequestQuery (params: Params, nowIso: string, knownCodes: ReadonlySet<string>): QueryResult {
  const ids = listParam(params, 'service_request_id')
  if (ids) {
    if (ids.length > MAX_IDS) return bad(`service_request_id 一次最多 ${MAX_IDS} 个，收到 ${ids.length} 个：请分批查询`)
    const numbers: ParsedNumber[] = []
    for (const id of ids) {
      const parsed = parseTicketNumber(id)
      if (!parsed) return bad(`service_request_id「${clip(id)}」不是有效的案卷编号，编号形如 261201-7K3Q`)
      if (!numbers.some((n) => n.number === parsed.number)) numbers.push(parsed)
    }
    return { ok: true, query: { kind: 'ids', numbers } }
  }

  const codes = listParam(params, 'service_code') ?? null
  const unknown = codes?.find((c) => !knownCodes.has(c))
  if (unknown !== undefined) return bad(`没有这个 service_code「${clip(unknown)}」：可用的编号见 GET services.json`)

  const statusList = listParam(params, 'status')
  let statuses: Open311Status[] | null = null
  if (statusList) {
    const wrong = statusList.find((s) => s !== 'open' && s !== 'closed')
    if (wrong !== undefined) return bad(`status「${clip(wrong)}」无效：只能是 open 或 closed（可用逗号同时写两个）`)
    statuses = statusList as Open311Status[]
  }

  const startText = param(params, 'start_date')
  const endText = param(params, 'end_date')
  const start = startText === undefined ? undefined : parseW3cDateTime(startText)
  if (start === null) return bad(`start_date「${clip(startText ?? '')}」格式不对：${DATE_HINT}`)
  const end = endText === undefined ? undefined : parseW3cDateTime(endText)
  if (end === null) return bad(`end_date「${clip(endText ?? '')}」格式不对：${DATE_HINT}`)

  const now = Date.parse(nowIso)
  const endMs = end !== undefined ? Date.parse(end) : now
  const startMs = start !== undefined ? Date.parse(start) : endMs - WINDOW_DAYS * DAY_MS
  if (startMs > endMs) return bad(start !== undefined && end === undefined ? 'start_date 不能晚于现在' : 'start_date 不能晚于 end_date')
  if (endMs - startMs > WINDOW_DAYS * DAY_MS) {
    return bad(`查询时段不能超过 ${WINDOW_DAYS} 天（GeoReport v2 的规定）：请缩短 start_date 到 ${end !== undefined ? 'end_date' : '现在'} 之间的时段`)
  }
  // end_date is the latest instant to include: the range below is half-open, so one millisecond past it.
  return { ok: true, query: { kind: 'window', fromIso: new Date(startMs).toISOString(), toIso: new Date(endMs + 1).toISOString(), serviceCodes: codes, statuses } }
}

/** The 400 for a query that matches more than MAX_RESULTS requests. */
export function tooManyResults (): Open311Error {
  return { code: 400, description: `符合条件的服务请求超过 ${MAX_RESULTS} 条：为避免给出不完整的结果，请缩短 start_date 与 end_date 之间的时段，或按 service_code、status 筛选后再查` }
}
