import { ticketActInput } from '../schemas'
import type { TicketState } from '../types'
import { RATING_LABELS, RATING_OPTIONS, deadlineRunning, distanceLabel } from './labels'
import { isOverdue } from './sla'
import { STATE_KIND } from './workflow'

const STATES = Object.keys(STATE_KIND) as TicketState[]

describe('deadlineRunning', () => {
  it('runs for work still with the handler or the office, and stops once resolved or closed', () => {
    expect(STATES.filter((state) => deadlineRunning({ state }))).toEqual(['triage', 'dispatched', 'accepted', 'rework'])
  })

  it('agrees with isOverdue: only a running deadline can be overdue', () => {
    const long = '2000-01-01T00:00:00.000Z'
    for (const state of STATES) expect([state, isOverdue({ state, deadline: long }, '2026-11-20T12:00:00.000Z')]).toEqual([state, deadlineRunning({ state })])
  })
})

describe('rating labels', () => {
  it('offers every rating the act schema accepts, best first, labelled in Chinese', () => {
    const accepted = ticketActInput.shape.rating.unwrap().options
    expect(RATING_OPTIONS.map((o) => o.value)).toEqual(['satisfied', 'basic', 'unsatisfied'])
    expect([...RATING_OPTIONS.map((o) => o.value)].sort()).toEqual([...accepted].sort())
    expect(RATING_OPTIONS.map((o) => o.label)).toEqual(['满意', '基本满意', '不满意'])
    expect(RATING_OPTIONS.every((o) => o.label === RATING_LABELS[o.value])).toBe(true)
  })
})

describe('distance labels', () => {
  it('reads short distances in metres and long ones in kilometres', () => {
    expect([3, 44, 450, 2400].map(distanceLabel)).toEqual(['不到 10 米', '约 40 米', '450 米', '2.4 公里'])
  })
})
