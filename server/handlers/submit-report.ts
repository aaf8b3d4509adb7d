import { reportBuckets, reportRateDecision } from '../../core/limits'
import type { ReportInput } from '../../core/schemas'
import { routeReport } from '../../core/tickets/route'
import { DATUM, type Ticket, type User } from '../../core/types'
import type { TicketView } from '../../core/views'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { notifyTicketChange } from '../notices'
import { checkPhotos } from '../photo-check'
import { toTicketView } from './ticket-view'

/**
 * 信息收集 → 立案/派遣 in one step. A retry of a submit that went through returns that ticket and counts
 * nothing; a new report counts against the per-user limits, then is routed by core and stored idempotently.
 */
export async function submitReport (deps: Deps, me: User, input: ReportInput): Promise<{ ticket: TicketView; created: boolean }> {
  const earlier = await deps.store.getTicketByRequest(me.id, input.clientRequestId)
  if (earlier) return { ticket: await toTicketView(earlier, me, deps), created: false }

  const dir = await deps.directory.get()
  const category = dir.categoriesById.get(input.categoryId)
  if (!category || !category.active || category.level !== 2) throw new AppError('VALIDATION', '请选择一个具体的问题类别')
  if (input.anonymous && !category.allowAnonymous) throw new AppError('VALIDATION', `「${category.name}」类问题需要实名上报，便于核实`)

  // Text that fails the content check is refused before it counts or lands anywhere; 'review' is filed (the
  // office sees everything), since reports of illegal ads and gambling must be able to name them.
  if (await deps.contentCheck.checkText(input.description, { openid: me.openid }) === 'reject') {
    throw new AppError('VALIDATION', '问题描述中含有不文明用语，请修改后再提交')
  }

  const heldPhotos = await checkPhotos(deps, me, input.photos)

  const now = deps.clock.now()
  const buckets = reportBuckets(me.id, now)
  const [hour, day] = await Promise.all([deps.store.incrementCounter(buckets.hourKey, 1), deps.store.incrementCounter(buckets.dayKey, 1)])
  const rate = reportRateDecision(hour, day, deps.settings, buckets)
  if (!rate.ok) {
    const limit = rate.limit === 'hour' ? `每小时最多 ${deps.settings.reportsPerHour} 条` : `每天最多 ${deps.settings.reportsPerDay} 条`
    throw new AppError('RATE_LIMITED', `上报太频繁（${limit}），请稍后再试`, { retryAt: rate.retryAt })
  }

  const hit = dir.index.locate(input.location)
  const route = routeReport(hit.kind === 'grid' ? hit.grid : null, category, now)
  const id = deps.ids.next('t')
  const ticket: Ticket = {
    id,
    clientRequestId: input.clientRequestId,
    reporterId: me.id,
    anonymous: input.anonymous,
    categoryId: category.id,
    description: input.description,
    location: { lng: input.location.lng, lat: input.location.lat },
    address: input.address,
    gridId: route.gridId,
    assigneeId: route.assigneeId,
    department: route.department,
    state: route.state,
    closeReason: null,
    mergedInto: null,
    photos: input.photos,
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
  const note = route.state === 'dispatched'
    ? `已按位置派遣至${hit.kind === 'grid' ? hit.grid.name : ''}网格员（坐标系 ${DATUM}）`
    : hit.kind === 'grid' ? '所在网格暂无网格员，转文明办分拣' : '位置不在任何网格内，转文明办分拣'
  const result = await deps.store.createTicket(ticket, {
    id: deps.ids.next('te'), ticketId: id, action: 'submit', fromState: null, toState: route.state,
    actorId: me.id, actorRole: 'citizen', note, at: now
  })
  if (result.created) {
    if (heldPhotos.length) await deps.store.putPhotoReviews(heldPhotos)
    await notifyTicketChange(deps, 'submit', result.ticket, me.id)
  }
  return { ticket: await toTicketView(result.ticket, me, deps), created: result.created }
}
