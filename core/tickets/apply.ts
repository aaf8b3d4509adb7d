import type { Rating, Ticket } from '../types'
import type { TicketAction, Transition } from './workflow'

export interface TransitionInput {
  /** Who takes the step; a grid manager who accepts becomes the assignee. */
  actor?: { id: string; isManager: boolean }
  note: string
  afterPhotos: string[]
  gridId?: string
  assigneeId?: string
  mergedInto?: string
  rating?: Rating
}

const NOTE_REQUIRED: Partial<Record<TicketAction, string>> = {
  handBack: '请说明退回原因',
  rejectFix: '请说明哪里还没有解决',
  resolve: '请填写处置说明',
  refer: '请说明转办的部门和原因',
  reject: '请说明驳回原因',
  closeUnable: '请说明无法处理的原因'
}

/** What a transition needs besides permission; a Chinese message when something is missing, else null. */
export function missingInput (action: TicketAction, input: TransitionInput, ticket: Pick<Ticket, 'id'>): string | null {
  const noteMsg = NOTE_REQUIRED[action]
  if (noteMsg && input.note.trim().length === 0) return noteMsg
  if (action === 'resolve' && input.afterPhotos.length === 0) return '请至少上传一张处置后的照片'
  if (action === 'dispatch' && !input.gridId && !input.assigneeId) return '请选择派遣的网格或网格员'
  if (action === 'merge' && (!input.mergedInto || input.mergedInto === ticket.id)) return '请选择要合并到的原案卷'
  return null
}

/** May the reporter still reopen? Only within the window after closing. */
export function withinReopenWindow (closedAt: string | null, nowIso: string, windowDays: number): boolean {
  return closedAt !== null && Date.parse(nowIso) - Date.parse(closedAt) <= windowDays * 86_400_000
}

/** The fields a transition changes (besides state and version, which the caller sets). */
export function transitionPatch (t: Transition, ticket: Ticket, input: TransitionInput, now: string): Partial<Ticket> {
  const patch: Partial<Ticket> = { state: t.to, updatedAt: now }
  if (t.closeReason) {
    patch.closeReason = t.closeReason
    patch.closedAt = now
  }
  switch (t.action) {
    case 'dispatch':
      patch.gridId = input.gridId ?? ticket.gridId
      patch.assigneeId = input.assigneeId ?? null
      patch.dispatchedAt = now
      break
    case 'accept':
      patch.acceptedAt = now
      if (input.actor?.isManager) patch.assigneeId = input.actor.id
      break
    case 'handBack':
      patch.assigneeId = null
      break
    case 'resolve':
      patch.afterPhotos = [...ticket.afterPhotos, ...input.afterPhotos]
      patch.resolvedAt = now
      break
    case 'confirmFixed':
      patch.rating = input.rating ?? null
      break
    case 'rejectFix':
      patch.reworkCount = ticket.reworkCount + 1
      patch.rating = input.rating ?? ticket.rating
      break
    case 'merge':
      patch.mergedInto = input.mergedInto ?? null
      break
    case 'reopen':
      patch.reworkCount = ticket.reworkCount + 1
      patch.closeReason = null
      patch.closedAt = null
      break
    default:
      break
  }
  // Resolved or closed work is no longer late; a ticket sent back picks its flag up again from the timer.
  patch.overdue = t.to === 'resolved' || t.to === 'fixed' || t.to === 'closed' ? false : ticket.overdue
  return patch
}

/** Admins may reopen at any time; the reporter only within the window after closing. Null when allowed. */
export function reopenRefusal (roles: readonly string[], closedAt: string | null, nowIso: string, windowDays: number): string | null {
  if (roles.includes('admin') || withinReopenWindow(closedAt, nowIso, windowDays)) return null
  return `已超过 ${windowDays} 天的重新打开期限，请重新上报`
}
