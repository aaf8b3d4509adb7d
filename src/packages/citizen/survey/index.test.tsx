import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { Result } from '../../../../core/errors'
import type { Question } from '../../../../core/types'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import SurveyPage from './index'

const testUtils = new TestUtils()

const QUESTIONS: Question[] = [
  { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
  { id: 'q5', type: 'multi', title: '您认为身边最需要改进的问题有哪些？（可多选）', options: ['非法小广告', '垃圾乱扔乱倒', '占道经营'], indicator: 'none', positive: [] },
  { id: 'q7', type: 'text', title: '您对文明城市创建还有哪些意见和建议？', options: [], indicator: 'none', positive: [] }
]
const survey = (answered: boolean) => ({
  id: 'sv1', title: '市民满意度调查', description: '约需3分钟', status: 'open', opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z', questions: QUESTIONS, createdAt: '2026-11-01T00:00:00.000Z', answered
})

let answered = false
let answerResult: Result<{ accepted: boolean }>
let fake: ReturnType<typeof fakeTransport>

beforeEach(() => {
  answered = false
  answerResult = { ok: true, data: { accepted: true } }
  fake = fakeTransport({
    'surveys.list': () => ({ ok: true, data: { items: [survey(answered)], next: null } }),
    'surveys.get': () => ({ ok: true, data: survey(answered) }),
    'surveys.answer': () => { if (answerResult.ok) answered = true; return answerResult }
  })
  setTransport(fake.transport)
  jest.spyOn(Taro, 'pageScrollTo').mockImplementation((async () => ({ errMsg: 'pageScrollTo:ok' })) as unknown as typeof Taro.pageScrollTo)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const question = (id: string) => document.querySelector(`[data-question="${id}"]`)!
const option = (qid: string, i: number) => question(qid).querySelector(`[data-option="${i}"]`)!
const submit = () => document.querySelector('.survey-submit')!
const answers = () => fake.calls.filter((c) => c.event.action === 'answer').map((c) => c.event.answers)
async function tap (el: Element) { await testUtils.act(async () => { testUtils.fireEvent.click(el) }) }
async function type (el: Element, value: string) {
  await testUtils.act(() => { el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
}

async function open () {
  await testUtils.mount(SurveyPage, { props: {} })
  await testUtils.queries.waitForQuerySelector('[data-question="q1"]')
}

describe('问卷', () => {
  it('shows every question, the text one as an optional text box, and says （可多选） once', async () => {
    await open()
    expect(Array.from(document.querySelectorAll('[data-question]')).map((el) => el.getAttribute('data-question'))).toEqual(['q1', 'q5', 'q7'])
    expect(question('q5').querySelector('.q-title')?.textContent).toBe('2. 您认为身边最需要改进的问题有哪些？（可多选）')
    expect(question('q7').querySelector('.q-textarea')).not.toBeNull()
    expect(question('q7').querySelector('.q-optional')?.textContent).toBe('选填')
    expect(question('q1').querySelector('.q-optional')).toBeNull()
  })

  it('an empty submit marks each unanswered required question in place, scrolls to the first, and sends nothing', async () => {
    await open()
    await tap(submit())
    expect(question('q1').className).toContain('question-missing')
    expect(question('q5').className).toContain('question-missing')
    expect(question('q7').className).not.toContain('question-missing')
    expect(question('q1').querySelector('.q-missing')?.textContent).toBe('请选择一项后再提交')
    expect(question('q5').querySelector('.q-missing')?.textContent).toBe('请至少选择一项后再提交')
    expect(document.querySelector('#survey-missing')?.textContent).toBe('还有 2 道题没有回答，已在题目旁标出')
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#q-q1' }))
    expect(answers()).toEqual([])

    await tap(option('q1', 0))
    expect(question('q1').className).not.toContain('question-missing')
    expect(question('q5').className).toContain('question-missing')
    expect(document.querySelector('#survey-missing')?.textContent).toBe('还有 1 道题没有回答，已在题目旁标出')
  })

  it('sends the choices and the text answer, then thanks and shows the survey as answered', async () => {
    await open()
    await tap(option('q1', 0))
    await tap(option('q5', 2))
    await tap(option('q5', 0))
    await tap(option('q5', 2))
    await tap(option('q5', 1))
    await type(question('q7').querySelector('.q-textarea')!, '  希望多设垃圾桶 ')
    expect(question('q7').querySelector('.q-count')?.textContent).toBe('10/1000')
    await tap(submit())
    await until(() => document.querySelector('#survey-answered') !== null)
    expect(answers()).toEqual([{ q1: [0], q5: [0, 1], q7: '希望多设垃圾桶' }])
    expect(document.querySelector('#survey-answered')?.textContent).toBe('✓ 提交成功，感谢参与！你的回答已记录。')
    expect(document.querySelector('[data-question]')).toBeNull()
  })

  it('the optional text question may be left empty; a refusal from the server shows beside the button', async () => {
    answerResult = { ok: false, error: { code: 'CONFLICT', message: '你已经填写过这份问卷了，每人只能填写一次' } }
    await open()
    await tap(option('q1', 1))
    await tap(option('q5', 0))
    await tap(submit())
    await until(() => document.querySelector('#survey-error') !== null)
    expect(answers()).toEqual([{ q1: [1], q5: [0] }])
    expect(document.querySelector('#survey-error')?.textContent).toBe('你已经填写过这份问卷了，每人只能填写一次')
  })
})
