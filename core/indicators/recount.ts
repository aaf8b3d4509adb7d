import type { Question, Signup, SurveyResponse, Ticket, VolunteerProfile } from '../types'
import { mergeCells, recountCells, SURVEY_BAND_METRICS, SURVEY_METRICS, type AggCell, type DistinctMark } from './aggregates'
import { distinctCells, PARTICIPATION_METRICS, participationMarks, VOLUNTEER_METRIC, volunteerCells } from './participation'
import { TICKET_METRICS, ticketCells } from './ticket-cells'

/** Every metric kept incrementally: what a full recount rebuilds and the reconciliation compares. */
export const ALL_METRICS: readonly string[] = [...SURVEY_METRICS, ...SURVEY_BAND_METRICS, ...TICKET_METRICS, ...PARTICIPATION_METRICS, VOLUNTEER_METRIC]

export interface RawRows {
  surveys: ReadonlyMap<string, { questions: Question[] }>
  responses: Iterable<SurveyResponse>
  tickets: Iterable<Ticket>
  signups: Iterable<Signup>
  volunteers: Iterable<VolunteerProfile>
  /** A grid's code (null for none or an unknown grid: counted for the city only). */
  gridCodeOf: (gridId: string | null | undefined) => string | null
}

/**
 * Every cell and distinct mark recounted from the raw rows, by the same rules the writes apply: the reconciliation's
 * reference, and how a bulk import (the demo seed, a bench) builds its aggregates in one step.
 */
export function recountAll (rows: RawRows): { cells: AggCell[]; marks: DistinctMark[] } {
  const volunteers = [...rows.volunteers]
  const homeOf = new Map(volunteers.map((v) => [v.userId, rows.gridCodeOf(v.homeGridId)]))
  const responses = [...rows.responses]
  const cells: AggCell[] = recountCells(rows.surveys, responses, (r) => r.areaCode ?? rows.gridCodeOf(r.gridId))
  const marks: DistinctMark[] = []
  for (const r of responses) {
    if (!r.test && rows.surveys.has(r.surveyId)) marks.push(...participationMarks(r.userId, r.areaCode ?? rows.gridCodeOf(r.gridId), r.at))
  }
  for (const t of rows.tickets) {
    const code = rows.gridCodeOf(t.gridId)
    cells.push(...ticketCells(t, code))
    marks.push(...participationMarks(t.reporterId, code, t.createdAt))
  }
  for (const s of rows.signups) {
    if (s.checkInAt !== null) marks.push(...participationMarks(s.userId, homeOf.get(s.userId) ?? null, s.checkInAt))
  }
  for (const v of volunteers) cells.push(...volunteerCells(homeOf.get(v.userId), v.registeredAt))
  return { cells: mergeCells([...cells, ...distinctCells(marks)]), marks }
}

/**
 * A recount as the effects of one bulk write (an import): the additive cells, and the marks — whose distinct cells the
 * store counts itself as it adds them, so they are left out of the cells here.
 */
export function asEffects (recount: { cells: readonly AggCell[]; marks: readonly DistinctMark[] }): { cells: AggCell[]; marks: DistinctMark[] } {
  const distinct = new Set(PARTICIPATION_METRICS)
  return { cells: recount.cells.filter((c) => !distinct.has(c.metric)), marks: [...recount.marks] }
}
