import { mergeCells, recountCells, responseCells, type AggCell } from '../../../core/indicators/aggregates'
import { aSurvey, aSurveyResponse, isoAt } from '../../../core/testing/builders'
import type { SurveyResponse } from '../../../core/types'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

const sumOf = (cells: readonly AggCell[], metric: string, area: string) =>
  cells.filter((c) => c.metric === metric && c.area === area).reduce((s, c) => ({ n: s.n + c.n, sum: s.sum + c.sum, sumSq: s.sumSq + c.sumSq }), { n: 0, sum: 0, sumSq: 0 })

export function aggregateContract (store: () => Store): void {
  describe('indicator aggregates', () => {
    const code = '430111001002003'
    it('a response adds its cells with it; a duplicate, a full quota and a test response add none; sums match a recount', async () => {
      const survey = aSurvey({
        questions: [
          { id: 'q1', type: 'single', title: '知道创文吗？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
          { id: 'q2', type: 'single', title: '支持创文吗？', options: ['支持', '不支持', '不清楚'], indicator: 'support', positive: [0], excluded: [2] }
        ]
      })
      await store().putSurvey(survey)
      const responses: SurveyResponse[] = Array.from({ length: 6 }, (_, i) => aSurveyResponse({ surveyId: survey.id, userId: `u-${i}`, at: isoAt(i * 60 * 24), answers: { q1: [i % 2], q2: [i % 3] } }))
      for (const r of responses) await store().addResponse(r, null, responseCells(survey.questions, r, code))
      // A second answer of u-0, and a staff test: nothing counted.
      await store().addResponse({ ...responses[0], id: 'again' }, null, responseCells(survey.questions, responses[0], code))
      const test = aSurveyResponse({ surveyId: survey.id, userId: 'u-staff', test: true, answers: { q1: [0] } })
      await store().addResponse(test, null, responseCells(survey.questions, { ...test, test: false }, code))
      // A full quota: nothing stored, nothing counted.
      await store().incrementCounter('quota:full', 1)
      const late = aSurveyResponse({ surveyId: survey.id, userId: 'u-late', answers: { q1: [0] } })
      expect(await store().addResponse(late, { key: 'quota:full', limit: 1 }, responseCells(survey.questions, late, code))).toBe('quota_full')

      const expected = recountCells(new Map([[survey.id, survey]]), responses, () => code)
      for (const metric of ['awareness', 'support']) {
        for (const area of ['', '430111', '430111001', code]) {
          const want = sumOf(expected, metric, area)
          const got = await store().sumAggregates(metric, area, '2000-01-01', '2999-12-31')
          expect({ metric, area, n: got.n }).toEqual({ metric, area, n: want.n })
          expect(got.sum).toBeCloseTo(want.sum, 9)
          expect(got.sumSq).toBeCloseTo(want.sumSq, 9)
        }
      }
      // A period is a range of days.
      const firstDay = expected.find((c) => c.metric === 'awareness' && c.area === '')!.day
      expect((await store().sumAggregates('awareness', '', firstDay, firstDay)).n).toBe(1)
    })

    it('listAggregates pages every cell; replaceAggregates makes a metric exactly the given cells', async () => {
      const cells = mergeCells([
        { metric: 'awareness', area: '', day: '2026-12-01', n: 2, sum: 1, sumSq: 1 },
        { metric: 'awareness', area: '430111', day: '2026-12-01', n: 2, sum: 1, sumSq: 1 },
        { metric: 'support', area: '', day: '2026-12-02', n: 1, sum: 1, sumSq: 1 }
      ])
      await store().replaceAggregates(['awareness', 'support'], cells)
      const listed = (await readAllPages((cursor) => store().listAggregates({ cursor, limit: 2 }))).flat()
      const nonZero = listed.filter((c) => c.n !== 0)
      expect(nonZero.map((c) => `${c.metric}|${c.area}|${c.day}|${c.n}`).sort()).toEqual(['awareness||2026-12-01|2', 'awareness|430111|2026-12-01|2', 'support||2026-12-02|1'].sort())
      await store().replaceAggregates(['awareness'], [{ metric: 'awareness', area: '', day: '2026-12-01', n: 5, sum: 4, sumSq: 4 }])
      expect(await store().sumAggregates('awareness', '', '2026-12-01', '2026-12-01')).toEqual({ n: 5, sum: 4, sumSq: 4 })
      expect((await store().sumAggregates('awareness', '430111', '2026-12-01', '2026-12-01')).n).toBe(0)
      expect((await store().sumAggregates('support', '', '2026-12-02', '2026-12-02')).n).toBe(1)
    })
  })
}
