/**
 * The office's record of what changed and why: every role granted or revoked, every moderation step, every change to
 * settings, categories and grids, every desktop sign-in. Written in the same unit as the change where the store can.
 */

export type AuditKind = 'role' | 'moderation' | 'settings' | 'category' | 'grid' | 'signin'

export interface AuditEntry {
  id: string
  at: string
  kind: AuditKind
  /** What happened, a stable code ('grant', 'revoke', 'hide', 'ban', 'save', 'import', 'restore' …). */
  action: string
  actorId: string
  /** What it happened to: a user, a ticket, a category code, a grid version, 'settings'. */
  targetId: string
  /** The reason the person gave (may be '' where none is asked). */
  reason: string
  /** A short summary for the list, in Chinese (e.g. 授予 网格员（3 个网格）). */
  summary: string
  before?: unknown
  after?: unknown
}

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  role: '角色', moderation: '内容管理', settings: '设置', category: '分类', grid: '网格', signin: '登录'
}
