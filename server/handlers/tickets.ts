import { idInput, inboxInput, pageInput, ticketActInput } from '../../core/schemas'
import { missingInput, transitionPatch, withinReopenWindow } from '../../core/tickets/apply'
import { sortInbox } from '../../core/tickets/inbox'
import { canOpenTicket } from '../../core/tickets/visibility'
import { decide } from '../../core/tickets/workflow'
import type { Ticket, User } from '../../core/types'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { requireUser } from './identity'
import { toTicketView, toTicketViews } from './ticket-view'

const INBOX_STATES = ['dispatched', 'accepted', 'rework', 'resolved'] as const

export const ticketsActions: ActionsOf<'tickets'> = {
  inbox: action({
    input: inboxInput,
    access: { roles: ['grid_manager'] },
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const open = me.gridIds.length === 0 ? [] : await readAll((p) => deps.store.listTickets({ ...p, gridIds: me.gridIds, states: [...INBOX_STATES] }), 2_000)
      const now = deps.clock.now()
      const sorted = sortInbox(open, now)
      const counts = {
        dispatched: sorted.filter((t) => t.state === 'dispatched').length,
        accepted: sorted.filter((t) => t.state === 'accepted').length,
        rework: sorted.filter((t) => t.state === 'rework').length,
        resolved: sorted.filter((t) => t.state === 'resolved').length,
        overdue: sorted.filter((t) => t.overdue).length
      }
      const states: readonly string[] = q.states ?? INBOX_STATES
      return { items: await toTicketViews(sorted.filter((t) => states.includes(t.state)), me, deps), counts }
    }
  }),

  triage: action({
    input: pageInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listTickets({ ...q, states: ['triage'] })
      return { items: await toTicketViews(page.items, me, deps), next: page.next }
    }
  }),

  get: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const ticket = await openable(id, me, deps)
      const timeline = await readAll((p) => deps.store.listTicketEvents(id, p), 1_000)
      return { ticket: await toTicketView(ticket, me, deps), timeline }
    }
  }),

  act: action({
    input: ticketActInput,
    access: 'signedIn',
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const ticket = await openable(input.id, me, deps)
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
      const resolved = await resolveDispatchTarget(input, deps)
      const patch = transitionPatch(d.transition, ticket, { ...input, ...resolved }, now)
      const updated = await deps.store.updateTicket(ticket.id, ticket.version, patch, {
        id: deps.ids.next('te'), ticketId: ticket.id, action: input.transition, fromState: ticket.state, toState: d.transition.to,
        actorId: me.id, actorRole: roleFor(d.transition.by, me), note: input.note || d.transition.label, at: now
      })
      if (!updated) {
        const current = await deps.store.getTicket(ticket.id)
        throw new AppError('CONFLICT', undefined, current ? { state: current.state, version: current.version } : undefined)
      }
      return toTicketView(updated, me, deps)
    }
  })
}

async function openable (id: string, me: User, deps: Deps): Promise<Ticket> {
  const ticket = await deps.store.getTicket(id)
  if (!ticket) throw new AppError('NOT_FOUND', '案卷不存在')
  if (!canOpenTicket(me, ticket)) throw new AppError('FORBIDDEN')
  return ticket
}

/** Dispatch names a grid and/or a manager; both must exist and fit together. */
async function resolveDispatchTarget (input: { transition: string; gridId?: string; assigneeId?: string; mergedInto?: string }, deps: Deps) {
  if (input.transition === 'merge' && input.mergedInto && !(await deps.store.getTicket(input.mergedInto))) {
    throw new AppError('NOT_FOUND', '要合并到的原案卷不存在')
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

function roleFor (by: readonly string[], me: User): User['roles'][number] {
  if (by.includes('admin') && me.roles.includes('admin')) return 'admin'
  if (by.includes('assignee') && me.roles.includes('grid_manager')) return 'grid_manager'
  return 'citizen'
}
