import { PAGES, pageUrl } from '../../../../core/pages'
import type { SurveyListItem } from '../../../../core/survey-views'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import Surveys from './index'

const { $, text, tap, serve, open, navigated } = usePageTest(Surveys)

const NOW = Date.now()
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

function item (id: string, over: Partial<SurveyListItem> = {}): SurveyListItem {
  return {
    id, title: `问卷 ${id}`, description: '约需3分钟', status: 'open', opensAt: iso(NOW - 10 * DAY), closesAt: iso(NOW + 20 * DAY),
    questions: [{ id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] }],
    createdAt: iso(NOW - 11 * DAY), answered: false, takingAnswers: true, notForMe: null, ...over
  }
}
const card = (id: string) => $(`[data-survey="${id}"]`)!

describe('问卷调查 list', () => {
  it('each survey says what I can do: 去填写, 已填写, 查看结果 once out, or why not, gently, instead of a button', async () => {
    serve({
      'surveys.list': () => ({
        ok: true,
        data: {
          items: [
            item('todo'),
            item('done', { answered: true }),
            item('out', { answered: true, takingAnswers: false, closesAt: iso(NOW - DAY) }),
            item('notme', { notForMe: '这份问卷只面向部分区域的居民，你所在的网格不在调查范围内，感谢关注' }),
            item('soon', { takingAnswers: false, opensAt: iso(NOW + 3 * DAY) })
          ],
          next: null
        }
      })
    })
    await open('#survey-list [data-survey]')
    expect(card('todo').getAttribute('data-state')).toBe('todo')
    expect(card('todo').querySelector('[data-action="answer"]')?.textContent).toBe('去填写')
    expect(card('todo').textContent).toContain('填写时间：')
    expect(card('done').textContent).toContain('✓ 已填写')
    expect(card('done').querySelector('[data-action]')).toBeNull()
    expect(card('out').querySelector('[data-action="result"]')?.textContent).toBe('查看结果')
    expect(card('notme').querySelector('[data-note="not-for-me"]')?.textContent).toBe('这份问卷只面向部分区域的居民，你所在的网格不在调查范围内，感谢关注')
    expect(card('notme').querySelector('[data-action]')).toBeNull()
    expect(card('soon').querySelector('[data-note="upcoming"]')?.textContent).toContain('开始填写')
  })

  it('去填写 and 查看结果 open the survey by its id; a survey not for me opens nothing', async () => {
    serve({
      'surveys.list': () => ({
        ok: true,
        data: { items: [item('sv1'), item('sv2', { answered: true, status: 'closed', closesAt: iso(NOW - DAY) }), item('sv3', { notForMe: '这份问卷面向特定人群，你不在调查范围内，感谢关注' })], next: null }
      })
    })
    await open('#survey-list [data-survey]')
    await tap(card('sv1').querySelector('[data-action="answer"]')!)
    await tap(card('sv2').querySelector('[data-action="result"]')!)
    await tap(card('sv3'))
    expect(navigated()).toEqual([pageUrl(PAGES.survey, { id: 'sv1' }), pageUrl(PAGES.survey, { id: 'sv2' })])
  })

  it('says so when nothing is open', async () => {
    serve({ 'surveys.list': () => ({ ok: true, data: { items: [], next: null } }) })
    const empty = await open('.status-empty')
    expect(empty.textContent).toContain('暂时没有开放的问卷')
  })

  it('a visitor who is not signed in is asked to sign in', async () => {
    serve({ 'surveys.list': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }) })
    const prompt = await open('#sign-in-prompt')
    expect(prompt.textContent).toContain('登录后可以填写问卷')
  })

  it('loads the next page on 加载更多', async () => {
    const fake = serve({
      'surveys.list': (e) => ({ ok: true, data: e.cursor ? { items: [item('sv3')], next: null } : { items: [item('sv1'), item('sv2')], next: 'c2' } })
    })
    await open('#list-more')
    await tap('#list-more')
    await until(() => document.querySelectorAll('#survey-list [data-survey]').length === 3)
    expect(fake.sent('list')).toEqual([{ action: 'list', cursor: null, limit: 20 }, { action: 'list', cursor: 'c2', limit: 20 }])
    expect(text('#list-foot')).toContain('共 3 条')
  })
})
