import { urgeRefusal } from '../../core/tickets/urge'
import { availableActions, decideInPlace } from '../../core/tickets/workflow'
import { canSeeLocation, canSeeReporter, visiblePhotos } from '../../core/tickets/visibility'
import { redactedFor, unredacted } from '../../core/moderation'
import type { Ticket, User } from '../../core/types'
import type { TicketView } from '../../core/views'
import type { Deps } from '../deps'

/** Ticket views for one viewer: personal data only where core's visibility rules allow it. */
export async function toTicketViews (tickets: Ticket[], viewer: User, deps: Deps): Promise<TicketView[]> {
  const dir = await deps.directory.get()
  const reporterIds = [...new Set(tickets.filter((t) => canSeeReporter(viewer, t)).map((t) => t.reporterId))]
  const reporters = new Map<string, User | null>()
  await Promise.all(reporterIds.map(async (id) => { reporters.set(id, await deps.store.getUser(id)) }))
  const allPhotos = [...new Set(tickets.flatMap((t) => [...t.photos, ...t.afterPhotos]))]
  const reviews = new Map((await deps.store.getPhotoReviews(allPhotos)).map((r) => [r.fileId, r]))
  const now = deps.clock.now()
  return tickets.map((t) => {
    const { clientRequestId: _omit, ...rest } = t
    const showReporter = canSeeReporter(viewer, t)
    // A redacted photo is the office's alone (it sees it marked 已屏蔽); a photo under review, its uploader's.
    const before = visiblePhotos(viewer.id, unredacted(viewer, t.photos, t), reviews)
    const after = visiblePhotos(viewer.id, unredacted(viewer, t.afterPhotos, t), reviews)
    return {
      ...rest,
      photos: before.ids,
      afterPhotos: after.ids,
      photoStatus: { ...before.status, ...after.status },
      reporterId: showReporter ? t.reporterId : null,
      reporterName: showReporter ? reporters.get(t.reporterId)?.nickname ?? null : null,
      location: canSeeLocation(viewer, t) ? t.location : null,
      address: canSeeLocation(viewer, t) ? t.address : '',
      categoryName: dir.categoriesById.get(t.categoryId)?.name ?? '未知类别',
      gridName: t.gridId ? dir.gridsById.get(t.gridId)?.name ?? null : null,
      actions: availableActions(viewer, t),
      mayUrge: decideInPlace('urge', viewer, t).ok && urgeRefusal(t, now) === null,
      mayDefer: decideInPlace('defer', viewer, t).ok && !t.deferral,
      redactedPhotos: redactedFor(viewer, t),
      mayModerate: decideInPlace('hide', viewer, t).ok
    }
  })
}

export async function toTicketView (ticket: Ticket, viewer: User, deps: Deps): Promise<TicketView> {
  return (await toTicketViews([ticket], viewer, deps))[0]
}
