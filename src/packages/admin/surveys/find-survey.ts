import type { SurveyAdminItem } from '../../../../core/survey-views'
import { call } from '../../../api'

/** One survey as the office sees it, drafts included (the resident's `get` refuses drafts). */
export async function findSurvey (id: string): Promise<SurveyAdminItem> {
  return call('surveys', 'adminGet', { id })
}
