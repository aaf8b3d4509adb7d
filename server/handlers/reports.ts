import { duplicateSearchRadiusM, featuresWithin, ringsBbox } from '../../core/routing'
import { bboxAround, duplicateCandidates } from '../../core/tickets/duplicates'
import { emptyInput, gcjPoint, idInput, nearbyInput, pageInput, photoReviewedInput, reportInput } from '../../core/schemas'
import { statesOfKind } from '../../core/tickets/workflow'
import { shownTo } from '../../core/moderation'
import type { Message } from '../../core/types'
import { AppError } from '../errors'
import { pushMessages } from '../notices'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'
import { submitReport } from './submit-report'
import { YUHUA_MAP_FEATURES } from '../seed/map-features'
import { toTicketViews } from './ticket-view'

const anyResident = { roles: ['citizen', 'volunteer', 'organizer', 'grid_manager', 'admin'] } as const

export const reportsActions: ActionsOf<'reports'> = {
  categories: action({
    input: emptyInput,
    access: 'public',
    async run ({ deps }) {
      const dir = await deps.directory.get()
      return dir.categories.filter((c) => c.active)
    }
  }),

  gridMap: action({
    input: emptyInput,
    access: 'public',
    async run ({ deps }) {
      const dir = await deps.directory.get()
      const grids = dir.grids.map(({ id, code, name, polygon }) => ({ id, code, name, polygon }))
      // Roads and places only for the city the grids are in (the demo city's data set: seed/map-features.ts).
      const box = ringsBbox(grids.map((g) => g.polygon))
      return { grids, ...(box ? featuresWithin(YUHUA_MAP_FEATURES, box) : { roads: [], places: [] }) }
    }
  }),

  locate: action({
    input: gcjPoint,
    access: 'signedIn',
    async run ({ deps }, point) {
      const dir = await deps.directory.get()
      const hit = dir.index.locate(point)
      if (hit.kind === 'none') return { grid: null, managerNames: [], handledBy: 'triage' as const }
      const managers = await Promise.all(hit.grid.managerIds.map((id) => deps.store.getUser(id)))
      const managerNames = managers.flatMap((m) => (m ? [m.nickname] : []))
      const { id, code, name } = hit.grid
      return { grid: { id, code, name }, managerNames, handledBy: managerNames.length ? 'grid' as const : 'triage' as const }
    }
  }),

  submit: action({
    input: reportInput,
    access: anyResident,
    run: ({ deps, user }, input) => submitReport(deps, requireUser(user), input)
  }),

  mine: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listTickets({ ...q, reporterId: me.id })
      return { items: await toTicketViews(page.items, me, deps), next: page.next }
    }
  }),

  nearby: action({
    input: nearbyInput,
    access: 'signedIn',
    async run ({ deps, user }, { categoryId, location, toleranceM }) {
      const me = requireUser(user)
      const dir = await deps.directory.get()
      const category = dir.categoriesById.get(categoryId)
      if (!category) throw new AppError('VALIDATION', '请选择一个具体的问题类别')
      // A point tapped on a zoomed-out map (or from a rough GPS fix) is only known to within toleranceM.
      const radiusM = duplicateSearchRadiusM(category.duplicateRadiusM, toleranceM)
      const page = await deps.store.listTickets({ categoryId, within: bboxAround(location, radiusM), states: statesOfKind('open'), limit: 100 })
      // A report the office hid is nobody's to follow but its own people's (core/moderation.ts).
      const found = duplicateCandidates(page.items.filter((t) => shownTo(me, t)), location, { id: category.id, duplicateRadiusM: radiusM }, deps.clock.now()).slice(0, 5)
      return Promise.all(found.map(async ({ ticket: t, distanceM }) => ({
        id: t.id,
        categoryName: category.name,
        description: t.description,
        gridName: t.gridId ? dir.gridsById.get(t.gridId)?.name ?? null : null,
        state: t.state,
        createdAt: t.createdAt,
        followers: t.followers,
        distanceM: Math.round(distanceM),
        following: await deps.store.isFollowing(t.id, me.id),
        mine: t.reporterId === me.id
      })))
    }
  }),

  follow: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const ticket = await deps.store.getTicket(id)
      if (!ticket || !shownTo(me, ticket)) throw new AppError('NOT_FOUND', '要关注的上报不存在或已不公开显示')
      if (ticket.reporterId === me.id) throw new AppError('CONFLICT', '这是你自己的上报，进展会直接通知你')
      await deps.store.follow(id, me.id, deps.clock.now())
      const after = await deps.store.getTicket(id)
      return { followers: after?.followers ?? ticket.followers, following: true as const }
    }
  }),

  followed: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listFollowed(me.id, q)
      return { items: await toTicketViews(page.items.filter((t) => shownTo(me, t)), me, deps), next: page.next }
    }
  }),

  /** WeChat's verdict on a photo (the wxa_media_check push): publish it, or keep it hidden and tell its uploader. */
  photoReviewed: action({
    input: photoReviewedInput,
    access: 'system',
    async run ({ deps }, { traceId, verdict }) {
      if (verdict === 'review') return { settled: false } // WeChat wants a person to look: it stays pending for the office
      const review = await deps.store.settlePhotoReview(traceId, verdict === 'pass' ? 'passed' : 'rejected', deps.clock.now())
      if (review?.status === 'rejected') {
        const message: Message = {
          id: deps.ids.next('m'), userId: review.ownerId, ticketId: null, read: false, at: deps.clock.now(),
          title: '照片未通过审核', body: '你上传的一张照片未通过内容安全审核，其他人看不到它，可删除后重新上传'
        }
        await deps.store.addMessage(message)
        await pushMessages(deps, [message])
      }
      return { settled: review !== null }
    }
  })
}
