import { View, Text } from '@tarojs/components'
import {
  formatCount, formatPercentShort, formatRate, rateStanding, standingText, type Direction
} from '../../core/indicators/display'
import type { RateView } from '../../core/views'
import './rate-bar.css'

interface Props {
  label: string
  rate: RateView
  /** Only a rate with a target is coloured as good or bad; without one it is drawn neutral. */
  target?: number
  /** Which way is good (core/indicators/display: 返工率 is lower-is-better). */
  direction?: Direction
  /** What the denominator counts, e.g. 样本 or 应结案. */
  base?: string
  /** What the numerator counts, shown as a figure where the bar would be too thin to see (参与 68 人). */
  counted?: string
}

/** Below this share a bar is too thin to see: the counts are shown big instead. */
const THIN = 0.01

/**
 * A rate drawn as a bar, its target marked, and beside it in words whether the target is met (colour is never the
 * only sign), with the sample size and 95% interval underneath.
 */
export function RateBar ({ label, rate, target, direction = 'higher', base = '样本', counted }: Props) {
  // Too few respondents to judge: shown with its n, never coloured as met or missed.
  const insufficient = rate.insufficient === true && rate.value !== null
  const standing = insufficient ? 'none' : rateStanding(rate.value, target, direction)
  const verdict = insufficient ? '样本不足，不作评价' : standingText(rate.value, target, direction)
  const shown = formatRate(rate.value)
  const thin = rate.value !== null && rate.value < THIN && counted !== undefined
  const width = rate.value === null ? 0 : Math.min(100, Math.round(rate.value * 1000) / 10)
  const foot = [
    `${base} ${formatCount(rate.denominator)}`,
    rate.ci95 ? `95%区间 ${formatPercentShort(rate.ci95.low, 0)}–${formatPercentShort(rate.ci95.high, 0)}` : '',
    target !== undefined ? `目标 ${direction === 'lower' ? '≤' : ''}${formatPercentShort(target)}` : '',
    direction === 'lower' ? '越低越好' : ''
  ].filter(Boolean).join(' · ')
  const spoken = [`${label} ${shown}`, verdict, thin ? `${counted} ${formatCount(rate.numerator)} 人` : '', foot].filter(Boolean).join('，')

  return (
    <View className={`rate rate-${standing}${insufficient ? ' rate-insufficient' : ''}`} data-standing={standing} data-insufficient={insufficient ? '1' : undefined} ariaLabel={spoken}>
      <View className='rate-head'>
        <Text className='rate-label'>{label}</Text>
        <View className='rate-spacer' />
        <Text className='rate-value'>{shown}</Text>
      </View>
      {verdict && <View className='rate-verdict'>{standing === 'met' ? '✓ ' : ''}{verdict}</View>}
      {thin
        ? <View className='rate-count'>{counted} <Text className='rate-count-num'>{formatCount(rate.numerator)}</Text> 人</View>
        : (
          <View className='rate-track'>
            <View className='rate-fill' style={{ width: `${width}%` }} />
            {target !== undefined && <View className='rate-target' style={{ left: `${target * 100}%` }} />}
          </View>
          )}
      <View className='rate-foot'>{foot}</View>
    </View>
  )
}
