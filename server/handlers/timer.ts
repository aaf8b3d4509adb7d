import { emptyInput } from '../../core/schemas'
import { isOverdue } from '../../core/tickets/sla'
import { decide, statesOfKind } from '../../core/tickets/workflow'
import { transitionPatch } from '../../core/tickets/apply'
import { notifyTicketChange } from '../notices'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'

export const timerActions: ActionsOf<'timer'> = {
  /** Scheduled: flag overdue tickets, and close as fixed those whose verification window has passed. */
  sweep: action({
    input: emptyInput,
    access: 'system',
    async run ({ deps }) {
      const now = deps.clock.now()
      const open = await readAll((p) => deps.store.listTickets({ ...p, states: statesOfKind('open') }))
      let overdueMarked = 0
      let autoClosed = 0
      const windowMs = deps.settings.verifyWindowDays * 86_400_000
      for (const t of open) {
        if (t.state === 'resolved' && t.resolvedAt && Date.parse(now) - Date.parse(t.resolvedAt) > windowMs) {
          const d = decide('autoClose', 'system', t)
          if (!d.ok) continue
          const patch = transitionPatch(d.transition, t, { note: '', afterPhotos: [] }, now)
          const done = await deps.store.updateTicket(t.id, t.version, patch, {
            id: deps.ids.next('te'), ticketId: t.id, action: 'autoClose', fromState: t.state, toState: d.transition.to,
            actorId: 'system', actorRole: 'system', note: `居民 ${deps.settings.verifyWindowDays} 天内未核查，系统自动结案`, at: now
          })
          if (done) {
            autoClosed++
            await notifyTicketChange(deps, 'autoClose', done, 'system')
          }
        } else if (!t.overdue && isOverdue(t, now)) {
          const done = await deps.store.updateTicket(t.id, t.version, { overdue: true, updatedAt: now }, {
            id: deps.ids.next('te'), ticketId: t.id, action: 'markOverdue', fromState: t.state, toState: t.state,
            actorId: 'system', actorRole: 'system', note: '已超过处置时限，督办提醒', at: now
          })
          if (done) {
            overdueMarked++
            await notifyTicketChange(deps, 'markOverdue', done, 'system')
          }
        }
      }
      return { overdueMarked, autoClosed }
    }
  })
}
