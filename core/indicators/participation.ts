import type { Grid, Signup, SurveyResponse, Ticket } from '../types'
import type { AggCell, DistinctMark } from './aggregates'
import { areasOf } from './areas'
import { chinaDayKey, GRAINS, periodKey, type Grain } from './period'
import { isLiveSignup } from '../volunteer/seats'

/**
 * 参与率's numerator: distinct residents who reported or answered a survey in scope, and — city-wide only, since a
 * signup has no area yet — who signed up for volunteer service (a cancelled signup is no participation).
 */
export function participantIds (
  tickets: ReadonlyArray<Pick<Ticket, 'reporterId'>>,
  responses: ReadonlyArray<Pick<SurveyResponse, 'userId'>>,
  signups: ReadonlyArray<Pick<Signup, 'userId' | 'status'>>,
  scope: { cityWide: boolean }
): Set<string> {
  return new Set([
    ...tickets.map((t) => t.reporterId),
    ...responses.map((r) => r.userId),
    ...(scope.cityWide ? signups.filter(isLiveSignup).map((s) => s.userId) : [])
  ])
}

/** The resident base (常住人口) of a grid, or of the whole city: the sum over its grids. */
export function residentBase (grids: ReadonlyArray<Pick<Grid, 'population'>>, grid?: Pick<Grid, 'population'>): number {
  return grid ? grid.population : grids.reduce((sum, g) => sum + g.population, 0)
}

/** 参与率's distinct people, kept per whole period: a metric per grain ('p.month' …). */
export const participationMetric = (g: Grain): string => `p.${g}`
export const PARTICIPATION_METRICS: readonly string[] = GRAINS.map(participationMetric)

/**
 * The marks one act of participation (a report filed, a survey answered, a check-in at an event or training) makes:
 * the person, once per area it lies in and per whole period (day, week, month, quarter, year) containing the act.
 * A second act in the same period and area adds nothing, so each cell is a distinct count.
 */
export function participationMarks (personId: string, gridCode: string | null | undefined, atIso: string): DistinctMark[] {
  const day = chinaDayKey(atIso)
  const out: DistinctMark[] = []
  for (const grain of GRAINS) {
    const key = periodKey(grain, day)
    for (const area of areasOf(gridCode)) out.push({ metric: participationMetric(grain), area, day: key, member: personId })
  }
  return out
}

/** Distinct marks as cells (n = distinct members): the reconciliation's reference for the stored distinct counts. */
export function distinctCells (marks: Iterable<DistinctMark>): AggCell[] {
  const members = new Map<string, { cell: AggCell; seen: Set<string> }>()
  for (const m of marks) {
    const k = `${m.metric}|${m.area}|${m.day}`
    let e = members.get(k)
    if (!e) { e = { cell: { metric: m.metric, area: m.area, day: m.day, n: 0, sum: 0, sumSq: 0 }, seen: new Set() }; members.set(k, e) }
    if (!e.seen.has(m.member)) { e.seen.add(m.member); e.cell.n++; e.cell.sum++; e.cell.sumSq++ }
  }
  return [...members.values()].map((e) => e.cell)
}

/** 志愿者注册率's numerator: one cell per registration, on its China day, for each area of the volunteer's home grid. */
export const VOLUNTEER_METRIC = 'v.registered'
export function volunteerCells (homeGridCode: string | null | undefined, registeredAt: string): AggCell[] {
  const day = chinaDayKey(registeredAt)
  return areasOf(homeGridCode).map((area) => ({ metric: VOLUNTEER_METRIC, area, day, n: 1, sum: 1, sumSq: 1 }))
}
