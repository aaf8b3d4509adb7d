import { idInput, inboxInput, pageInput, ticketActInput } from '../../core/schemas'
import { sortInbox } from '../../core/tickets/inbox'
import { INBOX_STATES, inboxCounts, officeCheckQueue } from '../../core/tickets/queues'
import { canOpenTicket, timelineFor } from '../../core/tickets/visibility'
import { statesOfKind } from '../../core/tickets/workflow'
import type { Ticket, User } from '../../core/types'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'
import { actOnTicket } from './act-on-ticket'
import { toTicketView, toTicketViews } from './ticket-view'

/** Guards on the reads that cannot page: one manager's open work, the office's 待核查 candidates, one timeline. */
const MAX_INBOX = 2_000
const MAX_RESOLVED = 2_000
const MAX_TIMELINE = 1_000

export const ticketsActions: ActionsOf<'tickets'> = {
  inbox: action({
    input: inboxInput,
    access: { roles: ['grid_manager'] },
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const open = me.gridIds.length === 0 ? [] : await readAll((p) => deps.store.listTickets({ ...p, gridIds: me.gridIds, states: [...INBOX_STATES] }), MAX_INBOX, '待办案卷')
      const now = deps.clock.now()
      const sorted = sortInbox(open, now)
      const counts = inboxCounts(sorted, now)
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
      const timeline = await readAll((p) => deps.store.listTicketEvents(id, p), MAX_TIMELINE, '处理记录')
      return { ticket: await toTicketView(ticket, me, deps), timeline: timelineFor(timeline, me, ticket) }
    }
  }),

  act: action({
    input: ticketActInput,
    access: 'signedIn',
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      return actOnTicket(deps, me, await openable(input.id, me, deps), input)
    }
  }),

  overdue: action({
    input: pageInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listTickets({ ...q, overdue: true, states: statesOfKind('open') })
      return { items: await toTicketViews(page.items, me, deps), next: page.next }
    }
  }),

  /** Resolved tickets the reporter has not verified within the office's wait: the admin verifies or closes them. */
  verifyQueue: action({
    input: pageInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }) {
      const me = requireUser(user)
      const resolved = await readAll((p) => deps.store.listTickets({ ...p, states: ['resolved'] }), MAX_RESOLVED, '待核查案卷')
      const waiting = officeCheckQueue(resolved, deps.clock.now(), deps.settings)
      return { items: await toTicketViews(waiting, me, deps) }
    }
  })
}

/** The ticket if this user may open it: its people, the manager of its grid, admins, or a follower (who sees the public view). */
async function openable (id: string, me: User, deps: Deps): Promise<Ticket> {
  const ticket = await deps.store.getTicket(id)
  if (!ticket) throw new AppError('NOT_FOUND', '案卷不存在')
  if (!canOpenTicket(me, ticket) && !(await deps.store.isFollowing(ticket.id, me.id))) throw new AppError('FORBIDDEN')
  return ticket
}
