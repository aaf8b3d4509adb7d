import type { Survey, SurveyResponse } from '../../../core/types'
import type { SurveyStore } from '../../ports/surveys'
import { type Cond, type Db, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

/** One response per person per survey: the document id says so. */
export const responseKey = (r: Pick<SurveyResponse, 'surveyId' | 'userId'>): string => `${r.surveyId}:${r.userId}`

export function surveyStore (db: Db): SurveyStore {
  return {
    putSurvey: (survey) => db.replace(C.surveys, survey.id, survey),

    async getSurvey (id) {
      const doc = await db.findById(C.surveys, id)
      return doc ? fromDoc<Survey>(doc) : null
    },

    listSurveys: (q) => readPage<Survey>(db, C.surveys, [], { field: 'createdAt', dir: 'desc' }, q),

    addResponse: (response) => db.insert(C.responses, responseKey(response), response),

    async listResponses (q) {
      const conds: Cond[] = []
      if (q.surveyId !== undefined) conds.push({ surveyId: q.surveyId })
      if (q.userId !== undefined) conds.push({ userId: q.userId })
      if (q.fromIso !== undefined) conds.push({ at: db._.gte(q.fromIso) })
      if (q.toIso !== undefined) conds.push({ at: db._.lt(q.toIso) })
      return readPage<SurveyResponse>(db, C.responses, conds, { field: 'at', dir: 'asc' }, q)
    }
  }
}
