import type { Question, Signup, SurveyResponse, Ticket, VolunteerProfile } from '../types'
import { CellSums, recountCells, SURVEY_BAND_METRICS, SURVEY_METRICS, type AggCell, type DistinctMark } from './aggregates'
import { PARTICIPATION_METRICS, participationMarks, VOLUNTEER_METRIC, volunteerCells } from './participation'
import { TICKET_METRICS, ticketCells } from './ticket-cells'

/** Every metric kept incrementally: what a full recount rebuilds and the reconciliation compares. */
export const ALL_METRICS: readonly string[] = [...SURVEY_METRICS, ...SURVEY_BAND_METRICS, ...TICKET_METRICS, ...PARTICIPATION_METRICS, VOLUNTEER_METRIC]

export interface RawRows {
  surveys: ReadonlyMap<string, { questions: Question[] }>
  /** Lists, not one-shot iterators: a recount reads them more than once. */
  responses: readonly SurveyResponse[]
  tickets: readonly Ticket[]
  signups: readonly Signup[]
  volunteers: readonly VolunteerProfile[]
  /** A grid's code (null for none or an unknown grid: counted for the city only). */
  gridCodeOf: (gridId: string | null | undefined) => string | null
}

/** One act of participation (a report, a counted answer, a first check-in): who, where, when. */
export interface Act { member: string; gridCode: string | null; at: string }

function homesOf (rows: RawRows, volunteers: readonly VolunteerProfile[]): Map<string, string | null> {
  return new Map(volunteers.map((v) => [v.userId, rows.gridCodeOf(v.homeGridId)]))
}

/** Every act of participation in the raw rows, by the rules the writes apply. */
export function * actsOf (rows: RawRows, volunteers: readonly VolunteerProfile[]): Generator<Act> {
  const homeOf = homesOf(rows, volunteers)
  for (const r of rows.responses) {
    if (!r.test && rows.surveys.has(r.surveyId)) yield { member: r.userId, gridCode: r.areaCode ?? rows.gridCodeOf(r.gridId), at: r.at }
  }
  for (const t of rows.tickets) yield { member: t.reporterId, gridCode: rows.gridCodeOf(t.gridId), at: t.createdAt }
  for (const s of rows.signups) {
    if (s.checkInAt !== null) yield { member: s.userId, gridCode: homeOf.get(s.userId) ?? null, at: s.checkInAt }
  }
}

/**
 * The distinct counts from the acts, person by person: each person's marks are deduplicated alone and then counted,
 * so memory holds the people and the cells, never every mark of every act (25 per act).
 */
export function distinctFromActs (acts: Iterable<Act>, into: CellSums): void {
  const byMember = new Map<string, Act[]>()
  for (const a of acts) {
    const list = byMember.get(a.member)
    if (list) list.push(a); else byMember.set(a.member, [a])
  }
  for (const [member, list] of byMember) {
    const seen = new Set<string>()
    for (const a of list) {
      for (const m of participationMarks(member, a.gridCode, a.at)) {
        const k = `${m.metric}|${m.area}|${m.day}`
        if (seen.has(k)) continue
        seen.add(k)
        into.add({ metric: m.metric, area: m.area, day: m.day, n: 1, sum: 1, sumSq: 1 })
      }
    }
  }
}

/** The additive cells (survey, ticket, volunteer) from the raw rows. */
function additiveInto (rows: RawRows, volunteers: readonly VolunteerProfile[], into: CellSums): void {
  recountCells(rows.surveys, rows.responses, (r) => r.areaCode ?? rows.gridCodeOf(r.gridId), into)
  for (const t of rows.tickets) into.addAll(ticketCells(t, rows.gridCodeOf(t.gridId)))
  const homeOf = homesOf(rows, volunteers)
  for (const v of volunteers) into.addAll(volunteerCells(homeOf.get(v.userId), v.registeredAt))
}

/**
 * Every cell recounted from the raw rows by the rules the writes apply — the reconciliation's reference — and the
 * distinct marks as a generator, made again from the rows only when a repair needs them.
 */
export function recountForReconcile (rows: RawRows): { cells: AggCell[]; marks: () => Iterable<DistinctMark> } {
  const volunteers = [...rows.volunteers]
  const sums = new CellSums()
  additiveInto(rows, volunteers, sums)
  distinctFromActs(actsOf(rows, volunteers), sums)
  return {
    cells: sums.cells(),
    marks: function * () { for (const a of actsOf(rows, volunteers)) yield * participationMarks(a.member, a.gridCode, a.at) }
  }
}

/** The same, with the marks listed (a bulk import of a seed or a bench builds its aggregates in one step with them). */
export function recountAll (rows: RawRows): { cells: AggCell[]; marks: DistinctMark[] } {
  const r = recountForReconcile(rows)
  return { cells: r.cells, marks: [...r.marks()] }
}

/**
 * A recount as the effects of one bulk write (an import): the additive cells, and the marks — whose distinct cells the
 * store counts itself as it adds them, so they are left out of the cells here.
 */
export function asEffects (recount: { cells: readonly AggCell[]; marks: readonly DistinctMark[] }): { cells: AggCell[]; marks: DistinctMark[] } {
  const distinct = new Set(PARTICIPATION_METRICS)
  return { cells: recount.cells.filter((c) => !distinct.has(c.metric)), marks: [...recount.marks] }
}
