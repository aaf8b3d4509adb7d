import type { AggCell, DistinctMark } from '../../core/indicators/aggregates'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/**
 * Indicator aggregates (core/indicators/aggregates.ts), written in the same unit as the write that causes them
 * (SurveyStore.addResponse takes its cells) and read by summing cells, never by scanning raw rows.
 */
export interface AggregateStore {
  /** Σ n, Σ sum, Σ sumSq of one metric in one area over the China days from..to (inclusive). */
  sumAggregates (metric: string, area: string, fromDay: string, toDay: string): Promise<{ n: number; sum: number; sumSq: number }>
  /**
   * Σ of several metrics over several areas and the days from..to, one cell per metric × area (day ''), or — byDay —
   * per metric × area × day as stored (a trend). Cells never written are absent (read them as zero).
   */
  sumAggregatesMany (q: { metrics: readonly string[]; areas: readonly string[]; fromDay: string; toDay: string; byDay?: boolean }): Promise<AggCell[]>
  listAggregates (q: PageQuery & { metric?: string }): Promise<Page<AggCell>>
  /**
   * The reconciliation's repair: these metrics' cells become exactly `cells` (others removed), as one step; for a
   * distinct count, its members become `marks`.
   */
  replaceAggregates (metrics: readonly string[], cells: readonly AggCell[], marks?: Iterable<DistinctMark>): Promise<void>
}
