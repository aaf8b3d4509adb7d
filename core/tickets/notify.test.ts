import { noticesFor } from './notify'

const t = { state: 'resolved' as const, closeReason: null, mergedInto: null, assigneeId: 'u-grid', deadline: '2026-11-20T00:00:00.000Z' }

describe('who is told what', () => {
  it('asks the reporter to verify a resolved ticket and tells followers', () => {
    const n = noticesFor('resolve', t, '非法小广告', '')
    expect(n.map((x) => x.to)).toEqual(['reporter', 'followers'])
    expect(n[0].title).toBe('问题已处理，请核查')
    expect(n[0].body).toContain('「非法小广告」')
  })

  it('sends rework to the handler with the resident reason', () => {
    expect(noticesFor('rejectFix', t, '暴露垃圾', '还有垃圾')).toEqual([{ to: 'assignee', title: '核查未通过，请返工', body: '「暴露垃圾」居民反馈未解决：还有垃圾' }])
  })

  it('sends an unroutable report to the office and a routed one to its handler', () => {
    expect(noticesFor('submit', { ...t, assigneeId: null }, 'x', '')[0].to).toBe('admins')
    expect(noticesFor('submit', t, 'x', '')[0].to).toBe('assignee')
  })

  it('names the closing reason', () => {
    expect(noticesFor('reject', { ...t, state: 'closed', closeReason: 'invalid' }, '噪音扰民', '照片与描述不符')[0].body).toBe('「噪音扰民」无效或虚假信息：照片与描述不符')
  })

  it('escalates an overdue ticket to the handler and the office', () => {
    expect(noticesFor('markOverdue', t, 'x', '').map((n) => n.to)).toEqual(['assignee', 'admins'])
  })
})
