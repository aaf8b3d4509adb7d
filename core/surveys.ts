import { MAX_TEXT_ANSWER } from './schemas'
import type { AgeBand, Answer, Question, Role, Survey, SurveyAudience, SurveyQuota } from './types'

/** The longest text answer the server takes: surveyAnswerInput's limit. */
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

/** Skip logic: a question with `showIf` is shown only after that earlier question was answered with one of its options. */
export function questionShown (q: Pick<Question, 'showIf'>, answers: Record<string, Answer>): boolean {
  if (!q.showIf) return true
  const a = answers[q.showIf.questionId]
  return Array.isArray(a) && a.some((i) => q.showIf!.anyOf.includes(i))
}

/** The questions a respondent sees with these answers, in order (a hidden question hides those that depend on it). */
export function shownQuestions<Q extends Pick<Question, 'id' | 'showIf'>> (questions: readonly Q[], answers: Record<string, Answer>): Q[] {
  const shown = new Set<string>()
  const out: Q[] = []
  for (const q of questions) {
    if (q.showIf && !shown.has(q.showIf.questionId)) continue
    if (!questionShown(q, answers)) continue
    shown.add(q.id)
    out.push(q)
  }
  return out
}

/** What is stored: answers to questions skip logic hid are dropped (an earlier answer changed after them). */
export function answersToStore (questions: readonly Question[], answers: Record<string, Answer>): Record<string, Answer> {
  const shown = new Set(shownQuestions(questions, answers).map((q) => q.id))
  return Object.fromEntries(Object.entries(answers).filter(([k]) => shown.has(k)))
}

/** How far along: answered among the questions shown (the page's progress bar). */
export function answerProgress (questions: readonly Question[], answers: Record<string, Answer>): { answered: number; shown: number } {
  const shown = shownQuestions(questions, answers)
  return { answered: shown.filter((q) => answerGiven(answers[q.id])).length, shown: shown.length }
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
  const unanswered = shownQuestions(questions, answers).find((q) => questionRequired(q) && !answerGiven(answers[q.id]))
  return unanswered ? `请回答「${unanswered.title}」` : null
}

/** Why this survey cannot be saved as written (the first problem, in words the office acts on); null when it can. */
export function surveyDefinitionProblem (survey: Pick<Survey, 'questions' | 'opensAt' | 'closesAt'> & { quotas?: SurveyQuota[] }): string | null {
  if (survey.questions.length === 0) return '问卷至少要有一道题'
  if (Date.parse(survey.closesAt) <= Date.parse(survey.opensAt)) return '结束时间要晚于开始时间'
  const seen = new Map<string, Question>()
  for (const [i, q] of survey.questions.entries()) {
    const n = `第 ${i + 1} 题`
    if (seen.has(q.id)) return `${n}的编号与前面的题重复`
    const choice = q.type !== 'text'
    if (choice && q.options.length < 2) return `${n}至少要有两个选项`
    if (q.type === 'scale3' && q.options.length - (q.excluded?.length ?? 0) !== 3) return `${n}是三级量表，要正好三个计分选项（可另加「不清楚」并设为不计入）`
    if (q.type === 'scale5' && q.options.length - (q.excluded?.length ?? 0) !== 5) return `${n}是五级量表，要正好五个计分选项（可另加「不清楚」并设为不计入）`
    if (!choice && (q.options.length > 0 || q.indicator !== 'none')) return `${n}是填空题，不能有选项，也不能计入指标`
    const inRange = (xs: readonly number[] | undefined) => (xs ?? []).every((x) => Number.isInteger(x) && x >= 0 && x < q.options.length)
    if (!inRange(q.positive) || !inRange(q.excluded)) return `${n}标记的选项不存在`
    if ((q.excluded ?? []).some((x) => q.positive.includes(x))) return `${n}的同一选项不能既算「肯定」又「不计入」`
    if (q.indicator !== 'none' && q.positive.length === 0) return `${n}计入指标，请标出哪些选项算肯定回答`
    if (q.showIf) {
      const dep = seen.get(q.showIf.questionId)
      if (!dep) return `${n}的跳题条件要引用前面的题`
      if (dep.type === 'text') return `${n}的跳题条件不能引用填空题`
      if (q.showIf.anyOf.length === 0 || q.showIf.anyOf.some((x) => x < 0 || x >= dep.options.length)) return `${n}的跳题条件选项不存在`
    }
    seen.set(q.id, q)
  }
  for (const quota of survey.quotas ?? []) {
    if (!/^\d{6}(\d{3}){0,3}$/.test(quota.areaCode)) return `配额的区域编码「${quota.areaCode}」无效（区县 6 位、街道 9 位、社区 12 位、网格 15 位）`
  }
  return null
}

/** Whether this person is in the survey's audience (empty lists: everyone). Age is checked when they give it. */
export function audienceRefusal (
  audience: SurveyAudience | undefined, who: { roles: readonly Role[]; areaCode: string | null }, ageBand: AgeBand | null
): string | null {
  if (!audience) return null
  if (audience.roles.length > 0 && !audience.roles.some((r) => who.roles.includes(r))) return '这份问卷面向特定人群，你不在调查范围内，感谢关注'
  if (audience.areaCodes.length > 0 && !(who.areaCode && audience.areaCodes.some((c) => who.areaCode!.startsWith(c)))) {
    return who.areaCode ? '这份问卷只面向部分区域的居民，你所在的网格不在调查范围内，感谢关注' : '这份问卷按居住区域调查，请先在「我的」里设置你居住的网格'
  }
  if (audience.ageBands.length > 0 && ageBand !== null && !audience.ageBands.includes(ageBand)) return '这份问卷面向特定年龄段的居民，感谢你的关注'
  return null
}

/** The quota this response counts against: the most specific (longest area code, then with an age band) that fits. */
export function quotaFor (quotas: readonly SurveyQuota[] | undefined, areaCode: string | null, ageBand: AgeBand | null): SurveyQuota | null {
  const fits = (quotas ?? []).filter((q) => areaCode !== null && areaCode.startsWith(q.areaCode) && (q.ageBand === null || q.ageBand === ageBand))
  fits.sort((a, b) => b.areaCode.length - a.areaCode.length || (a.ageBand === null ? 1 : 0) - (b.ageBand === null ? 1 : 0))
  return fits[0] ?? null
}

export const quotaKey = (surveyId: string, q: SurveyQuota): string => `quota:${surveyId}:${q.areaCode}:${q.ageBand ?? '*'}`

/** Published questions never change under their answers: only a draft is edited; else a new version. */
export function surveyEditRefusal (survey: Pick<Survey, 'status'>): string | null {
  return survey.status === 'draft' ? null : '问卷已发布，题目不能再改（改了会让已有答卷失去意义）；请「复制为新版本」后修改'
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
