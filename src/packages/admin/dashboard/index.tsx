import { Text, View } from '@tarojs/components'
import { createRef } from '@antv/f2'
import { useEffect, useMemo, useRef, useState } from 'react'
import { LEVEL_LABELS, areaAt, type AreaLevel } from '../../../../core/indicators/areas'
import { formatPercentShort } from '../../../../core/indicators/display'
import { periodsIn } from '../../../../core/indicators/period'
import { allGrids } from '../all-grids'
import type { HeadlineView, IndicatorRowView, IndicatorTableView, TrendView } from '../../../../core/views'
import { call } from '../../../api'
import { IndicatorCard, RATE_INDICATORS, rateIndicator, type RateIndicator, type RateKey } from '../../../components/indicator-card'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { AreaMap } from './area-map'
import { F2Chart } from './chart'
import { barChart, trendChart, type BarDatum, type TrendDatum } from './chart-spec'
import { FigureTable, type FigureRow } from './figure-table'
import {
  chinaToday, classOf, colourClasses, hoursText, initialPeriod, isSufficient, rankRows, shortPeriod, trendGrain, type PeriodChoice
} from './figures'
import type { MapArea, MapGrid } from './map-draw'
import { PeriodPicker } from './period-picker'
import { useLatest } from './use-latest'
import { useExport } from '../use-export'
import './index.css'

interface Crumb { code: string; name: string }

const GRAIN_WORDS = { day: '按日', week: '按周', month: '按月', quarter: '按季', year: '按年' } as const
const SURVEY: RateKey[] = ['awareness', 'support', 'satisfaction']
const PEOPLE: RateKey[] = ['participation', 'volunteerRegistration']
const TICKETS: RateKey[] = ['closeRate', 'onTimeCloseRate', 'reworkRate', 'fixSatisfaction']


function targetOf (ind: RateIndicator, targets: HeadlineView['targets']): { target?: number; targetLabel?: string } {
  const target = ind.target(targets)
  return target === undefined ? {} : { target, targetLabel: `目标 ${ind.direction === 'lower' ? '≤' : ''}${formatPercentShort(target)}` }
}

/** Trend points as the chart takes them; labels made unique where a short one would repeat (a window over years). */
function trendData (trend: TrendView, key: RateKey): TrendDatum[] {
  const short = trend.points.map((p) => shortPeriod(p.fromDay, trend.grain))
  const unique = new Set(short).size === short.length
  return trend.points.map((p, i) => {
    const r = p[key]
    const shown = r.unavailable ? null : r.value
    return {
      period: unique ? short[i] : p.fromDay,
      value: shown,
      band: shown !== null && r.ci95 ? [r.ci95.low, r.ci95.high] : null,
      insufficient: shown !== null && r.insufficient === true
    }
  })
}

/** A grid's name without its street and community (侯家塘街道·桂花井社区·01网格 → 01网格): they are on the breadcrumb. */
const shortName = (r: Pick<IndicatorRowView, 'name' | 'level'>): string => (r.level === 'grid' ? r.name.split('·').pop() || r.name : r.name)

function barData (rows: readonly IndicatorRowView[], key: RateKey): BarDatum[] {
  return rows.filter((r) => r[key].value !== null && !r[key].unavailable).map((r) => ({
    code: r.areaCode,
    name: shortName(r),
    value: r[key].value as number,
    band: r[key].ci95 ? [r[key].ci95!.low, r[key].ci95!.high] : null,
    insufficient: r[key].insufficient === true
  }))
}

function Headline ({ data }: { data: HeadlineView }) {
  const card = (k: RateKey) => (
    <View key={k} className='db-card'>
      <IndicatorCard indicator={rateIndicator(k)} rate={data[k]} targets={data.targets} withNote />
    </View>
  )
  const times: Array<[string, string, HeadlineView['hoursToDispatch']]> = [
    ['dispatch', '派遣用时', data.hoursToDispatch], ['resolve', '处置用时', data.hoursToResolve], ['close', '结案用时', data.hoursToClose]
  ]
  return (
    <View id='headline-cards'>
      <View className='db-group-title'>居民调查（少于 {data.minSample} 人作答标为「样本不足」，不评价、不排名）</View>
      <View className='db-cards'>{SURVEY.map(card)}</View>
      <View className='db-group-title'>参与和志愿服务</View>
      <View className='db-cards'>{PEOPLE.map(card)}</View>
      <View className='db-group-title'>随手拍办理</View>
      <View className='db-cards'>
        {TICKETS.map(card)}
        <View className='db-card db-counts' id='ticket-counts'>
          <View className='db-count'><Text className='db-count-num'>{data.openTickets}</Text><Text className='db-count-label'>未结案</Text></View>
          <View className='db-count'><Text className='db-count-num warn'>{data.overdueTickets}</Text><Text className='db-count-label'>已超期</Text></View>
          <View className='db-count'><Text className='db-count-num'>{data.deferredTickets}</Text><Text className='db-count-label'>缓办</Text></View>
        </View>
        <View className='db-card db-hours' id='ticket-hours'>
          {times.map(([k, label, h]) => (
            <View key={k} className='db-hour' data-hours={k}>
              <Text className='db-hour-label'>{label}</Text>
              <Text className='db-hour-value'>{hoursText(h)}</Text>
              {h.n > 0 && <Text className='db-hour-n'>n={h.n}</Text>}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}

/**
 * 指标看板: the campaign's numbers for one area and period. Pick the area on the breadcrumb (tap a row, a bar or
 * the map to go down a level), the period below it; the headline cards show every indicator with n, interval and
 * target; the chosen indicator is drawn as a trend, as bars by child area and on the grid map, each with its
 * figures as a table under it; 导出 hands the same table over as Excel or CSV.
 */
export default function Dashboard () {
  const today = useMemo(() => chinaToday(), [])
  const [crumbs, setCrumbs] = useState<Crumb[]>([{ code: '', name: '全市' }])
  const [period, setPeriod] = useState<PeriodChoice>(() => initialPeriod(today))
  const [key, setKey] = useState<RateKey>('awareness')
  const area = crumbs[crumbs.length - 1]
  const win = { areaCode: area.code, fromDay: period.fromDay, toDay: period.toDay }
  const grain = trendGrain(period.fromDay, period.toDay, period.mode)

  const table = useLatest(() => call('stats', 'table', win), [win.areaCode, win.fromDay, win.toDay])
  const headline = useLatest(() => call('stats', 'headline', win), [win.areaCode, win.fromDay, win.toDay])
  const trend = useLatest(() => call('stats', 'trend', { ...win, grain }), [win.areaCode, win.fromDay, win.toDay, grain])
  const grids = useLatest(allGrids, [])

  const ind = rateIndicator(key)
  const t: IndicatorTableView | null = table.data
  const targets = t?.targets ?? headline.data?.targets
  const below: AreaLevel | null = t?.childLevel ?? null
  // A community's children are grids: the bottom of the drill.
  const drillable = below !== null && below !== 'grid'
  const levelWord = below ? LEVEL_LABELS[below] : '区域'
  // The city's own name, once the server has said it (the crumb reads 全市 until then).
  useEffect(() => {
    if (t && t.parent.areaCode === '' && t.parent.name && crumbs[0].name !== t.parent.name) setCrumbs((c) => [{ code: '', name: t.parent.name }, ...c.slice(1)])
  }, [t])
  const rootName = crumbs[0].name

  const drill = (row: Pick<IndicatorRowView, 'areaCode' | 'name'>) => {
    // Not from the rows of an area already left (a second tap before the next level came).
    if (!drillable || !t || t.parent.areaCode !== area.code) return
    setCrumbs((c) => [...c, { code: row.areaCode, name: row.name }])
  }
  const up = (i: number) => setCrumbs((c) => c.slice(0, i + 1))

  const ranked = useMemo(() => (t ? rankRows(t.rows, ind) : []), [t, ind])
  const bars = useMemo(() => barData(ranked, key), [ranked, key])
  const barRef = useRef(createRef())
  const barElement = useMemo(() => (targets && bars.length ? barChart(bars, { ...targetOf(ind, targets), ref: barRef.current }) : null), [bars, ind, targets])
  const trendPoints = useMemo(() => (trend.data ? trendData(trend.data, key) : []), [trend.data, key])
  const trendElement = useMemo(() => (targets && trendPoints.length ? trendChart(trendPoints, targetOf(ind, targets)) : null), [trendPoints, ind, targets])

  const onBarTap = (p: { x: number; y: number }) => {
    try {
      const chart = barRef.current.current as { getSnapRecords?: (p: { x: number; y: number }) => Array<{ origin?: { code?: string } }> } | null
      const code = chart?.getSnapRecords?.(p)?.[0]?.origin?.code
      const row = ranked.find((r) => r.areaCode === code)
      if (row) drill(row)
    } catch {
      // A tap the chart cannot place: the table's rows drill down too.
    }
  }

  // The map: the current area's grids, each filled by its child area's class on the scale.
  const mapView = useMemo(() => {
    if (!t || !below || !grids.data) return null
    const mapGrids: MapGrid[] = grids.data.filter((g) => g.code.startsWith(t.parent.areaCode)).map((g) => ({ code: g.code, polygon: g.polygon, area: areaAt(g.code, below) }))
    const classes = colourClasses(t.rows.filter((r) => isSufficient(r[key])).map((r) => r[key].value as number))
    const areas = new Map<string, MapArea>(t.rows.map((r) => {
      const c = isSufficient(r[key]) ? classOf(classes, r[key].value as number) : null
      return [r.areaCode, { code: r.areaCode, name: shortName(r), fill: c?.colour ?? null }]
    }))
    return { grids: mapGrids, areas, classes }
  }, [t, below, grids.data, key])

  const { exporting, exportAs } = useExport((format) => call('stats', 'export', { ...win, format }))

  const areaRows: FigureRow[] = ranked.map((r) => ({ key: r.areaCode, name: shortName(r), rate: r[key], onTap: drillable ? () => drill(r) : undefined }))
  const totalRow: FigureRow[] = t ? [{ key: 'total', name: `${t.parent.name}（合计）`, rate: t.total[key], total: true }] : []
  // Periods nobody was counted in are summed up in one line, not listed: a month by day would be 31 rows of 暂无数据.
  const trendRows: FigureRow[] = trend.data ? trend.data.points.filter((p) => p[key].value !== null || p[key].unavailable).map((p) => ({ key: p.fromDay, name: p.label, rate: p[key] })) : []
  const emptyPeriods = trend.data ? trend.data.points.length - trendRows.length : 0
  const updating = table.loading || headline.loading || trend.loading
  const wholeLabel = `${area.code === '' ? rootName : area.name}`
  const trendCount = periodsIn(grain, period.fromDay, period.toDay).length

  return (
    <PageShell className='dashboard'>
      <View className='db-body'>
        <StatusView signInReason='登录后可以查看指标看板' loading={table.loading && !t} error={t ? null : table.error} onRetry={() => void table.reload()}>
          {t && targets && (
            <View id='dashboard'>
              <View className='db-toolbar'>
                <View className='db-crumbs' id='area-crumbs' ariaRole='navigation' ariaLabel='区域'>
                  {crumbs.map((c, i) => {
                    const last = i === crumbs.length - 1
                    const name = i === 0 ? rootName : c.name
                    return (
                      <View key={c.code || 'city'} className='db-crumb-wrap'>
                        {i > 0 && <Text className='db-crumb-sep' aria-hidden='true'>›</Text>}
                        <View className={`db-crumb ${last ? 'on' : ''}`} data-crumb={c.code || 'city'} ariaRole={last ? undefined : 'button'}
                          ariaLabel={last ? `当前区域：${name}` : `回到${name}`} onClick={() => { if (!last) up(i) }}>{name}</View>
                      </View>
                    )
                  })}
                </View>
                <PeriodPicker period={period} today={today} areaCode={area.code} onChange={setPeriod} />
                <View className='db-exports'>
                  <View className={`btn-plain db-export ${exporting === 'xlsx' ? 'busy' : ''}`} id='export-xlsx' ariaRole='button' onClick={() => void exportAs('xlsx')}>{exporting === 'xlsx' ? '正在导出…' : '导出 Excel'}</View>
                  <View className={`btn-plain db-export ${exporting === 'csv' ? 'busy' : ''}`} id='export-csv' ariaRole='button' onClick={() => void exportAs('csv')}>{exporting === 'csv' ? '正在导出…' : '导出 CSV'}</View>
                </View>
                <View className='db-hint'>导出{wholeLabel}各{levelWord}的全部指标（含 n 和 95% 区间），与看板数字一致。</View>
              </View>
              {updating && <View className='db-updating' aria-live='polite'>正在更新…</View>}
              {table.error && <View className='db-inline-error error-text' ariaRole='alert'>{table.error}</View>}

              <View className='db-section-title'>{wholeLabel} · 主要指标</View>
              {headline.data
                ? <Headline data={headline.data} />
                : headline.error
                  ? <View className='db-inline-error'><Text className='error-text'>{headline.error}</Text><View className='db-retry' ariaRole='button' onClick={() => void headline.reload()}>重试</View></View>
                  : <View className='status inline'>正在加载…</View>}

              <View className='db-section-title'>看哪个指标</View>
              <View className='db-chips' id='indicator-chips' ariaRole='radiogroup' ariaLabel='图表显示的指标'>
                {RATE_INDICATORS.map((i) => (
                  <View key={i.key} className={`db-chip ${key === i.key ? 'on' : ''}`} data-indicator={i.key} ariaRole='radio' aria-checked={key === i.key ? 'true' : 'false'} onClick={() => setKey(i.key)}>{i.label}</View>
                ))}
              </View>
              {ind.note && <View className='db-hint'>{ind.note}</View>}

              <View className='db-charts'>
                <View className='db-panel' id='trend-panel'>
                  <View className='db-panel-title'>{ind.label}走势（{GRAIN_WORDS[grain]}，{trendCount} 个时段）</View>
                  <View className='db-legend' aria-hidden='true'>
                    <Text className='db-legend-item'><Text className='db-key db-key-line' />{ind.label}</Text>
                    <Text className='db-legend-item'><Text className='db-key db-key-band' />95%区间</Text>
                    <Text className='db-legend-item'><Text className='db-key db-key-hollow' />样本不足</Text>
                    {ind.target(targets) !== undefined && <Text className='db-legend-item'><Text className='db-key db-key-target' />目标</Text>}
                  </View>
                  {trend.error && !trend.data
                    ? <View className='db-inline-error'><Text className='error-text'>{trend.error}</Text><View className='db-retry' ariaRole='button' onClick={() => void trend.reload()}>重试</View></View>
                    : (
                      <>
                        <F2Chart id='trend-chart' label={`${wholeLabel}${ind.label}走势图，数字见下表`} height={240} element={trendElement} />
                        {trendRows.length > 0 && <FigureTable id='trend-table' caption={`${ind.label}走势`} head='时段' rows={trendRows} />}
                        {emptyPeriods > 0 && (
                          <View className='db-hint' id='trend-empty'>{trendRows.length === 0 ? `这 ${emptyPeriods} 个时段都暂无数据` : `另有 ${emptyPeriods} 个时段暂无数据，未列出`}</View>
                        )}
                      </>
                      )}
                </View>

                <View className='db-panel' id='bar-panel'>
                  <View className='db-panel-title'>各{levelWord}{ind.label}{drillable ? '（点一行或一条看下一级）' : ''}</View>
                  <View className='db-legend' aria-hidden='true'>
                    <Text className='db-legend-item'><Text className='db-key db-key-bar' />{ind.label}</Text>
                    <Text className='db-legend-item'><Text className='db-key db-key-whisker' />95%区间</Text>
                    <Text className='db-legend-item'><Text className='db-key db-key-short' />样本不足（不排名）</Text>
                  </View>
                  {t.rows.length === 0
                    ? <View className='status inline' id='bars-empty'>{wholeLabel}下还没有{levelWord}的数据</View>
                    : (
                      <>
                        {bars.length > 0 && (
                          <F2Chart key={`bars-${bars.length}`} id='bar-chart' label={`各${levelWord}${ind.label}条形图，数字见下表`} height={Math.max(140, bars.length * 40 + 56)} element={barElement} onTap={drillable ? onBarTap : undefined} />
                        )}
                        <FigureTable id='bar-table' caption={`各${levelWord}${ind.label}`} head={levelWord} rows={[...areaRows, ...totalRow]} />
                      </>
                      )}
                </View>

                <View className='db-panel db-panel-map' id='map-panel'>
                  <View className='db-panel-title'>{wholeLabel}网格地图：按{levelWord}着色的{ind.label}</View>
                  {grids.error && !grids.data
                    ? <View className='db-inline-error'><Text className='error-text'>{grids.error}</Text><View className='db-retry' ariaRole='button' onClick={() => void grids.reload()}>重试</View></View>
                    : !mapView
                        ? <View className='status inline'>正在读取网格…</View>
                        : (
                          <>
                            <View className='db-legend db-map-legend' id='map-legend'>
                              {mapView.classes.map((c) => (
                                <Text key={c.colour} className='db-legend-item'><Text className='db-key db-key-fill' style={{ background: c.colour }} />{formatPercentShort(c.low)}–{formatPercentShort(c.high)}</Text>
                              ))}
                              <Text className='db-legend-item'><Text className='db-key db-key-fill db-swatch-hatch' />样本不足或暂无数据</Text>
                            </View>
                            <View className='db-hint'>颜色越深，{ind.label}越高{ind.direction === 'lower' ? '（返工率越低越好）' : ''}。</View>
                            <AreaMap id='area-map' label={`${wholeLabel}各${levelWord}${ind.label}地图，数字见下表`} height={300} grids={mapView.grids} areas={mapView.areas}
                              onPick={drillable ? (code) => { const row = t.rows.find((r) => r.areaCode === code); if (row) drill(row) } : undefined} />
                            <FigureTable id='map-table' caption={`地图上各${levelWord}的颜色和${ind.label}`} head={levelWord} withSwatch
                              rows={ranked.map((r) => ({ key: r.areaCode, name: shortName(r), rate: r[key], swatch: mapView.areas.get(r.areaCode)?.fill ?? null }))} />
                          </>
                          )}
                </View>
              </View>
            </View>
          )}
        </StatusView>
      </View>
    </PageShell>
  )
}

