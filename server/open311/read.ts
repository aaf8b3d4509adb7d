import { gridPoint, toOpen311Request } from '../../core/open311/requests'
import { MAX_RESULTS, type RequestQuery } from '../../core/open311/query'
import type { Open311Request, Open311Status } from '../../core/open311/types'
import { ticketNumber, type ParsedNumber } from '../../core/tickets/number'
import { visiblePhotos } from '../../core/tickets/visibility'
import { isPublic, unredacted } from '../../core/moderation'
import { statesOfKind } from '../../core/tickets/workflow'
import type { PhotoReview, Ticket, TicketState } from '../../core/types'
import type { Deps } from '../deps'
import { readAll } from '../paging'
import type { TicketFilter } from '../ports/tickets'

/** Photo file ids → URLs a partner can open; only ids of photos that passed review are ever asked for. */
export type MediaUrls = (fileIds: string[]) => Promise<Map<string, string>>

/** Thrown when more than MAX_RESULTS tickets match: the handler answers 400 asking to narrow the query. */
export class TooManyResults extends Error {
  constructor () {
    super(`more than ${MAX_RESULTS} service requests match`)
    this.name = 'TooManyResults'
  }
}

/** A ticket number names a filing day: read that day and keep the tickets whose number it is (rarely two). */
const ONE_DAY_MAX = 20_000

const STATES: Record<Open311Status, TicketState[]> = {
  open: statesOfKind('open'),
  closed: [...statesOfKind('fixed'), ...statesOfKind('closed')]
}

const newestFirst = (a: Ticket, b: Ticket): number =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0

/**
 * Every public ticket a query matches, newest first (a report the office hid is not there, as for any stranger); more
 * than MAX_RESULTS throws TooManyResults (never a prefix).
 */
export async function ticketsFor (deps: Deps, query: RequestQuery): Promise<Ticket[]> {
  return (await matching(deps, query)).filter(isPublic)
}

async function matching (deps: Deps, query: RequestQuery): Promise<Ticket[]> {
  if (query.kind === 'ids') return ticketsByNumber(deps, query.numbers)
  const dir = await deps.directory.get()
  const states = query.statuses ? [...new Set(query.statuses.flatMap((s) => STATES[s]))] : undefined
  const base: TicketFilter = { createdFrom: query.fromIso, createdTo: query.toIso, ...(states ? { states } : {}) }
  const filters: TicketFilter[] = query.serviceCodes === null
    ? [base]
    : dir.categories.filter((c) => c.level === 2 && query.serviceCodes!.includes(c.code)).map((c) => ({ ...base, categoryId: c.id }))
  const out: Ticket[] = []
  for (const f of filters) {
    const left = MAX_RESULTS - out.length
    try {
      out.push(...await readAll((q) => deps.store.listTickets({ ...f, ...q }), left, '服务请求'))
    } catch (e) {
      if ((e as { code?: unknown }).code === 'READ_LIMIT') throw new TooManyResults()
      throw e
    }
    if (out.length > MAX_RESULTS) throw new TooManyResults()
  }
  return filters.length > 1 ? out.sort(newestFirst) : out
}

async function ticketsByNumber (deps: Deps, numbers: readonly ParsedNumber[]): Promise<Ticket[]> {
  const found: Ticket[] = []
  for (const n of numbers) {
    const day = await readAll((q) => deps.store.listTickets({ createdFrom: n.fromIso, createdTo: n.toIso, ...q }), ONE_DAY_MAX, '案卷')
    found.push(...day.filter((t) => ticketNumber(t) === n.number))
  }
  return found
}

/** Reviews of these photos, asked in batches (CloudBase answers at most 100 documents a request). */
async function reviewsOf (deps: Deps, fileIds: string[]): Promise<Map<string, PhotoReview>> {
  const out = new Map<string, PhotoReview>()
  for (let i = 0; i < fileIds.length; i += 100) {
    for (const r of await deps.store.getPhotoReviews(fileIds.slice(i, i + 100))) out.set(r.fileId, r)
  }
  return out
}

/**
 * Tickets as service requests: the category and grid from the directory, the grid's centre computed once per grid,
 * and as media_url the first photo of the report that passed review (visiblePhotos for a viewer who is nobody: a
 * photo still pending or rejected is seen only by its uploader, so never here).
 */
export async function toRequests (deps: Deps, tickets: readonly Ticket[], mediaUrls: MediaUrls): Promise<Open311Request[]> {
  const dir = await deps.directory.get()
  const reviews = await reviewsOf(deps, [...new Set(tickets.flatMap((t) => t.photos))])
  const photoOf = new Map<string, string>()
  for (const t of tickets) {
    const first = visiblePhotos('', unredacted({ roles: [] }, t.photos, t), reviews).ids[0]
    if (first) photoOf.set(t.id, first)
  }
  const urls = photoOf.size ? await mediaUrls([...new Set(photoOf.values())]) : new Map<string, string>()
  const points = new Map<string, { lat: number; long: number } | null>()
  return tickets.map((t) => {
    const grid = t.gridId ? dir.gridsById.get(t.gridId) : undefined
    if (grid && !points.has(grid.id)) points.set(grid.id, gridPoint(grid))
    const photo = photoOf.get(t.id)
    return toOpen311Request(t, {
      category: dir.categoriesById.get(t.categoryId),
      grid,
      point: grid ? points.get(grid.id) ?? null : null,
      mediaUrl: photo ? urls.get(photo) ?? null : null
    })
  })
}
