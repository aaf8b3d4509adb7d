import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { SurveyAdminItem } from '../../../../core/survey-views'
import { aGrid, aSurvey } from '../../../../core/testing/builders'
import type { Question, Survey } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { blankForm, checkForm, formOf, nextQuestionId, removeOption, toggleMark } from './form'
import EditSurvey from './index'

let mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: mockParams }) }
})

const { testUtils, get, $, tap, type, serve, open, toasts, dialogs, setConfirm } = usePageTest(EditSurvey)

beforeEach(() => {
  mockParams = {}
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation((() => [{}, {}]) as unknown as typeof Taro.getCurrentPages)
})

/** A Picker or a Switch answers `change` with the chosen value. */
async function change (selector: string, value: string | number | boolean, host = 'taro-picker-core') {
  const el = host === 'taro-picker-core'
    ? Array.from(document.querySelectorAll(host)).find((p) => p.querySelector(selector))!
    : get(selector)
  await testUtils.act(async () => { el.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true })) })
}
const flip = (selector: string, on: boolean) => change(selector, on, 'switch')

/** Every text field has drawn its own input (Taro's fields render theirs a moment later; a value set before is lost). */
const fieldsDrawn = () => until(() => Array.from(document.querySelectorAll('taro-input-core')).every((f) => f.querySelector('input') !== null))
async function addQuestion () {
  await tap('#add-question')
  await fieldsDrawn()
}

const card = (n: number) => get(`[data-question="${n - 1}"]`)
const inCard = (n: number, selector: string) => card(n).querySelector(selector)!
const cardId = (n: number) => card(n).id.replace('question-', '')

const adminItem = (o: Partial<Survey>): SurveyAdminItem => ({ ...aSurvey(o), responses: 0, testResponses: 0 })
const savedAs = (id: string) => (e: Record<string, unknown>) => ({ ok: true as const, data: aSurvey({ ...(e as Partial<Survey>), id, status: 'draft' }) })

describe('编辑问卷: a new survey', () => {
  it('is written field by field and card by card, checked, saved and published; the list comes back', async () => {
    const fake = serve({ 'surveys.save': savedAs('sv-new'), 'surveys.publish': () => ({ ok: true, data: aSurvey({ id: 'sv-new', status: 'open' }) }) })
    await open('#survey-form')
    await type('#survey-title-input', '2026年5月创文知晓率调查')
    await type('#survey-description-input', '约需 2 分钟')
    await change('#opens-date', '2026-05-01')
    await change('#closes-date', '2026-05-31')
    await flip('#asks-age-switch', true)
    await tap('[data-age-band="60-65"]')

    // 第 1 题: awareness, 知道 counted positive.
    await type(`#q-title-${cardId(1)}`, '您是否知道我市正在创建全国文明城市？')
    await type(`#option-${cardId(1)}-0`, '知道')
    await type(`#option-${cardId(1)}-1`, '不知道')
    await tap(inCard(1, '[data-indicator="awareness"]'))
    await tap(inCard(1, '[data-positive="0"]'))

    // 第 2 题: a three-point scale starts with 满意/基本满意/不满意; 不清楚 added and left out of every denominator.
    await addQuestion()
    await tap(inCard(2, '[data-type="scale3"]'))
    await tap(inCard(2, '[data-indicator="satisfaction"]'))
    await type(`#q-title-${cardId(2)}`, '您对社区环境卫生是否满意？')
    await tap(inCard(2, '[data-add-option]'))
    await type(`#option-${cardId(2)}-3`, '不清楚')
    await tap(inCard(2, '[data-excluded="3"]'))
    // Shown only to those who answered 知道.
    await flip(`#skip-switch-${cardId(2)}`, true)
    await tap(inCard(2, '[data-show-option="0"]'))
    expect(card(2).textContent).toContain('仅当第 1 题选了「知道」时显示')

    await tap('#save-publish')
    await until(() => (Taro.navigateBack as jest.Mock).mock.calls.length === 1)
    expect(dialogs()[0].title).toBe('保存并发布？')
    expect(fake.sent('save')).toEqual([{
      action: 'save',
      title: '2026年5月创文知晓率调查',
      description: '约需 2 分钟',
      opensAt: '2026-04-30T16:00:00.000Z',
      closesAt: '2026-05-31T15:59:00.000Z',
      questions: [
        { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0], excluded: [], showIf: null },
        {
          id: 'q2', type: 'scale3', title: '您对社区环境卫生是否满意？', options: ['满意', '基本满意', '不满意', '不清楚'], indicator: 'satisfaction',
          positive: [0, 1], excluded: [3], showIf: { questionId: 'q1', anyOf: [0] }
        }
      ],
      asksAge: true,
      audience: { areaCodes: [], roles: [], ageBands: ['18-29', '30-44', '45-59'] },
      quotas: []
    }])
    expect(fake.sent('publish')).toEqual([{ action: 'publish', id: 'sv-new' }])
    expect(toasts()).toContain('已发布')
  })

  it('names each problem where it is and sends nothing', async () => {
    const fake = serve({})
    await open('#survey-form')
    await type('#survey-title-input', '调查')
    await tap(inCard(1, '[data-remove-option="1"]'))
    await tap('#save-draft')
    expect(get('#error-title').textContent).toBe('问卷标题至少 4 个字')
    expect(get('#error-question-1').textContent).toBe('第 1 题：请填写题目')
    // Fixing a field clears its message.
    await type('#survey-title-input', '社区环境满意度调查')
    expect($('#error-title')).toBeNull()

    // Once the shape is right, the survey's own rules speak: two options, then the positive answers.
    await type(`#q-title-${cardId(1)}`, '您是否知道创文？')
    await type(`#option-${cardId(1)}-0`, '知道')
    await tap('#save-draft')
    expect(get('#error-question-1').textContent).toBe('第 1 题至少要有两个选项')
    await tap(inCard(1, '[data-add-option]'))
    await type(`#option-${cardId(1)}-1`, '不知道')
    await tap(inCard(1, '[data-indicator="awareness"]'))
    await tap('#save-draft')
    expect(get('#error-question-1').textContent).toBe('第 1 题计入指标，请标出哪些选项算肯定回答')

    await change('#opens-date', '2026-06-10')
    await change('#closes-date', '2026-06-01')
    await tap(inCard(1, '[data-positive="0"]'))
    await tap('#save-draft')
    expect(get('#error-closesAt').textContent).toBe('结束时间要晚于开始时间')
    expect(fake.calls).toEqual([])
    expect(toasts()).toContain('结束时间要晚于开始时间')
  })

  it('moves questions and deletes one after confirming; a deleted question\'s dependants lose their condition', async () => {
    serve({})
    await open('#survey-form')
    await type(`#q-title-${cardId(1)}`, '第一道')
    await addQuestion()
    await type(`#q-title-${cardId(2)}`, '第二道')
    await flip(`#skip-switch-${cardId(2)}`, true)
    await addQuestion()
    await type(`#q-title-${cardId(3)}`, '第三道')
    const titles = () => Array.from(document.querySelectorAll('[data-question] input')).filter((i) => i.closest('[id^="q-title-"]')).map((i) => (i as HTMLInputElement).value)

    await tap(inCard(3, '[data-move="up"]'))
    expect(titles()).toEqual(['第一道', '第三道', '第二道'])

    setConfirm(false)
    await tap(inCard(1, '[data-remove-question]'))
    await until(() => dialogs().length === 1)
    expect(dialogs()[0].content).toContain('第 3 题的跳题条件引用了它，会改为始终显示')
    expect(titles()).toHaveLength(3)

    setConfirm(true)
    await tap(inCard(1, '[data-remove-question]'))
    await until(() => titles().length === 2)
    expect(titles()).toEqual(['第三道', '第二道'])
    expect(card(2).textContent).toContain('始终显示')
  })
})

describe('编辑问卷: an existing survey', () => {
  const draft = adminItem({
    id: 'sv-d', status: 'draft', title: '社区满意度模拟测评', opensAt: '2026-05-01T08:30:00.000Z', closesAt: '2026-05-31T08:30:00.000Z',
    audience: { areaCodes: ['430102001'], roles: [], ageBands: [] }, quotas: [{ areaCode: '430102001', ageBand: null, limit: 100 }]
  })

  it('is read by its id, kept as loaded where untouched, and saved by its id', async () => {
    mockParams = { id: 'sv-d' }
    const fake = serve({
      'surveys.adminGet': () => ({ ok: true, data: draft }),
      'surveys.save': savedAs('sv-d')
    })
    await open('#survey-form')
    await until(() => $('#survey-title-input input') !== null)
    expect((get('#survey-title-input input') as HTMLInputElement).value).toBe('社区满意度模拟测评')
    expect(get('#audience-kept').textContent).toContain('限定 1 个区域、配额 1 条')
    await tap('#save-draft')
    await until(() => toasts().includes('草稿已保存'))
    expect(fake.sent('adminGet')).toEqual([{ action: 'adminGet', id: 'sv-d' }])
    expect(fake.sent('save')).toEqual([expect.objectContaining({
      id: 'sv-d', opensAt: '2026-05-01T08:30:00.000Z', closesAt: '2026-05-31T08:30:00.000Z',
      audience: { areaCodes: ['430102001'], roles: [], ageBands: [] }, quotas: [{ areaCode: '430102001', ageBand: null, limit: 100 }]
    })])
  })

  it('puts the server\'s rule message on its card, and a refusal to edit a published survey offers 复制为新版本', async () => {
    mockParams = { id: 'sv-d' }
    let answer: 'validation' | 'conflict' = 'validation'
    const fake = serve({
      'surveys.adminGet': () => ({ ok: true, data: draft }),
      'surveys.save': () => (answer === 'validation'
        ? { ok: false, error: { code: 'VALIDATION', message: '第 2 题的跳题条件要引用前面的题' } }
        : { ok: false, error: { code: 'CONFLICT', message: '问卷已发布，题目不能再改（改了会让已有答卷失去意义）；请「复制为新版本」后修改' } }),
      'surveys.duplicate': () => ({ ok: true, data: aSurvey({ id: 'sv-d2', status: 'draft', version: 2 }) })
    })
    await open('#survey-form')
    await tap('#save-draft')
    await until(() => $('#error-question-2') !== null)
    expect(get('#error-question-2').textContent).toBe('第 2 题的跳题条件要引用前面的题')

    answer = 'conflict'
    await tap('#save-draft')
    await until(() => $('#duplicate-after-conflict') !== null)
    expect(get('#edit-error').textContent).toContain('请「复制为新版本」后修改')
    await tap('#duplicate-after-conflict')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length === 1)
    expect(fake.sent('duplicate')).toEqual([{ action: 'duplicate', id: 'sv-d' }])
    expect((Taro.redirectTo as jest.Mock).mock.calls[0][0].url).toBe(pageUrl(PAGES.surveyEdit, { id: 'sv-d2' }))
  })

  it('a published survey opens read-only with a note, and 复制为新版本 opens the copy', async () => {
    mockParams = { id: 'sv-o' }
    const published = adminItem({ id: 'sv-o', status: 'open', version: 3, opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    const fake = serve({
      'surveys.adminGet': () => ({ ok: true, data: published }),
      'surveys.duplicate': () => ({ ok: true, data: aSurvey({ id: 'sv-o4', status: 'draft', version: 4, parentId: 'sv-o' }) })
    })
    await open('#survey-readonly')
    expect(get('#published-note').textContent).toContain('已发布（进行中，第 3 版），题目不能再改')
    expect(document.querySelectorAll('#survey-readonly input, #survey-readonly textarea')).toHaveLength(0)
    expect($('#save-draft')).toBeNull()
    expect(get('[data-question="0"]').textContent).toContain('知晓率')
    expect(get('[data-question="0"]').textContent).toContain('计为肯定')
    await tap('#duplicate-survey')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length === 1)
    expect(fake.sent('duplicate')).toEqual([{ action: 'duplicate', id: 'sv-o' }])
    expect((Taro.redirectTo as jest.Mock).mock.calls[0][0].url).toBe(pageUrl(PAGES.surveyEdit, { id: 'sv-o4' }))
    expect(toasts()).toContain('已复制为第 4 版')
  })

  it('a survey that is not there says so', async () => {
    mockParams = { id: 'gone' }
    serve({ 'surveys.adminGet': () => ({ ok: false, error: { code: 'NOT_FOUND', message: '问卷不存在' } }) })
    const error = await open('.status-error')
    expect(error.textContent).toContain('问卷不存在')
  })
})

describe('编辑问卷: 谁能作答 and 配额', () => {
  const grids = [
    aGrid({ code: '430102001001001', district: '芙蓉区', street: '定王台街道', community: '解放西社区', name: '解放西第一网格' }),
    aGrid({ code: '430102001002001', district: '芙蓉区', street: '定王台街道', community: '文庙坪社区', name: '文庙坪第一网格' }),
    aGrid({ code: '430111001001001', district: '雨花区', street: '侯家塘街道', community: '桂花井社区', name: '桂花井第一网格' })
  ]
  const gridPages = () => ({ ok: true as const, data: { items: grids, next: null } })
  const draftOf = (o: Partial<Survey>) => adminItem({ id: 'sv-a', status: 'draft', ...o })
  const pickedAreas = () => Array.from(document.querySelectorAll('[data-picked-area]')).map((c) => c.getAttribute('data-picked-area'))
  const row = (n: number) => get(`[data-quota="${n - 1}"]`)
  const limitOf = (n: number) => `#${row(n).querySelector('[id^="quota-limit-"]')!.id}`

  it('areas picked in the tree (a parent covering its children) and roles ticked are what is saved', async () => {
    mockParams = { id: 'sv-a' }
    const fake = serve({ 'surveys.adminGet': () => ({ ok: true, data: draftOf({}) }), 'admin.grids': gridPages, 'surveys.save': savedAs('sv-a') })
    await open('#survey-form')
    expect(get('#areas-any').textContent).toContain('不限')
    // A survey for everyone never reads the grids.
    expect(fake.sent('grids')).toEqual([])

    await tap('#pick-areas')
    await until(() => $('[data-area="430102"]') !== null)
    expect(fake.sent('grids')).toEqual([{ action: 'grids', cursor: null, limit: 100 }])
    await tap('[data-expand="430102"]')
    await tap('[data-area="430102001"]')
    expect(get('[data-picked-area="430102001"]').textContent).toContain('芙蓉区 · 定王台街道')
    // What lies inside a picked street is already in: shown so, and not picked again.
    await tap('[data-expand="430102001"]')
    expect(get('[data-area="430102001001"]').getAttribute('aria-disabled')).toBe('true')
    await tap('[data-area="430102001001"]')
    expect(pickedAreas()).toEqual(['430102001'])

    // Picking a district takes the place of the street picked inside it.
    await tap('[data-expand="430111"]')
    await tap('[data-area="430111001"]')
    await tap('[data-area="430111"]')
    expect(pickedAreas()).toEqual(['430102001', '430111'])
    await tap('[data-unpick="430111"]')
    expect(pickedAreas()).toEqual(['430102001'])

    await tap('[data-role="volunteer"]')
    await tap('[data-role="grid_manager"]')
    expect(get('[data-role="volunteer"]').getAttribute('aria-checked')).toBe('true')
    expect(get('#audience-kept').textContent).toContain('限定 1 个区域、限定 2 类人群')
    await tap('#save-draft')
    await until(() => toasts().includes('草稿已保存'))
    expect(fake.sent('save')).toEqual([expect.objectContaining({ id: 'sv-a', audience: { areaCodes: ['430102001'], roles: ['volunteer', 'grid_manager'], ageBands: [] }, quotas: [] })])
  })

  it('a quota row is checked with the server\'s schema: a bad limit is named beside it and nothing is saved', async () => {
    mockParams = { id: 'sv-a' }
    const fake = serve({
      'surveys.adminGet': () => ({ ok: true, data: draftOf({ audience: { areaCodes: ['430102001'], roles: [], ageBands: [] } }) }),
      'admin.grids': gridPages,
      'surveys.save': savedAs('sv-a')
    })
    await open('#survey-form')
    expect(get('#quota-explain').textContent).toContain('其他区域照常作答')
    await tap('#add-quota')
    // A survey limited to one area starts its quota there.
    await until(() => row(1).querySelector('[data-quota-area]')!.textContent!.includes('芙蓉区 · 定王台街道'))

    await type(limitOf(1), '0')
    await tap('#save-draft')
    expect(get('#error-quota-1-limit').textContent).toBe('配额至少 1 份')
    expect(toasts()).toContain('第 1 条配额：配额至少 1 份')
    await type(limitOf(1), '2.5')
    expect($('#error-quota-1-limit')).toBeNull()
    await tap('#save-draft')
    expect(get('#error-quota-1-limit').textContent).toBe('配额必须是整数')
    expect(fake.sent('save')).toEqual([])

    // A second row's area comes from its own picker; one outside the survey's areas is pointed out.
    await type(limitOf(1), '300')
    await tap('#add-quota')
    await tap(row(2).querySelector('[data-quota-area]')!)
    await until(() => row(2).querySelector('[data-area="430111"]') !== null)
    await tap(row(2).querySelector('[data-area="430111"]')!)
    expect(row(2).querySelector('[data-quota-area]')!.textContent).toContain('雨花区')
    expect(row(2).querySelector('[data-quota-unused]')!.textContent).toContain('不在「面向区域」内')
    await tap('#save-draft')
    expect(get('#error-quota-2-limit').textContent).toBe('请填写最多收多少份')
    await type(limitOf(2), '50')
    await tap('#save-draft')
    await until(() => toasts().includes('草稿已保存'))
    expect(fake.sent('save')).toEqual([expect.objectContaining({
      quotas: [{ areaCode: '430102001', ageBand: null, limit: 300 }, { areaCode: '430111', ageBand: null, limit: 50 }]
    })])
  })

  it('removing a quota asks first, and keeps it when told to', async () => {
    mockParams = { id: 'sv-a' }
    const fake = serve({
      'surveys.adminGet': () => ({ ok: true, data: draftOf({ quotas: [{ areaCode: '430102001', ageBand: null, limit: 100 }] }) }),
      'admin.grids': gridPages,
      'surveys.save': savedAs('sv-a')
    })
    await open('#survey-form')
    await until(() => row(1).querySelector('[data-quota-area]')!.textContent!.includes('芙蓉区'))

    setConfirm(false)
    await tap(row(1).querySelector('[data-remove-quota]')!)
    await until(() => dialogs().length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '删除第 1 条配额？', confirmText: '删除' })
    expect(dialogs()[0].content).toContain('芙蓉区 · 定王台街道 · 不限年龄 · 100 份')
    expect(document.querySelectorAll('[data-quota]')).toHaveLength(1)

    setConfirm(true)
    await tap(row(1).querySelector('[data-remove-quota]')!)
    await until(() => $('[data-quota]') === null)
    await tap('#save-draft')
    await until(() => toasts().includes('草稿已保存'))
    expect(fake.sent('save')).toEqual([expect.objectContaining({ quotas: [] })])
  })

  it('a published survey shows its areas, roles and quotas, by name, without a way to change them', async () => {
    mockParams = { id: 'sv-o' }
    serve({
      'surveys.adminGet': () => ({
        ok: true,
        data: adminItem({
          id: 'sv-o', status: 'closed', audience: { areaCodes: ['430102001'], roles: ['volunteer'], ageBands: [] },
          quotas: [{ areaCode: '430102001001', ageBand: null, limit: 80 }]
        })
      }),
      'admin.grids': gridPages
    })
    await open('#survey-readonly')
    await until(() => get('#view-areas').textContent!.includes('芙蓉区 · 定王台街道'))
    expect(get('#view-roles').textContent).toBe('面向人群：志愿者')
    expect(get('#audience-view').textContent).toContain('定王台街道 · 解放西社区 · 不限年龄 · 80 份')
    expect($('#pick-areas')).toBeNull()
    expect($('#add-quota')).toBeNull()
  })
})

describe('the editor\'s form rules', () => {
  const q = (o: Partial<Question>): Question => ({ id: 'q1', type: 'single', title: '您是否支持？', options: ['支持', '不支持', '不清楚'], indicator: 'support', positive: [0], ...o })

  it('taking an option out moves the marks and the later conditions that point past it', () => {
    const f = formOf(aSurvey({
      questions: [q({ positive: [2], excluded: [1], options: ['A', 'B', 'C'] }), q({ id: 'q2', showIf: { questionId: 'q1', anyOf: [0, 2] } })]
    }))
    const next = removeOption(f, f.questions[0].key, 0)
    expect(next.questions[0]).toMatchObject({ options: ['B', 'C'], positive: [1], excluded: [0] })
    expect(next.questions[1].showIf).toEqual({ questionId: 'q1', anyOf: [1] })
  })

  it('计为肯定 and 不计入 exclude each other; new ids never reuse an existing one', () => {
    const f = formOf(aSurvey({ questions: [q({ excluded: [2] })] }))
    expect(toggleMark(f, f.questions[0].key, 2, 'positive').questions[0]).toMatchObject({ positive: [0, 2], excluded: [] })
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q7' }])).toBe('q8')
    expect(nextQuestionId([{ id: 'intro' }])).toBe('q2')
  })

  it('a condition with no option picked is named in words, not as the schema\'s', () => {
    const f = blankForm(Date.parse('2026-05-01T00:00:00.000Z'))
    const two = { ...f, title: '知晓率调查', questions: [
      { ...f.questions[0], title: '知道吗？', options: ['知道', '不知道'] },
      { ...f.questions[0], key: 'k-two', id: 'q2', title: '从哪里知道？', options: ['电视', '社区'], showIf: { questionId: 'q1', anyOf: [] } }
    ] }
    const checked = checkForm(two, null)
    expect(checked).toMatchObject({ ok: false, errors: { 'q:k-two': '第 2 题的跳题条件：请选出第 1 题选了哪些选项时才显示这道题' } })
  })
})
