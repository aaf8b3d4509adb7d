import { addDays, periodLabel, periodOf, periodsIn } from '../../../../core/indicators/period'
import { sampleRate } from '../../../../core/indicators/rate'
import { DEFAULT_SETTINGS } from '../../../../core/settings'
import type { Grid } from '../../../../core/types'
import type { HeadlineView, IndicatorRowView, IndicatorSet, IndicatorTableView, RateView, TrendView } from '../../../../core/views'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { chinaToday } from './figures'
import Dashboard from './index'

const { get, $, tap, text, serve, open, toasts, dialogs, testUtils } = usePageTest(Dashboard)

const MIN = 30
const TARGETS = DEFAULT_SETTINGS.targets
/** A survey rate: a Wilson interval from core, 样本不足 below the minimum sample. */
const survey = (yes: number, n: number): RateView => ({ ...sampleRate(yes, n), insufficient: n > 0 && n < MIN })
/** A census rate (tickets, people): no interval. */
const census = (num: number, den: number): RateView => ({ value: den ? num / den : null, numerator: num, denominator: den, ci95: null })
const hours = (mean: number | null, n: number, low = 4, high: number | null = 8) => ({ mean, n, median: mean === null ? null : { low, high } })

function set (o: Partial<IndicatorSet> = {}): IndicatorSet {
  return {
    awareness: survey(51, 60),
    support: survey(54, 60),
    satisfaction: survey(106, 120),
    fixSatisfaction: census(9, 10),
    participation: census(120, 20_000),
    volunteerRegistration: census(1_800, 20_000),
    closeRate: census(20, 25),
    onTimeCloseRate: census(15, 24),
    reworkRate: census(2, 12),
    hoursToDispatch: hours(5.2, 25),
    hoursToResolve: hours(30, 20, 24, 48),
    hoursToClose: hours(null, 0),
    openTickets: 14,
    overdueTickets: 4,
    deferredTickets: 1,
    residentBase: 20_000,
    ...o
  }
}

const today = chinaToday()
const month = periodOf('month', today)
const prevMonth = periodOf('month', addDays(month.fromDay, -1))

const LEVEL_OF: Record<number, IndicatorRowView['level']> = { 0: 'city', 6: 'district', 9: 'street', 12: 'community', 15: 'grid' }
const row = (areaCode: string, name: string, o: Partial<IndicatorSet> = {}): IndicatorRowView => ({ areaCode, name, level: LEVEL_OF[areaCode.length], ...set(o) })

/** The areas of the fake city: one district, two streets, and a community under the first. */
const CHILDREN: Record<string, IndicatorRowView[]> = {
  '': [row('430111', '雨花区')],
  430111: [
    row('430111001', '侯家塘街道', { awareness: survey(40, 50) }),
    row('430111002', '左家塘街道', { awareness: survey(9, 10) }),
    row('430111003', '雨花亭街道', { awareness: survey(45, 50) }),
    row('430111004', '东塘街道', { awareness: survey(0, 0) })
  ],
  430111001: [row('430111001001', '桂花井社区')],
  430111001001: [row('430111001001001', '01网格'), row('430111001001002', '02网格')]
}
const NAMES: Record<string, string> = { '': '长沙市', 430111: '雨花区', 430111001: '侯家塘街道', 430111001001: '桂花井社区' }

function tableOf (e: Record<string, unknown>): IndicatorTableView {
  const code = String(e.areaCode ?? '')
  const fromDay = String(e.fromDay)
  const toDay = String(e.toDay)
  const rows = CHILDREN[code] ?? []
  return {
    parent: { areaCode: code, level: LEVEL_OF[code.length], name: NAMES[code] ?? code },
    childLevel: LEVEL_OF[code.length + (code.length === 0 ? 6 : 3)],
    period: { fromDay, toDay, label: periodLabel(fromDay, toDay), grain: null },
    total: row(code, NAMES[code] ?? code),
    rows,
    targets: TARGETS,
    minSample: MIN
  }
}

function headlineOf (e: Record<string, unknown>, o: Partial<IndicatorSet> = {}): HeadlineView {
  const code = String(e.areaCode ?? '')
  const fromDay = String(e.fromDay)
  const toDay = String(e.toDay)
  return {
    ...set(o),
    scope: { areaCode: code, level: LEVEL_OF[code.length], name: NAMES[code] ?? code, fromDay, toDay, label: periodLabel(fromDay, toDay), grain: 'month', gridId: null, fromIso: null, toIso: `${toDay}T15:59:59.999Z` },
    targets: TARGETS,
    minSample: MIN
  }
}

function trendOf (e: Record<string, unknown>): TrendView {
  const code = String(e.areaCode ?? '')
  const grain = e.grain as TrendView['grain']
  return {
    area: { areaCode: code, level: LEVEL_OF[code.length], name: NAMES[code] ?? code },
    grain,
    points: periodsIn(grain, String(e.fromDay), String(e.toDay)).map((p, i) => ({
      ...set({ awareness: i === 2 ? survey(0, 0) : i % 2 ? survey(5, 8) : survey(40, 50) }), ...p, label: periodLabel(p.fromDay, p.toDay), grain
    })),
    targets: TARGETS,
    minSample: MIN
  }
}

const GRIDS: Grid[] = [
  { id: 'g1', code: '430111001001001', name: '侯家塘街道·桂花井社区·01网格', district: '雨花区', street: '侯家塘街道', community: '桂花井社区', datum: 'GCJ-02', polygon: [[112.98, 28.18], [112.99, 28.18], [112.99, 28.19], [112.98, 28.19]], managerIds: [], population: 3000 },
  { id: 'g2', code: '430111002001001', name: '左家塘街道·曙光里社区·01网格', district: '雨花区', street: '左家塘街道', community: '曙光里社区', datum: 'GCJ-02', polygon: [[113.02, 28.18], [113.03, 28.18], [113.03, 28.19], [113.02, 28.19]], managerIds: [], population: 2500 }
]

/** The whole office's fake server; `o` replaces any answer. */
function office (o: Parameters<typeof serve>[0] = {}) {
  return serve({
    'stats.table': (e) => ({ ok: true, data: tableOf(e) }),
    'stats.headline': (e) => ({ ok: true, data: headlineOf(e) }),
    'stats.trend': (e) => ({ ok: true, data: trendOf(e) }),
    'admin.grids': () => ({ ok: true, data: { items: GRIDS, next: null } }),
    ...o
  })
}

const card = (key: string) => get(`#headline-cards [data-indicator="${key}"]`)
const rowNames = (table: string) => Array.from(document.querySelectorAll(`#${table} .db-tr:not(.db-th) .db-td-name`)).map((el) => el.textContent?.replace(' ›', ''))

describe('指标看板', () => {
  it('opens on this month for the whole city: every card with its n and interval, 样本不足 never judged, no data as 暂无数据', async () => {
    const fake = office({
      'stats.headline': (e) => ({
        ok: true,
        data: headlineOf(e, {
          awareness: survey(3, 3),
          support: survey(0, 0),
          participation: { ...census(0, 0), unavailable: '自定义时段不能统计参与人数' }
        })
      })
    })
    await open('#headline-cards')
    const window = { areaCode: '', fromDay: month.fromDay, toDay: month.toDay }
    expect(fake.sent('headline')).toEqual([{ action: 'headline', ...window }])
    expect(fake.sent('table')).toEqual([{ action: 'table', ...window }])
    expect(fake.sent('trend')).toEqual([{ action: 'trend', ...window, grain: 'day' }])
    expect(text('#period-label')).toBe(periodLabel(month.fromDay, month.toDay))

    // 样本不足: shown with its n, neither met nor missed.
    const few = card('awareness')
    expect(few.textContent).toContain('样本 3')
    expect(few.textContent).toContain('样本不足，不作评价')
    expect(few.querySelector('.rate')?.getAttribute('data-standing')).toBe('none')
    // Enough answers, below target: judged, with n, interval and target.
    const satisfaction = card('satisfaction')
    expect(satisfaction.querySelector('.rate')?.getAttribute('data-standing')).toBe('missed')
    expect(satisfaction.textContent).toMatch(/样本 120 · 95%区间 \d+%–\d+% · 目标 90%/)
    // No respondents: 暂无数据, never 0%.
    expect(card('support').textContent).toContain('暂无数据')
    expect(card('support').textContent).not.toContain('0%')
    // Not given for this window: its reason instead of a figure.
    expect(card('participation').textContent).toContain('自定义时段不能统计参与人数')
    expect(card('participation').querySelector('.rate-value')).toBeNull()
    // Ticket ratings' satisfaction is said to come from the tickets.
    expect(card('fixSatisfaction').textContent).toContain('来自居民对已办结案卷的评价')
    expect(text('#ticket-counts')).toBe('14未结案4已超期1缓办')
    expect(text('[data-hours="dispatch"]')).toBe('派遣用时平均 5.2 小时 · 中位 4–8 小时n=25')
    expect(text('[data-hours="close"]')).toBe('结案用时暂无数据')
  })

  it('ranks the areas with enough answers by value, 样本不足 after them unranked, no data last; each row says n and its interval', async () => {
    office()
    await open('#bar-table')
    await tap('[data-crumb="city"]') // the current crumb: nothing happens
    await tap('#bar-table [data-row="430111"]')
    await until(() => $('#bar-table [data-row="430111001"]') !== null)
    expect(rowNames('bar-table')).toEqual(['雨花亭街道', '侯家塘街道', '左家塘街道', '东塘街道', '雨花区（合计）'])
    const short = get('#bar-table [data-row="430111002"]')
    expect(short.getAttribute('data-insufficient')).toBe('1')
    expect(short.textContent).toContain('样本不足')
    expect(short.textContent).toContain('90.0%')
    expect(get('#bar-table [data-row="430111004"]').textContent).toContain('暂无数据')
    expect(get('#bar-table [data-row="430111003"] .db-td-n').textContent).toBe('50')
    expect(get('#bar-table [data-row="430111003"] .db-td-ci').textContent).toMatch(/^\d+\.\d%–\d+\.\d%$/)
    // Another indicator re-orders by its own figures.
    await tap('#indicator-chips [data-indicator="closeRate"]')
    expect(get('#indicator-chips [data-indicator="closeRate"]').getAttribute('aria-checked')).toBe('true')
    expect(get('#bar-panel').textContent).toContain('各街道结案率')
  })

  it('drills down a row at a time, asking for the child area, and goes back up by the breadcrumb; grids are the bottom', async () => {
    const fake = office()
    await open('#bar-table')
    await tap('#bar-table [data-row="430111"]')
    await until(() => $('#bar-table [data-row="430111001"]') !== null)
    await tap('#bar-table [data-row="430111001"]')
    await until(() => $('#bar-table [data-row="430111001001"]') !== null)
    await tap('#bar-table [data-row="430111001001"]')
    await until(() => $('#bar-table [data-row="430111001001001"]') !== null)
    expect(fake.sent('table').map((c) => c.areaCode)).toEqual(['', '430111', '430111001', '430111001001'])
    expect(fake.sent('headline').map((c) => c.areaCode)).toEqual(['', '430111', '430111001', '430111001001'])
    expect(text('#area-crumbs')).toBe('长沙市›雨花区›侯家塘街道›桂花井社区')
    // A community's rows are grids: not drilled into.
    await tap('#bar-table [data-row="430111001001001"]')
    expect(fake.sent('table')).toHaveLength(4)
    expect(get('#bar-table [data-row="430111001001001"]').className).not.toContain('db-tap')

    await tap('[data-crumb="430111"]')
    await until(() => $('#bar-table [data-row="430111002"]') !== null)
    expect(text('#area-crumbs')).toBe('长沙市›雨花区')
    expect(fake.sent('table').map((c) => c.areaCode).slice(-1)).toEqual(['430111'])
  })

  it('steps back a period and forward again, never past this one; 年 draws its trend by month', async () => {
    const fake = office()
    await open('#period-picker')
    expect(get('#period-forward').getAttribute('aria-disabled')).toBe('true')
    await tap('#period-forward')
    await tap('#period-back')
    await until(() => fake.sent('table').length === 2)
    expect(fake.sent('table')[1]).toEqual({ action: 'table', areaCode: '', fromDay: prevMonth.fromDay, toDay: prevMonth.toDay })
    expect(fake.sent('trend')[1]).toMatchObject({ fromDay: prevMonth.fromDay, toDay: prevMonth.toDay, grain: 'day' })
    expect(text('#period-label')).toBe(periodLabel(prevMonth.fromDay, prevMonth.toDay))
    await tap('#period-forward')
    await until(() => fake.sent('table').length === 3)
    expect(fake.sent('table')[2]).toMatchObject({ fromDay: month.fromDay, toDay: month.toDay })

    await tap('#mode-year')
    const year = periodOf('year', today)
    await until(() => fake.sent('trend').some((c) => c.grain === 'month'))
    expect(fake.sent('trend').slice(-1)[0]).toEqual({ action: 'trend', areaCode: '', fromDay: year.fromDay, toDay: year.toDay, grain: 'month' })
    expect(get('#mode-year').getAttribute('aria-checked')).toBe('true')
  })

  it('a custom window is checked by the server\'s own schema: an end before the start is refused in its words and not asked', async () => {
    const fake = office()
    await open('#period-picker')
    await tap('#mode-custom')
    const picker = (id: string) => Array.from(document.querySelectorAll('taro-picker-core')).find((p) => p.querySelector(`#${id}`))!
    await testUtils.act(async () => { picker('custom-from').dispatchEvent(new CustomEvent('change', { detail: { value: addDays(month.toDay, 1) }, bubbles: true })) })
    expect(text('#custom-error')).toBe('结束日期不能早于开始日期，且时段不超过 3660 天')
    expect(fake.sent('table')).toHaveLength(1)
    await testUtils.act(async () => { picker('custom-from').dispatchEvent(new CustomEvent('change', { detail: { value: prevMonth.fromDay }, bubbles: true })) })
    await until(() => fake.sent('table').length === 2)
    expect(fake.sent('table')[1]).toEqual({ action: 'table', areaCode: '', fromDay: prevMonth.fromDay, toDay: month.toDay })
    expect($('#custom-error')).toBeNull()
  })

  it('shows the chart figures as tables too: the trend per period and the map\'s colours per area', async () => {
    office()
    await open('#trend-table')
    await until(() => (document.querySelectorAll('#trend-table .db-tr:not(.db-th)').length > 0))
    const points = periodsIn('day', month.fromDay, month.toDay)
    // The one period nobody answered in is not listed as a row of 暂无数据, but counted.
    expect(document.querySelectorAll('#trend-table .db-tr:not(.db-th)')).toHaveLength(points.length - 1)
    expect($(`#trend-table [data-row="${points[2].fromDay}"]`)).toBeNull()
    expect(text('#trend-empty')).toBe('另有 1 个时段暂无数据，未列出')
    expect(get(`#trend-table [data-row="${points[0].fromDay}"]`).textContent).toContain('80.0%')
    const few = get(`#trend-table [data-row="${points[1].fromDay}"]`)
    expect(few.getAttribute('data-insufficient')).toBe('1')
    expect(few.textContent).toContain('62.5%样本不足')
    expect(get('[data-chart="trend-chart"]').getAttribute('aria-label')).toContain('走势图')
    await tap('#bar-table [data-row="430111"]')
    await until(() => $('#map-table [data-row="430111001"]') !== null)
    // 左家塘 has too few answers: hatched on the map, not coloured.
    expect(get('#map-table [data-row="430111002"] .db-swatch').className).toContain('db-swatch-hatch')
    expect(get('#map-table [data-row="430111003"] .db-swatch').className).not.toContain('db-swatch-hatch')
    expect(text('#map-legend')).toContain('样本不足或暂无数据')
  })

  it('导出 Excel and 导出 CSV ask for the area and period on screen in that format', async () => {
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:stats'), revokeObjectURL: jest.fn() })
    const fake = office({ 'stats.export': (e) => ({ ok: true, data: { filename: `指标.${String(e.format)}`, base64: 'UEsDBBQ=', rows: 5 } }) })
    await open('#export-xlsx')
    await tap('#export-xlsx')
    await until(() => toasts().length === 1)
    await tap('#export-csv')
    await until(() => toasts().length === 2)
    const window = { areaCode: '', fromDay: month.fromDay, toDay: month.toDay }
    expect(fake.sent('export')).toEqual([{ action: 'export', ...window, format: 'xlsx' }, { action: 'export', ...window, format: 'csv' }])
    expect(toasts()).toEqual(['已下载，5 行', '已下载，5 行'])
  })

  it('a failed export is said in words', async () => {
    office({ 'stats.export': () => ({ ok: false, error: { code: 'INTERNAL', message: '导出失败，请稍后再试' } }) })
    await open('#export-csv')
    await tap('#export-csv')
    await until(() => dialogs().length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '没有导出成功', content: '导出失败，请稍后再试' })
  })

  it('someone who is not the office sees the server\'s refusal instead of the dashboard', async () => {
    const refused = { ok: false as const, error: { code: 'FORBIDDEN' as const, message: '你没有权限进行这个操作' } }
    office({ 'stats.table': () => refused, 'stats.trend': () => refused, 'admin.grids': () => refused })
    const error = await open('.status-error')
    expect(error.textContent).toContain('你没有权限进行这个操作')
    expect($('#headline-cards')).toBeNull()
  })

  it('nobody signed in: the sign-in prompt', async () => {
    const signIn = { ok: false as const, error: { code: 'UNAUTHENTICATED' as const, message: '请先登录' } }
    office({ 'stats.table': () => signIn, 'stats.trend': () => signIn, 'admin.grids': () => signIn })
    const prompt = await open('#sign-in-prompt')
    expect(prompt.textContent).toContain('登录后可以查看指标看板')
  })
})
