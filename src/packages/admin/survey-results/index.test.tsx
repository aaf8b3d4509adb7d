import Taro from '@tarojs/taro'
import type { AreaRate, AreaResult } from '../../../../core/survey-results'
import type { SurveyResultsView } from '../../../../core/survey-views'
import { sampleRate } from '../../../../core/indicators/rate'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { rateWords } from './rate-words'
import SurveyResults from './index'

let mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: mockParams }) }
})

const { get, $, tap, text, serve, open, toasts, dialogs } = usePageTest(SurveyResults)

beforeEach(() => { mockParams = { id: 'sv-2026-civility' } })

const MIN = 30
const rate = (yes: number, n: number): AreaRate => ({ ...sampleRate(yes, n), insufficient: n < MIN })
const area = (code: string, name: string, level: AreaResult['level'], awareness: AreaRate, support: AreaRate, satisfaction: AreaRate): AreaResult =>
  ({ code, name, level, respondents: Math.max(awareness.denominator, support.denominator, satisfaction.denominator), awareness, support, satisfaction })

function view (level: AreaResult['level'] = 'street', o: Partial<SurveyResultsView> = {}): SurveyResultsView {
  return {
    survey: { id: 'sv-2026-civility', title: '2026年文明城市创建市民调查', status: 'open', opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), version: 1 },
    city: area('', '天心区', 'city', rate(51, 60), rate(54, 60), rate(0, 0)),
    areas: level === 'street'
      ? [
          area('430103001', '坡子街街道', 'street', rate(40, 45), rate(42, 45), rate(0, 0)),
          area('430103002', '城南路街道', 'street', rate(11, 15), rate(12, 15), rate(0, 0))
        ]
      : [area('430103001001', '坡子街街道 香樟路社区', 'community', rate(9, 12), rate(10, 12), rate(0, 0))],
    minSample: MIN,
    responses: 60,
    testResponses: 3,
    ...o
  }
}

const bar = (code: string, indicator: string) => get(`[data-area="${code}"][data-indicator="${indicator}"]`)

describe('问卷结果', () => {
  it('shows the city\'s rates big with n and the 95% interval in words; no data is 暂无数据, never 0%', async () => {
    const fake = serve({ 'surveys.results': () => ({ ok: true, data: view() }) })
    await open('#city-figures')
    expect(fake.sent('results')).toEqual([{ action: 'results', id: 'sv-2026-civility', level: 'street' }])
    const awareness = get('[data-city="awareness"]').textContent
    expect(awareness).toContain('85.0%')
    expect(awareness).toContain(rateWords(rate(51, 60)).replace(/^85\.0%（|）$/g, ''))
    expect(awareness).toMatch(/n=60，95%区间 \d+\.\d%–\d+\.\d%/)
    expect(get('[data-city="satisfaction"]').textContent).toContain('暂无数据')
    expect(get('[data-city="satisfaction"]').textContent).not.toContain('0%')
    expect(text('#answer-count')).toBe('有效答卷 60 份（另有测试 3 份，不计入）')
  })

  it('draws one bar per area and indicator with its interval; a small sample is hatched and says 样本不足', async () => {
    serve({ 'surveys.results': () => ({ ok: true, data: view() }) })
    await open('#area-chart')
    expect(Array.from(document.querySelectorAll('.sr-area')).map((r) => r.getAttribute('data-area'))).toEqual(['430103001', '430103002'])
    expect(document.querySelectorAll('#area-chart .sr-rate')).toHaveLength(6)

    const big = bar('430103001', 'awareness')
    expect(big.hasAttribute('data-insufficient')).toBe(false)
    expect(big.textContent).toContain('88.9%')
    expect(big.querySelector('.sr-ci')).not.toBeNull()

    const small = bar('430103002', 'awareness')
    expect(small.getAttribute('data-insufficient')).toBe('true')
    expect(small.textContent).toContain('样本不足')
    expect(small.textContent).toContain('n=15')
    expect(small.className).toContain('sr-short')
    expect(small.getAttribute('aria-label')).toContain('样本不足（少于 30 人），仅供参考')
    expect(document.querySelectorAll('[data-area][data-insufficient]')).toHaveLength(2)

    // Nobody answered a satisfaction question there: 暂无数据, no bar, not 样本不足.
    const none = bar('430103002', 'satisfaction')
    expect(none.textContent).toContain('暂无数据')
    expect(none.hasAttribute('data-insufficient')).toBe(false)
    expect(none.querySelector('.sr-fill')).toBeNull()
  })

  it('switches between 街道, 社区 and 网格', async () => {
    const fake = serve({
      'surveys.results': (e) => (e.level === 'grid'
        ? { ok: true, data: view('grid', { areas: [] }) }
        : { ok: true, data: view(e.level as AreaResult['level']) })
    })
    await open('#area-chart')
    await tap('#level-community')
    await until(() => $('[data-area="430103001001"]') !== null)
    expect(get('#level-community').getAttribute('aria-selected')).toBe('true')
    await tap('#level-grid')
    await until(() => $('#areas-empty') !== null)
    expect(text('#areas-empty')).toContain('各网格暂无数据')
    expect(fake.sent('results').map((c) => c.level)).toEqual(['street', 'community', 'grid'])
  })

  it('导出 Excel and 导出 CSV download the files in a browser', async () => {
    const clicked: Array<{ download: string; href: string }> = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push({ download: this.download, href: this.href }) })
    const urls = { createObjectURL: jest.fn(() => 'blob:survey'), revokeObjectURL: jest.fn() }
    Object.assign(URL, urls)
    const fake = serve({
      'surveys.results': () => ({ ok: true, data: view() }),
      'surveys.export': (e) => ({ ok: true, data: { filename: e.format === 'csv' ? '问卷-答卷.csv' : '问卷.xlsx', base64: 'UEsDBBQ=', rows: 60 } })
    })
    await open('#export-xlsx')
    await tap('#export-xlsx')
    await until(() => clicked.length === 1)
    await tap('#export-csv')
    await until(() => clicked.length === 2)
    expect(fake.sent('export')).toEqual([
      { action: 'export', id: 'sv-2026-civility', format: 'xlsx' },
      { action: 'export', id: 'sv-2026-civility', format: 'csv' }
    ])
    expect(clicked.map((c) => c.download)).toEqual(['问卷.xlsx', '问卷-答卷.csv'])
    const types = urls.createObjectURL.mock.calls.map((c) => ((c as unknown[])[0] as Blob).type)
    expect(types).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv;charset=utf-8'])
    await until(() => toasts().filter((t) => t === '已下载，60 行').length === 2)
  })

  it('on WeChat a CSV is offered to forward to a chat (the document viewer opens only workbooks)', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    jest.spyOn(Taro, 'getFileSystemManager').mockImplementation((() => ({
      writeFile: (o: { success: () => void }) => o.success()
    })) as unknown as typeof Taro.getFileSystemManager)
    const share = jest.spyOn(Taro, 'shareFileMessage').mockImplementation((async () => ({ errMsg: 'shareFileMessage:ok' })) as unknown as typeof Taro.shareFileMessage)
    const env = Taro.env as unknown as Record<string, string>
    const before = env.USER_DATA_PATH
    env.USER_DATA_PATH = 'wxfile://usr'
    try {
      serve({ 'surveys.results': () => ({ ok: true, data: view() }), 'surveys.export': () => ({ ok: true, data: { filename: 'answers.csv', base64: 'YQ==', rows: 1 } }) })
      await open('#export-csv')
      await tap('#export-csv')
      await until(() => share.mock.calls.length === 1)
      expect(share).toHaveBeenCalledWith({ filePath: 'wxfile://usr/answers.csv', fileName: 'answers.csv' })
    } finally {
      env.USER_DATA_PATH = before
    }
  })

  it('a failed export is said in words', async () => {
    serve({
      'surveys.results': () => ({ ok: true, data: view() }),
      'surveys.export': () => ({ ok: false, error: { code: 'INTERNAL', message: '导出失败，请稍后再试' } })
    })
    await open('#export-xlsx')
    await tap('#export-xlsx')
    await until(() => dialogs().length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '没有导出成功', content: '导出失败，请稍后再试' })
  })

  it('refuses someone who is not the office in the server\'s words', async () => {
    serve({ 'surveys.results': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }) })
    const error = await open('.status-error')
    expect(error.textContent).toContain('你没有权限进行这个操作')
  })
})

describe('rates in words', () => {
  it('writes the figure, n and the interval to a tenth of a percent, and no data as 暂无数据', () => {
    expect(rateWords({ value: 0.85, numerator: 51, denominator: 60, ci95: { low: 0.74, high: 0.9214 }, insufficient: false })).toBe('85.0%（n=60，95%区间 74.0%–92.1%）')
    expect(rateWords(rate(0, 0))).toBe('暂无数据（n=0）')
  })
})
