import type { Ticket } from '../types'
import { isOverdue } from './sla'
import { STATE_LABELS, inPlaceStepFor } from './workflow'

/** The office urges a handler at most once in this window per ticket: a bulk 督办 twice in a row tells nobody twice. */
export const URGE_COOLDOWN_HOURS = 1

type Urgeable = Pick<Ticket, 'state' | 'deadline' | 'overdue' | 'urgeCount' | 'urgedAt'>

/** Late: flagged by the timer, or past its deadline before the timer came round. */
export function isLate (t: Pick<Ticket, 'state' | 'deadline' | 'overdue'>, nowIso: string): boolean {
  return isOverdue(t, nowIso) || (t.overdue && inPlaceStepFor('markOverdue').from.includes(t.state))
}

/** Why the office cannot urge this ticket now (a sentence for the person), or null when it can. */
export function urgeRefusal (t: Urgeable, nowIso: string): string | null {
  if (t.state === 'triage') return '待分拣的案卷还没有处理人，请先派遣'
  if (!inPlaceStepFor('urge').from.includes(t.state)) return `案卷${STATE_LABELS[t.state]}，不在办理中，无需督办`
  if (!isLate(t, nowIso)) return '案卷还没有超过处理时限，无需督办'
  if (t.urgedAt) {
    const minutes = Math.floor((Date.parse(nowIso) - Date.parse(t.urgedAt)) / 60_000)
    if (minutes < URGE_COOLDOWN_HOURS * 60) return `${Math.max(1, minutes)} 分钟前刚督办过，${URGE_COOLDOWN_HOURS} 小时内不重复督办`
  }
  return null
}

export interface OverdueFigures {
  /** Late tickets in the list. */
  overdue: number
  /** Of those, urged at least once. */
  urged: number
  /** All urges on them. */
  urges: number
}

/** The figures above the 已超期 queue. */
export function overdueFigures (tickets: readonly Urgeable[], nowIso: string): OverdueFigures {
  const late = tickets.filter((t) => isLate(t, nowIso))
  return {
    overdue: late.length,
    urged: late.filter((t) => (t.urgeCount ?? 0) > 0).length,
    urges: late.reduce((n, t) => n + (t.urgeCount ?? 0), 0)
  }
}
