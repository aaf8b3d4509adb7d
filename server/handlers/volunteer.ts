import { pageInput, signupInput } from '../../core/schemas'
import { AppError } from '../errors'
import { action, type ActionsOf } from '../router'
import { requireUser } from './identity'

export const volunteerActions: ActionsOf<'volunteer'> = {
  events: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listEvents({ ...q, fromIso: deps.clock.now() })
      const mine = await deps.store.listSignups({ userId: me.id, limit: 100 })
      const byEvent = new Map(mine.items.filter((s) => s.status !== 'cancelled').map((s) => [s.eventId, s]))
      return {
        items: page.items.filter((e) => e.status === 'published').map((e) => ({ ...e, mySignup: byEvent.get(e.id) ?? null })),
        next: page.next
      }
    }
  }),

  signup: action({
    input: signupInput,
    access: { roles: ['volunteer'] },
    async run ({ deps, user }, { eventId }) {
      const me = requireUser(user)
      const event = await deps.store.getEvent(eventId)
      if (!event || event.status !== 'published') throw new AppError('NOT_FOUND', '活动不存在或已取消')
      const now = deps.clock.now()
      if (now >= event.startAt) throw new AppError('CONFLICT', '活动已开始，不能再报名')
      const result = await deps.store.takeSeat({
        id: deps.ids.next('s'), eventId, userId: me.id, status: 'confirmed', createdAt: now, checkInAt: null, checkOutAt: null, hours: null
      })
      if (result.outcome === 'full' || !result.signup) throw new AppError('CAPACITY_FULL', '名额已满，本活动不设候补')
      return { outcome: result.outcome, signup: result.signup }
    }
  })
}
