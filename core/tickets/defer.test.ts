import { deferRefusal, deferStep, MAX_DEFER_DAYS } from './defer'

const NOW = '2026-12-01T00:00:00.000Z'
const days = (d: number) => new Date(Date.parse(NOW) + d * 86_400_000).toISOString()
const open = { state: 'accepted' as const, deadline: days(2), deferral: null }

describe('缓办 (deferral)', () => {
  it('is for tickets being handled, once, to a date after the deadline and within the limit', () => {
    expect(deferRefusal(open, days(10), NOW)).toBeNull()
    expect(deferRefusal({ ...open, state: 'triage' }, days(10), NOW)).toMatch(/先派遣/)
    expect(deferRefusal({ ...open, state: 'resolved' }, days(10), NOW)).toMatch(/不能缓办/)
    expect(deferRefusal({ ...open, state: 'fixed' }, days(10), NOW)).toMatch(/不能缓办/)
    expect(deferRefusal(open, days(1), NOW)).toMatch(/晚于原处理时限/)
    expect(deferRefusal({ ...open, deadline: days(-3) }, days(-1), NOW)).toMatch(/晚于现在/)
    expect(deferRefusal(open, days(MAX_DEFER_DAYS + 1), NOW)).toMatch(/最多缓办 180 天/)
    expect(deferRefusal(open, days(MAX_DEFER_DAYS), NOW)).toBeNull()
    const deferral = { at: NOW, by: 'u-admin', reason: '等待采购', originalDeadline: days(2), until: days(10) }
    expect(deferRefusal({ ...open, deferral }, days(20), NOW)).toMatch(/已经缓办过/)
  })

  it('moves the deadline, keeps the original and the reason, clears the overdue flag, and leaves the state', () => {
    const step = deferStep({ id: 't1', state: 'rework', deadline: days(2) }, { id: 'u-admin' }, 'te-1', NOW, days(10), '等待城管统一采购护栏')
    expect(step.patch).toEqual({
      deadline: days(10), overdue: false, updatedAt: NOW,
      deferral: { at: NOW, by: 'u-admin', reason: '等待城管统一采购护栏', originalDeadline: days(2), until: days(10) }
    })
    expect(step.event).toMatchObject({ action: 'defer', fromState: 'rework', toState: 'rework', actorRole: 'admin', note: '等待城管统一采购护栏' })
  })
})
