import { closedOnTime, deadlineFor, isOverdue } from './sla'

const NOW = '2026-11-20T12:00:00.000Z'
const past = '2026-11-20T11:00:00.000Z'
const future = '2026-11-20T13:00:00.000Z'

describe('time limits', () => {
  it('sets the deadline from the category time limit', () => {
    expect(deadlineFor('2026-11-20T00:00:00.000Z', 4)).toBe('2026-11-20T04:00:00.000Z')
  })

  it('counts as overdue only work still with the handler or the office', () => {
    expect(isOverdue({ state: 'dispatched', deadline: past }, NOW)).toBe(true)
    expect(isOverdue({ state: 'accepted', deadline: past }, NOW)).toBe(true)
    expect(isOverdue({ state: 'rework', deadline: past }, NOW)).toBe(true)
    expect(isOverdue({ state: 'triage', deadline: past }, NOW)).toBe(true)
    expect(isOverdue({ state: 'accepted', deadline: future }, NOW)).toBe(false)
    // handled, waiting for the resident's check: the 核查 wait has its own window
    expect(isOverdue({ state: 'resolved', deadline: past }, NOW)).toBe(false)
    expect(isOverdue({ state: 'fixed', deadline: past }, NOW)).toBe(false)
    expect(isOverdue({ state: 'closed', deadline: past }, NOW)).toBe(false)
  })

  it('closes on time at or before the deadline', () => {
    expect(closedOnTime({ closedAt: '2026-11-20T13:00:00.000Z', deadline: future })).toBe(true)
    expect(closedOnTime({ closedAt: '2026-11-20T13:00:00.001Z', deadline: future })).toBe(false)
    expect(closedOnTime({ closedAt: null, deadline: future })).toBe(false)
  })
})
