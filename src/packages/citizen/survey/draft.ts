import Taro from '@tarojs/taro'
import { AGE_BANDS, type AgeBand, type Answer } from '../../../../core/types'

/**
 * A survey's answers not sent yet, kept on the phone: an older resident called away mid-survey, or a submit lost to
 * the network, finds them again. The client key is made once per draft, so a resend after a failed submit is the
 * same submission to the server (it answers a retry of a stored one as accepted, once).
 */
export interface SurveyDraft {
  answers: Record<string, Answer>
  ageBand: AgeBand | null
  clientKey: string
}

export const draftKey = (surveyId: string): string => `survey-draft:${surveyId}`

/** Random enough for one person's submissions (the server keys them per person); 8–64 characters as it asks. */
export function newClientKey (): string {
  return (Date.now().toString(36) + Math.random().toString(36).slice(2)).slice(0, 64).padEnd(8, '0')
}

function isAnswer (a: unknown): a is Answer {
  return typeof a === 'string' || (Array.isArray(a) && a.every((i) => Number.isInteger(i) && i >= 0))
}

/** The stored draft, or null when there is none or it is not one (an older app's, or damaged). */
export function readDraft (surveyId: string): SurveyDraft | null {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(draftKey(surveyId))
  } catch {
    return null
  }
  if (!raw || typeof raw !== 'object') return null
  const d = raw as Partial<SurveyDraft>
  if (typeof d.clientKey !== 'string' || d.clientKey.length < 8 || d.clientKey.length > 64) return null
  const answers: Record<string, Answer> = {}
  if (d.answers && typeof d.answers === 'object') {
    for (const [k, a] of Object.entries(d.answers)) if (isAnswer(a)) answers[k] = a
  }
  const ageBand = AGE_BANDS.find((b) => b === d.ageBand) ?? null
  return { answers, ageBand, clientKey: d.clientKey }
}

/** Whether a draft holds anything the person gave (an empty one is not worth the 已恢复 note). */
export function draftHasContent (d: SurveyDraft): boolean {
  return d.ageBand !== null || Object.keys(d.answers).length > 0
}

export function saveDraft (surveyId: string, draft: SurveyDraft): void {
  try {
    Taro.setStorageSync(draftKey(surveyId), draft)
  } catch {
    // A full phone storage loses the draft, never the answers on screen.
  }
}

export function clearDraft (surveyId: string): void {
  try {
    Taro.removeStorageSync(draftKey(surveyId))
  } catch {
    // Nothing to clear.
  }
}
