import type { z } from 'zod'
import { FUNCTION_NAMES, type FunctionName } from '../../core/api'
import type { ErrorCode, Result } from '../../core/errors'
import { ringCentroid } from '../../core/routing'
import type { GcjPoint, Grid, Role, Ticket, TicketState } from '../../core/types'
import type { Identity } from '../deps'
import { adminActions } from '../handlers/admin'
import { authActions } from '../handlers/auth'
import { reportsActions } from '../handlers/reports'
import { statsActions } from '../handlers/stats'
import { surveysActions } from '../handlers/surveys'
import { ticketsActions } from '../handlers/tickets'
import { timerActions } from '../handlers/timer'
import { usersActions } from '../handlers/users'
import { volunteerActions } from '../handlers/volunteer'
import { readAll } from '../paging'
import type { Access, ActionDef } from '../router'
import { ok, type TestApp } from './app'

/** What a cell expects: the call goes through, or it is refused with this code. */
export type Outcome = 'allowed' | ErrorCode

export function outcomeOf (r: Result<unknown>): Outcome {
  return r.ok ? 'allowed' : r.error.code
}

/** What authorization made of a call: refused (UNAUTHENTICATED / FORBIDDEN) or let through, whatever came after. */
export type AuthOutcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN'

export function authorizationOf (outcome: Outcome): AuthOutcome {
  return outcome === 'UNAUTHENTICATED' || outcome === 'FORBIDDEN' ? outcome : 'allowed'
}

/** The action tables the routers are built from (router-registry.ts), keyed by function: the matrix enumerates these. */
export const ACTION_TABLES: Record<FunctionName, Record<string, ActionDef<z.ZodType, unknown>>> = {
  users: usersActions,
  reports: reportsActions,
  tickets: ticketsActions,
  volunteer: volunteerActions,
  surveys: surveysActions,
  stats: statsActions,
  admin: adminActions,
  auth: authActions,
  timer: timerActions
}

/** Every `fn.action` the routers serve, in FUNCTION_NAMES order. */
export const allActions = (): Array<{ fn: FunctionName; action: string; key: string; def: ActionDef<z.ZodType, unknown> }> =>
  FUNCTION_NAMES.flatMap((fn) => Object.entries(ACTION_TABLES[fn]).map(([action, def]) => ({ fn, action, key: `${fn}.${action}`, def })))

/** A caller as the router sees it: nobody, the scheduler, or a signed-in user with these roles. */
export type Who = { kind: 'anonymous' } | { kind: 'system' } | { kind: 'user'; roles: readonly Role[] }

/**
 * What an `access` declaration alone lets through, as router.ts `authorize` reads it: 'system' refuses everyone but
 * the scheduler with FORBIDDEN (nobody included); 'public' lets everyone through, the scheduler too; any other access
 * refuses nobody and the scheduler with UNAUTHENTICATED (neither is a signed-in user); `{ roles }` refuses a
 * signed-in user holding none of them with FORBIDDEN. Handlers may refuse more (a ticket not yours), never less.
 */
export function accessOutcome (access: Access, who: Who): AuthOutcome {
  if (access === 'system') return who.kind === 'system' ? 'allowed' : 'FORBIDDEN'
  if (access === 'public') return 'allowed'
  if (who.kind !== 'user') return 'UNAUTHENTICATED'
  if (access === 'signedIn') return 'allowed'
  return access.roles.some((r) => who.roles.includes(r)) ? 'allowed' : 'FORBIDDEN'
}

/** Each caller of the cast as the router sees it, roles read from the seeded store. */
export async function whoIs (app: TestApp, cast: Cast): Promise<Record<CallerKey, Who>> {
  const out = {} as Record<CallerKey, Who>
  for (const c of CALLERS) {
    const id = cast.userId[c]
    if (id === null) {
      out[c] = { kind: cast.identity[c].kind as 'anonymous' | 'system' }
      continue
    }
    const u = await app.store.getUser(id)
    if (!u) throw new Error(`no user ${id}`)
    out[c] = { kind: 'user', roles: u.roles }
  }
  return out
}

/** Call any action with any payload as any identity, untyped (tables mix functions and actions). */
export function callAs (app: TestApp, identity: Identity, fn: FunctionName, action: string, payload: Record<string, unknown> = {}): Promise<Result<unknown>> {
  return app.routers[fn]({ action, ...payload }, identity)
}

/**
 * The callers of an authorization matrix, relative to one ticket filed by 张阿姨 (u-citizen) inside 赵网格's
 * grid: its reporter, another plain citizen, a volunteer, an organizer, the grid manager it is assigned to,
 * a grid manager of other grids, an admin, nobody (anonymous), and the scheduler (system).
 */
export const CALLERS = ['anonymous', 'reporter', 'otherCitizen', 'volunteer', 'organizer', 'assignedGm', 'otherGm', 'admin', 'system'] as const
export type CallerKey = (typeof CALLERS)[number]

export interface Cast {
  identity: Record<CallerKey, Identity>
  userId: Record<CallerKey, string | null>
  /** 赵网格's grid, where the reporter's tickets land. */
  grid: Grid
  /** A point inside it. */
  spot: GcjPoint
}

const user = (openid: string): Identity => ({ kind: 'user', openid })

/** Resolve the demo accounts (and a second grid manager and a second citizen) of the seeded demo city. */
export async function demoCast (app: TestApp): Promise<Cast> {
  const grids = await readAll((q) => app.store.listGrids(q))
  const grid = grids.find((g) => g.managerIds[0] === 'u-grid')
  if (!grid) throw new Error('no grid managed by u-grid in the seed')
  const spot = ringCentroid(grid.polygon)
  if (!spot) throw new Error('grid has no centroid')
  const managers = await readAll((q) => app.store.listUsers({ ...q, role: 'grid_manager' }))
  const otherGm = managers.find((m) => m.id !== 'u-grid' && !m.gridIds.includes(grid.id) && m.roles.length === 2)
  if (!otherGm) throw new Error('no second grid manager in the seed')
  const otherCitizen = await app.store.getUserByOpenid('seed-citizen-2')
  if (!otherCitizen || otherCitizen.roles.join() !== 'citizen') throw new Error('seed-citizen-2 is not a plain citizen')
  const openids: Record<Exclude<CallerKey, 'anonymous' | 'system'>, string> = {
    reporter: 'dev-citizen',
    otherCitizen: otherCitizen.openid,
    volunteer: 'dev-volunteer',
    organizer: 'dev-organizer',
    assignedGm: 'dev-grid',
    otherGm: otherGm.openid,
    admin: 'dev-admin'
  }
  const identity = { anonymous: { kind: 'anonymous' }, system: { kind: 'system' } } as Record<CallerKey, Identity>
  const userId = { anonymous: null, system: null } as Record<CallerKey, string | null>
  for (const [key, openid] of Object.entries(openids) as Array<[CallerKey, string]>) {
    identity[key] = user(openid)
    const u = await app.store.getUserByOpenid(openid)
    if (!u) throw new Error(`demo account ${openid} missing`)
    userId[key] = u.id
  }
  return { identity, userId, grid, spot }
}

/** Expectation row: only these signed-in callers allowed (nobody and the scheduler are not signed in). */
export const expectOnly = (allowed: readonly CallerKey[]): Record<CallerKey, Outcome> =>
  Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' || c === 'system' ? 'UNAUTHENTICATED' : allowed.includes(c) ? 'allowed' : 'FORBIDDEN'])) as Record<CallerKey, Outcome>

/**
 * Files tickets as the reporter and walks them through the workflow with the real actions, so a cell starts
 * from a ticket in exactly the state its transition needs. The clock moves one hour before each report so the
 * per-user report limits (10 an hour, 30 a day) never get in the way.
 */
export function ticketFactory (app: TestApp, cast: Cast, tag: string) {
  let n = 0
  const as = (key: CallerKey) => (action: string, payload: Record<string, unknown>) => callAs(app, cast.identity[key], 'tickets', action, payload)
  return async (state: Exclude<TicketState, 'closed'>, opts: { anonymous?: boolean } = {}): Promise<Ticket> => {
    app.clock.advanceHours(1)
    const filed = ok(await callAs(app, cast.identity.reporter, 'reports', 'submit', {
      clientRequestId: `req-${tag}-${String(++n).padStart(5, '0')}`,
      categoryId: 'cat-E02-01',
      description: '墙上有小广告',
      location: cast.spot,
      anonymous: opts.anonymous ?? false
    })) as { ticket: { id: string; state: string } }
    const id = filed.ticket.id
    if (filed.ticket.state !== 'dispatched') throw new Error(`expected a dispatched ticket, got ${filed.ticket.state}`)
    const gm = as('assignedGm')
    const reporter = as('reporter')
    if (state === 'triage') ok(await gm('act', { id, transition: 'handBack', note: '不属于本网格' }))
    if (['accepted', 'resolved', 'rework', 'fixed'].includes(state)) ok(await gm('act', { id, transition: 'accept' }))
    if (['resolved', 'rework', 'fixed'].includes(state)) ok(await gm('act', { id, transition: 'resolve', note: '已清理', afterPhotos: ['f-after-1'] }))
    if (state === 'rework') ok(await reporter('act', { id, transition: 'rejectFix', note: '还有一半没撕掉' }))
    if (state === 'fixed') ok(await reporter('act', { id, transition: 'confirmFixed', rating: 'satisfied' }))
    const ticket = await app.store.getTicket(id)
    if (!ticket || ticket.state !== state) throw new Error(`could not bring ticket to ${state}`)
    return ticket
  }
}
