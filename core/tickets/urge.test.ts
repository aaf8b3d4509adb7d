import { aTicket } from '../testing/builders'
import { messagesFor, noticesFor } from './notify'
import { ticketNumber } from './number'
import { urgeStep } from './step'
import { URGE_COOLDOWN_HOURS, isLate, overdueFigures, urgeRefusal } from './urge'
import { decideInPlace, IN_PLACE_STEPS, TRANSITIONS } from './workflow'

const NOW = '2026-11-20T12:00:00.000Z'
const late = aTicket({ state: 'accepted', deadline: '2026-11-20T10:00:00.000Z', assigneeId: 'u-grid', gridId: 'g1' })

describe('督办 in the workflow table', () => {
  it('is an in-place step the office takes on work with a handler; the timer\'s overdue flag is another', () => {
    expect(IN_PLACE_STEPS.map((s) => [s.action, s.by])).toEqual([
      ['markOverdue', ['system']], ['urge', ['admin']], ['defer', ['admin']], ['reassign', ['admin']], ['hide', ['admin']], ['unhide', ['admin']], ['redactPhoto', ['admin']]
    ])
    expect(TRANSITIONS.map((t) => t.action)).not.toContain('urge')
  })

  it('only an admin may urge, and only dispatched, accepted or rework tickets', () => {
    expect(decideInPlace('urge', { id: 'u-liu', roles: ['admin'] }, late)).toMatchObject({ ok: true })
    expect(decideInPlace('urge', { id: 'u-grid', roles: ['grid_manager'], gridIds: ['g1'] }, late)).toEqual({ ok: false, reason: 'FORBIDDEN' })
    expect(decideInPlace('urge', { id: 'u-liu', roles: ['admin'] }, { ...late, state: 'triage' })).toEqual({ ok: false, reason: 'CONFLICT' })
    expect(decideInPlace('urge', 'system', late)).toEqual({ ok: false, reason: 'FORBIDDEN' })
  })
})

describe('urge refusal', () => {
  it('allows a late ticket that was not urged within the cooldown', () => {
    expect(urgeRefusal(late, NOW)).toBeNull()
    expect(urgeRefusal({ ...late, urgeCount: 1, urgedAt: '2026-11-20T10:30:00.000Z' }, NOW)).toBeNull()
  })

  it('says why not: no handler yet, not in hand, not late, urged a moment ago', () => {
    expect(urgeRefusal({ ...late, state: 'triage' }, NOW)).toBe('待分拣的案卷还没有处理人，请先派遣')
    expect(urgeRefusal({ ...late, state: 'resolved' }, NOW)).toMatch(/不在办理中/)
    expect(urgeRefusal({ ...late, deadline: '2026-11-21T00:00:00.000Z' }, NOW)).toBe('案卷还没有超过处理时限，无需督办')
    expect(urgeRefusal({ ...late, urgeCount: 1, urgedAt: '2026-11-20T11:40:00.000Z' }, NOW)).toBe(`20 分钟前刚督办过，${URGE_COOLDOWN_HOURS} 小时内不重复督办`)
  })

  it('counts the timer\'s flag as late even where the deadline has since been moved', () => {
    expect(isLate({ ...late, deadline: '2026-11-21T00:00:00.000Z', overdue: true }, NOW)).toBe(true)
    expect(isLate({ ...late, state: 'resolved', overdue: true }, NOW)).toBe(false)
  })
})

describe('the urge step', () => {
  it('keeps the state, counts the urge and records who urged and why', () => {
    expect(urgeStep({ id: 't1', state: 'accepted', urgeCount: 2 }, { id: 'u-liu' }, 'e1', NOW, ' 请今天内处理 ')).toEqual({
      patch: { urgeCount: 3, urgedAt: NOW, overdue: true, updatedAt: NOW },
      event: { id: 'e1', ticketId: 't1', action: 'urge', fromState: 'accepted', toState: 'accepted', actorId: 'u-liu', actorRole: 'admin', note: '请今天内处理', at: NOW }
    })
    expect(urgeStep({ id: 't1', state: 'rework' }, { id: 'u-liu' }, 'e1', NOW, '').patch.urgeCount).toBe(1)
    expect(urgeStep({ id: 't1', state: 'rework' }, { id: 'u-liu' }, 'e1', NOW, '').event.note).toBe('已超过处理时限，请尽快处理')
  })

  it('tells the handlers, with the office\'s note', () => {
    const notices = noticesFor('urge', late, '暴露垃圾', '请今天内处理')
    expect(notices).toEqual([{ to: 'handlers', title: '文明办督办', body: `「暴露垃圾」（编号 ${ticketNumber(late)}）已超过处理时限，文明办督促你尽快处理：请今天内处理` }])
    expect(noticesFor('urge', { ...late, id: undefined }, '暴露垃圾', '')[0].body).toBe('「暴露垃圾」已超过处理时限，文明办督促你尽快处理')
    const ms = messagesFor(notices, (a) => (a === 'handlers' ? ['u-grid', 'u-grid-2'] : []), { ticketId: 't1', eventId: 'e1', actorId: 'u-liu', at: NOW })
    expect(ms.map((m) => m.userId)).toEqual(['u-grid', 'u-grid-2'])
  })
})

describe('overdue figures', () => {
  it('counts the late tickets, how many were urged, and the urges', () => {
    const list = [late, { ...late, urgeCount: 2 }, { ...late, urgeCount: 1 }, { ...late, state: 'resolved' as const, urgeCount: 4 }]
    expect(overdueFigures(list, NOW)).toEqual({ overdue: 3, urged: 2, urges: 3 })
  })
})
