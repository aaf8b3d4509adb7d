import type { Category, GcjPoint, Grid, Role, Ticket, TicketEvent, TicketState, User } from '../../core/types'
import { deadlineFor, isOverdue } from '../../core/tickets/sla'
import type { TicketAction } from '../../core/tickets/workflow'
import { bboxOf, centroidOf, distanceM, insideRing, round6 } from './geo'
import { gridAt } from './grids'
import { YUHUA_OUTLINE } from './outline'
import { rngFor } from './prng'
import { OUTSIDE_ANCHORS, TICKET_SPECS, type TicketSpec } from './ticket-specs'
import { RATING_LABELS, acceptNote, fixNote, rejectNote } from './ticket-notes'
import { addHours, floorMinute } from './time'

/** Turns TICKET_SPECS into tickets with consistent timelines: one TicketEvent per change, version = count. */

/** Verification window after which a resolved ticket is closed by the system. */
export const AUTO_CLOSE_HOURS = 72

export interface TicketWorld {
  nowIso: string
  grids: readonly Grid[]
  categories: readonly Category[]
  users: readonly User[]
  unmanagedGridIds: readonly string[]
}

type Who = 'reporter' | 'assignee' | 'admin' | 'system'

interface Step {
  action: TicketAction | 'submit'
  to: TicketState
  who: Who
  note: string
  /** Share of the ticket's active span this step takes; 0 = at filing time. */
  weight: number
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

function stepsFor (spec: TicketSpec, routed: boolean, assigneeName: string, gridName: string, rng: () => number): Step[] {
  const steps: Step[] = [{
    action: 'submit', to: 'triage', who: 'reporter', weight: 0,
    note: spec.anon ? '市民匿名上报。' : routed ? '市民通过随手拍上报。' : '市民通过随手拍上报；位置不在任何有网格员的网格内，待文明办分拣。'
  }]
  if (routed) steps.push({ action: 'dispatch', to: 'dispatched', who: 'system', weight: 0, note: `按位置自动派遣至${gridName}，网格员：${assigneeName}。` })
  const accept: Step = { action: 'accept', to: 'accepted', who: 'assignee', weight: 1, note: acceptNote(rng) }
  const resolve = (redo: boolean): Step =>
    ({ action: 'resolve', to: 'resolved', who: 'assignee', weight: redo ? 2 : 3, note: redo ? `返工完成：${fixNote(spec.cat)}` : fixNote(spec.cat) })
  const work = (): Step[] => {
    const out = [accept, resolve(false)]
    for (let r = 0; r < (spec.rework ?? 0); r++) {
      out.push({ action: 'rejectFix', to: 'rework', who: 'reporter', weight: 1, note: rejectNote(rng) })
      if (r < (spec.rework ?? 0) - 1 || spec.state !== 'rework') out.push(resolve(true))
    }
    return out
  }
  const admin = (action: TicketAction, weight = 1): Step => ({ action, to: 'closed', who: 'admin', weight, note: spec.note ?? '' })
  switch (spec.state) {
    case 'triage':
      if (spec.handBack) steps.push({ action: 'handBack', to: 'triage', who: 'assignee', weight: 1, note: spec.note ?? '' })
      break
    case 'dispatched':
      break
    case 'accepted':
      steps.push(accept)
      break
    case 'resolved':
    case 'rework':
      steps.push(...work())
      break
    case 'fixed':
      steps.push(...work())
      steps.push(spec.auto
        ? { action: 'autoClose', to: 'fixed', who: 'system', weight: 0, note: `核查期满${AUTO_CLOSE_HOURS}小时无异议，系统自动结案。` }
        : { action: 'confirmFixed', to: 'fixed', who: 'reporter', weight: 1, note: `市民核查确认已解决，评价：${RATING_LABELS[spec.rating ?? 'satisfied']}。` })
      break
    case 'closed':
      if (spec.close === 'duplicate') steps.push(admin('merge'))
      else if (spec.close === 'referred') steps.push(admin('refer'))
      else if (spec.close === 'invalid') steps.push(admin('reject'))
      else if (spec.close === 'unable') steps.push(accept, admin('closeUnable', 2))
      else throw new Error(`closed ticket without a close reason: ${spec.desc}`)
      break
  }
  if (!routed && steps.length > 1 && steps[1].action !== 'refer' && steps[1].action !== 'reject' && steps[1].action !== 'merge') {
    throw new Error(`unrouted ticket can only wait in triage or be closed by the admin: ${spec.desc}`)
  }
  return steps
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
  const times = steps.map((s) => {
    acc += s.weight
    return floorMinute(addHours(created, total === 0 ? 0 : (span * acc) / total))
  })
  if (spec.auto) {
    const latest = addHours(created, 0.95 * spec.ageH)
    const auto = addHours(times[times.length - 2], AUTO_CLOSE_HOURS)
    times[times.length - 1] = floorMinute(Date.parse(auto) < Date.parse(latest) ? auto : latest)
  }
  return times
}

export function buildTickets (world: TicketWorld): { tickets: Ticket[]; ticketEvents: TicketEvent[] } {
  const { nowIso, grids, categories, users, unmanagedGridIds } = world
  const gridById = new Map(grids.map((g) => [g.id, g]))
  const userById = new Map(users.map((u) => [u.id, u]))
  const must = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`seed: unknown ${what}`)
    return x
  }
  const tickets: Ticket[] = []
  const ticketEvents: TicketEvent[] = []

  TICKET_SPECS.forEach((spec, i) => {
    const id = ticketId(i + 1)
    const category = must(categories.find((c) => c.level === 2 && c.code === spec.cat), `category ${spec.cat}`)
    if (spec.anon && !category.allowAnonymous) throw new Error(`seed: ${spec.cat} does not allow anonymous reports`)
    must(userById.get(spec.reporter), `reporter ${spec.reporter}`)
    const created = floorMinute(addHours(nowIso, -spec.ageH))

    let grid: Grid | null
    let location: GcjPoint
    const where = spec.where
    if (spec.dupOf !== undefined) {
      const original = must(tickets[spec.dupOf - 1], `original row ${spec.dupOf}`)
      if (original.categoryId !== category.id) throw new Error(`seed: duplicate ${id} of another category`)
      grid = original.gridId === null ? null : must(gridById.get(original.gridId), 'grid')
      const near = { lng: round6(original.location.lng + 0.00012), lat: round6(original.location.lat + 0.00009) }
      location = grid && insideRing(near, grid.polygon) ? near : original.location
      original.followers++
    } else if ('outside' in where) {
      grid = null
      location = pointOutside(grids, OUTSIDE_ANCHORS[where.outside])
    } else {
      if ('unmanaged' in where) grid = must(gridById.get(unmanagedGridIds[0]), 'unmanaged grid')
      else if ('mine' in where) {
        const mine = must(userById.get('u-grid'), 'user u-grid').gridIds
        grid = must(gridById.get(mine[where.mine % mine.length]), 'grid of u-grid')
      } else {
        const p = { lng: where.near[0], lat: where.near[1] }
        const hit = gridAt(grids, p)
        grid = hit && hit.managerIds.length > 0 ? hit : nearestGrid(grids, p, true)
      }
      location = pointIn(grid, id)
    }

    const managerId = grid?.managerIds[0] ?? null
    const manager = managerId === null ? undefined : userById.get(managerId)
    const routed = manager !== undefined
    const steps = stepsFor(spec, routed, manager?.nickname ?? '', grid?.name ?? '', rngFor(`ticket-notes:${id}`))
    const times = stepTimes(spec, steps, category.timeLimitHours, created)
    const adminId = i % 3 === 2 ? 'u-admin-2' : 'u-admin'
    const actor = (who: Who): [string, Role | 'system'] =>
      who === 'reporter' ? [spec.reporter, 'citizen']
        : who === 'assignee' ? [managerId ?? 'system', 'grid_manager']
          : who === 'admin' ? [adminId, 'admin'] : ['system', 'system']

    steps.forEach((step, k) => {
      const [actorId, actorRole] = actor(step.who)
      ticketEvents.push({
        id: `${id}-e${k + 1}`, ticketId: id, action: step.action, fromState: k === 0 ? null : steps[k - 1].to,
        toState: step.to, actorId, actorRole, note: step.note, at: times[k]
      })
    })
    const at = (action: string, last = false): string | null => {
      const ks = steps.map((s, k) => (s.action === action ? k : -1)).filter((k) => k >= 0)
      return ks.length === 0 ? null : times[last ? ks[ks.length - 1] : ks[0]]
    }
    const done = spec.state === 'fixed' || spec.state === 'closed'
    const ticket: Ticket = {
      id,
      clientRequestId: `seed-req-${id}`,
      reporterId: spec.reporter,
      anonymous: spec.anon ?? false,
      categoryId: category.id,
      description: spec.desc,
      location,
      address: spec.addr,
      gridId: grid?.id ?? null,
      assigneeId: spec.state === 'triage' ? null : managerId,
      department: category.department,
      state: spec.state,
      closeReason: spec.state === 'fixed' ? 'fixed' : spec.state === 'closed' ? spec.close ?? null : null,
      mergedInto: spec.dupOf === undefined ? null : ticketId(spec.dupOf),
      photos: [],
      afterPhotos: [],
      deadline: deadlineFor(created, category.timeLimitHours),
      overdue: false,
      reworkCount: steps.filter((s) => s.action === 'rejectFix').length,
      followers: spec.followers ?? 0,
      rating: spec.state === 'fixed' && !spec.auto ? spec.rating ?? 'satisfied' : null,
      createdAt: created,
      updatedAt: times[times.length - 1],
      dispatchedAt: at('dispatch'),
      acceptedAt: at('accept'),
      resolvedAt: at('resolve', true),
      closedAt: done ? times[times.length - 1] : null,
      version: steps.length
    }
    ticket.overdue = isOverdue(ticket, nowIso)
    tickets.push(ticket)
  })
  return { tickets, ticketEvents }
}
