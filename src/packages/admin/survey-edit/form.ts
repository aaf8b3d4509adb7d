import { MAX_OPTIONS, saveSurveyInput, type SaveSurveyInput } from '../../../../core/survey-schemas'
import { surveyDefinitionProblem } from '../../../../core/surveys'
import type { AgeBand, IndicatorTag, Question, QuestionType, Survey, SurveyAudience } from '../../../../core/types'
import { chinaDate, chinaInstant } from '../surveys/survey-format'
import { QUOTA_FIELDS, quotaBlank, quotaForm, quotaInput, type QuotaField, type QuotaForm } from './audience'

/**
 * The survey editor's form: questions as the office edits them (each with a key that survives moves, so a message
 * stays on its card), checked with the server's own schema and definition rules before anything is sent.
 */

/** A question as the office edits it: core's Question with its optional parts filled, and the card's own key. */
export type QuestionForm = Omit<Question, 'excluded' | 'showIf'> & {
  /** The card's own key (React's, and where its message is kept): stays with the question when it moves. */
  key: string
  excluded: number[]
  showIf: { questionId: string; anyOf: number[] } | null
}

export interface SurveyForm {
  title: string
  description: string
  /** ISO instants; the Pickers set a day's start (opens) or end (closes) in China time, untouched ones stay as loaded. */
  opensAt: string
  closesAt: string
  asksAge: boolean
  /** 面向区域 (grid-code prefixes), 面向人群, and the age bands of 年龄段筛选 (sent only while it is on). */
  audience: SurveyAudience
  quotas: QuotaForm[]
  questions: QuestionForm[]
}

export const TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multi: '多选', scale3: '三级量表', scale5: '五级量表', text: '填空' }
export const TYPES: QuestionType[] = ['single', 'multi', 'scale3', 'scale5', 'text']
export const INDICATOR_LABELS: Record<IndicatorTag, string> = { awareness: '知晓率', support: '支持率', satisfaction: '满意率', none: '不计入指标' }
export const INDICATORS: IndicatorTag[] = ['awareness', 'support', 'satisfaction', 'none']
/** The assessment's telephone survey asks 18–65: the bands a new age filter starts with. */
export const DEFAULT_AGE_BANDS: AgeBand[] = ['18-29', '30-44', '45-59', '60-65']

const SCALES: Partial<Record<QuestionType, { options: string[]; positive: number[] }>> = {
  scale3: { options: ['满意', '基本满意', '不满意'], positive: [0, 1] },
  scale5: { options: ['非常满意', '满意', '一般', '不满意', '非常不满意'], positive: [0, 1] }
}

const DAY_MS = 86_400_000
let keys = 0
const newKey = () => `k${++keys}`

/** A day's start in China time (the survey opens), or its last minute (it closes). */
export const opensOn = (date: string) => chinaInstant(date, '00:00')
export const closesOn = (date: string) => chinaInstant(date, '23:59')

/** The next free id q1, q2 …: ids are what answers are stored under, so an existing question keeps its own. */
export function nextQuestionId (questions: readonly Pick<QuestionForm, 'id'>[]): string {
  const used = new Set(questions.map((q) => q.id))
  let n = questions.length + 1
  for (const q of questions) {
    const m = /^q(\d+)$/.exec(q.id)
    if (m) n = Math.max(n, Number(m[1]) + 1)
  }
  while (used.has(`q${n}`)) n++
  return `q${n}`
}

export function blankQuestion (questions: readonly Pick<QuestionForm, 'id'>[]): QuestionForm {
  return { key: newKey(), id: nextQuestionId(questions), type: 'single', title: '', options: ['', ''], indicator: 'none', positive: [], excluded: [], showIf: null }
}

/** A blank survey: open from today for 30 days (China time), one empty single-choice question. */
export function blankForm (nowMs: number): SurveyForm {
  const today = chinaDate(new Date(nowMs).toISOString())
  return {
    title: '', description: '', opensAt: opensOn(today), closesAt: closesOn(chinaDate(new Date(nowMs + 30 * DAY_MS).toISOString())),
    asksAge: false, audience: { areaCodes: [], roles: [], ageBands: [] }, quotas: [], questions: [blankQuestion([])]
  }
}

export function questionForm (q: Question): QuestionForm {
  return {
    key: newKey(), id: q.id, type: q.type, title: q.title, options: q.options.slice(), indicator: q.indicator,
    positive: q.positive.slice(), excluded: (q.excluded ?? []).slice(), showIf: q.showIf ? { questionId: q.showIf.questionId, anyOf: q.showIf.anyOf.slice() } : null,
    ...(q.required !== undefined ? { required: q.required } : {})
  }
}

export function formOf (s: Survey): SurveyForm {
  return {
    title: s.title, description: s.description, opensAt: s.opensAt, closesAt: s.closesAt, asksAge: s.asksAge ?? false,
    audience: { areaCodes: [...(s.audience?.areaCodes ?? [])], roles: [...(s.audience?.roles ?? [])], ageBands: [...(s.audience?.ageBands ?? [])] },
    quotas: (s.quotas ?? []).map(quotaForm), questions: s.questions.map(questionForm)
  }
}

// ── Edits that keep the option marks and the skip conditions pointing at the same options ──────────────────────

const shift = (xs: readonly number[], removed: number) => xs.filter((x) => x !== removed).map((x) => (x > removed ? x - 1 : x))

export function setType (f: SurveyForm, key: string, type: QuestionType): SurveyForm {
  return mapQuestion(f, key, (q) => {
    if (type === 'text') return { ...q, type, options: [], indicator: 'none', positive: [], excluded: [] }
    const blank = q.options.every((o) => o.trim() === '')
    const scale = SCALES[type]
    if (scale && blank) return { ...q, type, options: scale.options.slice(), positive: scale.positive.slice(), excluded: [] }
    if (q.type === 'text' || q.options.length === 0) return { ...q, type, options: ['', ''] }
    return { ...q, type }
  })
}

export function setIndicator (f: SurveyForm, key: string, indicator: IndicatorTag): SurveyForm {
  return mapQuestion(f, key, (q) => ({ ...q, indicator }))
}

export function addOption (f: SurveyForm, key: string): SurveyForm {
  return mapQuestion(f, key, (q) => (q.options.length >= MAX_OPTIONS ? q : { ...q, options: [...q.options, ''] }))
}

export function setOption (f: SurveyForm, key: string, index: number, text: string): SurveyForm {
  return mapQuestion(f, key, (q) => ({ ...q, options: q.options.map((o, i) => (i === index ? text : o)) }))
}

/** An option taken out: the marks after it move up one, and so do later questions' conditions on it. */
export function removeOption (f: SurveyForm, key: string, index: number): SurveyForm {
  const target = f.questions.find((q) => q.key === key)
  if (!target) return f
  return {
    ...f,
    questions: f.questions.map((q) => {
      if (q.key === key) return { ...q, options: q.options.filter((_, i) => i !== index), positive: shift(q.positive, index), excluded: shift(q.excluded, index) }
      if (q.showIf?.questionId === target.id) return { ...q, showIf: { ...q.showIf, anyOf: shift(q.showIf.anyOf, index) } }
      return q
    })
  }
}

/** 计为肯定 and 不计入 exclude each other: an option is counted positive, or left out of the denominator, or neither. */
export function toggleMark (f: SurveyForm, key: string, index: number, mark: 'positive' | 'excluded'): SurveyForm {
  const other = mark === 'positive' ? 'excluded' : 'positive'
  return mapQuestion(f, key, (q) => {
    const on = q[mark].includes(index)
    return {
      ...q,
      [mark]: on ? q[mark].filter((x) => x !== index) : [...q[mark], index].sort((a, b) => a - b),
      [other]: on ? q[other] : q[other].filter((x) => x !== index)
    }
  })
}

/** The earlier choice questions a question's condition may refer to. */
export function conditionSources (f: SurveyForm, key: string): QuestionForm[] {
  const at = f.questions.findIndex((q) => q.key === key)
  return f.questions.slice(0, Math.max(0, at)).filter((q) => q.type !== 'text')
}

export function setCondition (f: SurveyForm, key: string, questionId: string | null): SurveyForm {
  return mapQuestion(f, key, (q) => ({ ...q, showIf: questionId === null ? null : { questionId, anyOf: [] } }))
}

export function toggleConditionOption (f: SurveyForm, key: string, index: number): SurveyForm {
  return mapQuestion(f, key, (q) => {
    if (!q.showIf) return q
    const on = q.showIf.anyOf.includes(index)
    return { ...q, showIf: { ...q.showIf, anyOf: on ? q.showIf.anyOf.filter((x) => x !== index) : [...q.showIf.anyOf, index].sort((a, b) => a - b) } }
  })
}

export function moveQuestion (f: SurveyForm, key: string, by: -1 | 1): SurveyForm {
  const i = f.questions.findIndex((q) => q.key === key)
  const j = i + by
  if (i < 0 || j < 0 || j >= f.questions.length) return f
  const questions = f.questions.slice()
  ;[questions[i], questions[j]] = [questions[j], questions[i]]
  return { ...f, questions }
}

/** The questions whose condition refers to this one (deleting it drops their condition). */
export function dependentsOf (f: SurveyForm, key: string): QuestionForm[] {
  const target = f.questions.find((q) => q.key === key)
  return target ? f.questions.filter((q) => q.showIf?.questionId === target.id) : []
}

export function removeQuestion (f: SurveyForm, key: string): SurveyForm {
  const target = f.questions.find((q) => q.key === key)
  if (!target) return f
  return {
    ...f,
    questions: f.questions.filter((q) => q.key !== key).map((q) => (q.showIf?.questionId === target.id ? { ...q, showIf: null } : q))
  }
}

function mapQuestion (f: SurveyForm, key: string, change: (q: QuestionForm) => QuestionForm): SurveyForm {
  return { ...f, questions: f.questions.map((q) => (q.key === key ? change(q) : q)) }
}

// ── Checking ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Where a message shows: a field of the survey, a question's card (`q:<key>`), a field of a quota row
 * (`quota:<key>:area|band|limit`), or the foot of the form.
 */
export type ErrorPlace =
  | 'title' | 'description' | 'opensAt' | 'closesAt' | 'areaCodes' | 'roles' | 'quotas' | 'questions' | 'general'
  | `q:${string}` | `quota:${string}:${QuotaField}`
export type FormErrors = Partial<Record<ErrorPlace, string>>

const FIELDS = new Set(['title', 'description', 'opensAt', 'closesAt', 'questions'])
const CHINESE = /[\u4e00-\u9fff]/

/** What the form would send, unchecked: the schema (the server's own) decides what is wrong. */
export function rawInput (f: SurveyForm, id: string | null): Record<string, unknown> {
  return {
    ...(id ? { id } : {}),
    title: f.title,
    description: f.description,
    opensAt: f.opensAt,
    closesAt: f.closesAt,
    questions: f.questions.map((q) => ({
      id: q.id,
      type: q.type,
      title: q.title,
      options: q.type === 'text' ? [] : q.options,
      indicator: q.type === 'text' ? 'none' : q.indicator,
      // Only an indicator counts positive answers: without one the marks mean nothing.
      positive: q.type === 'text' || q.indicator === 'none' ? [] : q.positive,
      excluded: q.type === 'text' ? [] : q.excluded,
      showIf: q.showIf,
      ...(q.required !== undefined ? { required: q.required } : {})
    })),
    asksAge: f.asksAge,
    audience: { ...f.audience, ageBands: f.asksAge ? f.audience.ageBands : [] },
    quotas: f.quotas.map(quotaInput)
  }
}

/** A rule's or the server's message, put where it belongs: 第 N 题 on that card, the dates by the dates. */
export function placeMessage (f: SurveyForm, message: string): ErrorPlace {
  const n = /^第 (\d+) 题/.exec(message)
  const q = n ? f.questions[Number(n[1]) - 1] : undefined
  if (q) return `q:${q.key}`
  if (/配额/.test(message)) return 'quotas'
  if (/区域编码/.test(message)) return 'areaCodes'
  if (/结束时间|开始时间/.test(message)) return 'closesAt'
  if (/至少要有一道题|最多 \d+ 道题/.test(message)) return 'questions'
  if (/问卷标题/.test(message)) return 'title'
  if (/问卷说明/.test(message)) return 'description'
  return 'general'
}

export const quotaPlace = (key: string, field: QuotaField): ErrorPlace => `quota:${key}:${field}`

/** The message to say first: in the form's own order, top to bottom; a quota row's says which row. */
export function firstMessage (f: SurveyForm, errors: FormErrors): string {
  const head: ErrorPlace[] = ['title', 'description', 'opensAt', 'closesAt', 'areaCodes', 'roles', 'quotas']
  for (const place of head) if (errors[place]) return errors[place]!
  for (const [i, q] of f.quotas.entries()) {
    for (const field of QUOTA_FIELDS) {
      const message = errors[quotaPlace(q.key, field)]
      if (message) return `第 ${i + 1} 条配额：${message}`
    }
  }
  const tail: ErrorPlace[] = ['questions', ...f.questions.map((q) => `q:${q.key}` as const), 'general']
  for (const place of tail) if (errors[place]) return errors[place]!
  return '请检查填写的内容'
}

const QUOTA_FIELD_OF: Record<string, QuotaField> = { areaCode: 'area', ageBand: 'band', limit: 'limit' }

export type Checked = { ok: true; input: SaveSurveyInput } | { ok: false; errors: FormErrors; first: string }

/**
 * The form checked as the server will check it: first saveSurveyInput (each field's first message; a question's on
 * its card, a quota row's beside its field), then, once the shape is right, surveyDefinitionProblem (scales, marks,
 * skip conditions).
 */
export function checkForm (f: SurveyForm, id: string | null): Checked {
  const errors: FormErrors = {}
  const put = (place: ErrorPlace, message: string) => { if (!(place in errors)) errors[place] = message }
  // A condition without options reads better in words than as the schema's "at least one".
  f.questions.forEach((q, i) => {
    if (q.showIf && q.showIf.anyOf.length === 0) {
      const src = f.questions.findIndex((x) => x.id === q.showIf!.questionId)
      put(`q:${q.key}`, `第 ${i + 1} 题的跳题条件：请选出第 ${src + 1} 题选了哪些选项时才显示这道题`)
    }
  })
  for (const q of f.quotas) {
    const blank = quotaBlank(q)
    if (blank) put(quotaPlace(q.key, blank.field), blank.message)
  }
  const parsed = saveSurveyInput.safeParse(rawInput(f, id))
  if (!parsed.success || Object.keys(errors).length > 0) {
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const [head, index, part, option] = issue.path
      const message = CHINESE.test(issue.message) ? issue.message : '这一项的格式不对，请检查'
      if (head === 'questions' && typeof index === 'number' && f.questions[index]) {
        const where = part === 'options' && typeof option === 'number' ? `第 ${option + 1} 个选项：` : ''
        put(`q:${f.questions[index].key}`, `第 ${index + 1} 题${where ? '的' : '：'}${where}${message}`)
      } else if (head === 'quotas') {
        const q = typeof index === 'number' ? f.quotas[index] : undefined
        put(q ? quotaPlace(q.key, QUOTA_FIELD_OF[String(part)] ?? 'limit') : 'quotas', message)
      } else if (head === 'audience') {
        put(index === 'areaCodes' || index === 'roles' ? index : 'general', message)
      } else put(FIELDS.has(String(head)) ? (head as ErrorPlace) : 'general', message)
    }
    return { ok: false, errors, first: firstMessage(f, errors) }
  }
  const problem = surveyDefinitionProblem(parsed.data)
  if (problem) return { ok: false, errors: { [placeMessage(f, problem)]: problem }, first: problem }
  return { ok: true, input: parsed.data }
}
