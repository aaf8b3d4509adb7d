import { z } from 'zod'
import { AUDIT_KIND_LABELS, type AuditKind } from './audit'
import { AREA_CODE_RE } from './indicators/areas'
import { MANAGED_ROLES } from './people'
import { ROLES } from './types'

/**
 * Inputs of the office's people, roles and moderation actions (admin.findUsers … admin.unban, tickets.hide …
 * tickets.redactPhoto). The server validates with them; the people page and the ticket page's dialogs reuse them.
 */

const id = z.string().min(1, '缺少编号').max(64, '编号太长')
const page = {
  cursor: z.string().max(512).nullish(),
  limit: z.number().int().min(1).max(100).optional()
}

/** Most grids one grant or revoke names (a manager of a whole street has a few dozen). */
export const MAX_ROLE_GRIDS = 200
export const MAX_REASON = 200

/** Every change the office makes says why: it is kept in the audit list with who and when. */
const reason = (what: string) => z.string({ error: `请写明${what}` }).trim()
  .min(2, `请写明${what}（至少 2 个字），会记入操作记录`).max(MAX_REASON, `${what}不能超过 ${MAX_REASON} 个字`)

const gridIds = z.array(id).min(1, '请至少选择一个网格').max(MAX_ROLE_GRIDS, `一次最多 ${MAX_ROLE_GRIDS} 个网格`)
const managedRole = z.enum(MANAGED_ROLES, { error: '只能授予或撤销网格员、组织者、文明办角色' })

/**
 * Find people by nickname (its start), volunteer number, phone (exactly 11 digits) or user id; with no text, every
 * person (of the role asked), by id.
 */
export const findUsersInput = z.object({
  ...page,
  q: z.string().trim().max(40, '搜索内容不能超过 40 个字').default(''),
  role: z.enum(ROLES, { error: '角色无效' }).optional()
})
export type FindUsersInput = z.infer<typeof findUsersInput>

export const grantRoleInput = z.object({
  userId: id,
  role: managedRole,
  reason: reason('授予的原因'),
  gridIds: gridIds.optional(),
  organisation: z.string().trim().min(2, '请填写组织名称（至少 2 个字）').max(40, '组织名称不能超过 40 个字').optional(),
  areaCode: z.string().regex(AREA_CODE_RE, '区域代码应为 6、9、12 或 15 位数字（留空为全市）').optional()
}).superRefine((v, ctx) => {
  if (v.role === 'grid_manager' && !v.gridIds) ctx.addIssue({ code: 'custom', message: '请选择他负责的网格', path: ['gridIds'] })
  if (v.role === 'organizer' && !v.organisation) ctx.addIssue({ code: 'custom', message: '请填写他代表的组织，例如 香樟路社区志愿服务队', path: ['organisation'] })
})
export type GrantRoleInput = z.infer<typeof grantRoleInput>

export const revokeRoleInput = z.object({
  userId: id,
  role: managedRole,
  reason: reason('撤销的原因'),
  /** grid_manager: only these grids (the role goes when none is left); without them, the role and every grid. */
  gridIds: gridIds.optional(),
  /** grid_manager: the manager who takes over the open tickets the person still holds. */
  reassignTo: id.optional()
})
export type RevokeRoleInput = z.infer<typeof revokeRoleInput>

const AUDIT_KINDS = Object.keys(AUDIT_KIND_LABELS) as [AuditKind, ...AuditKind[]]

export const auditInput = z.object({
  ...page,
  kind: z.enum(AUDIT_KINDS, { error: '记录类别无效' }).optional(),
  targetId: id.optional()
})

/** 屏蔽 / 取消屏蔽 a report (tickets.hide, tickets.unhide). */
export const hideInput = z.object({
  id,
  expectedVersion: z.number().int().min(0).optional(),
  reason: reason('原因')
})
export type HideInput = z.infer<typeof hideInput>

/** 屏蔽照片 (tickets.redactPhoto). */
export const redactPhotoInput = z.object({
  id,
  fileId: id,
  expectedVersion: z.number().int().min(0).optional(),
  reason: reason('屏蔽照片的原因')
})
export type RedactPhotoInput = z.infer<typeof redactPhotoInput>

/** 暂停上报 until a time (in the future, at most a year ahead: core/moderation.ts banRefusal). */
export const banInput = z.object({
  userId: id,
  until: z.iso.datetime({ error: '暂停到的时间格式不对' }),
  // The person is told it, with the date.
  reason: reason('暂停的原因')
})
export type BanInput = z.infer<typeof banInput>

export const unbanInput = z.object({
  userId: id,
  reason: reason('恢复的原因')
})
export type UnbanInput = z.infer<typeof unbanInput>
