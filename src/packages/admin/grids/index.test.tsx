import type { GridPreviewView } from '../../../../core/grids/preview'
import type { GridVersion } from '../../../../core/grids/versions'
import { aGrid } from '../../../../core/testing/builders'
import type { Grid } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import GridsPage from './index'

const { tap, type, text, serve, open, dialogs, toasts, setConfirm, $ } = usePageTest(GridsPage)

const G1 = aGrid({ id: 'grid-001', code: '430111001001001', name: '桂花井社区·01网格', street: '侯家塘街道', community: '桂花井社区', managerIds: ['u-grid'], population: 9640 })
const G2 = aGrid({ id: 'grid-002', code: '430111001001002', name: '桂花井社区·02网格', street: '侯家塘街道', community: '桂花井社区', managerIds: [], population: 5000 })
const MANAGERS = [{ id: 'u-grid', nickname: '赵网格', gridIds: ['grid-001'] }, { id: 'u-gm-002', nickname: '钱网格', gridIds: ['grid-009'] }]
const version = (n: number, status: GridVersion['status'], o: Partial<GridVersion> = {}): GridVersion =>
  ({ version: n, status, createdAt: '2026-11-20T02:00:00.000Z', createdBy: 'u-admin', createdByName: '文明办刘主任', source: `网格-v${n}.geojson`, gridCount: 2, reason: '区划调整', ...o })

const ok = <T, >(data: T) => ({ ok: true as const, data })
const page = <T, >(items: T[]) => ok({ items, next: null })

function world (o: { grids?: Grid[]; versions?: GridVersion[]; preview?: GridPreviewView } = {}) {
  return serve({
    'admin.grids': () => page(o.grids ?? [G1, G2]),
    'admin.managers': () => ok(MANAGERS),
    'admin.gridVersions': () => page(o.versions ?? [version(2, 'active'), version(1, 'inactive', { source: '初始网格', createdByName: '系统' })]),
    'admin.saveGrid': (e) => ok({ ...G2, managerIds: e.managerIds as string[] }),
    'admin.previewGrids': () => ok(o.preview ?? CLEAN),
    'admin.importGrids': () => ok({ version: version(3, 'active'), diff: CLEAN.diff! }),
    'admin.restoreGrids': (e) => ok({ version: version(e.version as number, 'active'), managersDropped: 0, retired: 1 })
  })
}

const report = (o: Partial<GridPreviewView['report']> = {}): GridPreviewView['report'] =>
  ({ datum: { input: 'gcj02', source: 'properties', converted: false }, featureCount: 2, errorCount: 0, warningCount: 0, file: [], features: [], ...o })
const CLEAN: GridPreviewView = {
  ok: true,
  activeVersion: 2,
  report: report(),
  outlines: [{ index: 0, code: G1.code, name: G1.name, ring: G1.polygon, severity: null }],
  diff: { total: 3, added: 2, revived: 0, kept: 1, renamed: 0, reshaped: 0, removed: 1, removedGrids: [{ id: 'grid-002', code: G2.code, name: G2.name, managerIds: [] }], managersLosingGrid: 0, populationCarried: 0 }
}
const BROKEN: GridPreviewView = {
  ok: false,
  activeVersion: 2,
  diff: null,
  outlines: [{ index: 0, code: G1.code, name: G1.name, ring: G1.polygon, severity: 'error' }],
  report: report({
    errorCount: 1,
    warningCount: 1,
    features: [
      { index: 0, code: '430111001001001', name: '一号', problems: [{ rule: 'population_missing', severity: 'warning', message: '未填写常住人口（属性 "population"），按 0 导入。' }, { rule: 'ring_self_intersection', severity: 'error', message: '边界自相交：第 1 条边与第 3 条边相交。请修正边界。', at: [113, 28] }] }
    ]
  })
}
const FILE = JSON.stringify({ type: 'FeatureCollection', properties: { datum: 'GCJ-02' }, features: [] })

describe('网格管理', () => {
  it('lists the grids in use with their managers, says which have none, and finds one by any part of its name', async () => {
    world()
    await open('#grid-list [data-grid="grid-002"]')
    await until(() => text('#grid-current')?.includes('第 2 版') === true)
    expect(text('#grid-current')).toContain('2 个网格，其中 1 个暂无网格员')
    expect(text('[data-grid="grid-001"]')).toContain('网格员：赵网格')
    expect(text('[data-grid="grid-002"]')).toContain('暂无网格员')
    await type('#grid-search', '02网格')
    expect(Array.from(document.querySelectorAll('#grid-list [data-grid]')).map((e) => e.getAttribute('data-grid'))).toEqual(['grid-002'])
    await type('#grid-search', '赵网格')
    expect(Array.from(document.querySelectorAll('#grid-list [data-grid]')).map((e) => e.getAttribute('data-grid'))).toEqual(['grid-001'])
  })

  it('appoints a grid manager with a reason after a confirmation, and sends only what changed', async () => {
    const fake = world()
    await open('#grid-list [data-grid="grid-002"]')
    await tap('[data-grid="grid-002"]')
    await until(() => $('#grid-editor') !== null)
    await tap('#editor-save')
    expect(text('#grid-editor')).toContain('请写明修改的原因')
    expect(fake.sent('saveGrid')).toEqual([])
    await type('#editor-manager-search', '钱')
    await tap('[data-candidate="u-gm-002"]')
    expect(text('#editor-managers')).toContain('钱网格（接收上报）')
    await type('#editor-reason', '新任网格员到岗')
    await tap('#editor-save')
    await until(() => fake.sent('saveGrid').length === 1)
    expect(fake.sent('saveGrid')).toEqual([{ action: 'saveGrid', id: 'grid-002', reason: '新任网格员到岗', managerIds: ['u-gm-002'] }])
    expect(dialogs()[0].content).toContain('网格员 钱网格')
    await until(() => $('#grid-editor') === null)
    expect(toasts()).toContain('已保存')
  })

  it('checks a pasted file and lists errors before warnings, each with its message; a file with errors cannot be imported', async () => {
    const fake = world({ preview: BROKEN })
    await open('#grid-list')
    await tap('#tab-import')
    await type('#import-text', FILE)
    await tap('[data-datum="gcj02"]')
    await tap('#import-check')
    await until(() => $('#import-summary') !== null)
    expect(fake.sent('previewGrids')).toEqual([{ action: 'previewGrids', geojson: JSON.parse(FILE), datum: 'gcj02', source: '粘贴的文本' }])
    expect(text('#import-summary')).toContain('有 1 处错误，不能导入')
    expect(Array.from(document.querySelectorAll('#report-list [data-rule]')).map((e) => e.getAttribute('data-rule'))).toEqual(['ring_self_intersection', 'population_missing'])
    expect(text('#report-list')).toContain('第 1 个要素 · 430111001001001 一号')
    expect(text('#report-list')).toContain('边界自相交')
    expect($('#import-confirm')).toBeNull()
  })

  it('imports a clean file with a reason after a confirmation that says what changes', async () => {
    const fake = world()
    await open('#grid-list')
    await tap('#tab-import')
    await type('#import-text', FILE)
    await tap('#import-check')
    await until(() => $('#import-confirm') !== null)
    expect(text('#import-summary')).toContain('沿用 1 个，新增 2 个，停用 1 个')
    expect(text('#import-removed')).toContain(G2.name)
    await tap('#import-confirm')
    expect(text('#import-confirm-card')).toContain('请写明导入的原因')
    await type('#import-reason', '东塘片区网格调整')
    setConfirm(false)
    await tap('#import-confirm')
    expect(fake.sent('importGrids')).toEqual([])
    setConfirm(true)
    await tap('#import-confirm')
    await until(() => fake.sent('importGrids').length === 1)
    expect(fake.sent('importGrids')[0]).toEqual({ action: 'importGrids', geojson: JSON.parse(FILE), source: '粘贴的文本', reason: '东塘片区网格调整' })
    expect(dialogs()[1].content).toContain('新增 2 个')
    expect(dialogs()[1].content).toContain('新的上报立即按新网格分派')
    await until(() => toasts().includes('已启用第 3 版'))
    await until(() => $('#grid-tab') !== null)
  })

  it('refuses a file over what one call carries before sending it, and says what to do', async () => {
    const fake = world()
    await open('#grid-list')
    await tap('#tab-import')
    await type('#import-text', `"${'x'.repeat(6 * 1024 * 1024)}"`)
    await tap('#import-check')
    expect(text('#import-problem')).toMatch(/超过单次导入的上限 6\.0 MB.*简化边界/)
    expect(fake.sent('previewGrids')).toEqual([])
  })

  it('restores an earlier version with a reason after a confirmation', async () => {
    const fake = world()
    await open('#grid-list')
    await tap('#tab-versions')
    await until(() => $('[data-version="1"]') !== null)
    expect(text('[data-version="2"]')).toContain('当前使用')
    expect($('#restore-2')).toBeNull()
    expect(text('[data-version="1"]')).toContain('来自 初始网格')
    await tap('#restore-1')
    await tap('#restore-confirm')
    expect(text('[data-version="1"]')).toContain('请写明恢复的原因')
    await type('#restore-reason', '新方案暂缓')
    await tap('#restore-confirm')
    await until(() => fake.sent('restoreGrids').length === 1)
    expect(fake.sent('restoreGrids')).toEqual([{ action: 'restoreGrids', version: 1, reason: '新方案暂缓' }])
    expect(dialogs()[0].title).toBe('恢复第 1 版网格')
    await until(() => toasts().includes('已恢复第 1 版'))
  })

  it('says so when someone without the office role opens it', async () => {
    serve({ 'admin.grids': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }) })
    await open('.status-error')
    expect(text('.status-error')).toContain('你没有权限')
  })
})
