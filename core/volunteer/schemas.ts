import { z } from 'zod'
import { VOLUNTEER_TOPICS } from '../types'

/** Input schemas of the volunteer actions (core/schemas.ts re-exports them): the server validates, the forms reuse. */

const id = z.string().min(1, '缺少编号').max(64, '编号太长')
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`)
const when = (label: string) => z.iso.datetime({ error: `${label}格式不对` })
const topic = z.enum(VOLUNTEER_TOPICS, { error: '请选择服务领域' })
const point = z.object({
  lng: z.number({ error: '经度必须是数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.number({ error: '纬度必须是数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围')
})
const hours = (label: string) => z.number({ error: `${label}必须是数字` }).finite().min(0, `${label}不能为负`).max(24, `${label}不能超过 24 小时`)
  .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, `${label}最多保留一位小数`)

export const MAX_EVENT_CAPACITY = 1000
export const PHONE_PATTERN = /^1[3-9]\d{9}$/

export const registerVolunteerInput = z.object({
  realName: text(20, '姓名').min(2, '请填写真实姓名（至少 2 个字）').regex(/^[\p{Script=Han}A-Za-z·•. ]+$/u, '姓名只能包含汉字或字母'),
  phone: z.string().trim().regex(PHONE_PATTERN, '请填写 11 位手机号'),
  homeGridId: id.nullish(),
  community: text(40, '所在社区').min(2, '请填写所在社区'),
  skills: z.array(topic).min(1, '请至少选择一个服务意向').max(VOLUNTEER_TOPICS.length).refine((a) => new Set(a).size === a.length, '服务意向重复')
})
export type RegisterVolunteerInput = z.infer<typeof registerVolunteerInput>

export const eventsInput = z.object({
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).optional(),
  kind: z.enum(['service', 'training']).optional(),
  topic: topic.optional(),
  /** Events starting on or after / before these instants. */
  fromIso: when('开始日期').optional(),
  toIso: when('结束日期').optional(),
  /** Only events within `withinKm` of this point (events without a point are left out then). */
  near: point.optional(),
  withinKm: z.number().finite().min(0.1, '距离范围无效').max(100, '距离范围无效').optional()
})

export const eventFields = z.object({
  kind: z.enum(['service', 'training'], { error: '请选择活动类型' }),
  title: text(60, '活动名称').min(4, '活动名称至少 4 个字'),
  description: text(1000, '活动说明').default(''),
  topic,
  servingTarget: text(40, '服务对象').default(''),
  requiredTrainings: z.array(topic).max(5, '最多要求 5 项培训').default([]),
  address: text(120, '集合地点').min(2, '请填写集合地点'),
  location: point.nullable().default(null),
  gridId: id.nullish(),
  startAt: when('开始时间'),
  endAt: when('结束时间'),
  capacity: z.number({ error: '名额必须是数字' }).int('名额必须是整数').min(1, '名额至少 1 人').max(MAX_EVENT_CAPACITY, `名额最多 ${MAX_EVENT_CAPACITY} 人`),
  waitlistEnabled: z.boolean().default(true),
  cancelDeadline: when('取消截止时间')
})

/** The event form: create (no id) or edit a draft or published event. Times are checked against each other here. */
export const saveEventInput = eventFields.extend({ id: id.optional() }).superRefine((e, ctx) => {
  const start = Date.parse(e.startAt)
  const end = Date.parse(e.endAt)
  if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间要晚于开始时间' })
  if (end - start > 24 * 3_600_000) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一次活动最长 24 小时，多日活动请分场发布' })
  if (Date.parse(e.cancelDeadline) > start) ctx.addIssue({ code: 'custom', path: ['cancelDeadline'], message: '取消截止时间不能晚于活动开始' })
  if (e.kind === 'training' && e.requiredTrainings.length > 0) ctx.addIssue({ code: 'custom', path: ['requiredTrainings'], message: '培训本身不设培训要求' })
})
export type SaveEventInput = z.infer<typeof saveEventInput>

export const cancelEventInput = z.object({ id, reason: text(200, '取消原因').min(2, '请写明取消原因，会通知所有报名者') })

export const myEventsInput = z.object({
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).optional()
})

/** Check in or out: with the scanned code, or by position at the event. */
export const attendInput = z.union([
  z.object({ code: z.string().trim().min(10, '签到码无效').max(200, '签到码无效') }),
  z.object({ eventId: id, location: point })
], { error: '请扫描签到二维码，或在活动地点定位签到' })

export const rosterPersonInput = z.object({ eventId: id, userId: id })
export const markAttendanceInput = rosterPersonInput.extend({ attended: z.boolean() })
export const confirmHoursInput = rosterPersonInput.extend({
  earnedHours: hours('信用时长').optional(),
  manualHours: hours('补录时长').optional(),
  reason: text(200, '原因').optional()
})
export const servedCountInput = z.object({ id, servedCount: z.number().int('人数必须是整数').min(0, '人数不能为负').max(1_000_000, '人数太大') })
export const appealInput = z.object({ eventId: id, reason: text(200, '申诉理由').min(4, '请写明申诉理由（至少 4 个字）') })
export const certificateInput = z.object({ number: z.string().trim().regex(/^ZZ\d{4}-\d{6}$/, '证明编号格式不对') })
export const verifyCertificateInput = certificateInput.extend({ code: z.string().trim().regex(/^[0-9A-Z]{6}$/, '校验码是 6 位字母或数字') })
export const orgReportInput = z.object({ year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'), organizerId: id.optional() })
