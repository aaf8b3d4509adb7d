import { missingInput, reopenRefusal } from '../../core/tickets/apply'
import { nearestGrid } from '../../core/tickets/dispatch-suggest'
import { carriedFollowers } from '../../core/tickets/followers'
import { mergeRefusal } from '../../core/tickets/merge'
import { defaultAssignee, dispatchTarget } from '../../core/tickets/route'
import { stepOf, urgeStep, type Step } from '../../core/tickets/step'
import { deferRefusal, deferStep } from '../../core/tickets/defer'
import { urgeRefusal } from '../../core/tickets/urge'
import { decide, decideInPlace, isHandler, type InPlaceAction } from '../../core/tickets/workflow'
import type { AuditEntry } from '../../core/audit'
import type { DeferInput, TicketActInput, UrgeInput } from '../../core/schemas'
import type { Ticket, User } from '../../core/types'
import type { TicketView } from '../../core/views'
import { changeWithEffects } from '../indicator-effects'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { pushMessages, ticketMessages } from '../notices'
import { checkPhotos } from '../photo-check'
import { readAll } from '../paging'
import type { TicketChange } from '../ports/store'
import { toTicketView } from './ticket-view'

const MAX_CARRIED_FOLLOWERS = 5_000

const conflict = (t: Pick<Ticket, 'state' | 'version'>, message?: string) => new AppError('CONFLICT', message, { state: t.state, version: t.version })

/**
 * One workflow step: core decides whether it may happen and what changes; the store applies the change with its
 * event, held photos, carried followers and messages in one unit, only if nobody else changed the ticket first.
 */
export async function actOnTicket (deps: Deps, me: User, ticket: Ticket, input: TicketActInput): Promise<TicketView> {
  if (input.expectedVersion !== undefined && input.expectedVersion !== ticket.version) throw conflict(ticket)
  const d = decide(input.transition, me, ticket)
  if (!d.ok) throw d.reason === 'CONFLICT' ? conflict(ticket) : new AppError(d.reason)
  const missing = missingInput(input.transition, input, ticket)
  if (missing) throw new AppError('VALIDATION', missing)
  const now = deps.clock.now()
  if (input.transition === 'reopen') {
    const refusal = reopenRefusal(me.roles, ticket.closedAt, now, deps.settings.reopenWindowDays)
    if (refusal) throw new AppError('CONFLICT', refusal)
  }
  const target = await resolveTarget(input, ticket, deps)
  const heldPhotos = await checkPhotos(deps, me, input.afterPhotos)
  const actor = { id: me.id, isManager: isHandler(me, ticket) }
  const step = stepOf(d.transition, ticket, { ...input, ...target.patch, actor }, me, deps.ids.next('te'), now)
  const after: Ticket = { ...ticket, ...step.patch, version: ticket.version + 1 }
  const change = await changeWithEffects(deps, ticket, {
    id: ticket.id,
    expectedVersion: ticket.version,
    patch: step.patch,
    event: step.event,
    photoReviews: heldPhotos,
    follows: target.original ? await followsForMerge(deps, ticket, target.original, now) : null,
    messages: await ticketMessages(deps, input.transition, after, { eventId: step.event.id, actorId: me.id, at: now, note: input.note })
  })
  return commit(deps, me, change)
}

/**
 * An office's in-place step (督办, 缓办, 改派, 屏蔽): the state stays, core decides who may and whether it fits now, the
 * step's patch, timeline entry, messages and (for moderation) audit entry go in as one unit of work, like a transition.
 */
export async function inPlace (
  deps: Deps, me: User, ticket: Ticket, expectedVersion: number | undefined, action: Exclude<InPlaceAction, 'markOverdue'>,
  refusalOf: (now: string) => string | null, stepAt: (eventId: string, now: string) => Step, note: string,
  auditOf?: (step: Step) => AuditEntry
): Promise<TicketView> {
  if (expectedVersion !== undefined && expectedVersion !== ticket.version) throw conflict(ticket)
  const d = decideInPlace(action, me, ticket)
  if (!d.ok && d.reason === 'FORBIDDEN') throw new AppError('FORBIDDEN')
  const now = deps.clock.now()
  const refusal = refusalOf(now)
  if (refusal || !d.ok) throw conflict(ticket, refusal ?? undefined)
  const step = stepAt(deps.ids.next('te'), now)
  const after: Ticket = { ...ticket, ...step.patch, version: ticket.version + 1 }
  return commit(deps, me, await changeWithEffects(deps, ticket, {
    id: ticket.id,
    expectedVersion: ticket.version,
    patch: step.patch,
    event: step.event,
    photoReviews: [],
    follows: null,
    messages: await ticketMessages(deps, action, after, { eventId: step.event.id, actorId: me.id, at: now, note }),
    ...(auditOf ? { audit: auditOf(step) } : {})
  }))
}

/** 督办: the office urges the handler of an overdue ticket; the ticket counts the urge and the handler is told. */
export function urgeTicket (deps: Deps, me: User, ticket: Ticket, input: UrgeInput): Promise<TicketView> {
  return inPlace(deps, me, ticket, input.expectedVersion, 'urge', (now) => urgeRefusal(ticket, now),
    (eventId, now) => urgeStep(ticket, me, eventId, now, input.note), input.note)
}

/** 缓办: the office moves the deadline once, with a reason; the handler and the reporter are told. */
export function deferTicket (deps: Deps, me: User, ticket: Ticket, input: DeferInput): Promise<TicketView> {
  return inPlace(deps, me, ticket, input.expectedVersion, 'defer', (now) => deferRefusal(ticket, input.until, now),
    (eventId, now) => deferStep(ticket, me, eventId, now, input.until, input.reason), input.reason)
}

/** The change as one unit at the store, then the push; CONFLICT with the current state when someone was first. */
async function commit (deps: Deps, me: User, change: TicketChange): Promise<TicketView> {
  const updated = await deps.store.changeTicket(change)
  if (!updated) {
    const current = await deps.store.getTicket(change.id)
    throw new AppError('CONFLICT', undefined, current ? { state: current.state, version: current.version } : undefined)
  }
  await pushMessages(deps, change.messages)
  return toTicketView(updated, me, deps)
}

interface Target {
  patch: { gridId?: string; assigneeId?: string; mergedInto?: string }
  original?: Ticket
}

/**
 * Dispatch: core picks and checks the grid and manager; a manager named without a grid gets the ticket in their grid
 * nearest its point. Merge: the original must exist, be another ticket, and still be open and not merged itself.
 */
async function resolveTarget (input: TicketActInput, ticket: Ticket, deps: Deps): Promise<Target> {
  if (input.transition === 'merge') {
    const original = input.mergedInto ? await deps.store.getTicket(input.mergedInto) : null
    if (!original || original.id === ticket.id) throw new AppError('NOT_FOUND', '要合并到的原案卷不存在')
    const refusal = mergeRefusal(ticket, original)
    if (refusal) throw conflict(ticket, refusal)
    return { patch: { mergedInto: original.id }, original }
  }
  if (input.transition !== 'dispatch') return { patch: {} }
  const dir = await deps.directory.get()
  // Only a grid in use takes new work: a retired one keeps its old tickets' names, nothing more.
  const namedGrid = input.gridId && dir.activeGridIds.has(input.gridId) ? dir.gridsById.get(input.gridId) ?? null : null
  if (input.gridId && !namedGrid) throw new AppError('NOT_FOUND', '网格不存在或已停用，请重新选择')
  const named = input.assigneeId ?? defaultAssignee(namedGrid)
  const assignee = named ? await deps.store.getUser(named) : null
  const grid = namedGrid ?? (assignee ? nearestGrid(ticket.location, assignee.gridIds.filter((id) => dir.activeGridIds.has(id)), dir.gridsById)?.grid ?? null : null)
  const target = dispatchTarget(grid, assignee, { assigneeId: input.assigneeId })
  if (!target.ok) throw new AppError(target.code, target.message)
  return { patch: { gridId: target.gridId, assigneeId: target.assigneeId } }
}

/** The duplicate's reporter and followers follow the original from now on, so they hear how it ends. */
async function followsForMerge (deps: Deps, duplicate: Ticket, original: Ticket, at: string): Promise<TicketChange['follows']> {
  const followers = await readAll((q) => deps.store.listFollowers(duplicate.id, q), MAX_CARRIED_FOLLOWERS, '关注者')
  return { ticketId: original.id, userIds: carriedFollowers(duplicate, followers, original), at }
}
