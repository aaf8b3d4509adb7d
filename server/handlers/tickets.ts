import { distanceMeters } from '../../core/routing'
import { deferInput, idInput, inboxInput, mergeCandidatesInput, pageInput, ticketActInput, urgeInput } from '../../core/schemas'
import { dispatchOptions } from '../../core/tickets/dispatch-suggest'
import { bboxAround } from '../../core/tickets/duplicates'
import { sortInbox } from '../../core/tickets/inbox'
import { MERGE_NEAR_M, mergeCandidates, mergeDifferences, mergeRefusal } from '../../core/tickets/merge'
import { parseTicketNumber, ticketNumber } from '../../core/tickets/number'
import { INBOX_STATES, inboxCounts, officeCheckQueue } from '../../core/tickets/queues'
import { canOpenTicket, timelineFor } from '../../core/tickets/visibility'
import { shownTo } from '../../core/moderation'
import { statesOfKind } from '../../core/tickets/workflow'
import type { Ticket, User } from '../../core/types'
import type { MergeCandidateView } from '../../core/views'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'
import { actOnTicket, deferTicket, urgeTicket } from './act-on-ticket'
import { moderationActions } from './moderation'
import { toTicketView, toTicketViews } from './ticket-view'

/** Guards on the reads that cannot page: one manager's open work, the office's 待核查 candidates, one timeline. */
const MAX_INBOX = 2_000
const MAX_RESOLVED = 2_000
const MAX_TIMELINE = 1_000
/** Guards on the office's pickers: the grid managers of a city, the tickets filed on one day (a number's day). */
const MAX_MANAGERS = 5_000
const MAX_DAY = 5_000
const MAX_MERGE_CANDIDATES = 10

export const ticketsActions: ActionsOf<'tickets'> = {
  ...moderationActions,
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

  /** Tickets to merge a duplicate into: open ones of its category nearby, or the tickets a typed number names. */
  mergeCandidates: action({
    input: mergeCandidatesInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, { id, number }) {
      const me = requireUser(user)
      const duplicate = await openable(id, me, deps)
      let found: Ticket[]
      if (number !== undefined) {
        const parsed = parseTicketNumber(number)
        if (!parsed) throw new AppError('VALIDATION', '案卷编号是 6 位日期加 4 位字母或数字，例如 261201-7K3Q')
        const sameDay = await readAll((p) => deps.store.listTickets({ ...p, createdFrom: parsed.fromIso, createdTo: parsed.toIso }), MAX_DAY, '当天的案卷')
        found = sameDay.filter((t) => t.id !== duplicate.id && ticketNumber(t) === parsed.number)
      } else {
        const near = await deps.store.listTickets({ categoryId: duplicate.categoryId, within: bboxAround(duplicate.location, MERGE_NEAR_M), states: statesOfKind('open'), limit: 100 })
        found = mergeCandidates(near.items, duplicate, deps.clock.now()).slice(0, MAX_MERGE_CANDIDATES).map((c) => c.ticket)
      }
      const dir = await deps.directory.get()
      const categoryName = (cid: string) => dir.categoriesById.get(cid)?.name ?? '未知类别'
      const candidates = found.map((t): MergeCandidateView => ({
        id: t.id,
        number: ticketNumber(t),
        categoryName: categoryName(t.categoryId),
        description: t.description,
        gridName: t.gridId ? dir.gridsById.get(t.gridId)?.name ?? null : null,
        address: t.address,
        state: t.state,
        createdAt: t.createdAt,
        followers: t.followers,
        distanceM: Math.round(distanceMeters(duplicate.location, t.location)),
        differences: mergeDifferences(duplicate, t, categoryName),
        refusal: mergeRefusal(duplicate, t)
      }))
      return { candidates }
    }
  }),

  /** Grid managers to dispatch a ticket to: those of the grid its point falls in first, then the nearest. */
  dispatchOptions: action({
    input: idInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, { id }) {
      const ticket = await openable(id, requireUser(user), deps)
      const managers = await readAll((q) => deps.store.listUsers({ ...q, role: 'grid_manager' }), MAX_MANAGERS, '网格员')
      const dir = await deps.directory.get()
      // Dispatch goes to grids in use only (a manager may still hold a retired grid for its old tickets).
      return dispatchOptions(ticket.location, managers, new Map([...dir.gridsById].filter(([id]) => dir.activeGridIds.has(id))))
    }
  }),

  urge: action({
    input: urgeInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      return urgeTicket(deps, me, await openable(input.id, me, deps), input)
    }
  }),

  /** 缓办: the office moves a ticket's deadline once, with a reason (按期结案率 then leaves it out of its base). */
  defer: action({
    input: deferInput,
    access: { roles: ['admin'] },
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      return deferTicket(deps, me, await openable(input.id, me, deps), input)
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

/**
 * The ticket if this user may open it: its people, the manager of its grid, admins, or a follower (who sees the public
 * view — none once the office hid the report).
 */
async function openable (id: string, me: User, deps: Deps): Promise<Ticket> {
  const ticket = await deps.store.getTicket(id)
  if (!ticket) throw new AppError('NOT_FOUND', '案卷不存在')
  if (canOpenTicket(me, ticket)) return ticket
  if (!(await deps.store.isFollowing(ticket.id, me.id))) throw new AppError('FORBIDDEN')
  if (!shownTo(me, ticket)) throw new AppError('FORBIDDEN', '这条上报已由文明办设为不公开显示，关注者不能再查看')
  return ticket
}
