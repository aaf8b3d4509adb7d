import type { ReportInput } from '../schemas'
import type { Category, Ticket, TicketEvent } from '../types'
import type { RouteDecision } from './route'

export type Reportable = { ok: true; category: Category } | { ok: false; message: string }

/** Residents report against an active second-level category, anonymously only where the category allows it. */
export function reportableCategory (category: Category | undefined, anonymous: boolean): Reportable {
  if (!category || !category.active || category.level !== 2) return { ok: false, message: '请选择一个具体的问题类别' }
  if (anonymous && !category.allowAnonymous) return { ok: false, message: `「${category.name}」类问题需要实名上报，便于核实` }
  return { ok: true, category }
}

/** The ticket a report becomes, as routing decided it (信息收集 → 立案/派遣). */
export function newTicket (id: string, input: ReportInput, reporterId: string, route: RouteDecision, now: string): Ticket {
  return {
    id,
    clientRequestId: input.clientRequestId,
    reporterId,
    anonymous: input.anonymous,
    categoryId: input.categoryId,
    description: input.description,
    location: { lng: input.location.lng, lat: input.location.lat },
    address: input.address,
    gridId: route.gridId,
    assigneeId: route.assigneeId,
    department: route.department,
    state: route.state,
    closeReason: null,
    mergedInto: null,
    photos: [...input.photos],
    afterPhotos: [],
    deadline: route.deadline,
    overdue: false,
    reworkCount: 0,
    followers: 0,
    rating: null,
    createdAt: now,
    updatedAt: now,
    dispatchedAt: route.state === 'dispatched' ? now : null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    version: 1
  }
}

/** The first line of a ticket's timeline: the resident's submit, and where routing sent it. */
export function submitEvent (eventId: string, ticket: Pick<Ticket, 'id' | 'reporterId' | 'state' | 'createdAt'>, note: string): TicketEvent {
  return {
    id: eventId, ticketId: ticket.id, action: 'submit', fromState: null, toState: ticket.state,
    actorId: ticket.reporterId, actorRole: 'citizen', note, at: ticket.createdAt
  }
}
