import type { GridPreviewView } from '../../core/grids/preview'
import type { GcjPoint, Grid } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { REFUSED_GRID_FILES, smallGridFile, splitGridFile, type SplitFile } from '../testing/grid-files'
import { snapshotStore } from '../testing/snapshot'

/**
 * The office's grids through the real handlers and the SQLite store: a file is checked without storing anything; a
 * refused file changes nothing; an import routes the next report by the new grids at once while tickets keep the
 * grid they were routed to; a grid's managers are appointed; a restore routes by the old grids again.
 */

let app: TestApp
let grids: Grid[]
/** A grid of another manager than 赵网格 (u-grid), cut in two by the file. */
let other: Grid
let split: SplitFile
let n = 0

beforeAll(async () => {
  app = await openTestApp({ settings: { reportsPerHour: 1000, reportsPerDay: 1000 } })
  grids = await readAll((q) => app.store.listGrids(q))
  other = grids.find((g) => g.managerIds.length === 1 && g.managerIds[0] !== 'u-grid' && g.polygon.length === 4)!
  split = splitGridFile(grids, other.id)
})
afterAll(() => app.close())

const admin = () => app.as('dev-admin')
const west = () => split.halves[0]

async function report (location: GcjPoint) {
  const r = await app.as('dev-citizen')('reports', 'submit', { clientRequestId: `req-grids-${++n}-xyz`, categoryId: 'cat-E02-01', description: '墙上有小广告', location })
  return ok(r).ticket
}
const stored = async (id: string) => (await app.store.getTicket(id))!
const inbox = async (openid: string) => ok(await app.as(openid)('tickets', 'inbox', {})).items.map((t) => t.id)
const versions = async () => ok(await admin()('admin', 'gridVersions', {})).items.map((v) => [v.version, v.status])

describe('a grid file refused', () => {
  it('every refusing rule: preview says so with the rule and outlines, import answers VALIDATION with the report, and the store reads the same', async () => {
    const before = await snapshotStore(app.store)
    for (const { rule, geojson } of REFUSED_GRID_FILES) {
      const preview = ok(await admin()('admin', 'previewGrids', { geojson: geojson() as never }))
      const rules = [...preview.report.file, ...preview.report.features.flatMap((f) => f.problems)].map((p) => p.rule)
      expect({ rule, ok: preview.ok, has: rules.includes(rule as never), diff: preview.diff }).toEqual({ rule, ok: false, has: true, diff: null })
      const r = await admin()('admin', 'importGrids', { geojson: geojson() as never, reason: '测试错误文件' })
      expect({ rule, code: r.ok ? 'ok' : r.error.code }).toEqual({ rule, code: 'VALIDATION' })
      if (r.ok) continue
      expect(r.error.message).toMatch(/处错误，没有导入任何网格/)
      const report = (r.error.details as { report: GridPreviewView['report'] }).report
      expect([...report.file, ...report.features.flatMap((f) => f.problems)].map((p) => p.rule)).toContain(rule)
    }
    expect(await snapshotStore(app.store)).toEqual(before)
  })

  it('outlines even the refused features, coloured by their worst problem', async () => {
    const bad = REFUSED_GRID_FILES.find((c) => c.rule === 'ring_self_intersection')!
    const preview = ok(await admin()('admin', 'previewGrids', { geojson: JSON.stringify(bad.geojson()), datum: 'gcj02' }))
    expect(preview.outlines).toHaveLength(10)
    expect(preview.outlines[9]).toMatchObject({ index: 9, code: '430111001001010', severity: 'error' })
    expect(preview.outlines[9].ring.length).toBeGreaterThanOrEqual(4)
    expect(preview.outlines[0].severity).toBeNull()
    // Only features with problems are listed in the report; the count is the file's.
    expect(preview.report.featureCount).toBe(10)
    expect(preview.report.features.map((f) => f.index)).toEqual([9])
  })
})

describe('importing, appointing, restoring', () => {
  let before: Awaited<ReturnType<typeof report>>
  let westId = ''
  /** The report 赵网格 got in the west half. */
  let his = ''

  it('a preview tells what the import would change, and stores nothing', async () => {
    before = await report(west().inside)
    expect((await stored(before.id)).gridId).toBe(other.id)
    const snap = await snapshotStore(app.store)
    const preview = ok(await admin()('admin', 'previewGrids', { geojson: split.file as never, source: 'grids-split.geojson' }))
    expect(preview.ok).toBe(true)
    expect(preview.activeVersion).toBe(1)
    expect(preview.diff).toMatchObject({ total: grids.length + 1, added: 2, kept: grids.length - 1, removed: 1, renamed: 0, reshaped: 0, managersLosingGrid: 1 })
    expect(preview.diff!.removedGrids).toEqual([{ id: other.id, code: other.code, name: other.name, managerIds: other.managerIds }])
    expect(preview.outlines).toHaveLength(grids.length + 1)
    expect(await snapshotStore(app.store)).toEqual(snap)
  })

  it('an import switches routing at once: a report in a new grid lands there (no manager yet: triage); the old ticket keeps its grid', async () => {
    const done = ok(await admin()('admin', 'importGrids', { geojson: split.file as never, source: 'grids-split.geojson', reason: '东塘片区网格拆分' }))
    expect(done.version).toMatchObject({ version: 2, status: 'active', source: 'grids-split.geojson', gridCount: grids.length + 1, createdBy: 'u-admin', reason: '东塘片区网格拆分' })
    expect(await versions()).toEqual([[2, 'active'], [1, 'inactive']])
    const now = await readAll((q) => app.store.listGrids(q))
    // Kept codes keep their ids and managers; the halves are new.
    for (const g of grids.filter((x) => x.id !== other.id)) expect(now.find((x) => x.code === g.code)).toMatchObject({ id: g.id, managerIds: g.managerIds })
    const half = now.find((g) => g.code === west().code)!
    westId = half.id
    expect(half).toMatchObject({ name: west().name, managerIds: [] })
    expect(grids.map((g) => g.id)).not.toContain(westId)

    const t = await report(west().inside)
    expect(await stored(t.id)).toMatchObject({ gridId: westId, state: 'triage', assigneeId: null })
    const old = await stored(before.id)
    expect(old.gridId).toBe(other.id)
    // The retired grid's name still shows on the tickets routed to it.
    expect(ok(await admin()('tickets', 'get', { id: before.id })).ticket.gridName).toBe(other.name)
    // Its manager keeps it for the open ticket.
    expect(await inbox((await app.store.getUser(other.managerIds[0]))!.openid)).toContain(before.id)
    const audit = (await app.store.listAudit({ kind: 'grid' })).items
    expect(audit[0]).toMatchObject({ action: 'import', targetId: 'grids:v2', actorId: 'u-admin', reason: '东塘片区网格拆分' })
    expect(audit[0].summary).toContain('新增 2、停用 1')
  })

  it('saveGrid appoints a grid manager: the grid and the person change together, and the next report goes to them', async () => {
    const saved = ok(await admin()('admin', 'saveGrid', { id: westId, managerIds: ['u-grid'], population: 4321, reason: '新网格指派网格员' }))
    expect(saved).toMatchObject({ id: westId, managerIds: ['u-grid'], population: 4321 })
    expect((await app.store.getUser('u-grid'))!.gridIds).toContain(westId)
    const t = await report(west().inside)
    expect(await stored(t.id)).toMatchObject({ gridId: westId, state: 'dispatched', assigneeId: 'u-grid' })
    expect(await inbox('dev-grid')).toContain(t.id)
    his = t.id
    expect((await app.store.listAudit({ kind: 'grid', targetId: westId })).items[0].summary).toContain('网格员改为 赵网格')
  })

  it('saveGrid refuses a person who is not a grid manager, an edit that changes nothing, and a grid not in use', async () => {
    const snap = await snapshotStore(app.store)
    const notGm = await admin()('admin', 'saveGrid', { id: westId, managerIds: ['u-citizen'], reason: '指派' })
    expect(notGm.ok ? null : notGm.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('张阿姨 还不是网格员') })
    const same = await admin()('admin', 'saveGrid', { id: westId, managerIds: ['u-grid'], reason: '指派' })
    expect(same.ok ? null : same.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('没有修改任何内容') })
    const retired = await admin()('admin', 'saveGrid', { id: other.id, name: '旧网格', reason: '改名' })
    expect(retired.ok ? null : retired.error.code).toBe('NOT_FOUND')
    expect(await snapshotStore(app.store)).toEqual(snap)
  })

  it('saveGrid will not take a manager off a grid while they hold its open tickets', async () => {
    const r = await admin()('admin', 'saveGrid', { id: westId, managerIds: [], reason: '调整' })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/赵网格 还有 1 件本网格的案卷在办.*改派/) })
  })

  it('a restore routes by the old grids again; tickets keep the grids they were routed to, and their names', async () => {
    const wrong = await admin()('admin', 'restoreGrids', { version: 2, reason: '恢复' })
    expect(wrong.ok ? null : wrong.error.code).toBe('VALIDATION')
    const missing = await admin()('admin', 'restoreGrids', { version: 9, reason: '恢复' })
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')

    const inWest = (await readAll((q) => app.store.listTickets({ ...q, gridIds: [westId] }))).map((t) => t.id)
    const done = ok(await admin()('admin', 'restoreGrids', { version: 1, reason: '拆分方案暂缓' }))
    expect(done).toMatchObject({ version: { version: 1, status: 'active' }, retired: 2, managersDropped: 0 })
    expect(await versions()).toEqual([[2, 'inactive'], [1, 'active']])
    const t = await report(west().inside)
    expect(await stored(t.id)).toMatchObject({ gridId: other.id, state: 'dispatched', assigneeId: other.managerIds[0] })
    for (const id of inWest) expect((await stored(id)).gridId).toBe(westId)
    expect(ok(await admin()('tickets', 'get', { id: inWest[0] })).ticket.gridName).toBe(west().name)
    // 赵网格 keeps the half for the ticket he holds there.
    expect(inWest).toContain(his)
    expect(await inbox('dev-grid')).toContain(his)
    expect((await app.store.listAudit({ kind: 'grid' })).items.map((e) => e.action)).toEqual(['restore', 'save', 'import'])
  })

  it('importing the split again brings the halves back with their ids, tickets and the managers who still manage them', async () => {
    const again = ok(await admin()('admin', 'importGrids', { geojson: split.file as never, reason: '再次拆分' }))
    expect(again.version.version).toBe(3)
    expect(again.diff).toMatchObject({ added: 2, revived: 2, removed: 1 })
    const half = (await readAll((q) => app.store.listGrids(q))).find((g) => g.code === west().code)!
    expect(half).toMatchObject({ id: westId, managerIds: ['u-grid'] })
    const t = await report(west().inside)
    expect(await stored(t.id)).toMatchObject({ gridId: westId, assigneeId: 'u-grid' })
  })
})

describe('population', () => {
  it('a kept grid whose population the file leaves out keeps the figure it had', async () => {
    const local = await openTestApp()
    try {
      const first = smallGridFile()
      ok(await local.as('dev-admin')('admin', 'importGrids', { geojson: first as never, reason: '小区块' }))
      const second = smallGridFile()
      delete (second.features[0].properties as { population?: number }).population
      const r = ok(await local.as('dev-admin')('admin', 'importGrids', { geojson: second as never, reason: '小区块再导入' }))
      expect(r.diff.populationCarried).toBe(1)
      const g = (await readAll((q) => local.store.listGrids(q))).find((x) => x.code === '430111001001001')!
      expect(g.population).toBe(3001)
    } finally {
      await local.close()
    }
  })
})
