import type { AuditEntry } from '../../core/audit'
import type { GridVersion } from '../../core/grids/versions'
import { reportBuckets } from '../../core/limits'
import type {
  Category, Certificate, Grid, Message, Signup, Survey, SurveyResponse, Ticket, TicketEvent, User, VolunteerEvent, VolunteerProfile
} from '../../core/types'
import { readAll } from '../paging'
import type { Store } from '../ports/store'

/** Everything the store port lets us read, as plain JSON-able data (for `expect(after).toEqual(before)`). */
export interface StoreSnapshot {
  users: User[]
  grids: Grid[]
  categories: Category[]
  /** Every ticket with its timeline and its followers (oldest first). */
  tickets: Array<{ ticket: Ticket; events: TicketEvent[]; followers: string[] }>
  events: VolunteerEvent[]
  signups: Signup[]
  surveys: Survey[]
  responses: SurveyResponse[]
  /** Messages and unread count of every user id seen anywhere in the store. */
  messages: Record<string, { items: Message[]; unread: number }>
  /** Tickets each seen user follows (the other side of the followers table). */
  followed: Record<string, string[]>
  /** The counters asked for (the port cannot list counters; see snapshotStore). */
  counters: Record<string, number>
  /** Volunteer registrations and certificates of every seen user. */
  volunteers: Record<string, VolunteerProfile>
  certificates: Record<string, Certificate[]>
  /** The office's audit list, newest first: a refused call adds no entry. */
  audit: AuditEntry[]
  /** Every grid version (newest first, with which one is active) and the grids no version in use has. */
  gridVersions: GridVersion[]
  retiredGrids: Grid[]
}

export interface SnapshotOptions {
  /**
   * Counter keys to include. The port has no way to list or read counters, so they are read with
   * `incrementCounter(key, 0)`: that returns the current value and, for a key never counted, stores it as 0 —
   * invisible through the port (a missing counter and a 0 counter read the same), but it is a write.
   */
  counterKeys?: (userIds: string[]) => string[]
}

/** The report rate-limit counters (hour and day bucket at `nowIso`) of these users. */
export const rateLimitCounterKeys = (nowIso: string) => (userIds: string[]): string[] =>
  userIds.flatMap((id) => {
    const b = reportBuckets(id, nowIso)
    return [b.hourKey, b.dayKey]
  })

/**
 * Read every entity through the port, paging to the end: users, grids, categories, all tickets with their
 * events and followers, volunteer events, signups, surveys, responses, and the messages / followed tickets of
 * every user id seen (users table plus any id referenced by tickets, followers, signups, responses, events).
 * Not readable through the port: counters other than the keys passed in, and photo files (not in the store).
 */
export async function snapshotStore (store: Store, opts: SnapshotOptions = {}): Promise<StoreSnapshot> {
  const [users, grids, categories, ticketList, events, signups, surveys, responses, audit] = await Promise.all([
    readAll((q) => store.listUsers(q)),
    readAll((q) => store.listGrids(q)),
    readAll((q) => store.listCategories(q)),
    readAll((q) => store.listTickets(q)),
    readAll((q) => store.listEvents(q)),
    readAll((q) => store.listSignups(q)),
    readAll((q) => store.listSurveys(q)),
    readAll((q) => store.listResponses(q)),
    readAll((q) => store.listAudit(q))
  ])
  const [gridVersions, retiredGrids] = await Promise.all([readAll((q) => store.listGridVersions(q)), readAll((q) => store.listRetiredGrids(q))])
  const tickets = await Promise.all(ticketList.map(async (ticket) => ({
    ticket,
    events: await readAll((q) => store.listTicketEvents(ticket.id, q)),
    followers: await readAll((q) => store.listFollowers(ticket.id, q))
  })))
  const seen = new Set<string>(users.map((u) => u.id))
  for (const { ticket, events: timeline, followers } of tickets) {
    seen.add(ticket.reporterId)
    if (ticket.assigneeId) seen.add(ticket.assigneeId)
    for (const e of timeline) if (e.actorId !== 'system') seen.add(e.actorId)
    for (const f of followers) seen.add(f)
  }
  for (const s of signups) seen.add(s.userId)
  for (const r of responses) seen.add(r.userId)
  for (const e of events) seen.add(e.organizerId)
  for (const g of grids) for (const m of g.managerIds) seen.add(m)
  const userIds = [...seen].sort()

  const messages: StoreSnapshot['messages'] = {}
  const followed: StoreSnapshot['followed'] = {}
  const volunteers: StoreSnapshot['volunteers'] = {}
  const certificates: StoreSnapshot['certificates'] = {}
  for (const id of userIds) {
    const [items, unread, follows] = await Promise.all([
      readAll((q) => store.listMessages({ ...q, userId: id })),
      store.countUnreadMessages(id),
      readAll((q) => store.listFollowed(id, q))
    ])
    // Keep the snapshot small: only users something happened to.
    if (items.length > 0 || unread > 0) messages[id] = { items, unread }
    if (follows.length > 0) followed[id] = follows.map((t) => t.id)
    const [profile, certs] = await Promise.all([store.getVolunteer(id), readAll((q) => store.listCertificates({ ...q, userId: id }))])
    if (profile) volunteers[id] = profile
    if (certs.length > 0) certificates[id] = certs
  }

  const counters: Record<string, number> = {}
  for (const key of opts.counterKeys?.(userIds) ?? []) counters[key] = await store.incrementCounter(key, 0)

  // Round-trip through JSON so the snapshot is plain data and cannot alias anything the store hands out.
  return JSON.parse(JSON.stringify({ users, grids, categories, tickets, events, signups, surveys, responses, messages, followed, counters, volunteers, certificates, audit, gridVersions, retiredGrids })) as StoreSnapshot
}
