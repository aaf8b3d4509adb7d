import type { CloseReason, Role, Ticket, TicketState } from '../types'

/**
 * The 数字城管 workflow as data. 信息收集 is the report itself; routing does 立案+派遣 when the point falls in a
 * managed grid, otherwise the ticket waits in admin triage. Every transition names who may take it.
 */

export type StateKind = 'open' | 'closed' | 'fixed'

export const STATE_KIND: Record<TicketState, StateKind> = {
  triage: 'open',
  dispatched: 'open',
  accepted: 'open',
  resolved: 'open',
  rework: 'open',
  fixed: 'fixed',
  closed: 'closed'
}

export const STATE_LABELS: Record<TicketState, string> = {
  triage: '待分拣',
  dispatched: '已派遣',
  accepted: '处置中',
  resolved: '待核查',
  rework: '返工',
  fixed: '已解决',
  closed: '已关闭'
}

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  fixed: '已解决',
  duplicate: '重复上报',
  referred: '非本部门职责（已转办）',
  unable: '无法处理',
  invalid: '无效或虚假信息'
}

/**
 * Who acts, relative to the ticket: its reporter; its handler (the grid manager it is assigned to, or any manager of
 * its grid — a grid may have several, and whoever accepts becomes the assignee); an admin; or the timer.
 */
export type Actor = 'reporter' | 'assignee' | 'admin' | 'system'

export type TicketAction =
  | 'dispatch'
  | 'accept'
  | 'handBack'
  | 'resolve'
  | 'confirmFixed'
  | 'rejectFix'
  | 'autoClose'
  | 'merge'
  | 'refer'
  | 'reject'
  | 'closeUnable'
  | 'reopen'

export interface Transition {
  action: TicketAction
  /** 数字城管 step the transition belongs to. */
  step: '立案' | '派遣' | '处置' | '反馈' | '核查' | '结案' | '返工' | '分拣'
  label: string
  from: readonly TicketState[]
  to: TicketState
  by: readonly Actor[]
  closeReason?: CloseReason
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'dispatch', step: '派遣', label: '派遣', from: ['triage'], to: 'dispatched', by: ['admin'] },
  { action: 'accept', step: '立案', label: '受理', from: ['dispatched'], to: 'accepted', by: ['assignee', 'admin'] },
  { action: 'handBack', step: '分拣', label: '退回文明办', from: ['dispatched', 'accepted'], to: 'triage', by: ['assignee'] },
  { action: 'resolve', step: '处置', label: '处置完成', from: ['accepted', 'rework'], to: 'resolved', by: ['assignee', 'admin'] },
  { action: 'confirmFixed', step: '核查', label: '确认已解决', from: ['resolved'], to: 'fixed', by: ['reporter', 'admin'], closeReason: 'fixed' },
  { action: 'rejectFix', step: '返工', label: '未解决，返工', from: ['resolved'], to: 'rework', by: ['reporter', 'admin'] },
  { action: 'autoClose', step: '结案', label: '核查期满自动结案', from: ['resolved'], to: 'fixed', by: ['system'], closeReason: 'fixed' },
  { action: 'merge', step: '分拣', label: '合并为重复', from: ['triage', 'dispatched', 'accepted'], to: 'closed', by: ['admin'], closeReason: 'duplicate' },
  { action: 'refer', step: '分拣', label: '转其他部门', from: ['triage', 'dispatched'], to: 'closed', by: ['admin'], closeReason: 'referred' },
  { action: 'reject', step: '分拣', label: '驳回（无效）', from: ['triage', 'dispatched'], to: 'closed', by: ['admin'], closeReason: 'invalid' },
  { action: 'closeUnable', step: '结案', label: '无法处理，结案', from: ['accepted', 'rework'], to: 'closed', by: ['admin'], closeReason: 'unable' },
  { action: 'reopen', step: '返工', label: '重新打开', from: ['fixed'], to: 'rework', by: ['reporter', 'admin'] }
]

export function stateKind (state: TicketState): StateKind {
  return STATE_KIND[state]
}

export function statesOfKind (kind: StateKind): TicketState[] {
  return (Object.keys(STATE_KIND) as TicketState[]).filter((s) => STATE_KIND[s] === kind)
}

export function transitionFor (action: TicketAction): Transition {
  const t = TRANSITIONS.find((x) => x.action === action)
  if (!t) throw new Error(`unknown ticket action ${action}`)
  return t
}

/** The relations a user has to a ticket, from their roles and ids. */
export interface ActingUser {
  id: string
  roles: readonly Role[]
  gridIds?: readonly string[]
}

export function isHandler (user: ActingUser, ticket: Pick<Ticket, 'assigneeId' | 'gridId'>): boolean {
  if (!user.roles.includes('grid_manager')) return false
  return ticket.assigneeId === user.id || (ticket.gridId !== null && (user.gridIds ?? []).includes(ticket.gridId))
}

export function actorsFor (user: ActingUser | 'system', ticket: Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId'>): Actor[] {
  if (user === 'system') return ['system']
  const actors: Actor[] = []
  if (ticket.reporterId === user.id) actors.push('reporter')
  if (isHandler(user, ticket)) actors.push('assignee')
  if (user.roles.includes('admin')) actors.push('admin')
  return actors
}

export type Decision =
  | { ok: true; transition: Transition }
  | { ok: false; reason: 'FORBIDDEN' | 'CONFLICT' }

/** May this user take this action on this ticket now? Deny by default. */
export function decide (
  action: TicketAction,
  user: ActingUser | 'system',
  ticket: Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId' | 'state'>
): Decision {
  const t = transitionFor(action)
  const actors = actorsFor(user, ticket)
  if (!t.by.some((a) => actors.includes(a))) return { ok: false, reason: 'FORBIDDEN' }
  if (!t.from.includes(ticket.state)) return { ok: false, reason: 'CONFLICT' }
  return { ok: true, transition: t }
}

/** Actions this user could take on this ticket as it stands (for showing buttons). */
export function availableActions (
  user: ActingUser,
  ticket: Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId' | 'state'>
): TicketAction[] {
  return TRANSITIONS.filter((t) => decide(t.action, user, ticket).ok).map((t) => t.action)
}

/**
 * Steps that leave the state as it is and are recorded in the timeline: the timer's overdue flag, and the office's
 * 督办 (urging the handler of an overdue ticket). Part of the table so that who may take them is data too.
 */
export type InPlaceAction = 'markOverdue' | 'urge' | 'defer' | 'reassign' | 'hide' | 'unhide' | 'redactPhoto'

export interface InPlaceStep {
  action: InPlaceAction
  step: '督办' | '缓办' | '派遣' | '屏蔽'
  label: string
  from: readonly TicketState[]
  by: readonly Actor[]
}

const ALL_STATES = Object.keys(STATE_KIND) as TicketState[]

export const IN_PLACE_STEPS: readonly InPlaceStep[] = [
  { action: 'markOverdue', step: '督办', label: '超期提醒', from: ['triage', 'dispatched', 'accepted', 'rework'], by: ['system'] },
  // Urging needs a handler to urge: a ticket in triage is the office's own work.
  { action: 'urge', step: '督办', label: '文明办督办', from: ['dispatched', 'accepted', 'rework'], by: ['admin'] },
  // 缓办: the office approves more time, with a reason (a job that waits for funds, a season, another department).
  { action: 'defer', step: '缓办', label: '批准缓办', from: ['dispatched', 'accepted', 'rework'], by: ['admin'] },
  // 改派: the office moves a handler's open tickets to another grid manager (when it revokes the first one's role).
  { action: 'reassign', step: '派遣', label: '文明办改派', from: ['dispatched', 'accepted', 'rework', 'resolved'], by: ['admin'] },
  // Moderation (core/moderation.ts): in any state, a closed report may be the one that offends.
  { action: 'hide', step: '屏蔽', label: '不公开显示', from: ALL_STATES, by: ['admin'] },
  { action: 'unhide', step: '屏蔽', label: '恢复公开显示', from: ALL_STATES, by: ['admin'] },
  { action: 'redactPhoto', step: '屏蔽', label: '屏蔽照片', from: ALL_STATES, by: ['admin'] }
]

export function inPlaceStepFor (action: InPlaceAction): InPlaceStep {
  const s = IN_PLACE_STEPS.find((x) => x.action === action)
  if (!s) throw new Error(`unknown in-place step ${action}`)
  return s
}

/** May this user take this in-place step on this ticket now? Deny by default, like decide(). */
export function decideInPlace (
  action: InPlaceAction,
  user: ActingUser | 'system',
  ticket: Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId' | 'state'>
): { ok: true; step: InPlaceStep } | { ok: false; reason: 'FORBIDDEN' | 'CONFLICT' } {
  const s = inPlaceStepFor(action)
  const actors = actorsFor(user, ticket)
  if (!s.by.some((a) => actors.includes(a))) return { ok: false, reason: 'FORBIDDEN' }
  if (!s.from.includes(ticket.state)) return { ok: false, reason: 'CONFLICT' }
  return { ok: true, step: s }
}
