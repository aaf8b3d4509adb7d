import { formatRate } from '../../../../core/indicators/display'
import type { AreaRate } from '../../../../core/survey-results'

/** How the results page writes a rate: the figure, its n and its 95% interval in words; no data is 暂无数据, never 0%. */

export type IndicatorKey = 'awareness' | 'support' | 'satisfaction'
export const INDICATOR_KEYS: IndicatorKey[] = ['awareness', 'support', 'satisfaction']
export const RATE_LABELS: Record<IndicatorKey, string> = { awareness: '知晓率', support: '支持率', satisfaction: '满意率' }

export const NO_DATA = '暂无数据'

/** An interval end to a tenth of a percent: 74.0%. */
const end = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`

/** 85.0% or 暂无数据 */
export const rateFigure = (r: AreaRate): string => (r.value === null ? NO_DATA : formatRate(r.value))

/** n=60，95%区间 74.0%–92.1% (n=0 when nobody answered it). */
export function rateBasis (r: AreaRate): string {
  return r.ci95 ? `n=${r.denominator}，95%区间 ${end(r.ci95.low)}–${end(r.ci95.high)}` : `n=${r.denominator}`
}

/** 85.0%（n=60，95%区间 74.0%–92.1%）, or 暂无数据（n=0）. */
export function rateWords (r: AreaRate): string {
  return `${rateFigure(r)}（${rateBasis(r)}）`
}

/** What a screen reader says for one bar: the words, and 样本不足 where it applies. */
export function rateSpoken (label: string, r: AreaRate, minSample: number): string {
  const short = r.value !== null && r.insufficient ? `，样本不足（少于 ${minSample} 人），仅供参考` : ''
  return `${label} ${rateWords(r)}${short}`
}
