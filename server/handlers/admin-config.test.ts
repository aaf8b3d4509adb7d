import { ringCentroid } from '../../core/routing'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import type { Category, GcjPoint, Grid } from '../../core/types'
import type { Deps } from '../deps'
import { createDirectoryCache, DIRECTORY_STAMP } from '../directory'
import { readAll } from '../paging'
import { createRouters } from '../router-registry'
import { createSettingsSource } from '../settings-source'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { snapshotStore } from '../testing/snapshot'

/** admin.categories/saveCategory and admin.settings/saveSettings, through the real routers over the seeded city. */

let app: TestApp
let spot: GcjPoint
let n = 0

beforeEach(async () => {
  app = await openTestApp()
  const grids = await readAll((q) => app.store.listGrids(q))
  spot = ringCentroid(grids.find((g: Grid) => g.managerIds.includes('u-grid'))!.polygon)!
})
afterEach(() => app.close())

const admin = () => app.as('dev-admin')
const report = (categoryId = 'cat-E02-01', as = 'dev-citizen') => app.as(as)('reports', 'submit', {
  clientRequestId: `req-config-${++n}-abcd`, categoryId, description: '墙上贴满了小广告', location: spot
})
const current = async () => ok(await admin()('admin', 'settings', {}))
const save = (settings: Settings, expectedVersion: number, reason = '按新的考核办法调整') =>
  admin()('admin', 'saveSettings', { expectedVersion, reason, settings })
const categoryOf = async (code: string): Promise<Category> =>
  (await readAll((q) => app.store.listCategories(q))).find((c) => c.code === code)!
const asInput = ({ id: _id, level: _level, ...c }: Category, patch: Partial<Category> = {}) => ({ ...c, create: false, ...patch })

/** Everything a settings or category save could touch: the store snapshot, every settings version, the audit list. */
const everything = async () => ({
  store: await snapshotStore(app.store),
  versions: await readAll((q) => app.store.listSettingsVersions(q)),
  audit: await readAll((q) => app.store.listAudit(q))
})

describe('settings', () => {
  it('start as the defaults, version 0, with no changes recorded', async () => {
    expect(await current()).toEqual({ version: 0, settings: DEFAULT_SETTINGS, history: [] })
  })

  it('a saved report quota applies to the very next submit', async () => {
    ok(await report())
    ok(await report())
    const { version, settings } = await current()
    const saved = ok(await save({ ...settings, reportsPerHour: 2 }, version))
    expect(saved.version).toBe(1)
    expect(saved.settings.reportsPerHour).toBe(2)
    const refused = await report()
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(!refused.ok && refused.error.message).toContain('每小时最多 2 条')
    // Raised again: the next one is filed.
    ok(await save({ ...saved.settings, reportsPerHour: 5 }, saved.version))
    ok(await report())
  })

  it('apply at once in another instance over the same store (as CloudBase runs each function), and so does a category edit', async () => {
    // A second process's deps: its own settings source (read every call) and directory cache (with the stamp).
    const other: Deps = {
      ...app.deps,
      settingsSource: createSettingsSource(app.store, DEFAULT_SETTINGS, app.clock, 0),
      // Checked on every read here; CloudBase checks at most once a second (server/cloud/entry.ts).
      directory: createDirectoryCache(app.store, app.clock, { ttlMs: 60_000, versionCheckMs: 0, stamp: () => app.store.incrementCounter(DIRECTORY_STAMP, 0) })
    }
    const routers = createRouters(other)
    const submitThere = () => routers.reports({ action: 'submit', clientRequestId: `req-config-${++n}-other`, categoryId: 'cat-E02-01', description: '墙上贴满了小广告', location: spot }, { kind: 'user', openid: 'dev-volunteer' })
    ok(await submitThere())
    expect(((await routers.reports({ action: 'categories' }, { kind: 'anonymous' })) as { ok: true; data: Category[] }).data.some((c) => c.code === 'E02-01')).toBe(true)

    const { version, settings } = await current()
    ok(await save({ ...settings, reportsPerHour: 1 }, version))
    expect(await submitThere()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })

    ok(await admin()('admin', 'saveCategory', asInput(await categoryOf('E02-01'), { active: false })))
    const listed = (await routers.reports({ action: 'categories' }, { kind: 'anonymous' })) as { ok: true; data: Category[] }
    expect(listed.data.some((c) => c.code === 'E02-01')).toBe(false)
  })

  it('a bad value, or a save from a stale version, changes nothing and says what to fix', async () => {
    const { version, settings } = await current()
    ok(await save({ ...settings, minSample: 40 }, version))
    const before = await everything()

    const bad = await save({ ...settings, reportsPerDay: 0 }, 1)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '每天上报上限应在 1–500 条 之间（settings.reportsPerDay）' } })
    const stale = await save({ ...settings, reportsPerHour: 3 }, 0)
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '设置刚被其他人修改过（现在是第 1 版），请刷新后在最新的设置上再改' } })
    const unchanged = await save({ ...settings, minSample: 40 }, 1)
    expect(unchanged).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '设置没有改动，不需要保存' } })
    const citizen = await app.as('dev-citizen')('admin', 'saveSettings', { expectedVersion: 1, reason: '我也想改一改', settings: { ...settings, reportsPerHour: 99 } })
    expect(citizen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    expect(await everything()).toEqual(before)
    expect((await current()).settings.minSample).toBe(40)
  })

  it('two saves from the same version: the first lands, the second is told to reload', async () => {
    const { settings } = await current()
    const [a, b] = await Promise.all([save({ ...settings, reportsPerHour: 4 }, 0, '第一位同事调整'), save({ ...settings, reportsPerHour: 6 }, 0, '第二位同事调整')])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect((await current()).version).toBe(1)
    expect(await readAll((q) => app.store.listSettingsVersions(q))).toHaveLength(1)
  })

  it('keep every version with who, when and why, and an audit entry of what changed', async () => {
    const { settings } = await current()
    ok(await save({ ...settings, reportsPerHour: 5, targets: { ...settings.targets, satisfaction: 0.95 } }, 0, '市里提高了满意率目标'))
    app.clock.advanceHours(1)
    const second = ok(await save({ ...settings, reportsPerHour: 6, targets: { ...settings.targets, satisfaction: 0.95 } }, 1, '放宽上报次数'))
    expect(second.history).toEqual([
      { version: 2, savedAt: app.clock.now(), savedBy: '文明办刘主任', reason: '放宽上报次数', changes: [{ path: 'reportsPerHour', label: '每小时上报上限', before: '5 条', after: '6 条' }] },
      {
        version: 1, savedAt: '2026-11-20T02:00:00.000Z', savedBy: '文明办刘主任', reason: '市里提高了满意率目标',
        changes: [
          { path: 'reportsPerHour', label: '每小时上报上限', before: '10 条', after: '5 条' },
          { path: 'targets.satisfaction', label: '满意率目标', before: '90%', after: '95%' }
        ]
      }
    ])
    const audit = ok(await admin()('admin', 'settings', {})) && (await app.store.listAudit({ kind: 'settings' })).items
    expect(audit.map(({ action, actorId, targetId, reason, summary, before, after }) => ({ action, actorId, targetId, reason, summary, before, after }))).toEqual([
      { action: 'save', actorId: 'u-admin', targetId: 'settings', reason: '放宽上报次数', summary: '第 2 版：每小时上报上限 5 条 → 6 条', before: { reportsPerHour: 5 }, after: { reportsPerHour: 6 } },
      {
        action: 'save', actorId: 'u-admin', targetId: 'settings', reason: '市里提高了满意率目标', summary: '第 1 版：每小时上报上限 10 条 → 5 条；满意率目标 90% → 95%',
        before: { reportsPerHour: 10, 'targets.satisfaction': 0.9 }, after: { reportsPerHour: 5, 'targets.satisfaction': 0.95 }
      }
    ])
  })
})

describe('categories', () => {
  it('lists both levels, active or not, in code order', async () => {
    const all = ok(await admin()('admin', 'categories', {}))
    expect(all.filter((c) => c.level === 1).map((c) => c.code)).toEqual(['01', '02', '03', '04', '05', '06', 'E01', 'E02', 'E03', 'E04', 'E05', 'E06'])
    expect(all.map((c) => c.code)).toEqual([...all.map((c) => c.code)].sort())
    expect(await app.as('dev-grid')('admin', 'categories', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('a new time limit applies to new tickets only: a filed ticket keeps its deadline, a new report gets the new one', async () => {
    const old = ok(await report()).ticket
    expect(Date.parse(old.deadline) - Date.parse(old.createdAt)).toBe(72 * 3_600_000)
    const saved = ok(await admin()('admin', 'saveCategory', asInput(await categoryOf('E02-01'), { timeLimitHours: 8, department: '街道办' })))
    expect(saved).toMatchObject({ id: 'cat-E02-01', timeLimitHours: 8, department: '街道办' })

    const fresh = ok(await report()).ticket
    expect(Date.parse(fresh.deadline) - Date.parse(fresh.createdAt)).toBe(8 * 3_600_000)
    const kept = (await app.store.getTicket(old.id))!
    expect(kept).toMatchObject({ deadline: old.deadline, department: '城管局', version: old.version })
    expect((await app.store.getTicket(fresh.id))?.department).toBe('街道办')
  })

  it('switched off, a category leaves the report form and cannot be reported, but old tickets keep showing its name', async () => {
    const old = ok(await report()).ticket
    ok(await admin()('admin', 'saveCategory', asInput(await categoryOf('E02-01'), { active: false })))
    expect(ok(await app.anonymous('reports', 'categories', {})).some((c) => c.code === 'E02-01')).toBe(false)
    expect(ok(await admin()('admin', 'categories', {})).find((c) => c.code === 'E02-01')?.active).toBe(false)
    expect(await report()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请选择一个具体的问题类别' } })
    const mine = ok(await app.as('dev-citizen')('reports', 'mine', {})).items.find((t) => t.id === old.id)
    expect(mine?.categoryName).toBe('非法小广告')

    ok(await admin()('admin', 'saveCategory', asInput(await categoryOf('E02-01'), { active: true })))
    ok(await report())
  })

  it('a new 小类 can be reported at once; each save is in the audit list with before and after', async () => {
    const created = ok(await admin()('admin', 'saveCategory', {
      create: true, code: 'E02-05', parentCode: 'E02', kind: 'event', name: '乱扔烟头', icon: '🚬',
      timeLimitHours: 24, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true, active: true
    }))
    expect(created).toMatchObject({ id: 'cat-E02-05', level: 2, parentCode: 'E02' })
    expect(ok(await report('cat-E02-05')).ticket.categoryId).toBe('cat-E02-05')
    ok(await admin()('admin', 'saveCategory', asInput(created, { active: false })))

    const entries = (await app.store.listAudit({ kind: 'category' })).items
    expect(entries.map((e) => ({ action: e.action, targetId: e.targetId, summary: e.summary, actorId: e.actorId }))).toEqual([
      { action: 'deactivate', targetId: 'E02-05', summary: '停用 小类 E02-05 乱扔烟头', actorId: 'u-admin' },
      { action: 'create', targetId: 'E02-05', summary: '新建 小类 E02-05 乱扔烟头', actorId: 'u-admin' }
    ])
    expect(entries[0]).toMatchObject({ before: created, after: { ...created, active: false } })
    expect(entries[1]).toMatchObject({ before: null, after: created })
  })

  it('refuses what the taxonomy cannot take, changing nothing', async () => {
    const before = await everything()
    const again = await admin()('admin', 'saveCategory', { ...asInput(await categoryOf('E02-01')), create: true })
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '代码 E02-01 已被「非法小广告」使用，请换一个代码', details: [{ path: 'code' }] } })
    const group = await admin()('admin', 'saveCategory', asInput(await categoryOf('E02'), { active: false }))
    expect(group).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '「宣传广告」下还有 4 个启用的小类（非法小广告、乱涂写乱张贴、户外广告破损等），请先停用它们' } })
    const tooLong = await admin()('admin', 'saveCategory', asInput(await categoryOf('E02-01'), { timeLimitHours: 91 * 24 }))
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await everything()).toEqual(before)
  })
})
