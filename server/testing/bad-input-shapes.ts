import type { Outcome } from './matrix'
import { b64, HUGE, V, type Case } from './bad-input'

/**
 * Bad-input cases by the shape of the input, shared by the actions that take it: paged lists, no input, an id, a
 * point. The per-action tables are in bad-input-cases.ts.
 */

// ---------------------------------------------------------------------------------------------- paged lists

/** Actions taking pageInput (inbox extends it). `storeCursor`: the cursor goes to the store; otherwise it is ignored. */
export const PAGED: Array<{ fn: Case['fn']; action: string; storeCursor: boolean }> = [
  { fn: 'users', action: 'messages', storeCursor: true },
  { fn: 'reports', action: 'mine', storeCursor: true },
  { fn: 'reports', action: 'followed', storeCursor: true },
  { fn: 'tickets', action: 'inbox', storeCursor: false },
  { fn: 'tickets', action: 'triage', storeCursor: true },
  { fn: 'tickets', action: 'overdue', storeCursor: true },
  { fn: 'tickets', action: 'verifyQueue', storeCursor: false },
  { fn: 'volunteer', action: 'events', storeCursor: true },
  { fn: 'volunteer', action: 'mySignups', storeCursor: true },
  { fn: 'volunteer', action: 'myEvents', storeCursor: true },
  { fn: 'surveys', action: 'adminList', storeCursor: true },
  { fn: 'surveys', action: 'list', storeCursor: true },
  { fn: 'admin', action: 'grids', storeCursor: true },
  { fn: 'admin', action: 'users', storeCursor: true }
]

export const pageCases = (p: (typeof PAGED)[number]): Case[] => {
  const c = (name: string, payload: Record<string, unknown>, expected: Outcome, extra: Partial<Case> = {}): Case =>
    ({ name: `${p.fn}.${p.action}: ${name}`, fn: p.fn, action: p.action, payload: () => payload, expected, ...extra })
  return [
    c('limit 0', { limit: 0 }, V),
    c('limit negative', { limit: -5 }, V),
    c('limit 101 (over the max)', { limit: 101 }, V),
    c('limit huge', { limit: 1e9 }, V),
    c('limit fractional', { limit: 2.5 }, V),
    c('limit as a string', { limit: '10' }, V),
    c('limit NaN', { limit: Number.NaN }, V),
    c('limit Infinity', { limit: Number.POSITIVE_INFINITY }, V),
    c('limit null', { limit: null }, V),
    c('cursor a number', { cursor: 12345 }, V),
    c('cursor of 10,000 chars', { cursor: HUGE }, V),
    c('cursor an object (query-operator junk)', { cursor: { $gt: '' } }, V),
    c('cursor an array', { cursor: ['a'] }, V),
    c('cursor a boolean', { cursor: true }, V),
    // Well-typed strings that are not cursors this server made.
    c('cursor garbage text', { cursor: 'not-a-cursor!!' }, p.storeCursor ? V : 'allowed'),
    c('cursor valid base64 of the wrong JSON', { cursor: b64('{"a":1}') }, p.storeCursor ? V : 'allowed'),
    c('unknown nested keys are stripped (answered, nothing changes)', { limit: 5, extra: { deep: [{ $where: '1' }, Number.NaN] } }, 'allowed')
  ]
}

// ---------------------------------------------------------------------------------------------- no input

export const EMPTY: Array<{ fn: Case['fn']; action: string }> = [
  { fn: 'users', action: 'me' },
  { fn: 'reports', action: 'categories' },
  { fn: 'reports', action: 'gridMap' },
  { fn: 'admin', action: 'managers' },
  { fn: 'volunteer', action: 'mine' },
  { fn: 'surveys', action: 'templates' },
  { fn: 'stats', action: 'reconcile' }
]

export const emptyCases = (e: (typeof EMPTY)[number]): Case[] => {
  const check = e.action === 'me' ? (d: unknown) => expect((d as { user: { id: string } }).user.id).toBe('u-citizen') : undefined
  const c = (name: string, payload: Record<string, unknown>): Case =>
    ({ name: `${e.fn}.${e.action} (no input): ${name} is ignored`, fn: e.fn, action: e.action, payload: () => payload, expected: 'allowed', check })
  return [
    c('a 10,000-char junk field', { junk: HUGE }),
    c('nested junk with NaN', { nested: { deep: [1, { n: Number.NaN, i: Number.POSITIVE_INFINITY }] } }),
    c('null and wrong-typed paging fields', { id: null, limit: -1, cursor: {} })
  ]
}

// ---------------------------------------------------------------------------------------------- ids

export const idCases = (fn: Case['fn'], action: string, key: string, unknownId: string, rest: () => Record<string, unknown> = () => ({})): Case[] => {
  const c = (name: string, value: unknown, expected: Outcome = V): Case =>
    ({ name: `${fn}.${action}: ${key} ${name}`, fn, action, payload: () => ({ ...rest(), [key]: value }), expected })
  return [
    { name: `${fn}.${action}: ${key} missing`, fn, action, payload: rest, expected: V },
    c('null', null),
    c('a number', 42),
    c('empty', ''),
    c('of 10,000 chars', HUGE),
    c('an array', ['x-1']),
    c('an object (query-operator junk)', { $ne: null }),
    c('unknown', unknownId, 'NOT_FOUND')
  ]
}

// ---------------------------------------------------------------------------------------------- points

export const pointCases = (fn: Case['fn'], action: string, wrap: (point: unknown) => Record<string, unknown>): Case[] => {
  const c = (name: string, point: unknown): Case => ({ name: `${fn}.${action}: ${name}`, fn, action, payload: () => wrap(point), expected: V })
  const lat = 28.18
  const lng = 112.98
  return [
    c('lng NaN', { lng: Number.NaN, lat }),
    c('lat NaN', { lng, lat: Number.NaN }),
    c('lng Infinity', { lng: Number.POSITIVE_INFINITY, lat }),
    c('lat -Infinity', { lng, lat: Number.NEGATIVE_INFINITY }),
    c('lng 200', { lng: 200, lat }),
    c('lat -91', { lng, lat: -91 }),
    c('lng just past -180', { lng: -180.000001, lat }),
    c('coordinates as strings', { lng: String(lng), lat: String(lat) }),
    c('lat missing', { lng }),
    c('lng null', { lng: null, lat }),
    c('a [lng, lat] array instead of an object', [lng, lat]),
    c('a nested point', { lng: { lng }, lat })
  ]
}

// ---------------------------------------------------------------------------------------------- tables of patches

type Patch = Record<string, unknown> | (() => Record<string, unknown>)
/** Cases from a valid base payload and patches of it (a patch may be a thunk: times are relative to the world's clock). */
export const table = (fn: Case['fn'], action: string, base: () => Record<string, unknown>, rows: Array<[string, Patch, Outcome?]>, as?: Case['as']): Case[] =>
  rows.map(([name, patch, expected]) => ({
    name: `${fn}.${action}: ${name}`, fn, action, as, expected: expected ?? V,
    payload: () => Object.fromEntries(Object.entries({ ...base(), ...(typeof patch === 'function' ? patch() : patch) }).filter(([, v]) => v !== undefined))
  }))
