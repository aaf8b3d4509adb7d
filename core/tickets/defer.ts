import type { Ticket } from '../types'
import type { Step } from './step'
import { STATE_LABELS, inPlaceStepFor } from './workflow'

/** Longest deferral the office may approve at once, counted from now. */
export const MAX_DEFER_DAYS = 180

type Deferrable = Pick<Ticket, 'state' | 'deadline' | 'deferral'>

/** Why the office cannot defer this ticket to `until` now (a sentence for the person), or null when it can. */
export function deferRefusal (t: Deferrable, until: string, nowIso: string): string | null {
  if (t.state === 'triage') return '待分拣的案卷还没有处理人，请先派遣'
  if (!inPlaceStepFor('defer').from.includes(t.state)) return `案卷${STATE_LABELS[t.state]}，不在办理中，不能缓办`
  if (t.deferral) return '案卷已经缓办过一次；如仍不能按期处理，请督办或结案'
  const to = Date.parse(until)
  if (to <= Date.parse(nowIso)) return '缓办到的日期要晚于现在'
  if (to <= Date.parse(t.deadline)) return '缓办到的日期要晚于原处理时限'
  if (to > Date.parse(nowIso) + MAX_DEFER_DAYS * 86_400_000) return `一次最多缓办 ${MAX_DEFER_DAYS} 天`
  return null
}

/** 缓办 as a step: the state stays; the deadline moves, the original and the reason are kept, the overdue flag clears. */
export function deferStep (t: Pick<Ticket, 'id' | 'state' | 'deadline'>, who: { id: string }, eventId: string, nowIso: string, until: string, reason: string): Step {
  return {
    patch: { deadline: until, overdue: false, deferral: { at: nowIso, by: who.id, reason, originalDeadline: t.deadline, until }, updatedAt: nowIso },
    event: { id: eventId, ticketId: t.id, action: 'defer', fromState: t.state, toState: t.state, actorId: who.id, actorRole: 'admin', note: reason, at: nowIso }
  }
}
