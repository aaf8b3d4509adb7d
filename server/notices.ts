import { messagesFor, noticesFor, type Audience } from '../core/tickets/notify'
import type { Message, Ticket } from '../core/types'
import type { Deps } from './deps'
import { readAll } from './paging'

type NoticeEvent = Parameters<typeof noticesFor>[0]

/** People a ticket can have: at most this many followers, and admins, are told; more fails loudly (see readAll). */
const MAX_FOLLOWERS = 5_000
const MAX_ADMINS = 500

/**
 * The in-app messages a ticket change brings (core decides who is told what; never the person who made it), to
 * be written in the same unit of work as the change. Reads the audience first; writes nothing.
 */
export async function ticketMessages (deps: Deps, event: NoticeEvent, ticket: Ticket, about: { eventId: string; actorId: string; at: string; note?: string }): Promise<Message[]> {
  const dir = await deps.directory.get()
  const notices = noticesFor(event, ticket, dir.categoriesById.get(ticket.categoryId)?.name ?? '问题', about.note ?? '')
  if (notices.length === 0) return []
  const audience = new Map<Audience, readonly string[]>()
  for (const a of new Set(notices.map((n) => n.to))) audience.set(a, await resolveAudience(deps, a, ticket))
  return messagesFor(notices, (a) => audience.get(a) ?? [], { ticketId: ticket.id, eventId: about.eventId, actorId: about.actorId, at: about.at })
}

async function resolveAudience (deps: Deps, a: Audience, t: Ticket): Promise<string[]> {
  switch (a) {
    case 'reporter': return [t.reporterId]
    case 'assignee': return t.assigneeId ? [t.assigneeId] : []
    case 'handlers': return t.assigneeId ? [t.assigneeId] : [...((t.gridId && (await deps.directory.get()).gridsById.get(t.gridId)?.managerIds) || [])]
    // A report the office hid is no longer the followers' to hear about (core/moderation.ts: its own people only).
    case 'followers': return t.hidden ? [] : readAll((q) => deps.store.listFollowers(t.id, q), MAX_FOLLOWERS, '关注者')
    case 'admins': return (await readAll((q) => deps.store.listUsers({ ...q, role: 'admin' }), MAX_ADMINS, '文明办人员')).map((u) => u.id)
  }
}

/** After the unit of work committed: push what it stored. A failed push never undoes the stored messages. */
export async function pushMessages (deps: Deps, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return
  try {
    await deps.notifier.push(messages)
  } catch (e) {
    console.error('[notify] push failed; the in-app messages are stored', e)
  }
}
