import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand } from '../types'
import { Z95 } from './rate'

/**
 * Age-weighted survey rates: the sample's age mix rarely matches the area's (retired residents answer more), so where
 * the office has entered how many residents of each surveyed age band live in an area, the rate is also given as
 * Σ share_b × rate_b over those bands — beside the raw rate, never instead of it. Each band's rate comes from its own
 * cells (respondents per band), so the weighted rate is as exact as the raw one.
 */

/** The bands a structure may weigh: the surveyed ones (18–65); 'other' is not surveyed. */
export const WEIGHTED_BANDS: readonly AgeBand[] = AGE_BANDS.filter((b) => b !== 'other')

export const ageMetric = (metric: string, band: AgeBand): string => `${metric}@${band}`

/** Residents per band entered for an area (people, not shares). */
export type AgeStructure = Partial<Record<AgeBand, number>>

export interface WeightedRate {
  value: number | null
  ci95: { low: number; high: number } | null
  /** Why no weighted rate can be given (a weighted band without respondents). */
  unavailable?: string
}

type Sums = { n: number; sum: number; sumSq: number }

/** The weighted rate from per-band sums; null when the area has no age structure. */
export function ageWeighted (bandSums: ReadonlyMap<AgeBand, Sums>, structure: AgeStructure | undefined): WeightedRate | null {
  if (!structure) return null
  const bands = WEIGHTED_BANDS.filter((b) => (structure[b] ?? 0) > 0)
  const total = bands.reduce((s, b) => s + (structure[b] ?? 0), 0)
  if (total === 0) return null
  const empty = bands.filter((b) => (bandSums.get(b)?.n ?? 0) === 0)
  if (empty.length > 0) return { value: null, ci95: null, unavailable: `${empty.map((b) => AGE_BAND_LABELS[b]).join('、')}没有受访者，无法按年龄加权` }
  let value = 0
  let variance = 0
  for (const b of bands) {
    const w = (structure[b] ?? 0) / total
    const s = bandSums.get(b) as Sums
    const mean = s.sum / s.n
    // The band's sample variance of respondent scores (0.25, the widest, for a single respondent).
    const v = s.n > 1 ? Math.max(0, (s.sumSq - s.n * mean * mean) / (s.n - 1)) : 0.25
    value += w * mean
    variance += w * w * v / s.n
  }
  const half = Z95 * Math.sqrt(variance)
  return { value, ci95: { low: Math.max(0, value - half), high: Math.min(1, value + half) } }
}
