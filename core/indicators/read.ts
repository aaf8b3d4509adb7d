import { SURVEY_BAND_METRICS, SURVEY_METRICS, rateOfSums, type AggCell } from './aggregates'
import { ageMetric, ageWeighted, WEIGHTED_BANDS, type AgeStructure } from './age'
import { participationMetric, VOLUNTEER_METRIC } from './participation'
import { participationRate, volunteerRegistrationRate } from './population'
import { censusRate, sampleRate, type Rate } from './rate'
import { bandMetric, countMetric, DURATIONS, durationMetric, HOUR_BANDS, medianBand, TICKET_COUNTS, type Duration } from './ticket-cells'
import type { Grain } from './period'
import type { HoursView, IndicatorSet, RateView } from './views'

/**
 * Every indicator of one area and window from summed cells: the one rule the dashboard, 首页, the trend, the table and
 * the export all read through, so they cannot disagree.
 */

export type Sums = ReadonlyMap<string, Pick<AggCell, 'n' | 'sum' | 'sumSq'>>

const ZERO = { n: 0, sum: 0, sumSq: 0 }

/** The metrics a read sums over the window: survey, ticket and the window's distinct count (if it is a whole period). */
export function windowMetrics (grain: Grain | null, opts: { durations: boolean } = { durations: true }): string[] {
  return [
    ...SURVEY_METRICS,
    ...SURVEY_BAND_METRICS,
    ...TICKET_COUNTS.map(countMetric),
    ...(opts.durations ? DURATIONS.flatMap((d) => [durationMetric(d), ...HOUR_BANDS.map((_, i) => bandMetric(d, i))]) : []),
    ...(grain ? [participationMetric(grain)] : [])
  ]
}

/** The metric read from the first day on (志愿者注册率 counts everyone registered by the window's end). */
export const STANDING_METRICS: readonly string[] = [VOLUNTEER_METRIC]

export const CUSTOM_PARTICIPATION = '参与率按整日、整周、整月、整季或整年去重计人，自定义时段无法给出，请选择这些时段之一'

/** Cells summed per metric (the cells of one area). */
export function sumsOf (cells: Iterable<AggCell>): Map<string, { n: number; sum: number; sumSq: number }> {
  const out = new Map<string, { n: number; sum: number; sumSq: number }>()
  for (const c of cells) {
    const had = out.get(c.metric)
    if (had) { had.n += c.n; had.sum += c.sum; had.sumSq += c.sumSq } else out.set(c.metric, { n: c.n, sum: c.sum, sumSq: c.sumSq })
  }
  return out
}

function sample (r: Rate, minSample: number): RateView {
  return { ...r, insufficient: r.denominator < minSample }
}

function surveyRate (window: Sums, metric: 'awareness' | 'support' | 'satisfaction', ctx: ReadContext): RateView {
  const raw = sample(rateOfSums(window.get(metric) ?? ZERO), ctx.minSample)
  const weighted = ageWeighted(new Map(WEIGHTED_BANDS.map((b) => [b, window.get(ageMetric(metric, b)) ?? ZERO])), ctx.ageStructure)
  return weighted ? { ...raw, weighted } : raw
}

function hoursOf (sums: Sums, d: Duration): HoursView {
  const s = sums.get(durationMetric(d)) ?? ZERO
  const bands = HOUR_BANDS.map((_, i) => sums.get(bandMetric(d, i))?.n ?? 0)
  return { mean: s.n === 0 ? null : s.sum / s.n, n: s.n, median: medianBand(bands) }
}

export interface ReadContext {
  /** The whole period the window is, or null for a custom window (then 参与率 says why it is not given). */
  grain: Grain | null
  residentBase: number
  minSample: number
  /** Residents per age band the office entered for this area, if any: then survey rates carry an age-weighted rate. */
  ageStructure?: AgeStructure
}

/** Every indicator from the window's sums and the standing sums (from the first day to the window's end). */
export function indicatorSet (window: Sums, standing: Sums, ctx: ReadContext): IndicatorSet {
  const n = (c: typeof TICKET_COUNTS[number]) => window.get(countMetric(c))?.n ?? 0
  const rated = window.get(countMetric('rated')) ?? ZERO
  const participation: RateView = ctx.grain
    ? participationRate(window.get(participationMetric(ctx.grain))?.n ?? 0, ctx.residentBase)
    : { value: null, numerator: 0, denominator: ctx.residentBase, ci95: null, unavailable: CUSTOM_PARTICIPATION }
  return {
    awareness: surveyRate(window, 'awareness', ctx),
    support: surveyRate(window, 'support', ctx),
    satisfaction: surveyRate(window, 'satisfaction', ctx),
    fixSatisfaction: sample(sampleRate(Math.round(rated.sum), rated.n), ctx.minSample),
    participation,
    volunteerRegistration: volunteerRegistrationRate(standing.get(VOLUNTEER_METRIC)?.n ?? 0, ctx.residentBase),
    closeRate: censusRate(n('closed'), n('due')),
    onTimeCloseRate: censusRate(n('closedOnTime'), n('due') - n('dueDeferred')),
    reworkRate: censusRate(n('reworked'), n('verified')),
    hoursToDispatch: hoursOf(window, 'dispatch'),
    hoursToResolve: hoursOf(window, 'resolve'),
    hoursToClose: hoursOf(window, 'close'),
    openTickets: n('open'),
    overdueTickets: n('overdueOpen'),
    deferredTickets: n('deferred'),
    residentBase: ctx.residentBase
  }
}
