import { emptyInput } from '../../core/schemas'
import { autoCloseNote, sweepAction } from '../../core/tickets/queues'
import { overdueStep, stepOf, type Step } from '../../core/tickets/step'
import { decide, statesOfKind } from '../../core/tickets/workflow'
import type { Message, Ticket } from '../../core/types'
import { eventCancelledNotice, offerNotice, reminderDue, reminderNotice } from '../../core/volunteer/notices'
import { policyFor } from '../volunteer-record'
import { chinaDayKey } from '../../core/indicators/aggregates'
import { reconcileAggregates } from './stats'
import { changeWithEffects } from '../indicator-effects'
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
      // Once a China day, the survey aggregates are recounted from the raw responses and any drift repaired.
      const daily = await deps.store.incrementCounter(`timer:reconcile:${chinaDayKey(now)}`, 1) === 1
      const aggregatesDrifted = daily ? (await reconcileAggregates(deps)).drifted : null
      return { overdueMarked, autoClosed, recovered, ...await volunteerSweep(deps), aggregatesDrifted }
    }
  })
}

/**
 * Volunteer service on the same tick: expired waitlist offers pass on (and a seat a crash left free is offered),
 * and confirmed volunteers are reminded a day and an hour before (message ids per signup and kind: once each).
 */
async function volunteerSweep (deps: Deps): Promise<{ offersLapsed: number; offersMade: number; reminded: number }> {
  const now = deps.clock.now()
  let offersLapsed = 0
  let offersMade = 0
  let reminded = 0
  await forEachPage((p) => deps.store.listEvents({ ...p, fromIso: now }), async (events) => {
    for (const e of events) {
      // A cancellation a crash cut short (CloudBase: signups left live, people untold) is finished here; on a
      // store that cancelled in one step this finds nothing to do.
      if (e.status === 'cancelled') {
        await deps.store.cancelEvent(e.id, e.cancelReason ?? '', now, eventCancelledNotice(e, e.cancelReason ?? '活动取消', now))
        continue
      }
      if (e.status !== 'published') continue
      if (e.waitlistEnabled) {
        const policy = policyFor(deps, e)
        const { lapsed, offered } = await deps.store.settleOffers(e.id, policy, offerNotice(e, now))
        offersLapsed += lapsed.length
        offersMade += offered.length
        await pushMessages(deps, offered.map(offerNotice(e, now)))
      }
      const due = reminderDue(e.startAt, now)
      if (due === null) continue
      const notice = reminderNotice(e, due, now)
      const told: Message[] = []
      await forEachPage((p) => deps.store.listSignups({ ...p, eventId: e.id, statuses: ['confirmed'] }), async (signups) => {
        for (const s of signups) {
          const m = notice(s)
          // Its id is per signup and kind: a reminder already in the list is not added, nor pushed, again.
          if (await deps.store.addMessage(m)) told.push(m)
        }
      })
      reminded += told.length
      await pushMessages(deps, told)
    }
  })
  return { offersLapsed, offersMade, reminded }
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
  const done = await deps.store.changeTicket(await changeWithEffects(deps, t, { id: t.id, expectedVersion: t.version, patch: step.patch, event: step.event, photoReviews: [], follows: null, messages }))
  if (done) await pushMessages(deps, messages)
  return done !== null
}
