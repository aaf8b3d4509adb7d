import { aTicket, aUser } from './testing/builders'
import {
  banMessage, banRefusal, chinaDateTime, hideRefusal, hideStep, redactRefusal, redactStep, redactedFor, reportBan, shownTo, unredacted
} from './moderation'

const NOW = '2026-11-20T02:00:00.000Z'
const reporter = { id: 'u-zhang', roles: ['citizen' as const] }
const manager = { id: 'u-zhao', roles: ['citizen' as const, 'grid_manager' as const], gridIds: ['g1'] }
const office = { id: 'u-liu', roles: ['admin' as const] }
const stranger = { id: 'u-wang', roles: ['citizen' as const, 'volunteer' as const] }

describe('hidden reports', () => {
  const hidden = aTicket({ reporterId: 'u-zhang', gridId: 'g1', assigneeId: 'u-zhao', hidden: { at: NOW, by: 'u-liu', reason: '含有他人电话' } })

  it('are shown to their reporter, their handler and the office only', () => {
    expect([reporter, manager, office, stranger].map((v) => shownTo(v, hidden))).toEqual([true, true, true, false])
    expect(shownTo(stranger, { ...hidden, hidden: null })).toBe(true)
  })

  it('hide and unhide are steps that keep the state, and refuse what is so already', () => {
    const t = aTicket({ state: 'closed' })
    expect(hideRefusal(t, true)).toBeNull()
    expect(hideRefusal(t, false)).toBe('这条上报本来就是公开显示的')
    expect(hideRefusal(hidden, true)).toBe('这条上报已经不公开显示了')
    const step = hideStep(t, true, office, 'te-1', NOW, '含有他人电话')
    expect(step.patch).toEqual({ hidden: { at: NOW, by: 'u-liu', reason: '含有他人电话' }, updatedAt: NOW })
    expect(step.event).toMatchObject({ action: 'hide', fromState: 'closed', toState: 'closed', actorRole: 'admin', note: '含有他人电话' })
    expect(hideStep(hidden, false, office, 'te-2', NOW, '核实无误').patch.hidden).toBeNull()
  })
})

describe('redacted photos', () => {
  const t = aTicket({ photos: ['f-1', 'f-2'], afterPhotos: ['f-3'] })

  it('only the ticket\'s own photos, once each', () => {
    expect(redactRefusal(t, 'f-9')).toEqual({ code: 'NOT_FOUND', message: '这张照片不属于这条上报' })
    const step = redactStep(t, 'f-3', office, 'te-1', NOW, '拍到了路人')
    expect(step.event.note).toBe('屏蔽了一张处理后照片：拍到了路人')
    expect(redactRefusal({ ...t, ...step.patch }, 'f-3')).toEqual({ code: 'CONFLICT', message: '这张照片已经屏蔽了' })
  })

  it('are gone for everyone but the office, who sees them with the reasons', () => {
    const redacted = { ...t, ...redactStep(t, 'f-1', office, 'te-1', NOW, '拍到了路人').patch }
    expect(unredacted(reporter, redacted.photos, redacted)).toEqual(['f-2'])
    expect(unredacted(office, redacted.photos, redacted)).toEqual(['f-1', 'f-2'])
    expect(redactedFor(reporter, redacted)).toEqual([])
    expect(redactedFor(office, redacted)).toEqual([{ fileId: 'f-1', at: NOW, by: 'u-liu', reason: '拍到了路人' }])
  })
})

describe('report bans', () => {
  it('stop reporting until `until`, then end by themselves', () => {
    const ban = { until: '2026-11-27T10:00:00.000Z', reason: '多次上报虚假信息', by: 'u-liu', at: NOW }
    expect(reportBan(aUser({ reportBan: ban }), NOW)).toEqual(ban)
    expect(reportBan(aUser({ reportBan: ban }), '2026-11-27T10:00:00.000Z')).toBeNull()
    expect(reportBan(aUser(), NOW)).toBeNull()
  })

  it('say why and until when in China time', () => {
    expect(chinaDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
    expect(banMessage({ until: '2026-11-27T10:00:00.000Z', reason: '多次上报虚假信息' }))
      .toBe('你的随手拍上报已被文明办暂停至 2026年11月27日 18:00（北京时间），原因：多次上报虚假信息。到期后可以继续上报；如有疑问，请联系文明办。')
  })

  it('must end in the future, within a year, and never ban oneself', () => {
    const target = aUser({ id: 'u-wang' })
    expect(banRefusal(target, 'u-liu', '2026-11-21T00:00:00.000Z', NOW)).toBeNull()
    expect(banRefusal(target, 'u-liu', NOW, NOW)).toBe('暂停到的时间要晚于现在')
    expect(banRefusal(target, 'u-liu', '2027-11-22T02:00:00.000Z', NOW)).toMatch(/一次最多暂停一年/)
    expect(banRefusal(target, 'u-wang', '2026-11-21T00:00:00.000Z', NOW)).toBe('不能暂停自己的上报')
  })
})
