/**
 * How an indicator reads on screen: which way is good, whether it meets its target, and its figure in words an
 * older resident reads at a glance. The colour on 首页 follows `rateStanding`, never the raw value: a rate
 * without a target is drawn neutral, since nothing says whether it is good.
 */

export type IndicatorKey =
  | 'awareness' | 'support' | 'satisfaction' | 'fixSatisfaction' | 'participation'
  | 'closeRate' | 'onTimeCloseRate' | 'reworkRate'

/** 'higher': more is better (知晓率, 结案率 …); 'lower': less is better (返工率: tickets sent back for rework). */
export type Direction = 'higher' | 'lower'

export const INDICATOR_DIRECTION: Record<IndicatorKey, Direction> = {
  awareness: 'higher',
  support: 'higher',
  satisfaction: 'higher',
  fixSatisfaction: 'higher',
  participation: 'higher',
  closeRate: 'higher',
  onTimeCloseRate: 'higher',
  reworkRate: 'lower'
}

export function indicatorDirection (key: IndicatorKey): Direction {
  return INDICATOR_DIRECTION[key]
}

/** 'met' / 'missed' against a target in the indicator's direction; 'none' without a target or without data. */
export type Standing = 'met' | 'missed' | 'none'

export function rateStanding (value: number | null, target: number | null | undefined, direction: Direction): Standing {
  if (value === null || target === null || target === undefined) return 'none'
  const met = direction === 'higher' ? value >= target : value <= target
  return met ? 'met' : 'missed'
}

/** The distance to the target in percentage points, rounded to 0.1 (0 when met or not comparable). */
export function gapPoints (value: number | null, target: number | null | undefined, direction: Direction): number {
  if (rateStanding(value, target, direction) !== 'missed') return 0
  const gap = direction === 'higher' ? (target as number) - (value as number) : (value as number) - (target as number)
  return Math.round(gap * 1000) / 10
}

/** 已达标 / 差 1.7 个百分点 / '' (no target or no data: nothing to say). */
export function standingText (value: number | null, target: number | null | undefined, direction: Direction): string {
  const s = rateStanding(value, target, direction)
  if (s === 'none') return ''
  if (s === 'met') return '已达标'
  return `距目标差 ${gapPoints(value, target, direction).toFixed(1)} 个百分点`
}

/**
 * A rate as people read it: 85.0% from 1% up; 0.53% between 0.1% and 1%; below 0.1% in 万分之 (万分之0.5),
 * since "0.0053%" has too many zeros to read; "不足万分之0.1" below that, so a real figure never reads as 0.
 * No data is "—", not 0%.
 */
export function formatRate (value: number | null): string {
  if (value === null) return '—'
  if (value === 0) return '0%'
  const p = value * 100
  if (p >= 1) return `${p.toFixed(1)}%`
  if (p >= 0.1) return `${p.toFixed(2)}%`
  const perTenThousand = value * 10_000
  if (perTenThousand < 0.1) return '不足万分之0.1'
  return `万分之${perTenThousand.toFixed(1)}`
}

/** A target or an interval end: 80% rather than 80.0%, with at most `decimals` where they matter (2.5%). */
export function formatPercentShort (value: number, decimals = 1): string {
  const f = 10 ** decimals
  const p = Math.round(value * 100 * f) / f
  return Number.isInteger(p) ? `${p}%` : `${p.toFixed(decimals)}%`
}

/** A count as people say it: as is below 10,000, then in 万 (1,272,400 residents → 127.2万). */
export function formatCount (n: number): string {
  if (n >= 10_000) {
    const wan = Math.round(n / 1000) / 10
    return `${Number.isInteger(wan) ? wan.toFixed(0) : wan.toFixed(1)}万`
  }
  return String(n)
}
