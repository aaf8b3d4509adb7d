import { PAGES, pageUrl } from '../../../../core/pages'
import type { SurveyAdminItem } from '../../../../core/survey-views'
import { aSurvey } from '../../../../core/testing/builders'
import type { Survey } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { answersText, chinaInstant, surveyPhase, windowText } from './survey-format'
import Surveys from './index'

// The test renderer runs no page lifecycle: show the page once on mount, as the app does when it opens.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useDidShow: (fn: () => void) => useEffect(() => { fn() }, []) }
})

const { setConfirm, tap, text, serve, open, dialogs, navigated, toasts } = usePageTest(Surveys)

const DAY = 86_400_000
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString()
const item = (id: string, o: Partial<Survey> = {}, responses = 0, testResponses = 0): SurveyAdminItem =>
  ({ ...aSurvey({ id, title: `问卷${id}`, opensAt: at(-5), closesAt: at(25), version: 1, ...o }), responses, testResponses })
const page = (items: unknown[], next: string | null = null) => ({ ok: true as const, data: { items, next } })
const card = (id: string) => document.querySelector(`[data-survey="${id}"]`)!
const has = (selector: string) => document.querySelector(selector) !== null

const TEMPLATES = [
  { id: 'awareness', name: '创文知晓率、支持率调查', summary: '5 道题：是否知道、是否支持', questions: 5 },
  { id: 'satisfaction', name: '创文满意度调查', summary: '6 道题：环境卫生、交通秩序', questions: 7 },
  { id: 'mock', name: '模拟测评（电话调查式）', summary: '按全国测评电话调查的方式', questions: 6 }
]

describe('问卷管理', () => {
  it('lists every survey with its state, window, version and counted answers, and what each state allows', async () => {
    const fake = serve({
      'surveys.adminList': () => page([
        item('d1', { status: 'draft', version: 2, parentId: 'c1' }),
        item('o1', {}, 58, 2),
        item('c1', { status: 'closed', opensAt: at(-40), closesAt: at(-10) }, 120)
      ])
    })
    await open('#survey-list')
    expect(fake.sent('adminList')).toEqual([{ action: 'adminList', cursor: null, limit: 20 }])
    expect(Array.from(document.querySelectorAll('[data-status]')).map((t) => t.textContent)).toEqual(['草稿', '进行中', '已结束'])
    expect(card('d1').textContent).toContain('第 2 版（由上一版复制）')
    expect(card('o1').textContent).toContain('有效答卷 58 份（另有测试 2 份，不计入）')
    expect(card('o1').textContent).toContain(windowText(item('o1')))
    expect(card('c1').textContent).toContain('有效答卷 120 份')
    // A draft is edited and published, not looked at for results; an open one is ended; every one can be copied.
    expect([has('#edit-d1'), has('#publish-d1'), has('#results-d1'), has('#close-d1'), has('#duplicate-d1')]).toEqual([true, true, false, false, true])
    expect([has('#edit-o1'), has('#publish-o1'), has('#results-o1'), has('#close-o1'), has('#duplicate-o1')]).toEqual([false, false, true, true, true])
    expect([has('#results-c1'), has('#close-c1'), has('#view-c1'), has('#duplicate-c1')]).toEqual([true, false, true, true])
    await tap('#edit-d1')
    await tap('#results-o1')
    await tap('#view-c1')
    expect(navigated()).toEqual([
      pageUrl(PAGES.surveyEdit, { id: 'd1' }), pageUrl(PAGES.surveyResults, { id: 'o1' }), pageUrl(PAGES.surveyEdit, { id: 'c1' })
    ])
  })

  it('新建问卷 offers the three templates and a blank one; a template becomes a draft that opens in the editor', async () => {
    const fake = serve({
      'surveys.adminList': () => page([item('o1')]),
      'surveys.templates': () => ({ ok: true, data: TEMPLATES }),
      'surveys.fromTemplate': () => ({ ok: true, data: aSurvey({ id: 'sv-new', status: 'draft' }) })
    })
    await open('#survey-list')
    await tap('#new-survey')
    await until(() => has('[data-template="mock"]'))
    expect(Array.from(document.querySelectorAll('[data-template]')).map((t) => t.getAttribute('data-template'))).toEqual(['awareness', 'satisfaction', 'mock', 'blank'])
    expect(text('[data-template="mock"]')).toContain('模拟测评（电话调查式）')
    expect(text('[data-template="mock"]')).toContain('按全国测评电话调查的方式')
    expect(text('[data-template="satisfaction"]')).toContain('7 道题')
    await tap('[data-template="mock"]')
    await until(() => navigated().length === 1)
    expect(fake.sent('fromTemplate')).toEqual([{ action: 'fromTemplate', template: 'mock' }])
    expect(navigated()).toEqual([pageUrl(PAGES.surveyEdit, { id: 'sv-new' })])
    expect(has('#template-panel')).toBe(false)

    await tap('#new-survey')
    await tap('[data-template="blank"]')
    expect(navigated()[1]).toBe(pageUrl(PAGES.surveyEdit))
    // The templates were read once.
    expect(fake.sent('templates')).toHaveLength(1)
  })

  it('结束 asks first and then closes the survey; 取消 sends nothing', async () => {
    let status: Survey['status'] = 'open'
    const fake = serve({
      'surveys.adminList': () => page([item('o1', { status }, 58)]),
      'surveys.close': () => { status = 'closed'; return { ok: true, data: item('o1', { status }) } }
    })
    await open('#survey-list')
    setConfirm(false)
    await tap('#close-o1')
    await until(() => dialogs().length === 1)
    expect(dialogs()[0].content).toContain('已收到的 58 份有效答卷保留')
    expect(fake.sent('close')).toEqual([])

    setConfirm(true)
    await tap('#close-o1')
    await until(() => card('o1')?.getAttribute('data-phase') === 'ended')
    expect(fake.sent('close')).toEqual([{ action: 'close', id: 'o1' }])
    expect(toasts()).toContain('问卷已结束')
    expect(has('#close-o1')).toBe(false)
  })

  it('发布 publishes a draft after confirming; 复制为新版本 opens the new draft', async () => {
    let status: Survey['status'] = 'draft'
    const fake = serve({
      'surveys.adminList': () => page([item('d1', { status })]),
      'surveys.publish': () => { status = 'open'; return { ok: true, data: item('d1', { status }) } },
      'surveys.duplicate': () => ({ ok: true, data: aSurvey({ id: 'd2', status: 'draft', version: 2, parentId: 'd1' }) })
    })
    await open('#survey-list')
    await tap('#publish-d1')
    await until(() => card('d1')?.getAttribute('data-phase') === 'open')
    expect(dialogs()[0].content).toContain('题目不能再修改')
    expect(fake.sent('publish')).toEqual([{ action: 'publish', id: 'd1' }])

    await tap('#duplicate-d1')
    await until(() => navigated().length === 1)
    expect(fake.sent('duplicate')).toEqual([{ action: 'duplicate', id: 'd1' }])
    expect(navigated()).toEqual([pageUrl(PAGES.surveyEdit, { id: 'd2' })])
    expect(toasts()).toContain('已复制为第 2 版')
  })

  it('a refusal is said in the server\'s words', async () => {
    serve({
      'surveys.adminList': () => page([item('d1', { status: 'draft' })]),
      'surveys.publish': () => ({ ok: false, error: { code: 'CONFLICT', message: '结束时间已过，请先修改结束时间' } })
    })
    await open('#survey-list')
    await tap('#publish-d1')
    await until(() => dialogs().length === 2)
    expect(dialogs()[1]).toMatchObject({ title: '没有发布成功', content: '结束时间已过，请先修改结束时间' })
  })

  it('someone who is not the office is told so, with nothing to create', async () => {
    serve({ 'surveys.adminList': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }) })
    const error = await open('.status-error')
    expect(error.textContent).toContain('你没有权限进行这个操作')
    expect(has('#new-survey')).toBe(false)
  })

  it('with no surveys says how to start', async () => {
    serve({ 'surveys.adminList': () => page([]), 'surveys.templates': () => ({ ok: true, data: TEMPLATES }) })
    const empty = await open('#surveys-empty')
    expect(empty.textContent).toContain('还没有问卷')
  })
})

describe('survey window and state in China time', () => {
  it('reads a day in UTC+8, and a published survey before or after its window as 未开始 / 已结束', () => {
    expect(chinaInstant('2026-05-01', '00:00')).toBe('2026-04-30T16:00:00.000Z')
    expect(windowText({ opensAt: '2026-04-30T16:00:00.000Z', closesAt: '2026-05-31T15:59:00.000Z' })).toBe('2026年5月1日 至 5月31日')
    const s = { status: 'open' as const, opensAt: '2026-05-01T00:00:00.000Z', closesAt: '2026-05-31T00:00:00.000Z' }
    expect(surveyPhase(s, Date.parse('2026-04-30T00:00:00.000Z'))).toBe('scheduled')
    expect(surveyPhase(s, Date.parse('2026-05-10T00:00:00.000Z'))).toBe('open')
    expect(surveyPhase(s, Date.parse('2026-06-01T00:00:00.000Z'))).toBe('ended')
    expect(answersText(3, 0)).toBe('有效答卷 3 份')
  })
})
