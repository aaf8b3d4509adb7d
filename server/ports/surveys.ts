import type { Page, Survey, SurveyResponse } from '../../core/types'
import type { PageQuery } from './paging'

export interface SurveyStore {
  putSurvey (survey: Survey): Promise<void>
  getSurvey (id: string): Promise<Survey | null>
  listSurveys (q: PageQuery): Promise<Page<Survey>>
  /** One response per person per survey: false when this person already answered. */
  addResponse (response: SurveyResponse): Promise<boolean>
  listResponses (q: PageQuery & { surveyId?: string; userId?: string; fromIso?: string; toIso?: string }): Promise<Page<SurveyResponse>>
}
