import { z } from 'zod'
import { TRANSITIONS, type TicketAction } from './tickets/workflow'

/** Input schemas for every action: the server validates with them, the forms reuse them. */

const id = z.string().min(1, '缺少编号').max(64, '编号太长')
const shortText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`)

export const pageInput = z.object({
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).optional()
})

export const gcjPoint = z.object({
  lng: z.number({ error: '经度必须是数字' }).finite().min(-180, '经度超出范围').max(180, '经度超出范围'),
  lat: z.number({ error: '纬度必须是数字' }).finite().min(-90, '纬度超出范围').max(90, '纬度超出范围')
})

export const idInput = z.object({ id })
export const emptyInput = z.object({})

export const MAX_REPORT_PHOTOS = 4
/** A step's note (tickets.act) and a survey's text answer: the forms count against these. */
export const MAX_NOTE = 500

export const reportInput = z.object({
  clientRequestId: z.string().min(8, '请求编号无效').max(64, '请求编号无效'),
  categoryId: id,
  description: shortText(500, '问题描述').min(2, '请简单描述一下问题（至少 2 个字）'),
  location: gcjPoint,
  address: shortText(120, '地址').default(''),
  photos: z.array(id).max(MAX_REPORT_PHOTOS, `最多上传 ${MAX_REPORT_PHOTOS} 张照片`).default([]),
  anonymous: z.boolean().default(false)
})
export type ReportInput = z.infer<typeof reportInput>

const ticketActions = TRANSITIONS.map((t) => t.action) as [TicketAction, ...TicketAction[]]

export const ticketActInput = z.object({
  id,
  // Not `action`: that key names the API action in the envelope { action, ...payload }.
  transition: z.enum(ticketActions, { error: '不支持的处理动作' }),
  expectedVersion: z.number().int().min(0).optional(),
  note: shortText(MAX_NOTE, '说明').default(''),
  afterPhotos: z.array(id).max(MAX_REPORT_PHOTOS, `最多上传 ${MAX_REPORT_PHOTOS} 张照片`).default([]),
  gridId: id.optional(),
  assigneeId: id.optional(),
  mergedInto: id.optional(),
  rating: z.enum(['satisfied', 'basic', 'unsatisfied']).optional()
})
export type TicketActInput = z.infer<typeof ticketActInput>

export const inboxInput = pageInput.extend({
  states: z.array(z.enum(['dispatched', 'accepted', 'resolved', 'rework'])).max(4).optional()
})

export const nearbyInput = z.object({
  categoryId: id,
  location: gcjPoint,
  /** How far (metres) the point may be from the meant spot: a tap on a zoomed-out map, a rough GPS fix. */
  toleranceM: z.number().finite().min(0, '位置精度无效').max(10_000, '位置精度无效').optional()
})

export const photoReviewedInput = z.object({ traceId: z.string().min(1).max(128), verdict: z.enum(['pass', 'review', 'reject']) })

export const readMessagesInput = z.object({ ids: z.array(id).max(100).optional() })

export const signupInput = z.object({ eventId: id })

/** The resident's submit (one response per person; see surveyAnswerInput). */
export { surveyAnswerInput as answerInput } from './survey-schemas'

export const statsInput = z.object({
  gridId: id.optional(),
  fromIso: z.iso.datetime().optional(),
  toIso: z.iso.datetime().optional()
})

/** The office's merge picker: candidates near the ticket, or the tickets a typed number names. */
export const mergeCandidatesInput = z.object({
  id,
  number: z.string().trim().min(1, '请输入案卷编号').max(32, '编号太长').optional()
})

/** 督办: the office urges the handler of an overdue ticket. */
export const urgeInput = z.object({
  id,
  expectedVersion: z.number().int().min(0).optional(),
  note: shortText(200, '督办说明').default('')
})
export type UrgeInput = z.infer<typeof urgeInput>

/** 缓办: the office moves the deadline to `until`, with a reason the handler and the reporter are told. */
export const deferInput = z.object({
  id,
  expectedVersion: z.number().int().min(0).optional(),
  until: z.iso.datetime({ error: '缓办到的日期格式不对' }),
  reason: shortText(200, '缓办原因').min(4, '请写明缓办原因（至少 4 个字），会告诉处理人和上报人')
})
export type DeferInput = z.infer<typeof deferInput>

export * from './volunteer/schemas'
export * from './survey-schemas'
