import type { Message, Ticket } from '../types'
import { ticketNumber } from './number'
import { CLOSE_REASON_LABELS, type TicketAction } from './workflow'

/** `handlers`: the assignee, or — with nobody assigned — every manager of the ticket's grid. */
export type Audience = 'reporter' | 'followers' | 'assignee' | 'handlers' | 'admins'

export interface Notice {
  to: Audience
  title: string
  body: string
}

type Event = TicketAction | 'submit' | 'markOverdue' | 'urge' | 'defer' | 'reassign' | 'hide' | 'unhide' | 'redactPhoto'

/** 12月5日 in China time. */
function chinaDate (iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/**
 * Who is told what when a ticket changes: every change that matters to the reporter or a follower, plus the
 * handler's and the office's work items. One place, so the in-app list and WeChat subscribe messages agree.
 */
export function noticesFor (
  event: Event,
  t: Pick<Ticket, 'state' | 'closeReason' | 'mergedInto' | 'assigneeId' | 'deadline'> & Partial<Pick<Ticket, 'id' | 'createdAt'>>,
  categoryName: string,
  note: string
): Notice[] {
  const about = `「${categoryName}」`
  const reason = note ? `：${note}` : ''
  const both = (title: string, body: string): Notice[] => [{ to: 'reporter', title, body }, { to: 'followers', title, body }]
  switch (event) {
    case 'submit':
    case 'dispatch':
      return t.assigneeId ? [{ to: 'assignee', title: '新的待办案卷', body: `${about}已派遣给你，请在时限内处理` }] : [{ to: 'admins', title: '新的待分拣案卷', body: `${about}未能自动派遣，请分拣` }]
    case 'accept':
      return both('问题已受理', `${about}已由网格员受理，正在处理`)
    case 'handBack':
      return [{ to: 'admins', title: '网格员退回案卷', body: `${about}被退回${reason}` }]
    case 'resolve':
      return [
        { to: 'reporter', title: '问题已处理，请核查', body: `${about}已处理完成，请查看处理后照片，确认是否解决并评价` },
        { to: 'followers', title: '问题已处理', body: `你关注的${about}已处理完成，等待核查` }
      ]
    case 'rejectFix':
      return [{ to: 'assignee', title: '核查未通过，请返工', body: `${about}居民反馈未解决${reason}` }]
    case 'confirmFixed':
    case 'autoClose':
      return [{ to: 'followers', title: '问题已解决', body: `你关注的${about}已解决结案` }, { to: 'assignee', title: '案卷已结案', body: `${about}已核查结案` }]
    case 'merge':
      return both('问题已合并', `${about}与已有上报重复，已合并处理，进展会继续通知你`)
    case 'refer':
    case 'reject':
    case 'closeUnable':
      return both('案卷已关闭', `${about}${t.closeReason ? CLOSE_REASON_LABELS[t.closeReason] : '已关闭'}${reason}`)
    case 'reopen':
      return [{ to: 'assignee', title: '案卷被重新打开', body: `${about}居民反馈问题复现，请返工${reason}` }]
    case 'markOverdue':
      return [{ to: 'assignee', title: '案卷已超期', body: `${about}已超过处理时限，请尽快处理` }, { to: 'admins', title: '超期督办', body: `${about}已超期，请督办` }]
    case 'defer':
      return [
        { to: 'handlers', title: '案卷已批准缓办', body: `${about}处理时限延至 ${chinaDate(t.deadline)}${reason}` },
        ...both('处理时间延后', `${about}需要更多时间处理，预计 ${chinaDate(t.deadline)} 前完成${reason}`)
      ]
    case 'hide':
    case 'unhide':
    case 'redactPhoto':
      // Moderation tells nobody: the reporter and the handler see the step in the timeline, with the office's reason.
      return []
    case 'reassign':
      // Sent to the assignee after the step: the manager the office moved the ticket to.
      return [{ to: 'assignee', title: '新的待办案卷', body: `${about}已由文明办改派给你，请在时限内处理${reason}` }]
    case 'urge':
      // The handler may hold several tickets of one category: the number says which.
      return [{ to: 'handlers', title: '文明办督办', body: `${about}${t.id && t.createdAt ? `（编号 ${ticketNumber({ id: t.id, createdAt: t.createdAt })}）` : ''}已超过处理时限，文明办督促你尽快处理${reason}` }]
  }
}

/**
 * The in-app messages for these notices: each person once per notice, never the person who made the change. Ids
 * come from the step's event id, so writing the same step twice writes the same messages.
 */
export function messagesFor (
  notices: readonly Notice[],
  audience: (a: Audience) => readonly string[],
  about: { ticketId: string; eventId: string; actorId: string; at: string }
): Message[] {
  const out: Message[] = []
  for (const n of notices) {
    for (const userId of new Set(audience(n.to))) {
      if (userId === about.actorId) continue
      out.push({ id: `${about.eventId}-m${out.length + 1}`, userId, ticketId: about.ticketId, title: n.title, body: n.body, read: false, at: about.at })
    }
  }
  return out
}
