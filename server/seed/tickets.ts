import { DEFAULT_SETTINGS } from '../../core/settings'
import { newTicket, submitEvent } from '../../core/tickets/filing'
import { carriedFollowers } from '../../core/tickets/followers'
import { autoCloseNote, sweepAction } from '../../core/tickets/queues'
import { routeReport, routingNote } from '../../core/tickets/route'
import { overdueStep, stepOf, type Step as Change } from '../../core/tickets/step'
import { actorsFor, decide, isHandler, stateKind, type Actor, type TicketAction } from '../../core/tickets/workflow'
import type { Category, GcjPoint, Grid, Rating, Ticket, TicketEvent, User } from '../../core/types'
import { bboxOf, centroidOf, distanceM, insideRing, round6 } from './geo'
import { gridAt } from './grids'
import { YUHUA_OUTLINE } from './outline'
import { rngFor } from './prng'
import { OUTSIDE_ANCHORS, TICKET_SPECS, type TicketSpec } from './ticket-specs'
import { RATING_LABELS, acceptNote, fixNote, rejectNote } from './ticket-notes'
import { addHours, floorMinute } from './time'

/**
 * Turns TICKET_SPECS into tickets by playing each one through core as the live handlers do: routeReport files it
 * (submit-report), every later step must pass decide and is built by stepOf (act-on-ticket), and the sweep closes
 * and flags tickets by sweepAction (timer). A spec the workflow cannot produce throws instead of seeding a false history.
 */

export interface TicketWorld {
  nowIso: string
  grids: readonly Grid[]
  categories: readonly Category[]
  users: readonly User[]
  unmanagedGridIds: readonly string[]
}

/** The gateway (gateway/main.ts) and the cloud timer (cloudfunctions/timer) both sweep every 5 minutes. */
const SWEEP_MS = 5 * 60_000

/** A step a person takes; the timer's steps follow from the clock. */
interface Step {
  action: TicketAction
  who: Exclude<Actor, 'system'>
  note: string
  /** Share of the ticket's active span this step takes. */
  weight: number
  rating?: Rating
}

const pad = (n: number): string => String(n).padStart(3, '0')
export const ticketId = (row: number): string => `tk-${pad(row)}`

function nearestGrid (grids: readonly Grid[], p: GcjPoint, managedOnly: boolean): Grid {
  let best = grids[0]
  let bestD = Infinity
  for (const g of grids) {
    if (managedOnly && g.managerIds.length === 0) continue
    const d = distanceM(p, centroidOf(g.polygon))
    if (d < bestD) {
      bestD = d
      best = g
    }
  }
  return best
}

/** A point near the grid's centroid, kept strictly inside the cell. */
function pointIn (grid: Grid, key: string): GcjPoint {
  const c = centroidOf(grid.polygon)
  const box = bboxOf(grid.polygon)
  const rng = rngFor(`ticket-point:${key}`)
  const p = {
    lng: round6(c.lng + (rng() - 0.5) * 0.3 * (box.maxLng - box.minLng)),
    lat: round6(c.lat + (rng() - 0.5) * 0.3 * (box.maxLat - box.minLat))
  }
  return insideRing(p, grid.polygon) ? p : { lng: round6(c.lng), lat: round6(c.lat) }
}

/** Walk outward from an edge anchor until the point is outside the outline and every grid. */
function pointOutside (grids: readonly Grid[], anchor: [number, number]): GcjPoint {
  const c = centroidOf(YUHUA_OUTLINE)
  const len = Math.hypot(anchor[0] - c.lng, anchor[1] - c.lat)
  const ux = (anchor[0] - c.lng) / len
  const uy = (anchor[1] - c.lat) / len
  for (let k = 1; k < 200; k++) {
    const p = { lng: round6(anchor[0] + ux * 0.0006 * k), lat: round6(anchor[1] + uy * 0.0006 * k) }
    if (!insideRing(p, YUHUA_OUTLINE) && gridAt(grids, p) === null) return p
  }
  throw new Error(`no point outside the grids near ${anchor.join(',')}`)
}

function stepsFor (spec: TicketSpec, rng: () => number): Step[] {
  const accept: Step = { action: 'accept', who: 'assignee', weight: 1, note: acceptNote(rng) }
  const resolve = (redo: boolean): Step =>
    ({ action: 'resolve', who: 'assignee', weight: redo ? 2 : 3, note: redo ? `返工完成：${fixNote(spec.cat)}` : fixNote(spec.cat) })
  const work = (): Step[] => {
    const out = [accept, resolve(false)]
    for (let r = 0; r < (spec.rework ?? 0); r++) {
      out.push({ action: 'rejectFix', who: 'reporter', weight: 1, note: rejectNote(rng) })
      if (r < (spec.rework ?? 0) - 1 || spec.state !== 'rework') out.push(resolve(true))
    }
    return out
  }
  const admin = (action: TicketAction, weight = 1): Step => ({ action, who: 'admin', weight, note: spec.note ?? '' })
  switch (spec.state) {
    case 'triage':
      return spec.handBack ? [{ action: 'handBack', who: 'assignee', weight: 1, note: spec.note ?? '' }] : []
    case 'dispatched':
      return []
    case 'accepted':
      return [accept]
    case 'resolved':
    case 'rework':
      return work()
    case 'fixed': {
      // An `auto` ticket waits for the sweep to close it once the verification window has passed.
      if (spec.auto) return work()
      const rating = spec.rating ?? 'satisfied'
      return [...work(), { action: 'confirmFixed', who: 'reporter', weight: 1, rating, note: `市民核查确认已解决，评价：${RATING_LABELS[rating]}。` }]
    }
    case 'closed':
      if (spec.close === 'duplicate') return [admin('merge')]
      if (spec.close === 'referred') return [admin('refer')]
      if (spec.close === 'invalid') return [admin('reject')]
      if (spec.close === 'unable') return [accept, admin('closeUnable', 2)]
      throw new Error(`closed ticket without a close reason: ${spec.desc}`)
  }
}

/** Step times: closing tickets take 0.6× their time limit (1.6× when late), open ones spread over their age. */
function stepTimes (spec: TicketSpec, steps: Step[], limitH: number, created: string): string[] {
  const total = steps.reduce((s, x) => s + x.weight, 0)
  const closing = spec.state === 'fixed' || spec.state === 'closed'
  let span = closing
    ? (spec.auto ? 0.5 : spec.late ? 1.6 : 0.6) * limitH
    : 0.85 * spec.ageH * (spec.ageH > limitH ? 0.6 : 1)
  span = Math.min(span, 0.9 * spec.ageH)
  let acc = 0
  return steps.map((s) => {
    acc += s.weight
    return floorMinute(addHours(created, (span * acc) / total))
  })
}

interface Play {
  ticket: Ticket
  events: TicketEvent[]
}

interface PlayContext {
  nowIso: string
  userOf: (id: string | null) => User
  adminId: string
  mergedInto?: string
}

/**
 * Takes each step at its time as act-on-ticket does, with the sweep (handlers/timer.ts) running every SWEEP_MS in
 * between and once more at nowIso, as the gateway does on start.
 */
function play (filed: Ticket, submit: TicketEvent, steps: Step[], times: string[], ctx: PlayContext): Play {
  const { nowIso, userOf, adminId, mergedInto } = ctx
  let t = filed
  const events = [submit]
  const nextEventId = (): string => `${t.id}-e${t.version + 1}`
  const apply = (change: Change): void => {
    events.push(change.event)
    t = { ...t, ...change.patch, version: t.version + 1 }
  }
  /** The timer only looks at open tickets. */
  const sweepAt = (at: number): void => {
    if (stateKind(t.state) !== 'open') return
    const now = new Date(at).toISOString()
    const what = sweepAction(t, now, DEFAULT_SETTINGS)
    if (what === 'markOverdue') apply(overdueStep(t, nextEventId(), now))
    if (what === 'autoClose') {
      const d = decide('autoClose', 'system', t)
      if (!d.ok) throw new Error(`seed: ${t.id} cannot be auto-closed from ${t.state}`)
      apply(stepOf(d.transition, t, { note: '', afterPhotos: [] }, 'system', nextEventId(), now, autoCloseNote(DEFAULT_SETTINGS)))
    }
  }
  const sweepsBefore = (until: string): void => {
    const end = Date.parse(until)
    for (let at = (Math.floor(Date.parse(t.updatedAt) / SWEEP_MS) + 1) * SWEEP_MS; at < end && stateKind(t.state) === 'open'; at += SWEEP_MS) sweepAt(at)
  }

  steps.forEach((step, k) => {
    sweepsBefore(times[k])
    const user = userOf(step.who === 'reporter' ? t.reporterId : step.who === 'assignee' ? t.assigneeId : adminId)
    const d = decide(step.action, user, t)
    if (!d.ok || !d.transition.by.includes(step.who) || !actorsFor(user, t).includes(step.who)) {
      throw new Error(`seed: ${t.id} cannot ${step.action} from ${t.state} as ${step.who} ${user.id}${d.ok ? '' : ` (${d.reason})`}`)
    }
    const input = { actor: { id: user.id, isManager: isHandler(user, t) }, note: step.note, afterPhotos: [], rating: step.rating, mergedInto }
    apply(stepOf(d.transition, t, input, user, nextEventId(), times[k]))
  })
  sweepsBefore(nowIso)
  sweepAt(Date.parse(nowIso))
  return { ticket: t, events }
}

export function buildTickets (world: TicketWorld): { tickets: Ticket[]; ticketEvents: TicketEvent[] } {
  const { nowIso, grids, categories, users, unmanagedGridIds } = world
  const gridById = new Map(grids.map((g) => [g.id, g]))
  const userById = new Map(users.map((u) => [u.id, u]))
  const must = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`seed: unknown ${what}`)
    return x
  }
  const userOf = (id: string | null): User => must(id === null ? undefined : userById.get(id), `user ${id ?? '(none)'}`)
  const tickets: Ticket[] = []
  const ticketEvents: TicketEvent[] = []

  TICKET_SPECS.forEach((spec, i) => {
    const id = ticketId(i + 1)
    const category = must(categories.find((c) => c.level === 2 && c.code === spec.cat), `category ${spec.cat}`)
    if (spec.anon && !category.allowAnonymous) throw new Error(`seed: ${spec.cat} does not allow anonymous reports`)
    const reporter = userOf(spec.reporter)
    const created = floorMinute(addHours(nowIso, -spec.ageH))

    let grid: Grid | null
    let location: GcjPoint
    let original: Ticket | undefined
    const where = spec.where
    if (spec.dupOf !== undefined) {
      original = must(tickets[spec.dupOf - 1], `original row ${spec.dupOf}`)
      if (original.categoryId !== category.id) throw new Error(`seed: duplicate ${id} of another category`)
      grid = original.gridId === null ? null : must(gridById.get(original.gridId), 'grid')
      const near = { lng: round6(original.location.lng + 0.00012), lat: round6(original.location.lat + 0.00009) }
      location = grid && insideRing(near, grid.polygon) ? near : original.location
    } else if ('outside' in where) {
      grid = null
      location = pointOutside(grids, OUTSIDE_ANCHORS[where.outside])
    } else {
      if ('unmanaged' in where) grid = must(gridById.get(unmanagedGridIds[0]), 'unmanaged grid')
      else if ('mine' in where) {
        const mine = userOf('u-grid').gridIds
        grid = must(gridById.get(mine[where.mine % mine.length]), 'grid of u-grid')
      } else {
        const p = { lng: where.near[0], lat: where.near[1] }
        const hit = gridAt(grids, p)
        grid = hit && hit.managerIds.length > 0 ? hit : nearestGrid(grids, p, true)
      }
      location = pointIn(grid, id)
    }

    const route = routeReport(grid, category, created)
    const report = { clientRequestId: `seed-req-${id}`, categoryId: category.id, description: spec.desc, location, address: spec.addr, photos: [], anonymous: spec.anon ?? false }
    const filed = { ...newTicket(id, report, reporter.id, route, created), followers: spec.followers ?? 0 }
    const submit = submitEvent(`${id}-e1`, filed, routingNote(route, grid))

    const steps = stepsFor(spec, rngFor(`ticket-notes:${id}`))
    const times = stepTimes(spec, steps, category.timeLimitHours, created)
    const adminId = i % 3 === 2 ? 'u-admin-2' : 'u-admin'
    const { ticket, events } = play(filed, submit, steps, times, { nowIso, userOf, adminId, mergedInto: original?.id })
    if (ticket.state !== spec.state) throw new Error(`seed: ${id} ends ${ticket.state}, not ${spec.state}: ${spec.desc}`)
    // As act-on-ticket's merge does: the duplicate's reporter follows the original from now on.
    if (original && ticket.mergedInto === original.id) original.followers += carriedFollowers(ticket, [], original).length
    tickets.push(ticket)
    ticketEvents.push(...events)
  })
  return { tickets, ticketEvents }
}
