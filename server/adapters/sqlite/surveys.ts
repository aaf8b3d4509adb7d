import type { Survey, SurveyResponse } from '../../../core/types'
import type { SurveyStore } from '../../ports/surveys'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

export function surveyStore (db: Db, sql: Sql): SurveyStore {
  const upsertSurvey = db.prepare(`INSERT INTO surveys (id, created_at, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, doc = excluded.doc`)
  const surveyById = db.prepare('SELECT doc FROM surveys WHERE id = ?').pluck()
  const insertResponse = db.prepare(`INSERT INTO survey_responses (id, survey_id, user_id, at, doc) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (survey_id, user_id) DO NOTHING`)

  return {
    putSurvey: async (survey) => { upsertSurvey.run(survey.id, survey.createdAt, JSON.stringify(survey)) },
    getSurvey: async (id) => parseDoc<Survey>(surveyById.get(id)),
    listSurveys: async (q) =>
      readPage<Survey>(sql, { table: 'surveys', where: [], params: [], sortColumn: 'created_at', direction: 'DESC' }, q),
    addResponse: async (r) =>
      insertResponse.run(r.id, r.surveyId, r.userId, r.at, JSON.stringify(r)).changes === 1,
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
