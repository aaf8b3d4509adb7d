import type { AreaResult } from './survey-results'
import type { Page, Survey } from './types'

/** What the survey actions answer (core/api.ts). */

export interface SurveyListItem extends Survey {
  answered: boolean
  /** Taking answers now (open and inside its window). */
  takingAnswers: boolean
  /** Why this person is not in its audience; null when they are. */
  notForMe: string | null
}

export interface SurveyDetail extends SurveyListItem {}

export interface AnswerResult {
  accepted: true
  responseId: string
  /** This was a retry of a submission already stored (same client key): nothing new was counted. */
  again: boolean
}

export interface MySurveyResult {
  survey: Pick<Survey, 'id' | 'title' | 'closedAt' | 'closesAt' | 'status'>
  city: AreaResult
  /** My community's result, when I have a home grid and anyone there answered. */
  mine: AreaResult | null
  minSample: number
}

export interface SurveyAdminItem extends Survey {
  responses: number
  testResponses: number
}

export interface SurveyResultsView {
  survey: Pick<Survey, 'id' | 'title' | 'status' | 'opensAt' | 'closesAt' | 'version'>
  city: AreaResult
  areas: AreaResult[]
  minSample: number
  /** Responses read for this answer (counted and test). */
  responses: number
  testResponses: number
}

export interface SurveyTemplateView {
  id: string
  name: string
  summary: string
  questions: number
}

export interface ExportFile {
  filename: string
  base64: string
  rows: number
}

export type SurveyAdminPage = Page<SurveyAdminItem>
