import { DEFAULT_SETTINGS } from '../../core/settings'
import { transitionPatch } from '../../core/tickets/apply'
import { sweepAction } from '../../core/tickets/queues'
import { routeReport } from '../../core/tickets/route'
import { deadlineFor, isOverdue } from '../../core/tickets/sla'
import { TRANSITIONS, actorsFor, decide, isHandler, type Actor, type TicketAction } from '../../core/tickets/workflow'
import type { GcjRing, Ticket, TicketEvent } from '../../core/types'
import { buildDemoCity } from './demo'
import { areaKm2 } from './geo'
import { gridCentroid } from './grids'
import { YUHUA_OUTLINE } from './outline'

const NOW = '2026-03-15T06:30:00.000Z'
const city = buildDemoCity(NOW)
const { grids, categories, users, tickets, ticketEvents } = city

/** Independent ray casting, so the test does not trust the code it checks. */
function contains (ring: GcjRing, lng: number, lat: number): boolean {
  let c = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[i]
    const [x2, y2] = ring[j]
    if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) c = !c
  }
  return c
}
const gridsAt = (lng: number, lat: number): string[] => grids.filter((g) => contains(g.polygon, lng, lat)).map((g) => g.id)
const ms = (iso: string): number => Date.parse(iso)

const ACTOR_OF_ROLE: Record<string, Actor> = { citizen: 'reporter', grid_manager: 'assignee', admin: 'admin', system: 'system' }

/**
 * Rebuilds a seeded ticket from its timeline with core alone: routeReport for the submit, then each event through
 * decide (for the capacity its actorRole names) and transitionPatch; timer events must be what the sweep would do.
 */
function replay (stored: Ticket, events: TicketEvent[]): { ticket: Ticket; problems: string[] } {
  const problems: string[] = []
  const [submit, ...steps] = events
  const grid = grids.find((g) => g.id === stored.gridId) ?? null
  const category = categories.find((c) => c.id === stored.categoryId)!
  const route = routeReport(grid, category, stored.createdAt)
  if (submit.action !== 'submit' || submit.fromState !== null || submit.actorId !== stored.reporterId || submit.actorRole !== 'citizen') {
    problems.push(`${stored.id}: first event is not the reporter's submit`)
  }
  if (submit.toState !== route.state) problems.push(`${stored.id}: filed as ${submit.toState}, routing says ${route.state}`)
  let t: Ticket = {
    ...stored,
    gridId: route.gridId,
    assigneeId: route.assigneeId,
    department: route.department,
    state: submit.toState,
    deadline: route.deadline,
    closeReason: null,
    mergedInto: null,
    afterPhotos: [],
    overdue: false,
    reworkCount: 0,
    rating: null,
    updatedAt: submit.at,
    dispatchedAt: route.state === 'dispatched' ? submit.at : null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    version: 1
  }
  for (const e of steps) {
    const where = `${stored.id}: ${e.action} by ${e.actorRole} ${e.actorId} from ${t.state}`
    if (e.fromState !== t.state) problems.push(`${where}: recorded as from ${e.fromState ?? 'nothing'}`)
    if (e.actorRole === 'system' && sweepAction(t, e.at, DEFAULT_SETTINGS) !== e.action) problems.push(`${where}: not what the sweep does at ${e.at}`)
    if (e.action === 'markOverdue') {
      t = { ...t, overdue: true, updatedAt: e.at, version: t.version + 1 }
      continue
    }
    const user = e.actorRole === 'system' ? 'system' : users.find((u) => u.id === e.actorId)
    if (user === undefined) {
      problems.push(`${where}: unknown actor`)
      continue
    }
    const d = decide(e.action as TicketAction, user, t)
    const as = ACTOR_OF_ROLE[e.actorRole]
    if (!d.ok) problems.push(`${where}: ${d.reason}`)
    else if (!d.transition.by.includes(as) || !actorsFor(user, t).includes(as)) problems.push(`${where}: not allowed as ${as}`)
    else if (e.toState !== d.transition.to) problems.push(`${where}: recorded as to ${e.toState}, the table says ${d.transition.to}`)
    if (!d.ok) continue
    const actor = user === 'system' ? undefined : { id: user.id, isManager: isHandler(user, t) }
    const input = { actor, note: e.note, afterPhotos: [], mergedInto: stored.mergedInto ?? undefined, rating: e.action === 'confirmFixed' ? stored.rating ?? undefined : undefined }
    t = { ...t, ...transitionPatch(d.transition, t, input, e.at), version: t.version + 1 }
  }
  return { ticket: t, problems }
}

describe('grids', () => {
  it('has a plausible count, unique 15-digit codes and ids, GCJ-02, populations', () => {
    expect(grids.length).toBeGreaterThanOrEqual(50)
    expect(grids.length).toBeLessThanOrEqual(200)
    for (const g of grids) {
      expect(g.code).toMatch(/^430111\d{9}$/)
      expect(g.datum).toBe('GCJ-02')
      expect(g.district).toBe('雨花区')
      expect(g.name.startsWith(`${g.street}·${g.community}·`)).toBe(true)
      expect(g.population).toBeGreaterThanOrEqual(2000)
      expect(g.population).toBeLessThanOrEqual(12000)
    }
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length)
    expect(new Set(grids.map((g) => g.id)).size).toBe(grids.length)
  })

  it('covers all 12 streets with 2–5 communities each', () => {
    const streets = new Map<string, Set<string>>()
    for (const g of grids) streets.set(g.street, (streets.get(g.street) ?? new Set()).add(g.community))
    expect(streets.size).toBe(12)
    for (const communities of streets.values()) {
      expect(communities.size).toBeGreaterThanOrEqual(2)
      expect(communities.size).toBeLessThanOrEqual(5)
    }
  })

  it('keeps cells whose centroid is inside an outline of plausible size', () => {
    const km2 = areaKm2(YUHUA_OUTLINE)
    expect(km2).toBeGreaterThan(100)
    expect(km2).toBeLessThan(220)
    for (const g of grids) {
      const c = gridCentroid(g)
      expect(contains(YUHUA_OUTLINE, c.lng, c.lat)).toBe(true)
    }
  })

  it('tiles without overlaps: points inside a grid belong to that grid only', () => {
    for (const g of grids) {
      const c = gridCentroid(g)
      const samples = [[c.lng, c.lat], ...g.polygon.map(([x, y]) => [(x + 2 * c.lng) / 3, (y + 2 * c.lat) / 3])]
      for (const [lng, lat] of samples) expect(gridsAt(lng, lat)).toEqual([g.id])
    }
  })

  it('shares edges exactly between neighbours and no vertex pokes into another grid', () => {
    const directed = new Map<string, string>()
    for (const g of grids) {
      g.polygon.forEach((a, i) => {
        const b = g.polygon[(i + 1) % g.polygon.length]
        const key = `${a.join(',')}>${b.join(',')}`
        expect(directed.has(key)).toBe(false)
        directed.set(key, g.id)
      })
    }
    let shared = 0
    for (const key of directed.keys()) {
      const [a, b] = key.split('>')
      if (directed.has(`${b}>${a}`)) shared++
    }
    // In a lattice of ~170 cells most edges are interior: each counted once per direction.
    expect(shared).toBeGreaterThan(grids.length * 2)
    for (const g of grids) {
      const neighbours = grids.filter((o) => o.id !== g.id && o.polygon.some(([x, y]) => g.polygon.some(([u, v]) => u === x && v === y)))
      expect(neighbours.length).toBeGreaterThan(0)
      for (const [x, y] of g.polygon) expect(gridsAt(x + 1e-9, y + 1e-9).length).toBeLessThanOrEqual(1)
    }
  })
})

describe('categories', () => {
  it('has ≥ 20 level-2 categories whose parents exist, with sane limits', () => {
    const level2 = categories.filter((c) => c.level === 2)
    expect(level2.length).toBeGreaterThanOrEqual(20)
    const codes = new Set(categories.map((c) => c.code))
    expect(codes.size).toBe(categories.length)
    expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length)
    for (const c of level2) {
      const parent = categories.find((p) => p.code === c.parentCode)
      expect(parent?.level).toBe(1)
      expect(parent?.kind).toBe(c.kind)
      expect(c.timeLimitHours).toBeGreaterThan(0)
      expect(c.duplicateRadiusM).toBeGreaterThanOrEqual(30)
      expect(c.duplicateRadiusM).toBeLessThanOrEqual(100)
    }
    for (const c of categories.filter((x) => x.level === 1)) expect(c.parentCode).toBeNull()
    expect(level2.map((c) => c.name)).toEqual(expect.arrayContaining(['非法小广告', '暴露垃圾', '井盖破损或缺失', '占道经营']))
  })
})

describe('users and managers', () => {
  it('has every demo role account', () => {
    const expected: Array<[string, string, string]> = [
      ['u-citizen', 'dev-citizen', 'citizen'], ['u-volunteer', 'dev-volunteer', 'volunteer'],
      ['u-organizer', 'dev-organizer', 'organizer'], ['u-grid', 'dev-grid', 'grid_manager'], ['u-admin', 'dev-admin', 'admin']
    ]
    for (const [id, openid, role] of expected) {
      const u = users.find((x) => x.id === id)
      expect(u?.openid).toBe(openid)
      expect(u?.roles).toContain(role)
    }
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length)
    expect(new Set(users.map((u) => u.openid)).size).toBe(users.length)
  })

  it('gives every grid but the deliberate few exactly one manager who lists it', () => {
    expect(city.unmanagedGridIds.length).toBeGreaterThanOrEqual(2)
    expect(city.unmanagedGridIds.length).toBeLessThanOrEqual(3)
    for (const g of grids) {
      if (city.unmanagedGridIds.includes(g.id)) {
        expect(g.managerIds).toEqual([])
        expect(users.some((u) => u.gridIds.includes(g.id))).toBe(false)
        continue
      }
      expect(g.managerIds).toHaveLength(1)
      const m = users.find((u) => u.id === g.managerIds[0])
      expect(m?.roles).toContain('grid_manager')
      expect(m?.gridIds).toContain(g.id)
    }
    const managers = users.filter((u) => u.roles.includes('grid_manager'))
    for (const m of managers) {
      expect(m.gridIds.length).toBeGreaterThanOrEqual(4)
      expect(m.gridIds.length).toBeLessThanOrEqual(10)
    }
    expect(users.find((u) => u.id === 'u-grid')?.gridIds[0]).toBe(grids[0].id)
  })
})

describe('tickets', () => {
  const byId = new Map(tickets.map((t) => [t.id, t]))
  const eventsOf = (id: string): typeof ticketEvents => ticketEvents.filter((e) => e.ticketId === id)

  it('orders timestamps and stays within the last 60 days', () => {
    for (const t of tickets) {
      const chain = [t.createdAt, t.dispatchedAt, t.acceptedAt, t.resolvedAt, t.closedAt].filter((x): x is string => x !== null)
      for (let i = 1; i < chain.length; i++) expect(ms(chain[i])).toBeGreaterThanOrEqual(ms(chain[i - 1]))
      expect(ms(t.createdAt)).toBeGreaterThanOrEqual(ms(NOW) - 60 * 86_400_000)
      expect(ms(t.updatedAt)).toBeLessThanOrEqual(ms(NOW))
      expect(t.deadline).toBe(deadlineFor(t.createdAt, categories.find((c) => c.id === t.categoryId)?.timeLimitHours ?? NaN))
      expect(t.overdue).toBe(isOverdue(t, NOW))
    }
  })

  it('has a timeline per ticket that follows the transition table', () => {
    for (const t of tickets) {
      const evs = eventsOf(t.id)
      expect(t.version).toBe(evs.length)
      expect(evs[0].fromState).toBeNull()
      expect(evs[evs.length - 1].toState).toBe(t.state)
      expect(evs[evs.length - 1].at).toBe(t.updatedAt)
      evs.forEach((e, i) => {
        expect(e.note.length).toBeGreaterThan(0)
        if (i === 0) return
        expect(e.fromState).toBe(evs[i - 1].toState)
        expect(ms(e.at)).toBeGreaterThanOrEqual(ms(evs[i - 1].at))
        if (e.action === 'markOverdue') {
          expect(e).toMatchObject({ toState: e.fromState, actorId: 'system', actorRole: 'system' })
          return
        }
        const tr = TRANSITIONS.find((x) => x.action === e.action)
        expect(tr).toBeDefined()
        expect(tr?.from).toContain(e.fromState)
        expect(tr?.to).toBe(e.toState)
      })
      expect(t.reworkCount).toBe(evs.filter((e) => e.action === 'rejectFix').length)
    }
    expect(new Set(tickets.map((t) => t.clientRequestId)).size).toBe(tickets.length)
    expect(new Set(ticketEvents.map((e) => e.id)).size).toBe(ticketEvents.length)
  })

  it('replays every timeline through core from the submit to the stored ticket, each step allowed for its actor', () => {
    for (const t of tickets) {
      const { ticket, problems } = replay(t, eventsOf(t.id))
      expect(problems).toEqual([])
      expect(ticket).toEqual(t)
    }
  })

  it('catches a history the workflow cannot produce', () => {
    const t = tickets.find((x) => x.state === 'accepted' && x.version === 2)!
    const [submit, accept] = eventsOf(t.id)
    // What the seed once wrote: filed into triage, then dispatched by the system.
    const systemDispatch: TicketEvent[] = [
      { ...submit, toState: 'triage' },
      { ...submit, id: 'x', action: 'dispatch', fromState: 'triage', toState: 'dispatched', actorId: 'system', actorRole: 'system' },
      accept
    ]
    expect(replay(t, systemDispatch).problems).toEqual(expect.arrayContaining([
      `${t.id}: filed as triage, routing says dispatched`,
      `${t.id}: dispatch by system system from triage: FORBIDDEN`
    ]))
    expect(replay(t, [submit, { ...accept, actorId: t.reporterId, actorRole: 'citizen' }]).problems).toEqual([
      `${t.id}: accept by citizen ${t.reporterId} from dispatched: FORBIDDEN`
    ])
    // A stored state the timeline does not lead to.
    const claimed: Ticket = { ...t, state: 'resolved' }
    expect(replay(claimed, eventsOf(t.id)).ticket).not.toEqual(claimed)
  })

  it('places tickets in their grids, or outside every grid when gridId is null', () => {
    for (const t of tickets) {
      const at = gridsAt(t.location.lng, t.location.lat)
      expect(at).toEqual(t.gridId === null ? [] : [t.gridId])
    }
  })

  it('has the demo mix: triage fallbacks, 赵网格 inbox, closings, ratings', () => {
    const triage = tickets.filter((t) => t.state === 'triage')
    expect(triage.filter((t) => t.gridId === null)).toHaveLength(2)
    expect(triage.filter((t) => t.gridId !== null && city.unmanagedGridIds.includes(t.gridId))).toHaveLength(1)
    for (const t of triage) expect(t.assigneeId).toBeNull()
    const mine = tickets.filter((t) => t.assigneeId === 'u-grid' && ['dispatched', 'accepted', 'resolved', 'rework'].includes(t.state))
    expect(mine.length).toBeGreaterThanOrEqual(5)
    expect(mine.filter((t) => t.reporterId === 'u-citizen').length).toBeGreaterThanOrEqual(3)
    const states = new Set(tickets.map((t) => t.state))
    for (const s of ['triage', 'dispatched', 'accepted', 'resolved', 'rework', 'fixed', 'closed']) expect(states).toContain(s)
    for (const t of tickets.filter((x) => x.state === 'fixed')) expect(t.closeReason).toBe('fixed')
    for (const t of tickets.filter((x) => x.state === 'closed')) expect(['duplicate', 'invalid', 'referred', 'unable']).toContain(t.closeReason)
    for (const t of tickets.filter((x) => x.closeReason === 'duplicate')) expect(byId.get(t.mergedInto ?? '')?.categoryId).toBe(t.categoryId)
    expect(tickets.some((t) => t.rating !== null)).toBe(true)
    expect(tickets.some((t) => t.closedAt !== null && ms(t.closedAt) > ms(t.deadline))).toBe(true)
    expect(tickets.some((t) => t.overdue)).toBe(true)
    const common = tickets.filter((t) => t.categoryId === 'cat-E02-01' || t.categoryId === 'cat-E01-01').length
    expect(common / tickets.length).toBeGreaterThan(0.4)
    expect(common / tickets.length).toBeLessThan(0.65)
  })
})

describe('volunteer events and survey', () => {
  it('publishes 4–8 events, most upcoming, seats untaken (held ones get theirs from the seeded signups)', () => {
    expect(city.events.length).toBeGreaterThanOrEqual(4)
    expect(city.events.length).toBeLessThanOrEqual(8)
    expect(city.events.filter((e) => ms(e.startAt) > ms(NOW)).length).toBeGreaterThan(city.events.length / 2)
    for (const e of city.events) {
      expect(e.organizerId).toBe('u-organizer')
      expect(e.taken).toBe(0)
      expect(e.capacity).toBeGreaterThanOrEqual(10)
      expect(e.capacity).toBeLessThanOrEqual(60)
      expect(ms(e.createdAt)).toBeLessThanOrEqual(ms(NOW))
      expect(ms(e.cancelDeadline)).toBeLessThan(ms(e.startAt))
    }
  })

  it('seeds the held events\' attendance: confirmed hours within each event, a no-show, a training that qualifies', () => {
    const byId = new Map(city.events.map((e) => [e.id, e]))
    expect(city.signups.length).toBeGreaterThan(0)
    for (const s of city.signups) {
      const e = byId.get(s.eventId)!
      expect(ms(e.endAt)).toBeLessThan(ms(NOW))
      if (!s.noShow) expect(s.earnedHours).toBeLessThanOrEqual((ms(e.endAt) - ms(e.startAt)) / 3_600_000)
    }
    expect(city.signups.filter((s) => s.noShow)).toHaveLength(1)
    const required = city.events.flatMap((e) => e.requiredTrainings)
    expect(required.every((topic) => city.events.some((e) => e.kind === 'training' && e.topic === topic && ms(e.endAt) < ms(NOW)))).toBe(true)
    expect(city.volunteers.map((v) => v.userId).sort()).toEqual(['u-volunteer', 'u-volunteer-2', 'u-volunteer-3'])
  })

  it('seeds one response per resident with realistic rates', () => {
    const [survey] = city.surveys
    expect(survey.status).toBe('open')
    const rate = (tag: string): number => {
      let yes = 0
      let n = 0
      for (const q of survey.questions.filter((x) => x.indicator === tag)) {
        for (const r of city.responses) {
          const a = r.answers[q.id]
          if (!Array.isArray(a)) continue
          n++
          if (a.some((i) => q.positive.includes(i))) yes++
        }
      }
      return yes / n
    }
    expect(rate('awareness')).toBeCloseTo(0.85, 2)
    expect(rate('support')).toBeCloseTo(0.9, 2)
    expect(rate('satisfaction')).toBeGreaterThan(0.85)
    expect(rate('satisfaction')).toBeLessThan(0.91)
    expect(new Set(city.responses.map((r) => r.userId)).size).toBe(city.responses.length)
    for (const r of city.responses) {
      expect(users.find((u) => u.id === r.userId)?.homeGridId).toBe(r.gridId)
      expect(ms(r.at)).toBeGreaterThanOrEqual(ms(survey.opensAt))
      expect(ms(r.at)).toBeLessThanOrEqual(ms(NOW))
    }
  })
})

describe('determinism', () => {
  it('builds the same city for the same nowIso, shifted times for another', () => {
    expect(JSON.stringify(buildDemoCity(NOW))).toBe(JSON.stringify(city))
    const later = buildDemoCity('2026-03-16T06:30:00.000Z')
    expect(later.grids).toEqual(city.grids)
    expect(later.tickets.map((t) => t.state)).toEqual(city.tickets.map((t) => t.state))
    expect(ms(later.tickets[0].createdAt) - ms(city.tickets[0].createdAt)).toBe(86_400_000)
  })
})
