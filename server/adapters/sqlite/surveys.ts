import type { Message, Survey, SurveyResponse } from '../../../core/types'
import type { Store } from '../../ports/store'
import { parseDoc, type Db, type Sql } from './db'
import { conditions, readPage } from './paging'

type SurveyStore = Pick<Store,
  'putSurvey' | 'getSurvey' | 'listSurveys' | 'addResponse' | 'listResponses' | 'addMessage' | 'listMessages' | 'markMessagesRead' | 'countUnreadMessages' | 'incrementCounter'>

export function surveyStore (db: Db, sql: Sql): SurveyStore {
  const upsertSurvey = db.prepare(`INSERT INTO surveys (id, created_at, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, doc = excluded.doc`)
  const surveyById = db.prepare('SELECT doc FROM surveys WHERE id = ?').pluck()
  const insertResponse = db.prepare(`INSERT INTO survey_responses (id, survey_id, user_id, at, doc) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (survey_id, user_id) DO NOTHING`)
  const insertMessage = db.prepare('INSERT INTO messages (id, user_id, at, read, doc) VALUES (?, ?, ?, ?, ?)')
  const readAllOf = db.prepare(`UPDATE messages SET read = 1, doc = json_set(doc, '$.read', json('true')) WHERE user_id = ? AND read = 0`)
  const readSome = db.prepare(`UPDATE messages SET read = 1, doc = json_set(doc, '$.read', json('true'))
    WHERE user_id = ? AND read = 0 AND id IN (SELECT value FROM json_each(?))`)
  const unread = db.prepare('SELECT COUNT(*) FROM messages WHERE user_id = ? AND read = 0').pluck()
  const bump = db.prepare(`INSERT INTO counters (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = value + excluded.value RETURNING value`).pluck()

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
    },
    addMessage: async (m) => { insertMessage.run(m.id, m.userId, m.at, m.read ? 1 : 0, JSON.stringify(m)) },
    markMessagesRead: async (userId, ids) => (ids === undefined ? readAllOf.run(userId) : readSome.run(userId, JSON.stringify(ids))).changes,
    countUnreadMessages: async (userId) => unread.get(userId) as number,
    listMessages: async (q) =>
      readPage<Message>(sql, { table: 'messages', where: ['user_id = ?'], params: [q.userId], sortColumn: 'at', direction: 'DESC' }, q),
    incrementCounter: async (key, by) => bump.get(key, by) as number
  }
}
