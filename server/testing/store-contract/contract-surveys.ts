import type { SurveyStatus } from '../../../core/types'
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

    it('lists surveys in the statuses asked, newest first, paged', async () => {
      const plan: Array<[string, SurveyStatus, number]> = [['sv-d1', 'draft', 10], ['sv-o1', 'open', 20], ['sv-c1', 'closed', 30], ['sv-o2', 'open', 40], ['sv-o3', 'open', 50]]
      for (const [id, status, m] of plan) await store().putSurvey(aSurvey({ id, status, createdAt: isoAt(m) }))
      const pages = await readAllPages((cursor) => store().listSurveys({ statuses: ['open', 'closed'], cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['sv-o3', 'sv-o2'], ['sv-c1', 'sv-o1']])
      expect(ids((await store().listSurveys({ statuses: ['draft'] })).items)).toEqual(['sv-d1'])
      expect(await store().listSurveys({ statuses: [] })).toEqual({ items: [], next: null })
      expect(ids((await store().listSurveys({})).items)).toEqual(['sv-o3', 'sv-o2', 'sv-c1', 'sv-o1', 'sv-d1'])
    })
  })

  describe('survey responses', () => {
    it('accepts one response per person per survey', async () => {
      const s1 = aSurvey()
      const s2 = aSurvey()
      await store().putSurvey(s1)
      await store().putSurvey(s2)
      const first = aSurveyResponse({ surveyId: s1.id, userId: 'u-1' })
      expect(await store().addResponse(first)).toBe('added')
      expect(await store().addResponse(aSurveyResponse({ surveyId: s1.id, userId: 'u-1', answers: { q1: [1] } }))).toBe('duplicate')
      expect(await store().addResponse(aSurveyResponse({ surveyId: s2.id, userId: 'u-1' }))).toBe('added')
      expect((await store().listResponses({ surveyId: s1.id })).items).toEqual([first])
    })

    it('reads one person’s response to a survey, with its optional fields, or null', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      const full = aSurveyResponse({ surveyId: survey.id, userId: 'u-1', clientKey: 'ck-1', test: false, ageBand: '30-44', areaCode: '110101001001001' })
      const bare = aSurveyResponse({ surveyId: survey.id, userId: 'u-2' })
      expect(await store().addResponse(full)).toBe('added')
      expect(await store().addResponse(bare)).toBe('added')
      expect(await store().getResponse(survey.id, 'u-1')).toEqual(full)
      expect(await store().getResponse(survey.id, 'u-2')).toEqual(bare)
      expect(await store().getResponse(survey.id, 'u-3')).toBeNull()
      expect(await store().getResponse('survey-missing', 'u-1')).toBeNull()
    })

    it('admits at most the quota’s limit of people answering at once, and stores only them', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      const quota = { key: `quota:${survey.id}:110101:*`, limit: 3 }
      const people = ['u-1', 'u-2', 'u-3', 'u-4', 'u-5']
      const outcomes = await Promise.all(people.map((userId) => store().addResponse(aSurveyResponse({ surveyId: survey.id, userId }), quota)))
      expect([...outcomes].sort()).toEqual(['added', 'added', 'added', 'quota_full', 'quota_full'])
      const stored = (await store().listResponses({ surveyId: survey.id })).items
      expect(stored).toHaveLength(3)
      const admitted = people.filter((_, i) => outcomes[i] === 'added')
      expect(stored.map((r) => r.userId).sort()).toEqual(admitted)
      for (const [i, userId] of people.entries()) {
        if (outcomes[i] === 'quota_full') expect(await store().getResponse(survey.id, userId)).toBeNull()
      }
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-6' }), quota)).toBe('quota_full')
    })

    it('stores a test response without counting it, also past a full quota', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      const quota = { key: `quota:${survey.id}:110101:*`, limit: 2 }
      const answer = (userId: string, test?: boolean) => store().addResponse(aSurveyResponse({ surveyId: survey.id, userId, test }), quota)
      expect(await answer('staff-1', true)).toBe('added')
      expect(await answer('u-1')).toBe('added')
      expect(await answer('u-2')).toBe('added')
      expect(await answer('u-3')).toBe('quota_full')
      expect(await answer('staff-2', true)).toBe('added')
      expect(await answer('staff-2', true)).toBe('duplicate')
      expect(await answer('u-4')).toBe('quota_full')
      expect((await store().listResponses({ surveyId: survey.id })).items.map((r) => r.userId).sort()).toEqual(['staff-1', 'staff-2', 'u-1', 'u-2'])
      expect((await store().getResponse(survey.id, 'staff-2'))?.test).toBe(true)
    })

    it('counts nothing for a duplicate: a later person still fits, and a retry after the cell filled is still a duplicate', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      const quota = { key: `quota:${survey.id}:110101:*`, limit: 2 }
      const first = aSurveyResponse({ surveyId: survey.id, userId: 'u-1' })
      expect(await store().addResponse(first, quota)).toBe('added')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-1', answers: { q1: [1] } }), quota)).toBe('duplicate')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-2' }), quota)).toBe('added')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-1' }), quota)).toBe('duplicate')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-3' }), quota)).toBe('quota_full')
      expect(await store().getResponse(survey.id, 'u-1')).toEqual(first)
    })

    it('counts each quota key on its own', async () => {
      const survey = aSurvey()
      await store().putSurvey(survey)
      const young = { key: `quota:${survey.id}:110101:18-29`, limit: 1 }
      const old = { key: `quota:${survey.id}:110101:60-65`, limit: 1 }
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-1' }), young)).toBe('added')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-2' }), young)).toBe('quota_full')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-2' }), old)).toBe('added')
      expect(await store().addResponse(aSurveyResponse({ surveyId: survey.id, userId: 'u-3' }), null)).toBe('added')
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
