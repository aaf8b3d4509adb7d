import { View, Text } from '@tarojs/components'
import { INDICATOR_DIRECTION as D, formatCount, formatPercentShort, formatRate, type Direction } from '../../core/indicators/display'
import type { Settings } from '../../core/settings'
import type { IndicatorSet, RateView } from '../../core/views'
import { RateBar } from './rate-bar'
import './indicator-card.css'

/** The indicators that are rates (the rest of an IndicatorSet are times and counts). */
export type RateKey =
  | 'awareness' | 'support' | 'satisfaction' | 'fixSatisfaction' | 'participation' | 'volunteerRegistration'
  | 'closeRate' | 'onTimeCloseRate' | 'reworkRate'

type Targets = Settings['targets']

export interface RateIndicator {
  key: RateKey
  label: string
  /** What the denominator counts (样本, 常住人口, 应结案 …). */
  base: string
  /** What the numerator counts, where a tiny rate is better read as a count (参与 68 人). */
  counted?: string
  direction: Direction
  /** The target it is judged against, if the settings give one: without one it is never coloured. */
  target: (t: Targets) => number | undefined
  /** Said under the figure: where it comes from, when that is not the survey. */
  note?: string
}

/**
 * Every rate indicator, in the order the office reads them: one list, so 首页 and the dashboard label, judge and
 * colour each the same way. 整改满意率 is the ticket ratings' satisfaction, judged by the 满意率 target but kept
 * apart from the survey's.
 */
export const RATE_INDICATORS: readonly RateIndicator[] = [
  { key: 'awareness', label: '知晓率', base: '样本', direction: D.awareness, target: (t) => t.awareness },
  { key: 'support', label: '支持率', base: '样本', direction: D.support, target: (t) => t.support },
  { key: 'satisfaction', label: '满意率', base: '样本', direction: D.satisfaction, target: (t) => t.satisfaction },
  { key: 'participation', label: '参与率', base: '常住人口', counted: '已参与', direction: D.participation, target: () => undefined },
  { key: 'volunteerRegistration', label: '志愿者注册率', base: '常住人口', counted: '已注册', direction: 'higher', target: (t) => t.volunteerRegistration },
  { key: 'closeRate', label: '结案率', base: '应结案', direction: D.closeRate, target: () => undefined },
  { key: 'onTimeCloseRate', label: '按期结案率', base: '应结案（不含缓办）', direction: D.onTimeCloseRate, target: () => undefined },
  { key: 'reworkRate', label: '返工率', base: '已核查', direction: D.reworkRate, target: () => undefined },
  { key: 'fixSatisfaction', label: '整改满意率', base: '评价', direction: D.fixSatisfaction, target: (t) => t.satisfaction, note: '来自居民对已办结案卷的评价，与问卷满意率分开统计' }
]

export function rateIndicator (key: RateKey): RateIndicator {
  return RATE_INDICATORS.find((i) => i.key === key)!
}

export function rateOf (set: IndicatorSet, key: RateKey): RateView {
  return set[key]
}

interface Props {
  indicator: RateIndicator
  rate: RateView
  targets: Targets
  /** Show the note on where the figure comes from (the dashboard does; 首页 groups it under 随手拍 instead). */
  withNote?: boolean
}

/**
 * One rate as the office and residents read it: the figure with its n, 95% interval and target (RateBar), or in
 * its place why there is none — 暂无数据 when nothing was counted (never 0% or NaN), or the reason a rate cannot be
 * given for this window (`unavailable`).
 */
export function IndicatorCard ({ indicator, rate, targets, withNote = false }: Props) {
  const { label, base, counted, direction } = indicator
  const note = withNote && indicator.note ? <View className='ic-note'>{indicator.note}</View> : null
  if (rate.unavailable) {
    return (
      <View className='rate rate-none ic-unavailable' data-standing='none' data-unavailable='1' data-indicator={indicator.key} ariaLabel={`${label}：${rate.unavailable}`}>
        <View className='rate-head'>
          <Text className='rate-label'>{label}</Text>
        </View>
        <View className='ic-reason'>{rate.unavailable}</View>
        {note}
      </View>
    )
  }
  if (rate.value === null) {
    return (
      <View className='rate rate-none ic-nodata' data-standing='none' data-nodata='1' data-indicator={indicator.key} ariaLabel={`${label}：暂无数据，${base} ${formatCount(rate.denominator)}`}>
        <View className='rate-head'>
          <Text className='rate-label'>{label}</Text>
          <View className='rate-spacer' />
          <Text className='rate-value ic-nodata-value'>暂无数据</Text>
        </View>
        <View className='rate-foot'>{base} {formatCount(rate.denominator)}</View>
        {note}
      </View>
    )
  }
  return (
    <View className='ic' data-indicator={indicator.key}>
      <RateBar label={label} rate={rate} target={indicator.target(targets)} direction={direction} base={base} counted={counted} />
      {rate.weighted && <WeightedLine weighted={rate.weighted} />}
      {note}
    </View>
  )
}

/** The age-weighted rate beside the raw one, where the office entered the area's age structure. */
function WeightedLine ({ weighted }: { weighted: NonNullable<RateView['weighted']> }) {
  const text = weighted.unavailable
    ? `按年龄加权：${weighted.unavailable}`
    : `按年龄加权 ${formatRate(weighted.value)}${weighted.ci95 ? `（95%区间 ${formatPercentShort(weighted.ci95.low, 0)}–${formatPercentShort(weighted.ci95.high, 0)}）` : ''}`
  return <View className='ic-weighted' data-weighted='1'>{text}</View>
}
