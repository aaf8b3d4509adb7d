import type { TicketState } from '../types'
import { actorsFor, availableActions, decide, STATE_KIND, statesOfKind, TRANSITIONS } from './workflow'

const ALL_STATES = Object.keys(STATE_KIND) as TicketState[]
const citizen = { id: 'u-r', roles: ['citizen'] as const }
const manager = { id: 'u-m', roles: ['citizen', 'grid_manager'] as const, gridIds: ['g1'] }
const otherManager = { id: 'u-o', roles: ['grid_manager'] as const, gridIds: ['g2'] }
const admin = { id: 'u-a', roles: ['admin'] as const }
const ticket = (state: TicketState) => ({ state, reporterId: 'u-r', assigneeId: 'u-m', gridId: 'g1' })

describe('the transition table', () => {
  it('groups every state into open, closed or fixed', () => {
    expect(statesOfKind('open').sort()).toEqual(['accepted', 'dispatched', 'resolved', 'rework', 'triage'])
    expect(statesOfKind('fixed')).toEqual(['fixed'])
    expect(statesOfKind('closed')).toEqual(['closed'])
  })

  it('only moves between known states, and every closing step names its reason', () => {
    for (const t of TRANSITIONS) {
      for (const s of [...t.from, t.to]) expect(ALL_STATES).toContain(s)
      const closes = STATE_KIND[t.to] !== 'open'
      expect(Boolean(t.closeReason)).toBe(closes)
      if (t.to === 'fixed') expect(t.closeReason).toBe('fixed')
      if (t.to === 'closed') expect(t.closeReason).not.toBe('fixed')
    }
  })

  it('covers the 数字城管 steps', () => {
    expect(new Set(TRANSITIONS.map((t) => t.step))).toEqual(new Set(['立案', '派遣', '处置', '核查', '结案', '返工', '分拣']))
  })

  it('leaves a closed ticket closed; a fixed one can only be reopened', () => {
    expect(TRANSITIONS.filter((t) => t.from.includes('closed'))).toEqual([])
    expect(TRANSITIONS.filter((t) => t.from.includes('fixed')).map((t) => t.action)).toEqual(['reopen'])
  })
})

describe('who may take a step', () => {
  it('names the relations of a user to a ticket', () => {
    expect(actorsFor(citizen, ticket('resolved'))).toEqual(['reporter'])
    expect(actorsFor(manager, ticket('accepted'))).toEqual(['assignee'])
    expect(actorsFor(otherManager, ticket('accepted'))).toEqual([])
    expect(actorsFor({ ...otherManager, gridIds: ['g1'] }, ticket('accepted'))).toEqual(['assignee'])
    expect(actorsFor(admin, ticket('triage'))).toEqual(['admin'])
    expect(actorsFor('system', ticket('resolved'))).toEqual(['system'])
  })

  it('denies by default: the wrong person is FORBIDDEN, the wrong state is CONFLICT', () => {
    expect(decide('accept', manager, ticket('dispatched'))).toMatchObject({ ok: true, transition: { to: 'accepted' } })
    expect(decide('accept', citizen, ticket('dispatched'))).toEqual({ ok: false, reason: 'FORBIDDEN' })
    expect(decide('accept', otherManager, ticket('dispatched'))).toEqual({ ok: false, reason: 'FORBIDDEN' })
    expect(decide('accept', manager, ticket('resolved'))).toEqual({ ok: false, reason: 'CONFLICT' })
    expect(decide('confirmFixed', citizen, ticket('resolved'))).toMatchObject({ ok: true, transition: { to: 'fixed', closeReason: 'fixed' } })
    expect(decide('autoClose', admin, ticket('resolved'))).toEqual({ ok: false, reason: 'FORBIDDEN' })
    expect(decide('autoClose', 'system', ticket('resolved'))).toMatchObject({ ok: true })
  })

  it('lists the buttons each person gets', () => {
    expect(availableActions(citizen, ticket('resolved')).sort()).toEqual(['confirmFixed', 'rejectFix'])
    expect(availableActions(manager, ticket('dispatched')).sort()).toEqual(['accept', 'handBack'])
    expect(availableActions(admin, ticket('triage')).sort()).toEqual(['dispatch', 'merge', 'refer', 'reject'])
    expect(availableActions(otherManager, ticket('dispatched'))).toEqual([])
  })
})
