import { noticesFor, type Audience } from '../core/tickets/notify'
import type { Ticket } from '../core/types'
import type { Deps } from './deps'
import { readAll } from './paging'

type NoticeEvent = Parameters<typeof noticesFor>[0]

/** Tell the people a ticket change matters to (core decides who and what), never the person who made it. */
export async function notifyTicketChange (deps: Deps, event: NoticeEvent, ticket: Ticket, actorId: string, note = ''): Promise<void> {
  const dir = await deps.directory.get()
  const notices = noticesFor(event, ticket, dir.categoriesById.get(ticket.categoryId)?.name ?? '问题', note)
  if (notices.length === 0) return
  const cache = new Map<Audience, Promise<string[]>>()
  const audience = (a: Audience): Promise<string[]> => {
    let found = cache.get(a)
    if (!found) {
      found = resolveAudience(deps, a, ticket)
      cache.set(a, found)
    }
    return found
  }
  for (const n of notices) {
    const to = (await audience(n.to)).filter((id) => id !== actorId)
    if (to.length) await deps.notifier.send(to, { title: n.title, body: n.body, ticketId: ticket.id })
  }
}

async function resolveAudience (deps: Deps, a: Audience, t: Ticket): Promise<string[]> {
  switch (a) {
    case 'reporter': return [t.reporterId]
    case 'assignee': return t.assigneeId ? [t.assigneeId] : []
    case 'followers': return readAll((q) => deps.store.listFollowers(t.id, q), 5_000)
    case 'admins': return (await readAll((q) => deps.store.listUsers({ ...q, role: 'admin' }), 500)).map((u) => u.id)
  }
}
