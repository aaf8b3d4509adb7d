import type { AggCell, DistinctMark } from '../../core/indicators/aggregates'
import type { Page, Survey, SurveyResponse, SurveyStatus } from '../../core/types'
import type { PageQuery } from './paging'

export type ResponseOutcome = 'added' | 'duplicate' | 'quota_full'

export interface SurveyStore {
  putSurvey (survey: Survey): Promise<void>
  getSurvey (id: string): Promise<Survey | null>
  /** Newest first. */
  listSurveys (q: PageQuery & { statuses?: SurveyStatus[] }): Promise<Page<Survey>>
  /**
   * One response per person per survey, and — when a quota is given — at most `limit` counted responses under its
   * key, as one step: 'duplicate' when this person answered already (nothing counted), 'quota_full' when the quota's
   * cell is full (nothing stored). A test response (`test`) is stored without counting. `cells` are the indicator
   * aggregates the response adds (core responseCells), written with it.
   */
  addResponse (response: SurveyResponse, quota?: { key: string; limit: number } | null, cells?: readonly AggCell[], marks?: readonly DistinctMark[]): Promise<ResponseOutcome>
  getResponse (surveyId: string, userId: string): Promise<SurveyResponse | null>
  listResponses (q: PageQuery & { surveyId?: string; userId?: string; fromIso?: string; toIso?: string }): Promise<Page<SurveyResponse>>
}
