import Taro from '@tarojs/taro'
import type { AreaResult } from '../../../../core/survey-results'
import type { MySurveyResult, SurveyDetail } from '../../../../core/survey-views'
import type { Question } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { type Handlers, usePageTest } from '../../../testing/page-test'
import { draftKey } from './draft'
import SurveyPage from './index'

// The page reads ?id= from the router, which the test renderer does not fill in: each test sets it.
const mockRouter: { params: Record<string, string> } = { params: {} }
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => mockRouter }
})

const { $, text, tap, type, serve, open, reset, dialogs } = usePageTest(SurveyPage)

const QUESTIONS: Question[] = [
  { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
  { id: 'q5', type: 'multi', title: '您认为身边最需要改进的问题有哪些？（可多选）', options: ['非法小广告', '垃圾乱扔乱倒', '占道经营'], indicator: 'none', positive: [] },
  { id: 'q7', type: 'text', title: '您对文明城市创建还有哪些意见和建议？', options: [], indicator: 'none', positive: [] }
]
/** q2 only for those who know (skip logic); q3 offers 不清楚, not counted but offered like any option. */
const SKIPPING: Question[] = [
  { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
  { id: 'q2', type: 'multi', title: '您知道哪些创建内容？', options: ['文明交通', '垃圾分类'], indicator: 'none', positive: [], showIf: { questionId: 'q1', anyOf: [0] } },
  { id: 'q3', type: 'single', title: '您是否支持创建全国文明城市？', options: ['支持', '不支持', '不清楚'], indicator: 'support', positive: [0], excluded: [2] }
]

const NOW = Date.now()
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

function surveyOf (over: Partial<SurveyDetail> = {}): SurveyDetail {
  return {
    id: 'sv1', title: '市民满意度调查', description: '约需3分钟', status: 'open', opensAt: iso(NOW - 10 * DAY), closesAt: iso(NOW + 20 * DAY),
    questions: QUESTIONS, createdAt: iso(NOW - 11 * DAY), answered: false, takingAnswers: true, notForMe: null, ...over
  }
}

const rateOf = (numerator: number, denominator: number, insufficient: boolean) => ({
  value: denominator ? numerator / denominator : null, numerator, denominator, ci95: denominator ? { low: 0.61, high: 0.78 } : null, insufficient
})
function areaOf (name: string, over: Partial<AreaResult> = {}): AreaResult {
  return {
    code: '', name, level: 'city', respondents: 120,
    awareness: rateOf(84, 120, false), support: rateOf(100, 110, false), satisfaction: rateOf(90, 120, false), ...over
  }
}

type Reply = (e: Record<string, unknown>) => ReturnType<Handlers[string]>
const ok = (data: unknown) => ({ ok: true as const, data })
const refused = (code: string, message: string) => ({ ok: false as const, error: { code, message } }) as ReturnType<Handlers[string]>
const accepted = (again = false) => ok({ accepted: true, responseId: 'r1', again })

/** Serves one survey (list and get) and answers submissions with `onAnswer`. */
function serveSurvey (survey: SurveyDetail, onAnswer: Reply = () => accepted(), extra: Handlers = {}) {
  return serve({
    'surveys.list': () => ok({ items: [survey], next: null }),
    'surveys.get': () => ok(survey),
    'surveys.answer': onAnswer,
    ...extra
  })
}

const question = (id: string) => document.querySelector(`[data-question="${id}"]`)!
const option = (qid: string, i: number) => `[data-q="${qid}"][data-option="${i}"]`
const shownIds = () => Array.from(document.querySelectorAll('[data-question]')).map((el) => el.getAttribute('data-question'))
const stored = (id = 'sv1') => Taro.getStorageSync(draftKey(id)) as { answers: Record<string, unknown>; clientKey: string; ageBand: string | null } | ''

beforeEach(() => {
  mockRouter.params = { id: 'sv1' }
  Taro.clearStorageSync()
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation((async () => ({ errMsg: 'pageScrollTo:ok' })) as unknown as typeof Taro.pageScrollTo)
})

describe('问卷: answering', () => {
  it('shows every question, the text one as an optional text box, and says （可多选） once', async () => {
    serveSurvey(surveyOf())
    await open('[data-question="q1"]')
    expect(shownIds()).toEqual(['q1', 'q5', 'q7'])
    expect(question('q5').querySelector('.q-title')?.textContent).toBe('2. 您认为身边最需要改进的问题有哪些？（可多选）')
    expect(question('q7').querySelector('.q-textarea')).not.toBeNull()
    expect(question('q7').querySelector('.q-optional')?.textContent).toBe('选填')
    expect(question('q1').querySelector('.q-optional')).toBeNull()
    expect(text('#survey-progress .progress-text')).toBe('已答 0 / 3 题')
  })

  it('an empty submit marks each unanswered required question in place, scrolls to the first, and sends nothing', async () => {
    const fake = serveSurvey(surveyOf())
    await open('[data-question="q1"]')
    await tap('#survey-submit')
    expect(question('q1').className).toContain('question-missing')
    expect(question('q5').className).toContain('question-missing')
    expect(question('q7').className).not.toContain('question-missing')
    expect(question('q1').querySelector('.q-missing')?.textContent).toBe('请选择一项后再提交')
    expect(question('q5').querySelector('.q-missing')?.textContent).toBe('请至少选择一项后再提交')
    expect(text('#survey-missing')).toBe('还有 2 道题没有回答，已在题目旁标出')
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#q-q1' }))
    expect(fake.sent('answer')).toEqual([])

    await tap(option('q1', 0))
    expect(question('q1').className).not.toContain('question-missing')
    expect(question('q5').className).toContain('question-missing')
    expect(text('#survey-missing')).toBe('还有 1 道题没有回答，已在题目旁标出')
  })

  it('sends the choices, the trimmed text and a client key, then thanks and forgets the draft', async () => {
    const fake = serveSurvey(surveyOf())
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q5', 2))
    await tap(option('q5', 0))
    await tap(option('q5', 2))
    await tap(option('q5', 1))
    await type('[data-question="q7"] .q-textarea', '  希望多设垃圾桶 ')
    expect(question('q7').querySelector('.q-count')?.textContent).toBe('10/1000')
    expect(text('#survey-progress .progress-text')).toBe('已答 3 / 3 题')
    expect(($('#survey-progress .progress-fill') as HTMLElement).style.width).toBe('100%')
    expect(stored()).not.toBe('')

    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    const [sentOnce] = fake.sent('answer')
    expect(sentOnce).toEqual({ action: 'answer', surveyId: 'sv1', answers: { q1: [0], q5: [0, 1], q7: '希望多设垃圾桶' }, clientKey: expect.any(String) })
    expect((sentOnce.clientKey as string).length).toBeGreaterThanOrEqual(8)
    expect((sentOnce.clientKey as string).length).toBeLessThanOrEqual(64)
    expect(text('#survey-done')).toContain('提交成功，感谢参与！')
    expect($('[data-question]')).toBeNull()
    expect(stored()).toBe('')
  })

  it('the optional text question may be left empty; 已填写过 (CONFLICT) shows beside the button', async () => {
    const fake = serveSurvey(surveyOf(), () => refused('CONFLICT', '你已经填写过这份问卷了，每人只能填写一次'))
    await open('[data-question="q1"]')
    await tap(option('q1', 1))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-error') !== null)
    expect(fake.sent('answer').map((e) => e.answers)).toEqual([{ q1: [1], q5: [0] }])
    expect(text('#survey-error')).toBe('你已经填写过这份问卷了，每人只能填写一次')
    // Refused for good: no 重新提交 and nothing kept to resend.
    expect($('#survey-retry-hint')).toBeNull()
    expect(stored()).toBe('')
  })

  it('a full quota cell (CONFLICT) thanks politely; not in the audience (FORBIDDEN) says why', async () => {
    serveSurvey(surveyOf(), () => refused('CONFLICT', '你所在区域（年龄段）的样本已经收满了，感谢你的支持！'))
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-error') !== null)
    expect(text('#survey-error')).toBe('你所在区域（年龄段）的样本已经收满了，感谢你的支持！')
    expect($('#survey-error')?.className).toBe('submit-note')
    reset()

    serveSurvey(surveyOf(), () => refused('FORBIDDEN', '这份问卷只面向部分区域的居民，你所在的网格不在调查范围内，感谢关注'))
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-error') !== null)
    expect(text('#survey-error')).toBe('这份问卷只面向部分区域的居民，你所在的网格不在调查范围内，感谢关注')
  })

  it('a question the server names as wrong (VALIDATION) is shown, and the answers stay to fix and resend', async () => {
    serveSurvey(surveyOf(), () => refused('VALIDATION', '请回答「您是否知道我市正在创建全国文明城市？」'))
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-error') !== null)
    expect(text('#survey-error')).toBe('请回答「您是否知道我市正在创建全国文明城市？」')
    expect(text('#survey-submit')).toBe('重新提交')
    expect($(option('q1', 0))?.getAttribute('aria-checked')).toBe('true')
  })
})

describe('问卷: skip logic and age band', () => {
  it('a question shows only after the answer that leads to it; hidden again, its answer is not sent', async () => {
    const fake = serveSurvey(surveyOf({ questions: SKIPPING }))
    await open('[data-question="q1"]')
    expect(shownIds()).toEqual(['q1', 'q3'])
    expect(text('#survey-progress .progress-text')).toBe('已答 0 / 2 题')

    await tap(option('q1', 0))
    expect(shownIds()).toEqual(['q1', 'q2', 'q3'])
    expect(question('q3').querySelector('.q-title')?.textContent).toBe('3. 您是否支持创建全国文明城市？')
    await tap(option('q2', 1))
    expect(text('#survey-progress .progress-text')).toBe('已答 2 / 3 题')

    await tap(option('q1', 1))
    expect(shownIds()).toEqual(['q1', 'q3'])
    expect(text('#survey-progress .progress-text')).toBe('已答 1 / 2 题')
    expect(($('#survey-progress .progress-fill') as HTMLElement).style.width).toBe('50%')

    // 不清楚 is offered like any option.
    await tap(option('q3', 2))
    await tap('#survey-submit')
    await until(() => fake.sent('answer').length === 1)
    expect(fake.sent('answer')[0].answers).toEqual({ q1: [1], q3: [2] })
  })

  it('an unanswered hidden question is never marked missing', async () => {
    const fake = serveSurvey(surveyOf({ questions: SKIPPING }))
    await open('[data-question="q1"]')
    await tap(option('q1', 1))
    await tap(option('q3', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    expect(fake.sent('answer')[0].answers).toEqual({ q1: [1], q3: [0] })
  })

  it('asks the age band first, shows the questions once it is chosen, and sends it', async () => {
    const fake = serveSurvey(surveyOf({ asksAge: true, audience: { areaCodes: [], roles: [], ageBands: ['18-29', '30-44', '45-59', '60-65'] } }))
    await open('#survey-age')
    expect(Array.from(document.querySelectorAll('[data-age]')).map((c) => c.textContent)).toEqual(['18–29 岁', '30–44 岁', '45–59 岁', '60–65 岁', '其他年龄'])
    expect($('[data-question]')).toBeNull()
    expect($('#survey-submit')).toBeNull()

    await tap('[data-age="45-59"]')
    expect($('[data-age="45-59"]')?.getAttribute('aria-checked')).toBe('true')
    expect(shownIds()).toEqual(['q1', 'q5', 'q7'])
    await tap(option('q1', 0))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    expect(fake.sent('answer')[0]).toMatchObject({ ageBand: '45-59', answers: { q1: [0], q5: [0] } })
  })

  it('an age band outside the survey\'s ages is told at once, before any question', async () => {
    serveSurvey(surveyOf({ asksAge: true, audience: { areaCodes: [], roles: [], ageBands: ['18-29', '30-44'] } }))
    await open('#survey-age')
    await tap('[data-age="other"]')
    expect(text('#survey-age-refusal')).toBe('这份问卷面向特定年龄段的居民，感谢你的关注')
    expect($('[data-question]')).toBeNull()
    await tap('[data-age="30-44"]')
    expect($('#survey-age-refusal')).toBeNull()
    expect(shownIds()).toEqual(['q1', 'q5', 'q7'])
  })
})

describe('问卷: the draft on the phone', () => {
  it('a submit lost to the network is resent with the same client key, and goes through once', async () => {
    let tries = 0
    const fake = serveSurvey(surveyOf(), () => {
      tries += 1
      if (tries === 1) throw new Error('网络不通，请检查网络后重试')
      return accepted(true)
    })
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q5', 1))
    await tap('#survey-submit')
    await until(() => $('#survey-error') !== null)
    expect(text('#survey-error')).toBe('网络不通，请检查网络后重试')
    expect(text('#survey-retry-hint')).toContain('已保存在手机上')
    expect(text('#survey-submit')).toBe('重新提交')

    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    const [first, second] = fake.sent('answer')
    expect(second).toEqual(first)
    expect(typeof first.clientKey).toBe('string')
  })

  it('answers left unsent come back on the next open, with a note, and keep their client key', async () => {
    let failing = true
    const fake = serveSurvey(surveyOf({ questions: SKIPPING }), () => failing ? refused('INTERNAL', '服务暂时不可用，请稍后再试') : accepted())
    await open('[data-question="q1"]')
    await tap(option('q1', 0))
    await tap(option('q2', 0))
    await tap(option('q3', 1))
    await tap('#survey-submit')
    await until(() => fake.sent('answer').length === 1)
    const key = (stored() as { clientKey: string }).clientKey
    expect(fake.sent('answer')[0].clientKey).toBe(key)
    reset()

    failing = false
    await open('#survey-restored')
    expect(text('#survey-restored .restored-text')).toBe('已恢复上次未提交的回答')
    expect(shownIds()).toEqual(['q1', 'q2', 'q3'])
    expect($(option('q2', 0))?.getAttribute('aria-checked')).toBe('true')
    expect(text('#survey-progress .progress-text')).toBe('已答 3 / 3 题')
    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    expect(fake.sent('answer')[1]).toEqual({ action: 'answer', surveyId: 'sv1', answers: { q1: [0], q2: [0], q3: [1] }, clientKey: key })
    expect(stored()).toBe('')
  })

  it('the age band is kept with the draft; 清空重填 starts over after confirming, with a new key', async () => {
    const fake = serveSurvey(surveyOf({ asksAge: true }))
    await open('#survey-age')
    await tap('[data-age="60-65"]')
    await tap(option('q1', 1))
    const key = (stored() as { clientKey: string }).clientKey
    expect(stored()).toEqual({ answers: { q1: [1] }, ageBand: '60-65', clientKey: key })
    reset()

    await open('#survey-restored')
    expect($('[data-age="60-65"]')?.getAttribute('aria-checked')).toBe('true')
    await tap('#survey-restart')
    await until(() => $('#survey-restored') === null)
    expect(dialogs().map((d) => d.title)).toEqual(['清空重新填写？'])
    expect($('[data-age="60-65"]')?.getAttribute('aria-checked')).toBe('false')
    expect($('[data-question]')).toBeNull()
    expect(stored()).toBe('')

    await tap('[data-age="18-29"]')
    await tap(option('q1', 0))
    await tap(option('q5', 0))
    await tap('#survey-submit')
    await until(() => $('#survey-done') !== null)
    expect(fake.sent('answer')[0].clientKey).not.toBe(key)
  })
})

describe('问卷: which survey, and after answering', () => {
  it('opened without ?id=, takes the open survey this person can still answer', async () => {
    mockRouter.params = {}
    const fake = serve({
      'surveys.list': () => ok({
        items: [
          surveyOf({ id: 'sv0', title: '已填的', answered: true }),
          surveyOf({ id: 'sv9', title: '不面向我的', notForMe: '这份问卷面向特定人群，你不在调查范围内，感谢关注' }),
          surveyOf({ id: 'sv2', title: '文明出行调查' })
        ],
        next: null
      })
    })
    await open('[data-question="q1"]')
    expect($('#survey-page')?.getAttribute('data-survey')).toBe('sv2')
    expect(text('.survey-title')).toBe('文明出行调查')
    expect(fake.sent('get')).toEqual([])
  })

  it('with ?id=, asks for that survey', async () => {
    mockRouter.params = { id: 'sv7' }
    const fake = serve({ 'surveys.get': () => ok(surveyOf({ id: 'sv7' })) })
    await open('[data-question="q1"]')
    expect(fake.sent('get')).toEqual([{ action: 'get', id: 'sv7' }])
  })

  it('a survey not for me shows why, gently, with no questions', async () => {
    serveSurvey(surveyOf({ notForMe: '这份问卷按居住区域调查，请先在「我的」里设置你居住的网格' }))
    await open('#survey-not-for-me')
    expect(text('#survey-not-for-me')).toBe('这份问卷按居住区域调查，请先在「我的」里设置你居住的网格')
    expect($('[data-question]')).toBeNull()
    expect($('#survey-submit')).toBeNull()
  })

  it('answered and still open: says so, asks for no result, and clears an old draft', async () => {
    Taro.setStorageSync(draftKey('sv1'), { answers: { q1: [0] }, ageBand: null, clientKey: 'abcdefgh12' })
    const fake = serveSurvey(surveyOf({ answered: true }))
    await open('#survey-answered')
    expect(text('#survey-answered')).toContain('你已经填写过这份问卷')
    expect(text('#survey-page')).toContain('之后可以在这里查看调查结果')
    expect(fake.sent('result')).toEqual([])
    expect($('#survey-result')).toBeNull()
    expect($('[data-question]')).toBeNull()
    expect(stored()).toBe('')
  })

  it('answered and closed: my community and the city, each rate with its n, 样本不足 uncoloured, 暂无数据 for none', async () => {
    const result: MySurveyResult = {
      survey: { id: 'sv1', title: '市民满意度调查', closedAt: iso(NOW - DAY), closesAt: iso(NOW - DAY), status: 'closed' },
      city: areaOf('雨花区'),
      mine: areaOf('井湾子街道 长塘里社区', {
        level: 'community', code: '430111001001', respondents: 12,
        awareness: rateOf(9, 12, true), support: rateOf(0, 0, true)
      }),
      minSample: 30
    }
    const fake = serveSurvey(surveyOf({ answered: true, status: 'closed', takingAnswers: false, closesAt: iso(NOW - DAY) }), undefined, { 'surveys.result': () => ok(result) })
    await open('#survey-result')
    expect(fake.sent('result')).toEqual([{ action: 'result', id: 'sv1' }])
    expect(text('#survey-answered')).toContain('你已经填写过这份问卷')

    const mine = (rate: string) => $(`#survey-result-mine [data-rate="${rate}"] .sr-rate`)!
    expect(text('#survey-result-mine .sr-area-title')).toBe('我的社区：井湾子街道 长塘里社区')
    expect(mine('awareness').getAttribute('data-rate-state')).toBe('insufficient')
    expect(mine('awareness').textContent).toContain('样本不足')
    expect(mine('awareness').textContent).toContain('75.0%')
    expect(mine('awareness').textContent).toContain('12 人回答，少于 30 人')
    expect(mine('awareness').querySelector('.sr-fill')).toBeNull()
    expect(mine('support').textContent).toContain('暂无数据')
    expect(mine('support').textContent).not.toContain('0%')
    expect(mine('satisfaction').getAttribute('data-rate-state')).toBe('ok')

    const city = $('#survey-result-city [data-rate="awareness"] .sr-rate')!
    expect(text('#survey-result-city .sr-area-title')).toBe('全区：雨花区')
    expect(city.textContent).toContain('70.0%')
    expect(city.textContent).toContain('120 人回答 · 95%区间 61%–78%')
    expect((city.querySelector('.sr-fill') as HTMLElement).style.width).toBe('70%')
    expect(city.textContent).not.toContain('样本不足')
  })

  it('after closing, a result not yet readable says why instead of failing the page', async () => {
    serveSurvey(surveyOf({ answered: true, closesAt: iso(NOW - DAY), takingAnswers: false }), undefined, {
      'surveys.result': () => refused('CONFLICT', '问卷结束后才公布结果')
    })
    await open('#survey-answered')
    expect(text('#survey-result-note')).toBe('调查结果暂时看不到：问卷结束后才公布结果')
    expect($('#survey-result')).toBeNull()
  })

  it('a survey not open yet, or ended unanswered, says so instead of the questions', async () => {
    serveSurvey(surveyOf({ opensAt: iso(NOW + 2 * DAY), takingAnswers: false }))
    await open('#survey-closed')
    expect(text('#survey-closed')).toContain('开始填写')
    reset()
    serveSurvey(surveyOf({ closesAt: iso(NOW - DAY), takingAnswers: false }))
    await open('#survey-closed')
    expect(text('#survey-closed')).toBe('这份问卷已经结束，感谢你的关注')
  })

  it('without any open survey, says new ones will show here', async () => {
    mockRouter.params = {}
    serve({ 'surveys.list': () => ok({ items: [], next: null }) })
    const empty = await open('.status-empty')
    expect(empty.textContent).toContain('暂时没有开放的问卷')
  })
})
