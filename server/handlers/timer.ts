import { emptyInput } from '../../core/schemas'
import { autoCloseNote, sweepAction } from '../../core/tickets/queues'
import { overdueStep, stepOf, type Step } from '../../core/tickets/step'
import { decide, statesOfKind } from '../../core/tickets/workflow'
import type { Ticket } from '../../core/types'
import type { Deps } from '../deps'
import { pushMessages, ticketMessages } from '../notices'
import { forEachPage } from '../paging'
import { action, type ActionsOf } from '../router'

export const timerActions: ActionsOf<'timer'> = {
  /**
   * Scheduled: finish any unit of work a crash left half-done, flag overdue tickets, and close as fixed those whose
   * verification window has passed. Pages through every open ticket.
   */
  sweep: action({
    input: emptyInput,
    access: 'system',
    async run ({ deps }) {
      const recovered = await deps.store.recover()
      const now = deps.clock.now()
      let overdueMarked = 0
      let autoClosed = 0
      await forEachPage((p) => deps.store.listTickets({ ...p, states: statesOfKind('open') }), async (tickets) => {
        for (const t of tickets) {
          const what = sweepAction(t, now, deps.settings)
          if (what === null) continue
          const done = await sweepStep(deps, t, what, now)
          if (done && what === 'autoClose') autoClosed++
          if (done && what === 'markOverdue') overdueMarked++
        }
      })
      return { overdueMarked, autoClosed, recovered }
    }
  })
}

/** One system step as one unit; false when the ticket moved meanwhile (the next sweep looks again). */
async function sweepStep (deps: Deps, t: Ticket, what: 'autoClose' | 'markOverdue', now: string): Promise<boolean> {
  let step: Step
  if (what === 'autoClose') {
    const d = decide('autoClose', 'system', t)
    if (!d.ok) return false
    step = stepOf(d.transition, t, { note: '', afterPhotos: [] }, 'system', deps.ids.next('te'), now, autoCloseNote(deps.settings))
  } else {
    step = overdueStep(t, deps.ids.next('te'), now)
  }
  const after: Ticket = { ...t, ...step.patch, version: t.version + 1 }
  const messages = await ticketMessages(deps, what, after, { eventId: step.event.id, actorId: 'system', at: now })
  const done = await deps.store.changeTicket({ id: t.id, expectedVersion: t.version, patch: step.patch, event: step.event, photoReviews: [], follows: null, messages })
  if (done) await pushMessages(deps, messages)
  return done !== null
}
