import type { Category, Grid, TicketState } from '../types'
import { deadlineFor } from './sla'

export interface RouteDecision {
  gridId: string | null
  assigneeId: string | null
  department: string
  state: Extract<TicketState, 'dispatched' | 'triage'>
  deadline: string
}

/** The grid manager a ticket of this grid goes to when nobody picks one: the grid's first manager. */
export function defaultAssignee (grid: Pick<Grid, 'managerIds'> | null | undefined): string | null {
  return grid?.managerIds[0] ?? null
}

/**
 * 立案+派遣 on submit: a point inside a managed grid goes to that grid's default manager; a point in no grid,
 * or a grid with no manager, waits in 文明办 triage. Nothing is dropped. The category gives department and deadline.
 */
export function routeReport (grid: Pick<Grid, 'id' | 'managerIds'> | null, category: Pick<Category, 'department' | 'timeLimitHours'>, createdAt: string): RouteDecision {
  const assigneeId = defaultAssignee(grid)
  return {
    gridId: grid?.id ?? null,
    assigneeId,
    department: category.department,
    state: assigneeId ? 'dispatched' : 'triage',
    deadline: deadlineFor(createdAt, category.timeLimitHours)
  }
}

/** Why routing sent the ticket where it went, for the first line of its timeline. */
export function routingNote (route: Pick<RouteDecision, 'state'>, grid: Pick<Grid, 'name'> | null): string {
  if (route.state === 'dispatched') return `已按位置派遣至${grid?.name ?? ''}网格员`
  return grid ? '所在网格暂无网格员，转文明办分拣' : '位置不在任何网格内，转文明办分拣'
}

export type DispatchTarget =
  | { ok: true; gridId: string; assigneeId: string }
  | { ok: false; code: 'VALIDATION'; message: string }

/**
 * Where an office dispatch sends a ticket. The assignee is the one named, else the grid's default manager; the
 * assignee must be a grid manager who manages the grid named (or, with no grid named, the ticket goes to the
 * assignee's own first grid — a grid manager with no grid could never see it in an inbox).
 */
export function dispatchTarget (
  grid: Pick<Grid, 'id' | 'managerIds'> | null,
  assignee: { id: string; roles: readonly string[]; gridIds: readonly string[] } | null,
  named: { assigneeId?: string }
): DispatchTarget {
  const assigneeId = named.assigneeId ?? defaultAssignee(grid)
  if (!assigneeId) return { ok: false, code: 'VALIDATION', message: '该网格暂无网格员，请指定处理人' }
  if (!assignee || assignee.id !== assigneeId || !assignee.roles.includes('grid_manager')) {
    return { ok: false, code: 'VALIDATION', message: '处理人必须是网格员' }
  }
  if (grid) {
    const manages = grid.managerIds.includes(assignee.id) || assignee.gridIds.includes(grid.id)
    if (!manages) return { ok: false, code: 'VALIDATION', message: '处理人不是该网格的网格员，请另选网格或处理人' }
    return { ok: true, gridId: grid.id, assigneeId }
  }
  const own = assignee.gridIds[0]
  if (!own) return { ok: false, code: 'VALIDATION', message: '该网格员还没有负责的网格，请另选处理人' }
  return { ok: true, gridId: own, assigneeId }
}
