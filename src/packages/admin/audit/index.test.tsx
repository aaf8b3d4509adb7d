import type { AuditItemView } from '../../../../core/people'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import Audit from './index'

const { $, tap, text, serve, open } = usePageTest(Audit)

const entry = (id: string, o: Partial<AuditItemView> = {}): AuditItemView => ({
  id, at: '2026-11-20T02:05:00.000Z', kind: 'role', action: 'grant', actorId: 'u-admin', actorName: '文明办刘主任', targetId: 'u-wang',
  reason: '新任南片网格员', summary: '授予 网格员（1 个网格：东塘01网格）', ...o
})
const page = (items: AuditItemView[], next: string | null = null) => ({ ok: true as const, data: { items, next } })

describe('操作记录', () => {
  it('lists entries newest first with who, when (China time), what and why; filters by kind; pages on', async () => {
    const fake = serve({
      'admin.audit': (e) => e.kind === 'moderation'
        ? page([entry('a3', { kind: 'moderation', action: 'hide', targetId: 't-1', summary: '不公开显示', reason: '含有他人电话' })])
        : e.cursor ? page([entry('a1', { summary: '撤销 组织者' })]) : page([entry('a2')], 'c1')
    })
    await open('#audit-list')
    expect(fake.sent('audit')).toEqual([{ action: 'audit', cursor: null, limit: 30 }])
    expect(text('[data-entry="a2"] .au-summary')).toBe('授予 网格员（1 个网格：东塘01网格）')
    expect(text('[data-entry="a2"] .au-line')).toBe('文明办刘主任 · 2026-11-20 10:05 · 人员 u-wang')
    expect(text('[data-entry="a2"] .au-reason')).toBe('原因：新任南片网格员')
    await tap('#list-more')
    await until(() => $('[data-entry="a1"]') !== null)
    expect(fake.sent('audit')[1]).toEqual({ action: 'audit', cursor: 'c1', limit: 30 })

    await tap('[data-kind-filter="moderation"]')
    await until(() => $('[data-entry="a3"]') !== null)
    expect(fake.sent('audit')[2]).toEqual({ action: 'audit', kind: 'moderation', cursor: null, limit: 30 })
    expect(text('[data-entry="a3"] .au-line')).toContain('案卷 t-1')
    expect($('[data-entry="a2"]')).toBeNull()
  })

  it('an empty kind says what will appear there', async () => {
    serve({ 'admin.audit': () => page([]) })
    await open('.status-empty')
    await tap('[data-kind-filter="settings"]')
    await until(() => text('.status-empty .status-message') === '还没有「设置」类的操作记录')
    expect(text('.status-empty .status-desc')).toContain('修改设置')
  })
})
