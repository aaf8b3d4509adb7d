import { pageInput, signupInput } from '../../core/schemas'
import { canSignUp, eventChoice, SIGNUP_ROLES } from '../../core/volunteer/event-choice'
import { cancelRefusal, isLiveSignup, signupRefusal } from '../../core/volunteer/seats'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'

const MAX_MY_SIGNUPS = 2_000

export const volunteerActions: ActionsOf<'volunteer'> = {
  events: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listEvents({ ...q, fromIso: deps.clock.now() })
      const mine = await readAll((p) => deps.store.listSignups({ ...p, userId: me.id }), MAX_MY_SIGNUPS, '报名记录')
      const byEvent = new Map(mine.filter(isLiveSignup).map((s) => [s.eventId, s]))
      const now = deps.clock.now()
      return {
        items: page.items.filter((e) => e.status === 'published').map((e) => {
          const mySignup = byEvent.get(e.id) ?? null
          return { ...e, mySignup, ...eventChoice(e, me, mySignup, now) }
        }),
        next: page.next,
        canSignUp: canSignUp(me.roles)
      }
    }
  }),

  signup: action({
    input: signupInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId }) {
      const me = requireUser(user)
      const event = await deps.store.getEvent(eventId)
      const now = deps.clock.now()
      const refusal = signupRefusal(event, now)
      if (refusal || !event) throw new AppError(refusal?.code ?? 'NOT_FOUND', refusal?.message)
      const result = await deps.store.takeSeat({
        id: deps.ids.next('s'), eventId, userId: me.id, status: 'confirmed', createdAt: now, checkInAt: null, checkOutAt: null, hours: null
      })
      if (result.outcome === 'full' || !result.signup) throw new AppError('CAPACITY_FULL', '名额已满，本活动不设候补')
      return { outcome: result.outcome, signup: result.signup }
    }
  }),

  /** Cancel my signup before the deadline; a confirmed seat goes back to the event in the same step. */
  cancel: action({
    input: signupInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId }) {
      const me = requireUser(user)
      const refusal = cancelRefusal(await deps.store.getEvent(eventId), deps.clock.now())
      if (refusal) throw new AppError(refusal.code, refusal.message)
      const cancelled = await deps.store.cancelSignup(eventId, me.id)
      if (!cancelled) throw new AppError('NOT_FOUND', '你没有报名这个活动')
      return { signup: cancelled }
    }
  })
}
