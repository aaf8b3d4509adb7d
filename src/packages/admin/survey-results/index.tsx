import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { AreaRate, AreaResult } from '../../../../core/survey-results'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { PHASE_LABELS, PHASE_TAGS, answersText, surveyPhase, versionText, windowText } from '../surveys/survey-format'
import { INDICATOR_KEYS, NO_DATA, RATE_LABELS, rateBasis, rateFigure, rateSpoken, type IndicatorKey } from './rate-words'
import { useExport } from '../use-export'
import './index.css'

type Level = 'street' | 'community' | 'grid'
const LEVELS: Array<{ key: Level; label: string }> = [{ key: 'street', label: '街道' }, { key: 'community', label: '社区' }, { key: 'grid', label: '网格' }]

const pct = (x: number) => `${Math.max(0, Math.min(100, Math.round(x * 1000) / 10))}%`

/**
 * One rate drawn as a bar with its 95% interval as a line over it. A rate over fewer respondents than the minimum
 * sample is hatched and labelled 样本不足 — never coloured as good or bad; a rate nobody answered is 暂无数据.
 */
function RateBar ({ area, indicator, minSample }: { area: AreaResult; indicator: IndicatorKey; minSample: number }) {
  const r: AreaRate = area[indicator]
  const none = r.value === null
  const short = !none && r.insufficient
  return (
    <View
      className={`sr-rate ${short ? 'sr-short' : ''} ${none ? 'sr-none' : ''}`} data-area={area.code || 'city'} data-indicator={indicator}
      {...(short ? { 'data-insufficient': 'true' } : {})} {...(none ? { 'data-nodata': 'true' } : {})}
      ariaRole='img' ariaLabel={rateSpoken(RATE_LABELS[indicator], r, minSample)}
    >
      <View className='sr-rate-head'>
        <Text className='sr-rate-label'>{RATE_LABELS[indicator]}</Text>
        <Text className='sr-rate-value'>{rateFigure(r)}</Text>
        {short && <Text className='sr-short-tag'>样本不足</Text>}
      </View>
      <View className='sr-track' aria-hidden='true'>
        {!none && <View className='sr-fill' style={{ width: pct(r.value!) }} />}
        {r.ci95 && <View className='sr-ci' style={{ left: pct(r.ci95.low), width: pct(r.ci95.high - r.ci95.low) }} />}
      </View>
      <View className='sr-rate-basis'>{rateBasis(r)}</View>
    </View>
  )
}

/** The city's three rates as big figures, each with its n and interval in words. */
function CityFigure ({ city, indicator, minSample }: { city: AreaResult; indicator: IndicatorKey; minSample: number }) {
  const r = city[indicator]
  const short = r.value !== null && r.insufficient
  return (
    <View className={`sr-big ${r.value === null ? 'sr-none' : ''}`} data-city={indicator} {...(short ? { 'data-insufficient': 'true' } : {})} ariaLabel={rateSpoken(RATE_LABELS[indicator], r, minSample)}>
      <View className='sr-big-label'>{RATE_LABELS[indicator]}</View>
      <View className='sr-big-value'>{rateFigure(r)}</View>
      {short && <Text className='sr-short-tag'>样本不足</Text>}
      <View className='sr-big-basis'>{r.value === null ? '还没有人回答计入这个指标的题' : rateBasis(r)}</View>
    </View>
  )
}

/**
 * 问卷结果: the city's 知晓率、支持率、满意率 with n and 95% intervals, then each street, community or grid drawn as
 * bars (a table at a desk), and the export of figures and anonymised answers as Excel or CSV.
 */
export default function SurveyResults () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [level, setLevel] = useState<Level>('street')
  const results = useAction(() => call('surveys', 'results', { id, level }), [id, level])

  const { exporting, exportAs } = useExport((format) => call('surveys', 'export', { id, format }))

  const v = results.data
  const levelLabel = LEVELS.find((l) => l.key === level)!.label
  // While another level loads, or after it failed, the areas shown would be the previous level's: none are shown.
  const stale = results.loading || results.error !== null
  return (
    <PageShell className='survey-results'>
      <View className='sr-body'>
        <StatusView signInReason='登录后可以查看问卷结果' loading={results.loading && !v} error={v ? null : results.error} onRetry={results.reload}>
          {v && (
            <View id='survey-results'>
              <View className='card sr-head'>
                <View className='sr-title'>{v.survey.title}</View>
                <View className='row sr-meta'>
                  <Text className={`tag ${PHASE_TAGS[surveyPhase(v.survey, Date.now())]}`} data-status={v.survey.status}>{PHASE_LABELS[surveyPhase(v.survey, Date.now())]}</Text>
                  <Text className='sr-line'>{versionText(v.survey)} · {windowText(v.survey)}</Text>
                </View>
                <View className='sr-line' id='answer-count'>{answersText(v.responses, v.testResponses)}</View>
                <View className='sr-line'>全区 {v.city.respondents} 人作答计入统计；少于 {v.minSample} 人的比率标为「样本不足」，仅供参考，不排名。</View>
              </View>

              <View className='sr-city' id='city-figures'>
                {INDICATOR_KEYS.map((k) => <CityFigure key={k} city={v.city} indicator={k} minSample={v.minSample} />)}
              </View>

              <View className='sr-exports'>
                <View className={`btn-plain sr-export ${exporting === 'xlsx' ? 'sr-busy' : ''}`} id='export-xlsx' ariaRole='button' onClick={() => void exportAs('xlsx')}>{exporting === 'xlsx' ? '正在导出…' : '导出 Excel'}</View>
                <View className={`btn-plain sr-export ${exporting === 'csv' ? 'sr-busy' : ''}`} id='export-csv' ariaRole='button' onClick={() => void exportAs('csv')}>{exporting === 'csv' ? '正在导出…' : '导出 CSV'}</View>
              </View>
              <View className='sr-hint'>Excel 含各街道、社区的指标表和匿名答卷；CSV 只含匿名答卷。测试答卷不导出。</View>

              <View className='tabs sr-levels' ariaRole='tablist' ariaLabel='按哪一级区域看'>
                {LEVELS.map((l) => (
                  <View key={l.key} className={`tab ${level === l.key ? 'on' : ''}`} id={`level-${l.key}`} data-level={l.key} ariaRole='tab' aria-selected={level === l.key ? 'true' : 'false'} onClick={() => setLevel(l.key)}>
                    按{l.label}
                  </View>
                ))}
              </View>
              {results.loading && <View className='sr-hint' aria-live='polite'>正在读取各{levelLabel}的结果…</View>}
              {results.error && <View className='sr-hint error-text' ariaRole='alert'>{results.error}</View>}

              <View className='sr-legend' aria-hidden='true'>
                <View className='sr-legend-item'><View className='sr-legend-fill' />比率</View>
                <View className='sr-legend-item'><View className='sr-legend-ci' />95%区间</View>
                <View className='sr-legend-item'><View className='sr-legend-fill sr-legend-short' />样本不足（少于 {v.minSample} 人）</View>
              </View>

              {stale ? null : v.areas.length === 0
                ? <View className='status inline' id='areas-empty'>各{levelLabel}{NO_DATA}：还没有能归到{levelLabel}的答卷（作答人没有设置居住网格的不计入分区统计）。</View>
                : (
                  <View className='sr-table' id='area-chart' ariaRole='table' ariaLabel={`各${levelLabel}的结果`}>
                    <View className='sr-row sr-table-head' ariaRole='row'>
                      <View className='sr-cell' ariaRole='columnheader'>{levelLabel}</View>
                      <View className='sr-cell' ariaRole='columnheader'>作答人数</View>
                      {INDICATOR_KEYS.map((k) => <View key={k} className='sr-cell' ariaRole='columnheader'>{RATE_LABELS[k]}</View>)}
                    </View>
                    {v.areas.map((a) => (
                      <View key={a.code} className='sr-row sr-area' data-area={a.code} ariaRole='row'>
                        <View className='sr-cell sr-area-name' ariaRole='cell'>{a.name}</View>
                        <View className='sr-cell sr-area-n' ariaRole='cell'>{a.respondents} 人作答</View>
                        {INDICATOR_KEYS.map((k) => (
                          <View key={k} className='sr-cell sr-area-rate' ariaRole='cell'><RateBar area={a} indicator={k} minSample={v.minSample} /></View>
                        ))}
                      </View>
                    ))}
                  </View>
                  )}
            </View>
          )}
        </StatusView>
      </View>
    </PageShell>
  )
}
