import type { Answer, Question, Survey } from './types'

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
  const unanswered = questions.find((q) => q.type !== 'text' && answers[q.id] === undefined)
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
