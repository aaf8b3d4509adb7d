import type { ActionName } from '../../core/api'
import type { Result } from '../../core/errors'
import { gridsToGeoJson } from '../../core/grids/geojson-out'
import type { User } from '../../core/types'
import { hashKey, issueKey } from '../open311/keys'
import { readAll } from '../paging'
import type { TestApp } from './app'
import type { Cast, CallerKey } from './matrix'

/**
 * Valid payloads of the office's console (server/handlers/admin*.ts) for the authorization matrix: each cell writes
 * only what no other cell reads (its own person, key, category department, grid figure), so cells stay independent.
 */

/** The part of matrix-rows.ts' World and ValidRow these rows use (typed here, so the two files do not import each other). */
interface World { app: TestApp; cast: Cast }
interface ValidRow {
  given (w: World, caller: CallerKey): Promise<{ payload: Record<string, unknown> }>
  allowed? (w: World, given: { payload: Record<string, unknown> }, result: Result<unknown>): Promise<void>
}

const fixed = (payload: Record<string, unknown> = {}): ValidRow => ({ given: async () => ({ payload }) })
const gridsAsFile = async (w: World) => gridsToGeoJson(await readAll((q) => w.app.store.listGrids(q)))
let fresh = 0

/** A fresh resident of the cell's own (a role change or a ban must not touch the cast later cells call as). */
async function person (w: World, tag: string, o: Partial<User> = {}): Promise<User> {
  const u: User = { id: `u-all-matrix-${tag}`, openid: `all-matrix-${tag}`, nickname: `矩阵居民${tag}`, roles: ['citizen'], gridIds: [], createdAt: w.app.clock.now(), ...o }
  await w.app.store.putUser(u)
  return u
}

export const ADMIN_ROWS: Record<ActionName<'admin'>, ValidRow> = {
  grids: fixed({ limit: 5 }),
  users: fixed({ limit: 5 }),
  managers: fixed(),
  open311Keys: fixed({ limit: 5 }),
  createOpen311Key: {
    given: async (_w, caller) => ({ payload: { name: `矩阵对接系统-${caller}` } }),
    // The key is in the answer once; the store holds its hash and lists it without.
    async allowed (w, { payload }, result) {
      const { key, secret } = (result as { ok: true; data: { key: { id: string }; secret: string } }).data
      expect(secret).toMatch(/^o311_/)
      const stored = await w.app.store.getApiKeyByHash(hashKey(secret))
      expect(stored).toMatchObject({ id: key.id, name: payload.name, revokedAt: null })
      expect(JSON.stringify(stored)).not.toContain(secret)
    }
  },
  revokeOpen311Key: {
    given: async (w, caller) => ({ payload: { id: (await issueKey(w.app.deps, 'u-admin', `矩阵待停用-${caller}`)).key.id } }),
    async allowed (w, { payload }) {
      const keys = await readAll((q) => w.app.store.listApiKeys(q))
      expect(keys.find((k) => k.id === payload.id)?.revokedAt).toBe(w.app.clock.now())
    }
  },
  categories: fixed(),
  saveCategory: {
    // An edit of a seeded 小类 nobody else's cell files under: its department, per caller.
    async given (w, caller) {
      const c = (await readAll((q) => w.app.store.listCategories(q))).find((x) => x.code === '0602')!
      const { id: _id, level: _level, ...fields } = c
      return { payload: { ...fields, create: false, department: `街道办（${caller}）` } }
    },
    async allowed (w, { payload }) {
      const c = (await readAll((q) => w.app.store.listCategories(q))).find((x) => x.code === '0602')
      expect(c?.department).toBe(payload.department)
    }
  },
  settings: fixed(),
  saveSettings: {
    // The newest version, with one harmless field moved by a minute (no other cell depends on it).
    async given (w) {
      const saved = await w.app.store.getSettings()
      const settings = saved?.settings ?? w.app.deps.settings
      return { payload: { expectedVersion: saved?.version ?? 0, reason: '矩阵：调整签退时间', settings: { ...settings, volunteer: { ...settings.volunteer, checkoutLateMinutes: settings.volunteer.checkoutLateMinutes + 1 } } } }
    },
    async allowed (w, { payload }) {
      const saved = await w.app.store.getSettings()
      expect(saved?.version).toBe((payload.expectedVersion as number) + 1)
      expect(saved?.settings).toEqual(payload.settings)
    }
  },
  previewGrids: {
    given: async (w) => ({ payload: { geojson: await gridsAsFile(w), source: 'matrix.geojson' } }),
    async allowed (_w, _given, result) {
      expect((result as { ok: true; data: { ok: boolean; diff: unknown } }).data).toMatchObject({ ok: true, diff: { removed: 0, added: 0 } })
    }
  },
  importGrids: {
    // The grids in use, as they are: a new version that routes exactly as before, so no other cell notices.
    given: async (w, caller) => ({ payload: { geojson: await gridsAsFile(w), source: `matrix-${caller}.geojson`, reason: '矩阵：原样导入' } }),
    async allowed (w, { payload }) {
      expect((await w.app.store.listGridVersions({ limit: 1 })).items[0]).toMatchObject({ status: 'active', source: payload.source })
    }
  },
  gridVersions: fixed({ limit: 5 }),
  restoreGrids: {
    // An import of the grids as they are, then back to the version before it: the same grids route throughout.
    async given (w, caller) {
      const before = await w.app.store.activeGridVersion()
      const r = await w.app.as('dev-admin')('admin', 'importGrids', { geojson: await gridsAsFile(w) as never, reason: `矩阵：待恢复（${caller}）` })
      if (!r.ok) throw new Error(r.error.message)
      return { payload: { version: before, reason: `矩阵：恢复（${caller}）` } }
    },
    async allowed (w, { payload }) {
      expect(await w.app.store.activeGridVersion()).toBe(payload.version)
    }
  },
  saveGrid: {
    // The 常住人口 of a grid nobody manages (no other cell reads it), a new figure per call.
    async given (w) {
      const g = (await readAll((q) => w.app.store.listGrids(q))).find((x) => x.managerIds.length === 0)!
      return { payload: { id: g.id, population: 5000 + ++fresh, reason: '矩阵：人口普查更新' } }
    },
    async allowed (w, { payload }) {
      expect((await w.app.store.getGrid(payload.id as string))?.population).toBe(payload.population)
    }
  },
  findUsers: {
    given: async () => ({ payload: { q: '张', limit: 20 } }),
    async allowed (_w, _given, result) {
      expect((result as { ok: true; data: { items: Array<{ id: string }> } }).data.items.map((p) => p.id)).toContain('u-citizen')
    }
  },
  grantRole: {
    given: async (w, caller) => ({ payload: { userId: (await person(w, `grant-${caller}`)).id, role: 'organizer', organisation: '矩阵志愿服务队', reason: '矩阵：新任组织者' } }),
    async allowed (w, { payload }) {
      expect(await w.app.store.getUser(payload.userId as string)).toMatchObject({ roles: ['citizen', 'organizer'], organisation: '矩阵志愿服务队' })
      expect((await w.app.store.listAudit({ targetId: payload.userId as string })).items.map((e) => e.action)).toEqual(['grant'])
    }
  },
  revokeRole: {
    given: async (w, caller) => ({ payload: { userId: (await person(w, `revoke-${caller}`, { roles: ['citizen', 'organizer'], organisation: '矩阵志愿服务队' })).id, role: 'organizer', reason: '矩阵：组织调整' } }),
    async allowed (w, { payload }) {
      expect((await w.app.store.getUser(payload.userId as string))?.roles).toEqual(['citizen'])
    }
  },
  audit: fixed({ limit: 5 }),
  banReporter: {
    given: async (w, caller) => ({
      payload: { userId: (await person(w, `ban-${caller}`)).id, until: new Date(Date.parse(w.app.clock.now()) + 7 * 86_400_000).toISOString(), reason: '多次上报虚假信息' }
    }),
    async allowed (w, { payload }) {
      expect((await w.app.store.getUser(payload.userId as string))?.reportBan).toMatchObject({ until: payload.until, reason: '多次上报虚假信息' })
      expect((await w.app.store.listMessages({ userId: payload.userId as string })).items.map((m) => m.title)).toEqual(['随手拍上报已暂停'])
    }
  },
  unban: {
    given: async (w, caller) => {
      const until = new Date(Date.parse(w.app.clock.now()) + 86_400_000).toISOString()
      return { payload: { userId: (await person(w, `unban-${caller}`, { reportBan: { until, reason: '待核实', by: 'u-admin', at: w.app.clock.now() } })).id, reason: '核实后恢复' } }
    },
    async allowed (w, { payload }) {
      expect((await w.app.store.getUser(payload.userId as string))?.reportBan).toBeNull()
    }
  }
}
