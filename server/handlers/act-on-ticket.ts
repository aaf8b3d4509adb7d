import { missingInput, transitionPatch, withinReopenWindow } from '../../core/tickets/apply'
import { decide, isHandler } from '../../core/tickets/workflow'
import type { TicketActInput } from '../../core/schemas'
import type { Ticket, User } from '../../core/types'
import type { TicketView } from '../../core/views'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { notifyTicketChange } from '../notices'
import { checkPhotos } from '../photo-check'
import { readAll } from '../paging'
import { toTicketView } from './ticket-view'

/** One workflow step: core decides whether it may happen and what changes; the store applies it only if nobody else did first. */
export async function actOnTicket (deps: Deps, me: User, ticket: Ticket, input: TicketActInput): Promise<TicketView> {
  if (input.expectedVersion !== undefined && input.expectedVersion !== ticket.version) {
    throw new AppError('CONFLICT', undefined, { state: ticket.state, version: ticket.version })
  }
  const d = decide(input.transition, me, ticket)
  if (!d.ok) throw new AppError(d.reason, undefined, d.reason === 'CONFLICT' ? { state: ticket.state, version: ticket.version } : undefined)
  const missing = missingInput(input.transition, input, ticket)
  if (missing) throw new AppError('VALIDATION', missing)
  const now = deps.clock.now()
  if (input.transition === 'reopen' && !me.roles.includes('admin') && !withinReopenWindow(ticket.closedAt, now, deps.settings.reopenWindowDays)) {
    throw new AppError('CONFLICT', `已超过 ${deps.settings.reopenWindowDays} 天的重新打开期限，请重新上报`)
  }
  const heldPhotos = await checkPhotos(deps, me, input.afterPhotos)
  const target = await resolveTarget(input, ticket, deps)
  const actor = { id: me.id, isManager: isHandler(me, ticket) }
  const patch = transitionPatch(d.transition, ticket, { ...input, ...target, actor }, now)
  const updated = await deps.store.updateTicket(ticket.id, ticket.version, patch, {
    id: deps.ids.next('te'), ticketId: ticket.id, action: input.transition, fromState: ticket.state, toState: d.transition.to,
    actorId: me.id, actorRole: roleFor(d.transition.by, me), note: input.note || d.transition.label, at: now
  })
  if (!updated) {
    const current = await deps.store.getTicket(ticket.id)
    throw new AppError('CONFLICT', undefined, current ? { state: current.state, version: current.version } : undefined)
  }
  if (heldPhotos.length) await deps.store.putPhotoReviews(heldPhotos)
  if (input.transition === 'merge' && target.mergedInto) await carryFollowers(deps, updated, target.mergedInto, now)
  await notifyTicketChange(deps, input.transition, updated, me.id, input.note)
  return toTicketView(updated, me, deps)
}

/** Dispatch needs a grid and/or a manager that fit together; merge needs an existing other ticket. */
async function resolveTarget (input: TicketActInput, ticket: Ticket, deps: Deps): Promise<{ gridId?: string; assigneeId?: string; mergedInto?: string }> {
  if (input.transition === 'merge') {
    const original = input.mergedInto ? await deps.store.getTicket(input.mergedInto) : null
    if (!original || original.id === ticket.id) throw new AppError('NOT_FOUND', '要合并到的原案卷不存在')
    return { mergedInto: original.id }
  }
  if (input.transition !== 'dispatch') return {}
  const dir = await deps.directory.get()
  const grid = input.gridId ? dir.gridsById.get(input.gridId) : undefined
  if (input.gridId && !grid) throw new AppError('NOT_FOUND', '网格不存在')
  const assigneeId = input.assigneeId ?? grid?.managerIds[0]
  if (!assigneeId) throw new AppError('VALIDATION', '该网格暂无网格员，请指定处理人')
  const assignee = await deps.store.getUser(assigneeId)
  if (!assignee || !assignee.roles.includes('grid_manager')) throw new AppError('VALIDATION', '处理人必须是网格员')
  return { gridId: grid?.id ?? assignee.gridIds[0], assigneeId }
}

/** The duplicate's reporter and followers follow the original from now on, so they hear how it ends. */
async function carryFollowers (deps: Deps, duplicate: Ticket, originalId: string, now: string): Promise<void> {
  const followers = await readAll((q) => deps.store.listFollowers(duplicate.id, q), 5_000)
  const original = await deps.store.getTicket(originalId)
  for (const userId of new Set([duplicate.reporterId, ...followers])) {
    if (userId !== original?.reporterId) await deps.store.follow(originalId, userId, now)
  }
}

function roleFor (by: readonly string[], me: User): User['roles'][number] {
  if (by.includes('admin') && me.roles.includes('admin')) return 'admin'
  if (by.includes('assignee') && me.roles.includes('grid_manager')) return 'grid_manager'
  return 'citizen'
}
