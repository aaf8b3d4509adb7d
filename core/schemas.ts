import { z } from 'zod'
import { TRANSITIONS, type TicketAction } from './tickets/workflow'
import { AREA_CODE_RE } from './indicators/areas'
import { daysBetween, isDayKey } from './indicators/period'

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

const dayKey = z.string().refine(isDayKey, '日期格式应为 YYYY-MM-DD')
const areaCode = z.string().regex(AREA_CODE_RE, '区域代码应为 6、9、12 或 15 位数字（留空为全市）')
/** Longest window an indicator read spans: ten years of days. */
export const MAX_STATS_DAYS = 3_660

/** A window of China days, from..to both counted. */
const dayWindow = <T extends { fromDay?: string; toDay?: string }>(v: T) =>
  !v.fromDay || !v.toDay || (v.fromDay <= v.toDay && daysBetween(v.fromDay, v.toDay) <= MAX_STATS_DAYS)
const windowMessage = { message: `结束日期不能早于开始日期，且时段不超过 ${MAX_STATS_DAYS} 天`, path: ['toDay'] }

/**
 * The campaign's numbers for one area and window. The area is a grid-code prefix (areaCode) or one grid (gridId);
 * the window is China days (fromDay..toDay), or — as 首页 has always asked — instants (fromIso/toIso) read as their
 * China days. Without a window: from the first day to today.
 */
export const statsInput = z.object({
  gridId: id.optional(),
  areaCode: areaCode.optional(),
  fromDay: dayKey.optional(),
  toDay: dayKey.optional(),
  fromIso: z.iso.datetime().optional(),
  toIso: z.iso.datetime().optional()
}).refine(dayWindow, windowMessage)

/** Every indicator for the areas one level below `areaCode` ('' = the city's districts). */
export const statsTableInput = z.object({
  areaCode: areaCode.default(''),
  fromDay: dayKey,
  toDay: dayKey
}).refine(dayWindow, windowMessage)

/** Most points a trend draws. */
export const MAX_TREND_POINTS = 92

export const statsTrendInput = z.object({
  areaCode: areaCode.default(''),
  grain: z.enum(['day', 'week', 'month', 'quarter', 'year'], '时段粒度应为日、周、月、季或年'),
  fromDay: dayKey,
  toDay: dayKey
}).refine(dayWindow, windowMessage)

export const statsExportInput = z.object({
  areaCode: areaCode.default(''),
  fromDay: dayKey,
  toDay: dayKey,
  format: z.enum(['xlsx', 'csv'], '导出格式应为 xlsx 或 csv').default('xlsx')
}).refine(dayWindow, windowMessage)

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
export * from './admin-schemas'
export * from './grid-schemas'
export { categoryInput } from './categories'
export { saveSettingsInput, settingsSchema } from './settings-schema'

/** The office issues an Open311 API key to a partner system it names (admin.createOpen311Key). */
export const open311KeyInput = z.object({
  name: shortText(40, '对接系统名称').min(2, '请填写对接系统的名称（至少 2 个字），例如 区12345热线')
})
