import { View, Text } from '@tarojs/components'
import { formatPercentShort, formatRate } from '../../../../core/indicators/display'
import type { AreaRate, AreaResult } from '../../../../core/survey-results'
import type { MySurveyResult } from '../../../../core/survey-views'

const RATES: Array<{ key: 'awareness' | 'support' | 'satisfaction'; label: string }> = [
  { key: 'awareness', label: '知晓率' },
  { key: 'support', label: '支持率' },
  { key: 'satisfaction', label: '满意率' }
]

/**
 * One rate of an area: drawn as a bar with its sample size. Too few answers (样本不足) shows the figure in words
 * with its n and no bar or colour, since it says little; no answers at all says 暂无数据 rather than 0%.
 */
function RateRow ({ label, rate, minSample }: { label: string; rate: AreaRate; minSample: number }) {
  const n = rate.denominator
  if (n === 0 || rate.value === null) {
    return (
      <View className='sr-rate' data-rate-state='none' ariaLabel={`${label}：暂无数据`}>
        <View className='sr-rate-head'><Text className='sr-rate-label'>{label}</Text><View className='sr-spacer' /><Text className='sr-none'>暂无数据</Text></View>
      </View>
    )
  }
  const value = formatRate(rate.value)
  if (rate.insufficient) {
    return (
      <View className='sr-rate' data-rate-state='insufficient' ariaLabel={`${label} ${value}，样本不足，${n} 人回答`}>
        <View className='sr-rate-head'>
          <Text className='sr-rate-label'>{label}</Text>
          <Text className='tag sr-insufficient'>样本不足</Text>
          <View className='sr-spacer' />
          <Text className='sr-value sr-value-plain'>{value}</Text>
        </View>
        <View className='sr-foot'>{n} 人回答，少于 {minSample} 人，仅供参考</View>
      </View>
    )
  }
  const ci = rate.ci95 ? ` · 95%区间 ${formatPercentShort(rate.ci95.low, 0)}–${formatPercentShort(rate.ci95.high, 0)}` : ''
  return (
    <View className='sr-rate' data-rate-state='ok' ariaLabel={`${label} ${value}，${n} 人回答`}>
      <View className='sr-rate-head'><Text className='sr-rate-label'>{label}</Text><View className='sr-spacer' /><Text className='sr-value'>{value}</Text></View>
      <View className='sr-track' aria-hidden='true'><View className='sr-fill' style={{ width: `${Math.min(100, Math.round(rate.value * 1000) / 10)}%` }} /></View>
      <View className='sr-foot'>{n} 人回答{ci}</View>
    </View>
  )
}

function AreaCard ({ id, title, area, minSample }: { id: string; title: string; area: AreaResult; minSample: number }) {
  return (
    <View className='sr-area' id={id}>
      <View className='sr-area-title'>{title}</View>
      <View className='sr-area-sub'>共 {area.respondents} 人参与</View>
      {RATES.map((r) => (
        <View key={r.key} data-rate={r.key}><RateRow label={r.label} rate={area[r.key]} minSample={minSample} /></View>
      ))}
    </View>
  )
}

/** 调查结果 after the survey closed: my community, then the whole city; each rate with how many answered it. */
export function SurveyResultView ({ result }: { result: MySurveyResult }) {
  return (
    <View className='card sr' id='survey-result'>
      <View className='sr-title'>调查结果</View>
      {result.mine
        ? <AreaCard id='survey-result-mine' title={`我的社区：${result.mine.name}`} area={result.mine} minSample={result.minSample} />
        : <View className='sr-area sr-area-empty' id='survey-result-mine'>你所在的社区暂无数据（在「我的」里设置居住网格后，可以看到本社区的结果）</View>}
      <AreaCard id='survey-result-city' title={`全区：${result.city.name}`} area={result.city} minSample={result.minSample} />
      <View className='sr-note'>「样本不足」表示回答的人太少，数字仅供参考，不作比较。</View>
    </View>
  )
}
