import { MAX_TEXT_ANSWER } from './schemas'
import type { Answer, Question, Survey } from './types'

/** The longest text answer the server takes: answerInput's limit. */
export const TEXT_ANSWER_MAX = MAX_TEXT_ANSWER

const MULTI_HINT = '（可多选）'

/**
 * Choice and scale questions must be answered; a text question (意见和建议) is optional unless the survey marks it
 * `required` (a flag surveys may carry; the seeded one does not).
 */
export function questionRequired (q: Pick<Question, 'type'> & { required?: boolean }): boolean {
  return q.required ?? q.type !== 'text'
}

/** Whether this answer counts as given: at least one option, or text that is not only blank. */
export function answerGiven (a: Answer | undefined): boolean {
  if (a === undefined) return false
  return typeof a === 'string' ? a.trim().length > 0 : a.length > 0
}

/** The required questions not answered yet, in the survey's order (the page marks each in place). */
export function missingAnswers (questions: readonly Question[], answers: Record<string, Answer>): string[] {
  return questions.filter((q) => questionRequired(q) && !answerGiven(answers[q.id])).map((q) => q.id)
}

/** A question's title as shown: a multiple-choice one says （可多选） once, whether or not its title already does. */
export function questionTitle (q: Pick<Question, 'type' | 'title'>): string {
  const title = q.title.trim()
  if (q.type !== 'multi' || title.endsWith(MULTI_HINT) || title.endsWith('(可多选)')) return title
  return `${title}${MULTI_HINT}`
}

/** What is sent: blank text answers are left out (an optional question skipped), text is trimmed. */
export function answersToSend (answers: Record<string, Answer>): Record<string, Answer> {
  const out: Record<string, Answer> = {}
  for (const [k, a] of Object.entries(answers)) {
    if (!answerGiven(a)) continue
    out[k] = typeof a === 'string' ? a.trim() : a
  }
  return out
}

/** Answers must fit their questions: known ids, option indexes in range, one choice for single/scale. Null when fine. */
export function validateAnswers (questions: readonly Question[], answers: Record<string, Answer>): string | null {
  const byId = new Map(questions.map((q) => [q.id, q]))
  for (const [qid, a] of Object.entries(answers)) {
    const q = byId.get(qid)
    if (!q) return `问卷中没有这道题（${qid}）`
    if (q.type === 'text') {
      if (typeof a !== 'string') return `「${q.title}」请填写文字`
      continue
    }
    if (!Array.isArray(a) || a.length === 0) return `请回答「${q.title}」`
    if (a.some((i) => i >= q.options.length)) return `「${q.title}」的选项无效`
    if (q.type !== 'multi' && a.length > 1) return `「${q.title}」只能选一项`
    if (new Set(a).size !== a.length) return `「${q.title}」选项重复`
  }
  const unanswered = questions.find((q) => questionRequired(q) && !answerGiven(answers[q.id]))
  return unanswered ? `请回答「${unanswered.title}」` : null
}

/** A survey takes answers while it is open and inside its window (both ends inclusive). */
export function surveyOpen (survey: Pick<Survey, 'status' | 'opensAt' | 'closesAt'>, nowIso: string): boolean {
  const now = Date.parse(nowIso)
  return survey.status === 'open' && now >= Date.parse(survey.opensAt) && now <= Date.parse(survey.closesAt)
}

/** Surveys a resident may see at all (drafts are the office's). */
export function surveyVisible (survey: Pick<Survey, 'status'>): boolean {
  return survey.status !== 'draft'
}
