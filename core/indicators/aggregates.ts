import { AGE_BANDS, type AgeBand, type Question, type SurveyResponse } from '../types'
import { ageMetric } from './age'
import { rateFromSums, respondentScore, type SurveyIndicatorTag } from './survey'
import type { Rate } from './rate'
import { chinaDayKey } from './period'
import { areasOf } from './areas'

/**
 * Survey indicators kept up to date incrementally: each counted response adds one observation (its respondent score)
 * to a cell per indicator × area × day, for every area it lies in (the city, its district, street, community and
 * grid: the prefixes of its grid code). A rate for any area and period is then the sum of a few cells — never a scan
 * of answers — and equals a recount of the raw responses exactly (n, Σy, Σy² are additive).
 */

export const SURVEY_METRICS: readonly SurveyIndicatorTag[] = ['awareness', 'support', 'satisfaction']

/** The survey metrics per respondent's age band (awareness@30-44 …), for the age-weighted rates. */
export const SURVEY_BAND_METRICS: readonly string[] = SURVEY_METRICS.flatMap((m) => AGE_BANDS.map((b) => ageMetric(m, b)))

export interface AggCell {
  metric: string
  /** '' for the whole city, else a grid-code prefix of 6, 9, 12 or 15 digits. */
  area: string
  /** China calendar day, YYYY-MM-DD. */
  day: string
  n: number
  sum: number
  sumSq: number
}

/** One member of a distinct count: counted once in its cell however often they act (参与率's people). */
export interface DistinctMark {
  metric: string
  area: string
  /** The period's key: its first China day. */
  day: string
  member: string
}

/** What a write does to the indicators, carried with it into its unit of work. */
export interface IndicatorEffects {
  cells: readonly AggCell[]
  marks: readonly DistinctMark[]
}

export const NO_EFFECTS: IndicatorEffects = { cells: [], marks: [] }

export const cellKey = (c: Pick<AggCell, 'metric' | 'area' | 'day'>): string => `${c.metric}|${c.area}|${c.day}`

export { areasOf } from './areas'
export { chinaDayKey } from './period'

/**
 * The cells one response adds (none for a staff test, or for a respondent no indicator question counted): per
 * indicator, and again per indicator and the respondent's age band (for the age-weighted rate).
 */
export function responseCells (questions: readonly Question[], r: Pick<SurveyResponse, 'answers' | 'at' | 'test'> & { ageBand?: AgeBand | null }, gridCode: string | null | undefined): AggCell[] {
  if (r.test) return []
  const day = chinaDayKey(r.at)
  const out: AggCell[] = []
  for (const metric of SURVEY_METRICS) {
    const y = respondentScore(metric, questions, r)
    if (y === null) continue
    for (const area of areasOf(gridCode)) {
      out.push({ metric, area, day, n: 1, sum: y, sumSq: y * y })
      if (r.ageBand) out.push({ metric: ageMetric(metric, r.ageBand), area, day, n: 1, sum: y, sumSq: y * y })
    }
  }
  return out
}

/** Cells added up by key as they come (memory holds the distinct cells, never every contribution). */
export class CellSums {
  private readonly by = new Map<string, AggCell>()
  add (c: AggCell): void {
    const k = cellKey(c)
    const had = this.by.get(k)
    if (had) { had.n += c.n; had.sum += c.sum; had.sumSq += c.sumSq } else this.by.set(k, { ...c })
  }
  addAll (cells: Iterable<AggCell>): void { for (const c of cells) this.add(c) }
  cells (): AggCell[] { return [...this.by.values()] }
}

/** Cells with the same key added together (the order of first appearance kept). */
export function mergeCells (cells: Iterable<AggCell>): AggCell[] {
  const sums = new CellSums()
  sums.addAll(cells)
  return sums.cells()
}

/** Every cell, recounted from the raw responses (the reconciliation's reference). */
export function recountCells (
  surveys: ReadonlyMap<string, Pick<{ questions: Question[] }, 'questions'>>,
  responses: Iterable<SurveyResponse>,
  gridCodeOf: (r: SurveyResponse) => string | null,
  into: CellSums = new CellSums()
): AggCell[] {
  for (const r of responses) {
    const s = surveys.get(r.surveyId)
    if (s) into.addAll(responseCells(s.questions, r, gridCodeOf(r)))
  }
  return into.cells()
}

export interface Drift {
  key: string
  stored: Pick<AggCell, 'n' | 'sum' | 'sumSq'> | null
  recounted: Pick<AggCell, 'n' | 'sum' | 'sumSq'> | null
}

/** Cells that differ between what is stored and a recount (sums compared to 1e-9). */
export function driftOf (stored: readonly AggCell[], recounted: readonly AggCell[]): Drift[] {
  const s = new Map(stored.map((c) => [cellKey(c), c]))
  const r = new Map(recounted.map((c) => [cellKey(c), c]))
  const out: Drift[] = []
  const same = (a: AggCell, b: AggCell) => a.n === b.n && Math.abs(a.sum - b.sum) < 1e-9 && Math.abs(a.sumSq - b.sumSq) < 1e-9
  for (const k of new Set([...s.keys(), ...r.keys()])) {
    const a = s.get(k)
    const b = r.get(k)
    const emptyA = !a || a.n === 0
    if (emptyA && !b) continue
    if (a && b && same(a, b)) continue
    const pick = (c: AggCell | undefined) => (c ? { n: c.n, sum: c.sum, sumSq: c.sumSq } : null)
    out.push({ key: k, stored: pick(a), recounted: pick(b) })
  }
  return out
}

/** A rate from summed cells. */
export function rateOfSums (s: Pick<AggCell, 'n' | 'sum' | 'sumSq'>): Rate {
  return rateFromSums(s.n, s.sum, s.sumSq)
}
