import type { OrgReport } from '../../../../core/volunteer/views'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { chinaYear } from '../organize/event-format'
import OrgReportPage from './index'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: {} }) }
})

const { testUtils, get: $, tap, serve, open } = usePageTest(OrgReportPage)

const thisYear = chinaYear(new Date().toISOString())
const report = (year: number, o: Partial<OrgReport> = {}): OrgReport => ({
  year, trainingsHeld: 1, trainingsRequired: 2, trainingsMet: false,
  trainedByTopic: [{ topic: '医疗健康', people: 24 }, { topic: '环境保护', people: 12 }],
  personTimes: 318, volunteers: 86, peopleServed: 1520, hours: 642.5, events: 14, cancelled: 2, ...o
})

describe('组织报告', () => {
  it('shows this year: the training rule against its target, people trained by topic, and the service totals', async () => {
    const fake = serve({ 'volunteer.orgReport': (e) => ({ ok: true, data: report(e.year as number) }) })
    await open('#org-report')
    expect(fake.calls.map((c) => c.event)).toEqual([{ action: 'orgReport', year: thisYear }])
    expect($('#training-rule').getAttribute('aria-label')).toBe('本年培训 1/2 场，未达标')
    expect($('#training-rule').textContent).toContain('还差 1 场')
    expect(($('#training-rule .rp-fill') as HTMLElement).style.width).toBe('50%')
    const topics = Array.from(document.querySelectorAll('[data-topic]'))
    expect(topics.map((t) => t.getAttribute('aria-label'))).toEqual(['医疗健康 24 人', '环境保护 12 人'])
    expect((topics[1].querySelector('.rp-topic-fill') as HTMLElement).style.width).toBe('50%')
    expect($('#total-personTimes').textContent).toBe('318 人次志愿服务')
    expect($('#total-hours').textContent).toBe('642.5 小时服务时长')
    expect($('#report-events').textContent).toContain('已举办活动 14 场 · 取消 2 场')
    // No year after this one.
    expect($('#year-next').getAttribute('aria-disabled')).toBe('true')
  })

  it('switches to the year before, and says when the rule is met', async () => {
    const fake = serve({
      'volunteer.orgReport': (e) => ({ ok: true, data: e.year === thisYear ? report(thisYear) : report(e.year as number, { trainingsHeld: 3, trainingsMet: true, trainedByTopic: [] }) })
    })
    await open('#org-report')
    await tap('#year-prev')
    await until(() => document.querySelector('#training-rule')?.getAttribute('data-met') === 'true')
    expect($('#report-year').textContent).toBe(`${thisYear - 1} 年`)
    expect($('#training-rule').textContent).toContain(`${thisYear - 1} 年培训 3/2 场✓ 已达标`)
    expect($('#trained-by-topic').textContent).toContain('没有完成的培训')
    expect(fake.calls.map((c) => c.event.year)).toEqual([thisYear, thisYear - 1])
  })

  it('a failed load says why, with 重试', async () => {
    let fail = true
    serve({
      'volunteer.orgReport': (e) => (fail ? { ok: false, error: { code: 'FORBIDDEN', message: '只有组织者和文明办可以查看组织报告' } } : { ok: true, data: report(e.year as number) })
    })
    const err = await open('.status-error')
    expect(err.textContent).toContain('只有组织者和文明办可以查看组织报告')
    fail = false
    await tap('.status-error .btn-plain')
    await testUtils.queries.waitForQuerySelector('#org-report')
    expect($('#training-rule').textContent).toContain('1/2')
  })
})
