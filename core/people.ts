import type { AuditEntry } from './audit'
import type { Step } from './tickets/step'
import { inPlaceStepFor, stateKind } from './tickets/workflow'
import { ROLE_LABELS, type Grid, type ReportBan, type Role, type Ticket, type User } from './types'

/**
 * People and roles in the office's console: which roles the office grants and revokes, what each grant carries
 * (a grid manager's grids, an organizer's organisation, an admin's area), and when a revoke must wait. Pure rules;
 * server/handlers/admin-people.ts reads, asks these, and writes the user, the grids' managers and the audit entry
 * as one unit (store changeUser).
 *
 * 居民 and 志愿者 are not the office's to give: everyone signed in is a resident, and a volunteer registers with
 * their real name and gets a volunteer number (volunteer.register) — a role without that record would be a
 * volunteer nobody can certify.
 */
export const MANAGED_ROLES = ['grid_manager', 'organizer', 'admin'] as const satisfies readonly Role[]
export type ManagedRole = (typeof MANAGED_ROLES)[number]

/** The facts of a user a role change touches: what the audit entry records before and after. */
export type RoleFacts = Pick<User, 'roles' | 'gridIds'> & { organisation: string | null; areaCode: string | null }

export function roleFacts (u: User): RoleFacts {
  return { roles: [...u.roles], gridIds: [...u.gridIds], organisation: u.organisation ?? null, areaCode: u.areaCode ?? null }
}

export interface RolePlan {
  after: User
  /** Grids whose managerIds gain or lose this user (Grid.managerIds mirrors User.gridIds). */
  managerOf: { add: string[]; remove: string[] }
  /** A short line for the audit list, e.g. 授予 网格员（2 个网格：东塘01网格、东塘02网格）. */
  summary: string
}

export type Planned = { ok: true; plan: RolePlan } | { ok: false; code: 'CONFLICT' | 'FORBIDDEN'; message: string }

export interface GrantInput {
  role: ManagedRole
  gridIds?: readonly string[]
  organisation?: string
  areaCode?: string
}

export interface RevokeInput {
  role: ManagedRole
  /** grid_manager only: the grids to take away; without them, the role and every grid. */
  gridIds?: readonly string[]
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)]
const withRole = (roles: readonly Role[], role: Role): Role[] => (roles.includes(role) ? [...roles] : [...roles, role])
const withoutRole = (roles: readonly Role[], role: Role): Role[] => roles.filter((r) => r !== role)

/** 3 个网格：东塘01网格、东塘02网格、东塘03网格 (at most three names, then 等). */
function gridsText (ids: readonly string[], nameOf: (id: string) => string | undefined): string {
  const names = ids.map((id) => nameOf(id) ?? id)
  return `${ids.length} 个网格：${names.slice(0, 3).join('、')}${names.length > 3 ? ' 等' : ''}`
}

export const areaText = (areaCode: string | null | undefined): string => (areaCode ? `区域 ${areaCode}` : '全市')

/** What granting this role changes; CONFLICT when the person holds it with all of it already. */
export function planGrant (user: User, g: GrantInput, nameOf: (gridId: string) => string | undefined): Planned {
  const label = ROLE_LABELS[g.role]
  const has = user.roles.includes(g.role)
  switch (g.role) {
    case 'grid_manager': {
      const asked = unique(g.gridIds ?? [])
      if (asked.length === 0) return { ok: false, code: 'CONFLICT', message: '请选择他负责的网格' }
      // A stale grid list on someone who is not a manager (never routed to) is replaced, not extended.
      const held = has ? user.gridIds : []
      const add = asked.filter((id) => !held.includes(id))
      if (add.length === 0) return { ok: false, code: 'CONFLICT', message: `${user.nickname}已经是这些网格的网格员` }
      const gridIds = unique([...held, ...add])
      const remove = has ? [] : user.gridIds.filter((id) => !gridIds.includes(id))
      return {
        ok: true,
        plan: {
          after: { ...user, roles: withRole(user.roles, 'grid_manager'), gridIds },
          managerOf: { add, remove },
          summary: has ? `增加负责的网格（${gridsText(add, nameOf)}）` : `授予 ${label}（${gridsText(add, nameOf)}）`
        }
      }
    }
    case 'organizer': {
      const organisation = (g.organisation ?? '').trim()
      if (!organisation) return { ok: false, code: 'CONFLICT', message: '请填写他代表的组织' }
      if (has && user.organisation === organisation) return { ok: false, code: 'CONFLICT', message: `${user.nickname}已经是「${organisation}」的组织者` }
      return {
        ok: true,
        plan: {
          after: { ...user, roles: withRole(user.roles, 'organizer'), organisation },
          managerOf: { add: [], remove: [] },
          summary: has ? `组织者的组织改为「${organisation}」` : `授予 ${label}（${organisation}）`
        }
      }
    }
    case 'admin': {
      const areaCode = g.areaCode ?? ''
      if (has && (user.areaCode ?? '') === areaCode) return { ok: false, code: 'CONFLICT', message: `${user.nickname}已经是${areaText(areaCode)}的文明办人员` }
      return {
        ok: true,
        plan: {
          after: { ...user, roles: withRole(user.roles, 'admin'), areaCode },
          managerOf: { add: [], remove: [] },
          summary: has ? `文明办的负责区域改为${areaText(areaCode)}` : `授予 ${label}（${areaText(areaCode)}）`
        }
      }
    }
  }
}

/**
 * The open tickets a grid manager holds that a revoke would strand: assigned to them, not closed, and — when only
 * some grids are taken away — in those grids. (A ticket in triage has no handler yet.)
 */
export function heldTickets<T extends Pick<Ticket, 'assigneeId' | 'state' | 'gridId'>> (tickets: readonly T[], userId: string, grids: readonly string[] | 'all'): T[] {
  return tickets.filter((t) => t.assigneeId === userId && stateKind(t.state) === 'open' && t.state !== 'triage' &&
    (grids === 'all' || (t.gridId !== null && grids.includes(t.gridId))))
}

/** What the office reads when a revoke would strand tickets, and what to do about it. */
export function heldRefusal (user: Pick<User, 'nickname'>, count: number): string {
  return `${user.nickname}还有 ${count} 件未办结的案卷。请先选一位接手的网格员（这些案卷会改派给他），或等这些案卷办结后再撤销`
}

/** Why this ticket cannot be moved to `to` now (a sentence), or null: the receiver must be another grid manager. */
export function reassignRefusal (t: Pick<Ticket, 'state' | 'assigneeId'>, to: Pick<User, 'id' | 'roles' | 'nickname'>): string | null {
  if (!to.roles.includes('grid_manager')) return `${to.nickname}不是网格员，不能接手案卷`
  if (t.assigneeId === to.id) return `案卷已经在${to.nickname}手中`
  if (!inPlaceStepFor('reassign').from.includes(t.state)) return '案卷不在办理中，不需要改派'
  return null
}

/** 改派 as a step: the state stays, the ticket changes hands; the timeline says to whom and why. */
export function reassignStep (t: Pick<Ticket, 'id' | 'state'>, who: { id: string }, to: Pick<User, 'id' | 'nickname'>, eventId: string, now: string, reason: string): Step {
  return {
    patch: { assigneeId: to.id, updatedAt: now },
    event: { id: eventId, ticketId: t.id, action: 'reassign', fromState: t.state, toState: t.state, actorId: who.id, actorRole: 'admin', note: `改派给${to.nickname}：${reason}`, at: now }
  }
}

/** What revoking this role changes; CONFLICT when it is not held, FORBIDDEN for an admin's own admin role. */
export function planRevoke (user: User, r: RevokeInput, actorId: string, nameOf: (gridId: string) => string | undefined): Planned {
  const label = ROLE_LABELS[r.role]
  if (!user.roles.includes(r.role)) return { ok: false, code: 'CONFLICT', message: `${user.nickname}没有${label}角色` }
  switch (r.role) {
    case 'grid_manager': {
      const asked = r.gridIds ? unique(r.gridIds) : [...user.gridIds]
      const foreign = asked.filter((id) => !user.gridIds.includes(id))
      if (foreign.length > 0) return { ok: false, code: 'CONFLICT', message: `${user.nickname}不负责${foreign.map((id) => nameOf(id) ?? id).join('、')}` }
      const gridIds = user.gridIds.filter((id) => !asked.includes(id))
      const all = gridIds.length === 0
      return {
        ok: true,
        plan: {
          after: { ...user, roles: all ? withoutRole(user.roles, 'grid_manager') : [...user.roles], gridIds },
          managerOf: { add: [], remove: asked },
          summary: all ? `撤销 ${label}${asked.length ? `（${gridsText(asked, nameOf)}）` : ''}` : `减少负责的网格（${gridsText(asked, nameOf)}）`
        }
      }
    }
    case 'organizer':
      return { ok: true, plan: { after: { ...user, roles: withoutRole(user.roles, 'organizer'), organisation: null }, managerOf: { add: [], remove: [] }, summary: `撤销 ${label}${user.organisation ? `（${user.organisation}）` : ''}` } }
    case 'admin':
      if (user.id === actorId) return { ok: false, code: 'FORBIDDEN', message: '不能撤销自己的文明办角色；如确需撤销，请另一位文明办人员操作' }
      return { ok: true, plan: { after: { ...user, roles: withoutRole(user.roles, 'admin'), areaCode: null }, managerOf: { add: [], remove: [] }, summary: `撤销 ${label}（${areaText(user.areaCode)}）` } }
  }
}

/** The audit entry of a role change (kind 'role'), with the facts before and after. */
export function roleAudit (o: { id: string; at: string; actorId: string; action: 'grant' | 'revoke'; before: User; plan: RolePlan; reason: string }): AuditEntry {
  return {
    id: o.id, at: o.at, kind: 'role', action: o.action, actorId: o.actorId, targetId: o.before.id, reason: o.reason,
    summary: o.plan.summary, before: roleFacts(o.before), after: roleFacts(o.plan.after)
  }
}

/** A person as the office's console shows them: roles and what they carry, contact, and whether reporting is paused. */
export interface PersonView {
  id: string
  nickname: string
  roles: Role[]
  gridIds: string[]
  grids: Array<Pick<Grid, 'id' | 'code' | 'name'>>
  organisation: string | null
  areaCode: string | null
  /** The office may see personal data (DOMAIN "Anonymity and privacy"); the page masks it in lists. */
  phone: string | null
  realName: string | null
  volunteerNo: string | null
  homeGridName: string | null
  /** The ban in force now, if any. */
  reportBan: ReportBan | null
  /** A grid manager's open tickets (what a revoke would have to reassign); null for others. */
  openTickets: number | null
  createdAt: string
}

/** One audit entry as the office's list shows it: with the name of whoever did it. */
export interface AuditItemView extends AuditEntry {
  actorName: string | null
}
