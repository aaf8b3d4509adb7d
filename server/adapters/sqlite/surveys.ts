import type { Survey, SurveyResponse } from '../../../core/types'
import type { ResponseOutcome, SurveyStore } from '../../ports/surveys'
import type { AggCell, DistinctMark } from '../../../core/indicators/aggregates'
import type { AggregateOps } from './aggregates'
import type { CounterOps } from './counters'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

export function surveyStore (db: Db, sql: Sql, counters: CounterOps, aggregates: AggregateOps): SurveyStore {
  const upsertSurvey = db.prepare(`INSERT INTO surveys (id, created_at, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, doc = excluded.doc`)
  const surveyById = db.prepare('SELECT doc FROM surveys WHERE id = ?').pluck()
  const insertResponse = db.prepare(`INSERT INTO survey_responses (id, survey_id, user_id, at, doc) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (survey_id, user_id) DO NOTHING`)
  const responseOf = db.prepare('SELECT doc FROM survey_responses WHERE survey_id = ? AND user_id = ?').pluck()
  const counted = db.prepare('SELECT value FROM counters WHERE key = ?').pluck()

  // The response, its quota count and its indicator cells in one transaction: a full cell stores nothing, a
  // duplicate counts nothing, and the aggregates never drift from the rows.
  const add = db.transaction((r: SurveyResponse, quota: { key: string; limit: number } | null, cells: readonly AggCell[], marks: readonly DistinctMark[]): ResponseOutcome => {
    if (responseOf.get(r.surveyId, r.userId) !== undefined) return 'duplicate'
    if (quota && !r.test && ((counted.get(quota.key) as number | undefined) ?? 0) >= quota.limit) return 'quota_full'
    insertResponse.run(r.id, r.surveyId, r.userId, r.at, JSON.stringify(r))
    if (quota && !r.test) counters.bump(quota.key, 1)
    if (!r.test) { aggregates.add(cells); aggregates.mark(marks) }
    return 'added'
  })

  return {
    putSurvey: async (survey) => { upsertSurvey.run(survey.id, survey.createdAt, JSON.stringify(survey)) },
    getSurvey: async (id) => parseDoc<Survey>(surveyById.get(id)),
    listSurveys: async (q) => {
      const c = conditions()
      if (q.statuses !== undefined) c.add(`json_extract(doc, '$.status') IN (SELECT value FROM json_each(?))`, JSON.stringify(q.statuses))
      return readPage<Survey>(sql, { table: 'surveys', ...c, sortColumn: 'created_at', direction: 'DESC' }, q)
    },
    addResponse: async (r, quota, cells, marks) => add.immediate(r, quota ?? null, cells ?? [], marks ?? []),
    getResponse: async (surveyId, userId) => parseDoc<SurveyResponse>(responseOf.get(surveyId, userId)),
    listResponses: async (q) => {
      const c = conditions()
      if (q.surveyId !== undefined) c.add('survey_id = ?', q.surveyId)
      if (q.userId !== undefined) c.add('user_id = ?', q.userId)
      if (q.fromIso !== undefined) c.add('at >= ?', q.fromIso)
      if (q.toIso !== undefined) c.add('at < ?', q.toIso)
      return readPage<SurveyResponse>(sql, { table: 'survey_responses', ...c, sortColumn: 'at', direction: 'ASC' }, q)
    }
  }
}
