import type { AggCell } from '../../core/indicators/aggregates'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/**
 * Indicator aggregates (core/indicators/aggregates.ts), written in the same unit as the write that causes them
 * (SurveyStore.addResponse takes its cells) and read by summing cells, never by scanning raw rows.
 */
export interface AggregateStore {
  /** Σ n, Σ sum, Σ sumSq of one metric in one area over the China days from..to (inclusive). */
  sumAggregates (metric: string, area: string, fromDay: string, toDay: string): Promise<{ n: number; sum: number; sumSq: number }>
  listAggregates (q: PageQuery & { metric?: string }): Promise<Page<AggCell>>
  /** The reconciliation's repair: these metrics' cells become exactly `cells` (others removed), as one step. */
  replaceAggregates (metrics: readonly string[], cells: readonly AggCell[]): Promise<void>
}
