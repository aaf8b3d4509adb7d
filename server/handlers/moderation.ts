import { hideInput, redactPhotoInput } from '../../core/schemas'
import { hideRefusal, hideStep, moderationAudit, redactRefusal, redactStep } from '../../core/moderation'
import type { Step } from '../../core/tickets/step'
import type { Ticket, User } from '../../core/types'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { action, type ActionsOf } from '../router'
import { inPlace } from './act-on-ticket'

const office = { roles: ['admin'] } as const

/**
 * The office's moderation of one report (core/moderation.ts): 屏蔽 / 取消屏蔽 takes it out of every public view or
 * puts it back, 屏蔽照片 takes one photo out of every view but the office's. Each is an in-place step — the state
 * stays, the timeline records it with the reason — written with its audit entry in one unit. Nobody is messaged.
 */
export const moderationActions: Pick<ActionsOf<'tickets'>, 'hide' | 'unhide' | 'redactPhoto'> = {
  hide: action({
    input: hideInput,
    access: office,
    run: ({ deps, user }, input) => setHidden(deps, requireUser(user), input, true)
  }),

  unhide: action({
    input: hideInput,
    access: office,
    run: ({ deps, user }, input) => setHidden(deps, requireUser(user), input, false)
  }),

  redactPhoto: action({
    input: redactPhotoInput,
    access: office,
    async run ({ deps, user }, { id, fileId, expectedVersion, reason }) {
      const me = requireUser(user)
      const ticket = await ticketOf(deps, id)
      const refusal = redactRefusal(ticket, fileId)
      if (refusal?.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', refusal.message)
      return inPlace(deps, me, ticket, expectedVersion, 'redactPhoto', () => refusal?.message ?? null,
        (eventId, now) => redactStep(ticket, fileId, me, eventId, now, reason), reason,
        auditOf(me, ticket, 'redactPhoto', reason, '屏蔽照片', { after: { redactedPhoto: fileId } }))
    }
  })
}

async function ticketOf (deps: Deps, id: string): Promise<Ticket> {
  const ticket = await deps.store.getTicket(id)
  if (!ticket) throw new AppError('NOT_FOUND', '案卷不存在')
  return ticket
}

function setHidden (deps: Deps, me: User, input: { id: string; expectedVersion?: number; reason: string }, hide: boolean) {
  return ticketOf(deps, input.id).then((ticket) => inPlace(deps, me, ticket, input.expectedVersion, hide ? 'hide' : 'unhide',
    () => hideRefusal(ticket, hide), (eventId, now) => hideStep(ticket, hide, me, eventId, now, input.reason), input.reason,
    auditOf(me, ticket, hide ? 'hide' : 'unhide', input.reason, hide ? '不公开显示' : '恢复公开显示', { before: { hidden: !hide }, after: { hidden: hide } })))
}

/** The step's audit entry: its id follows the step's event id, so the unit writes it once whatever happens. */
const auditOf = (me: User, t: Ticket, what: 'hide' | 'unhide' | 'redactPhoto', reason: string, summary: string, facts: { before?: unknown; after?: unknown }) =>
  (step: Step) => moderationAudit({ id: `audit-${step.event.id}`, at: step.event.at, actorId: me.id, action: what, targetId: t.id, reason, summary, ...facts })
