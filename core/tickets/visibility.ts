import type { Role, Ticket } from '../types'

/**
 * Who may see a ticket's personal data (exact point, reporter identity): its reporter, its assigned handler
 * and admins. An anonymous report hides the reporter even from the handler.
 */
export function canSeeLocation (viewer: { id: string; roles: readonly Role[] }, t: Pick<Ticket, 'reporterId' | 'assigneeId'>): boolean {
  return viewer.id === t.reporterId || viewer.id === t.assigneeId || viewer.roles.includes('admin')
}

export function canSeeReporter (viewer: { id: string; roles: readonly Role[] }, t: Pick<Ticket, 'reporterId' | 'assigneeId' | 'anonymous'>): boolean {
  if (viewer.id === t.reporterId) return true
  if (t.anonymous) return false
  return viewer.id === t.assigneeId || viewer.roles.includes('admin')
}

/** Whether the viewer may open the ticket at all (followers and the public see only the public view in lists). */
export function canOpenTicket (viewer: { id: string; roles: readonly Role[]; gridIds: readonly string[] }, t: Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId'>): boolean {
  return canSeeLocation(viewer, t) || (t.gridId !== null && viewer.roles.includes('grid_manager') && viewer.gridIds.includes(t.gridId))
}
