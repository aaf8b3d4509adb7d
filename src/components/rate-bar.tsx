import { View, Text } from '@tarojs/components'
import type { RateView } from '../../core/views'
import { percent } from '../utils/format'
import './rate-bar.css'

interface Props {
  label: string
  rate: RateView
  target?: number
  /** What the denominator counts, e.g. 样本 or 应结案. */
  base?: string
}

/** A rate drawn as a bar, with its target marked and the sample size and 95% interval beside it. */
export function RateBar ({ label, rate, target, base = '样本' }: Props) {
  const width = rate.value === null ? 0 : Math.round(rate.value * 1000) / 10
  const below = target !== undefined && rate.value !== null && rate.value < target
  return (
    <View className='rate'>
      <View className='row'>
        <Text className='rate-label'>{label}</Text>
        <View className='spacer' />
        <Text className={`rate-value ${below ? 'below' : ''}`}>{percent(rate.value)}</Text>
      </View>
      <View className='rate-track'>
        <View className={`rate-fill ${below ? 'below' : ''}`} style={{ width: `${width}%` }} />
        {target !== undefined && <View className='rate-target' style={{ left: `${target * 100}%` }} />}
      </View>
      <View className='rate-foot muted'>
        {base} {rate.denominator}
        {rate.ci95 ? ` · 95%区间 ${percent(rate.ci95.low, 0)}–${percent(rate.ci95.high, 0)}` : ''}
        {target !== undefined ? ` · 目标 ${percent(target, 0)}` : ''}
      </View>
    </View>
  )
}
