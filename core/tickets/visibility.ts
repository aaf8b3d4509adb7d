import type { PhotoReview, PhotoReviewStatus, Ticket, TicketEvent } from '../types'
import { isHandler, type ActingUser } from './workflow'

type Parties = Pick<Ticket, 'reporterId' | 'assigneeId' | 'gridId'>

/**
 * Who may see a ticket's personal data (exact point, reporter identity): its reporter, its handler (see
 * isHandler) and admins. An anonymous report hides the reporter even from the handler.
 */
export function canSeeLocation (viewer: ActingUser, t: Parties): boolean {
  return viewer.id === t.reporterId || isHandler(viewer, t) || viewer.roles.includes('admin')
}

export function canSeeReporter (viewer: ActingUser, t: Parties & Pick<Ticket, 'anonymous'>): boolean {
  if (viewer.id === t.reporterId) return true
  if (t.anonymous) return false
  return isHandler(viewer, t) || viewer.roles.includes('admin')
}

/** Whether the viewer may open the ticket at all (a follower, checked by the handler, sees the public view). */
export function canOpenTicket (viewer: ActingUser, t: Parties): boolean {
  return canSeeLocation(viewer, t)
}

/** The timeline as this viewer may see it: where the reporter is hidden, so is their id on the steps they took. */
export function timelineFor<E extends Pick<TicketEvent, 'actorId'>> (events: readonly E[], viewer: ActingUser, t: Parties & Pick<Ticket, 'anonymous'>): E[] {
  if (canSeeReporter(viewer, t)) return [...events]
  return events.map((e) => (e.actorId === t.reporterId ? { ...e, actorId: '' } : e))
}

/**
 * Photos this viewer may see: passed ones (or never reviewed) for everyone; a pending or rejected one only for the
 * person who uploaded it. Returns the visible ids with the status of any not yet passed (to badge them).
 */
export function visiblePhotos (viewerId: string, photos: readonly string[], reviews: ReadonlyMap<string, PhotoReview>): { ids: string[]; status: Record<string, PhotoReviewStatus> } {
  const ids: string[] = []
  const status: Record<string, PhotoReviewStatus> = {}
  for (const id of photos) {
    const r = reviews.get(id)
    if (!r || r.status === 'passed') ids.push(id)
    else if (r.ownerId === viewerId) {
      ids.push(id)
      status[id] = r.status
    }
  }
  return { ids, status }
}

/** A content-check verdict as a photo's review status: WeChat answers images later, so 'review' is pending. */
export function reviewStatusOf (verdict: 'pass' | 'review' | 'reject'): PhotoReviewStatus {
  return verdict === 'pass' ? 'passed' : verdict === 'review' ? 'pending' : 'rejected'
}
