import { z } from 'zod'
import { AGE_BANDS, ROLES } from './types'

/** Input schemas of the survey actions (core/schemas.ts re-exports them): the server validates, the office's form reuses. */

const id = z.string().min(1, '缺少编号').max(64, '编号太长')
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`)
const when = (label: string) => z.iso.datetime({ error: `${label}格式不对` })
const index = z.number().int().min(0).max(19)
const ageBand = z.enum(AGE_BANDS, { error: '请选择年龄段' })

/** A survey's text answer: the forms count against it. */
export const MAX_TEXT_ANSWER = 1000
export const MAX_QUESTIONS = 40
export const MAX_OPTIONS = 12

export const questionInput = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,15}$/, '题目编号只能是小写字母开头的字母数字（如 q1）'),
  type: z.enum(['single', 'multi', 'scale3', 'scale5', 'text'], { error: '请选择题型' }),
  title: text(200, '题目').min(2, '请填写题目'),
  options: z.array(text(40, '选项').min(1, '选项不能为空')).max(MAX_OPTIONS, `每题最多 ${MAX_OPTIONS} 个选项`),
  indicator: z.enum(['awareness', 'support', 'satisfaction', 'none']).default('none'),
  positive: z.array(index).max(MAX_OPTIONS).default([]),
  excluded: z.array(index).max(MAX_OPTIONS).default([]),
  showIf: z.object({ questionId: z.string().max(16), anyOf: z.array(index).min(1).max(MAX_OPTIONS) }).nullable().default(null),
  required: z.boolean().optional()
})

export const surveyFields = z.object({
  title: text(80, '问卷标题').min(4, '问卷标题至少 4 个字'),
  description: text(500, '问卷说明').default(''),
  opensAt: when('开始时间'),
  closesAt: when('结束时间'),
  questions: z.array(questionInput).min(1, '问卷至少要有一道题').max(MAX_QUESTIONS, `问卷最多 ${MAX_QUESTIONS} 道题`),
  asksAge: z.boolean().default(false),
  audience: z.object({
    areaCodes: z.array(z.string().regex(/^\d{6}(\d{3}){0,3}$/, '区域编码无效')).max(200).default([]),
    roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
    ageBands: z.array(ageBand).max(AGE_BANDS.length).default([])
  }).default({ areaCodes: [], roles: [], ageBands: [] }),
  quotas: z.array(z.object({
    areaCode: z.string().regex(/^\d{6}(\d{3}){0,3}$/, '配额的区域编码无效'),
    ageBand: ageBand.nullable().default(null),
    limit: z.number().int('配额必须是整数').min(1, '配额至少 1 份').max(100_000, '配额太大')
  })).max(500, '配额最多 500 条').default([])
})

/** The office's survey form: create (no id; `template` to start from a built-in one) or edit a draft. */
export const saveSurveyInput = surveyFields.extend({ id: id.optional() })
export type SaveSurveyInput = z.infer<typeof saveSurveyInput>

export const fromTemplateInput = z.object({ template: z.enum(['awareness', 'satisfaction', 'mock'], { error: '没有这个模板' }) })

export const surveyAnswerInput = z.object({
  surveyId: id,
  answers: z.record(z.string().max(16), z.union([z.array(index).max(MAX_OPTIONS), z.string().max(MAX_TEXT_ANSWER, `回答不能超过 ${MAX_TEXT_ANSWER} 个字`)])),
  /** The phone's key for this submission (a retry with it is answered the same). */
  clientKey: z.string().min(8, '提交编号无效').max(64, '提交编号无效').optional(),
  ageBand: ageBand.optional()
})

export const surveyExportInput = z.object({ id, format: z.enum(['xlsx', 'csv']).default('xlsx') })
export const surveyResultsInput = z.object({ id, level: z.enum(['street', 'community', 'grid']).default('street') })
