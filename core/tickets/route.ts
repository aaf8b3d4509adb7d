import type { Category, Grid, TicketState } from '../types'
import { deadlineFor } from './sla'

export interface RouteDecision {
  gridId: string | null
  assigneeId: string | null
  department: string
  state: Extract<TicketState, 'dispatched' | 'triage'>
  deadline: string
}

/**
 * 立案+派遣 on submit: a point inside a managed grid goes to that grid's first manager; a point in no grid,
 * or a grid with no manager, waits in 文明办 triage. Nothing is dropped. The category gives department and deadline.
 */
export function routeReport (grid: Pick<Grid, 'id' | 'managerIds'> | null, category: Pick<Category, 'department' | 'timeLimitHours'>, createdAt: string): RouteDecision {
  const assigneeId = grid?.managerIds[0] ?? null
  return {
    gridId: grid?.id ?? null,
    assigneeId,
    department: category.department,
    state: assigneeId ? 'dispatched' : 'triage',
    deadline: deadlineFor(createdAt, category.timeLimitHours)
  }
}
