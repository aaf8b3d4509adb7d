import { reportBuckets, reportRateDecision } from '../../core/limits'
import { banMessage, reportBan } from '../../core/moderation'
import type { ReportInput } from '../../core/schemas'
import { newTicket, reportableCategory, submitEvent } from '../../core/tickets/filing'
import { routeReport, routingNote } from '../../core/tickets/route'
import type { User } from '../../core/types'
import type { TicketView } from '../../core/views'
import { filingEffects } from '../indicator-effects'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { pushMessages, ticketMessages } from '../notices'
import { checkPhotos } from '../photo-check'
import { toTicketView } from './ticket-view'

/**
 * 信息收集 → 立案/派遣 in one unit of work: fetch → core decides → one write → push. A retry of a submit that went
 * through answers that ticket and counts nothing; a new report counts against the per-user limits and is filed
 * with its first event, held photos and messages, all or nothing.
 */
export async function submitReport (deps: Deps, me: User, input: ReportInput): Promise<{ ticket: TicketView; created: boolean }> {
  // 暂停上报: refused before anything is read, counted or written, saying why and until when.
  const ban = reportBan(me, deps.clock.now())
  if (ban) throw new AppError('FORBIDDEN', banMessage(ban), { until: ban.until })
  const earlier = await deps.store.getTicketByRequest(me.id, input.clientRequestId)
  if (earlier) return { ticket: await toTicketView(earlier, me, deps), created: false }

  const dir = await deps.directory.get()
  const reportable = reportableCategory(dir.categoriesById.get(input.categoryId), input.anonymous)
  if (!reportable.ok) throw new AppError('VALIDATION', reportable.message)

  // Text that fails the content check is refused before it counts or lands anywhere; 'review' is filed (the
  // office sees everything), since reports of illegal ads and gambling must be able to name them.
  if (await deps.contentCheck.checkText(input.description, { openid: me.openid }) === 'reject') {
    throw new AppError('VALIDATION', '问题描述中含有不文明用语，请修改后再提交')
  }
  const heldPhotos = await checkPhotos(deps, me, input.photos)

  const now = deps.clock.now()
  const hit = dir.index.locate(input.location)
  const grid = hit.kind === 'grid' ? hit.grid : null
  const route = routeReport(grid, reportable.category, now)
  const ticket = newTicket(deps.ids.next('t'), input, me.id, route, now)
  const event = submitEvent(deps.ids.next('te'), ticket, routingNote(route, grid))
  const messages = await ticketMessages(deps, 'submit', ticket, { eventId: event.id, actorId: me.id, at: now })
  const buckets = reportBuckets(me.id, now)

  const result = await deps.store.fileReport({
    ticket,
    event,
    rate: { keys: [buckets.hourKey, buckets.dayKey], admit: ([hour, day]) => reportRateDecision(hour, day, deps.settings, buckets).ok },
    photoReviews: heldPhotos,
    messages,
    effects: await filingEffects(deps, ticket)
  })
  if (result.outcome === 'refused') {
    const [hour, day] = result.counts
    const rate = reportRateDecision(hour, day, deps.settings, buckets)
    const limit = !rate.ok && rate.limit === 'hour' ? `每小时最多 ${deps.settings.reportsPerHour} 条` : `每天最多 ${deps.settings.reportsPerDay} 条`
    throw new AppError('RATE_LIMITED', `上报太频繁（${limit}），请稍后再试`, { retryAt: rate.ok ? now : rate.retryAt })
  }
  // A retry that finished a crashed attempt's filing files it under that attempt's ticket id.
  if (result.outcome === 'filed') await pushMessages(deps, messages.map((m) => ({ ...m, ticketId: result.ticket.id })))
  return { ticket: await toTicketView(result.ticket, me, deps), created: result.outcome === 'filed' }
}
