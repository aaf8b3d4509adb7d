import type { Store } from '../../ports/store'
import { aMessage, aSurvey, aSurveyResponse, isoAt } from '../../../core/testing/builders'
import { ids, readAllPages } from './pages'

export function surveyContract (store: () => Store): void {
  describe('surveys', () => {
    it('round-trips a survey, upserts by id and returns null for a missing one', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      expect(await store().getSurvey(survey.id)).toEqual(survey)
      await store().putSurvey({ ...survey, status: 'closed' })
      expect(await store().getSurvey(survey.id)).toEqual({ ...survey, status: 'closed' })
      expect(await store().getSurvey('survey-missing')).toBeNull()
    })

    it('lists surveys newest first, paged', async () => {
      for (const [id, m] of [['sv-a', 10], ['sv-c', 30], ['sv-b', 20]] as const) await store().putSurvey(aSurvey({ id, createdAt: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listSurveys({ cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['sv-c', 'sv-b'], ['sv-a']])
    })
  })

  describe('survey responses', () => {
    it('accepts one response per person per survey', async () => {
      const s1 = aSurvey()
      const s2 = aSurvey()
      await store().putSurvey(s1)
      await store().putSurvey(s2)
      const first = aSurveyResponse({ surveyId: s1.id, userId: 'u-1' })
      expect(await store().addResponse(first)).toBe(true)
      expect(await store().addResponse(aSurveyResponse({ surveyId: s1.id, userId: 'u-1', answers: { q1: [1] } }))).toBe(false)
      expect(await store().addResponse(aSurveyResponse({ surveyId: s2.id, userId: 'u-1' }))).toBe(true)
      expect((await store().listResponses({ surveyId: s1.id })).items).toEqual([first])
    })

    it('lists responses oldest first, by survey and time window, paged', async () => {
      const s1 = aSurvey()
      const s2 = aSurvey()
      await store().putSurvey(s1)
      await store().putSurvey(s2)
      const plan: Array<[string, string, number]> = [['r-3', s1.id, 30], ['r-1', s1.id, 10], ['r-4', s2.id, 20], ['r-2', s1.id, 20]]
      for (const [id, surveyId, m] of plan) await store().addResponse(aSurveyResponse({ id, surveyId, userId: `u-${id}`, at: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listResponses({ surveyId: s1.id, cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['r-1', 'r-2'], ['r-3']])
      expect(ids((await store().listResponses({ fromIso: isoAt(20) })).items)).toEqual(['r-2', 'r-4', 'r-3'])
      expect(ids((await store().listResponses({ toIso: isoAt(20) })).items)).toEqual(['r-1'])
      expect(ids((await store().listResponses({ surveyId: s1.id, fromIso: isoAt(10), toIso: isoAt(30) })).items)).toEqual(['r-1', 'r-2'])
    })
  })

  describe('messages', () => {
    it('lists one person’s messages newest first, paged', async () => {
      const mine = Array.from({ length: 45 }, (_, i) =>
        aMessage({ id: `m-${String(i).padStart(2, '0')}`, userId: 'u-me', at: isoAt(Math.floor(i / 2)), ticketId: i % 2 === 0 ? 'ticket-1' : null }))
      for (const m of mine) await store().addMessage(m)
      await store().addMessage(aMessage({ userId: 'u-other' }))
      const pages = await readAllPages((cursor) => store().listMessages({ userId: 'u-me', cursor }))
      expect(pages.map((p) => p.length)).toEqual([20, 20, 5])
      expect(pages.flat()).toEqual([...mine].reverse())
      expect((await store().listMessages({ userId: 'u-nobody' })).items).toEqual([])
    })
  })
}
