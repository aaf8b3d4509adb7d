import ExcelJS from 'exceljs'
import type { User } from '../../core/types'
import { ok, openTestApp, type TestApp } from '../testing/app'

/** Surveys the office writes, through the real handlers and the SQLite store. */

async function residents (app: TestApp, n: number, gridId: string): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const u: User = { id: `u-sv-${i}`, openid: `sv-${i}`, nickname: `居民${i}`, roles: ['citizen'], gridIds: [], homeGridId: gridId, createdAt: app.clock.now() }
    await app.store.putUser(u)
    out.push(u.openid)
  }
  return out
}

describe('surveys the office writes', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(async () => { await app.close() })
  const admin = () => app.as('dev-admin')
  const grid = async () => (await app.store.listGrids({ limit: 1 })).items[0]

  it('template → publish → three residents answer (one twice: refused, a retry with its key: the same) → results n = 3 样本不足 → export with the same figures', async () => {
    const draft = ok(await admin()('surveys', 'fromTemplate', { template: 'satisfaction' }))
    expect(draft).toMatchObject({ status: 'draft', template: 'satisfaction', version: 1 })
    ok(await admin()('surveys', 'publish', { id: draft.id }))
    const g = await grid()
    const [a, b, c] = await residents(app, 3, g.id)
    const answers = (first: number) => ({ q1: [first], q2: [0], q3: [1], q4: [3], q5: [0], q6: [2] })
    expect(ok(await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: answers(0), clientKey: 'key-a-0001' }))).toMatchObject({ again: false })
    // The phone lost the answer and sends again with the same key: the same response, nothing counted twice.
    expect(ok(await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: answers(0), clientKey: 'key-a-0001' }))).toMatchObject({ again: true })
    const twice = await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: answers(2), clientKey: 'key-a-0002' })
    expect(!twice.ok && twice.error.code).toBe('CONFLICT')
    ok(await app.as(b)('surveys', 'answer', { surveyId: draft.id, answers: answers(2) }))
    ok(await app.as(c)('surveys', 'answer', { surveyId: draft.id, answers: answers(3) })) // 不清楚 on q1: not counted for q1
    // The office testing its own survey: stored, never counted.
    ok(await admin()('surveys', 'answer', { surveyId: draft.id, answers: answers(0) }))

    const results = ok(await admin()('surveys', 'results', { id: draft.id, level: 'street' }))
    expect(results).toMatchObject({ responses: 3, testResponses: 1, minSample: 30 })
    // 满意率 per respondent: a (q1 满意, q2 满意, q3 基本满意, q4 不清楚 → 3/3, q5 满意, q6 不满意) → 4/5 …
    const sat = results.city.satisfaction
    expect(sat.denominator).toBe(3)
    expect(sat.insufficient).toBe(true)
    // a: q1 0,q2 0,q3 1,q5 0 positive, q6 2 not → 4/5; b: q1 2 not, q2 0, q3 1, q5 0 → 3/5; c: q1 不清楚 out, q2,q3,q5 → 3/4.
    expect(sat.value).toBeCloseTo((4 / 5 + 3 / 5 + 3 / 4) / 3, 12)
    expect(results.areas).toHaveLength(1)
    expect(results.areas[0]).toMatchObject({ code: g.code.slice(0, 9), respondents: 3 })

    const file = ok(await admin()('surveys', 'export', { id: draft.id, format: 'xlsx' }))
    expect(file.rows).toBe(3)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const table = wb.getWorksheet('指标')!
    const cityRow = table.getRow(4).values as unknown[]
    expect(cityRow[1]).toBe(results.city.name)
    expect(cityRow[3]).toBe(3)
    expect(cityRow[13]).toBe('样本不足')
    expect(wb.getWorksheet('答卷（匿名）')!.rowCount).toBe(4)
    const raw = JSON.stringify(wb.getWorksheet('答卷（匿名）')!.getSheetValues())
    expect(raw).not.toContain('u-sv-0')
    const csv = ok(await admin()('surveys', 'export', { id: draft.id, format: 'csv' }))
    expect(Buffer.from(csv.base64, 'base64').toString('utf8').startsWith('\ufeff序号,街道,社区')).toBe(true)

    // Published questions never change: a new version instead.
    const edit = await admin()('surveys', 'save', { id: draft.id, title: draft.title, opensAt: draft.opensAt, closesAt: draft.closesAt, questions: draft.questions })
    expect(!edit.ok && edit.error.code).toBe('CONFLICT')
    expect(ok(await admin()('surveys', 'duplicate', { id: draft.id }))).toMatchObject({ status: 'draft', version: 2, parentId: draft.id })

    // After closing: my community's result and the city's, for a resident.
    const early = await app.as(b)('surveys', 'result', { id: draft.id })
    expect(!early.ok && early.error.code).toBe('CONFLICT')
    ok(await admin()('surveys', 'close', { id: draft.id }))
    const mine = ok(await app.as(b)('surveys', 'result', { id: draft.id }))
    expect(mine.mine?.respondents).toBe(3)
    expect(mine.city.satisfaction.denominator).toBe(3)
    const late = await app.as('dev-citizen')('surveys', 'answer', { surveyId: draft.id, answers: answers(0) })
    expect(!late.ok && late.error.code).toBe('CONFLICT')
  })

  it('skip logic drops answers to hidden questions; the audience and the quota hold', async () => {
    const g = await grid()
    const draft = ok(await admin()('surveys', 'save', {
      title: '模拟测评（配额测试）', opensAt: app.clock.now(), closesAt: new Date(Date.parse(app.clock.now()) + 86_400_000).toISOString(),
      asksAge: true,
      audience: { areaCodes: [g.code.slice(0, 6)], roles: [], ageBands: ['18-29', '30-44', '45-59', '60-65'] },
      quotas: [{ areaCode: g.code.slice(0, 6), ageBand: '30-44', limit: 1 }],
      questions: [
        { id: 'q1', type: 'single', title: '您在本市居住是否满 6 个月？', options: ['是', '否'] },
        { id: 'q2', type: 'single', title: '您是否知道创文？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0], showIf: { questionId: 'q1', anyOf: [0] } }
      ]
    }))
    ok(await admin()('surveys', 'publish', { id: draft.id }))
    const [a, b, c] = await residents(app, 3, g.id)
    const noAge = await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: { q1: [0], q2: [0] } })
    expect(!noAge.ok && noAge.error.code).toBe('VALIDATION')
    const old = await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: { q1: [0], q2: [0] }, ageBand: 'other' })
    expect(!old.ok && old.error.code).toBe('FORBIDDEN')
    // Not resident ≥ 6 months: q2 is hidden, its answer dropped.
    const r = ok(await app.as(a)('surveys', 'answer', { surveyId: draft.id, answers: { q1: [1], q2: [0] }, ageBand: '30-44' }))
    expect((await app.store.getResponse(draft.id, 'u-sv-0'))?.answers).toEqual({ q1: [1] })
    expect(r.again).toBe(false)
    const full = await app.as(b)('surveys', 'answer', { surveyId: draft.id, answers: { q1: [0], q2: [0] }, ageBand: '30-44' })
    expect(!full.ok && full.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('收满') })
    expect(await app.store.getResponse(draft.id, 'u-sv-1')).toBeNull()
    ok(await app.as(c)('surveys', 'answer', { surveyId: draft.id, answers: { q1: [0], q2: [0] }, ageBand: '18-29' }))
    const outside = await app.as('dev-volunteer')('surveys', 'answer', { surveyId: draft.id, answers: { q1: [0], q2: [0] }, ageBand: '18-29' })
    // 李志愿 lives in the same district in the demo city: in the audience; a resident of another district would not be.
    expect(outside.ok || (!outside.ok && outside.error.code === 'FORBIDDEN')).toBe(true)
  })
})

describe('the residents\' survey list', () => {
  it('shows open surveys, and closed ones only to those who answered them', async () => {
    const app = await openTestApp()
    try {
      const admin = app.as('dev-admin')
      const s = ok(await admin('surveys', 'fromTemplate', { template: 'awareness' }))
      ok(await admin('surveys', 'publish', { id: s.id }))
      ok(await app.as('dev-citizen')('surveys', 'answer', { surveyId: s.id, answers: { q1: [0], q2: [0], q3: [0], q4: [0] } }))
      ok(await admin('surveys', 'close', { id: s.id }))
      const ids = async (openid: string) => ok(await app.as(openid)('surveys', 'list', {})).items.map((x) => x.id)
      expect(await ids('dev-citizen')).toContain(s.id)
      expect(await ids('dev-volunteer')).not.toContain(s.id)
      expect(await ids('dev-volunteer')).toContain('sv-2026-civility')
    } finally {
      await app.close()
    }
  })
})
