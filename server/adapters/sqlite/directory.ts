import type { GridVersion, GridVersionRecord } from '../../../core/grids/versions'
import type { Category, Grid, Page, User } from '../../../core/types'
import type { DirectoryStore, GridSwitch } from '../../ports/directory'
import type { PageQuery } from '../../ports/paging'
import type { AuditOps } from './audit'
import { parseDoc, type Db, type Sql } from './db'
import { clampLimit, decodeCursor, encodeCursor, readPage } from './paging'

/**
 * Grids by version, and categories.
 *
 * `grids` holds the active version's grids, as they route now: saveGrid and putGrids edit them there, and other
 * units (a role change mirroring Grid.managerIds) may update a row in their own transaction. `grid_active` names the
 * active version; `grid_versions` keeps every version's record; `grid_version_rows` each earlier version's grids as
 * they were when it was left (copied from `grids` at the switch), so a restore brings back what was in use;
 * `grids_retired` the grids no version in use has, for the names of tickets routed to them.
 *
 * A switch (import or restore) is one immediate transaction: the version left is copied into its rows, the grids it
 * loses are retired, `grids` is replaced by the new version's, and the pointer moves — with the audit entry.
 *
 * A grid's boundary is kept beside its doc as packed doubles (`ring`): every start reads every grid to route by, and
 * parsing boundaries from JSON was most of that start. The doc holds the rest of the grid (so a unit that rewrites a
 * grid's doc, such as a role change's managerIds, leaves its boundary alone); a row from before has its ring in the doc.
 */

/** [lng, lat, lng, lat, …] as little-endian doubles. */
function packRing (polygon: Grid['polygon']): Buffer {
  const out = Buffer.allocUnsafe(polygon.length * 16)
  polygon.forEach(([x, y], i) => { out.writeDoubleLE(x, i * 16); out.writeDoubleLE(y, i * 16 + 8) })
  return out
}

function unpackRing (b: Buffer): Grid['polygon'] {
  // A copy: SQLite's buffer need not be aligned for a Float64Array view.
  const xs = new Float64Array(new Uint8Array(b).buffer)
  const ring: Grid['polygon'] = new Array(xs.length / 2)
  for (let i = 0; i < ring.length; i++) ring[i] = [xs[2 * i], xs[2 * i + 1]]
  return ring
}

interface GridRow { k?: string; id: string; doc: string; ring: Buffer | null }

function fromRow (r: GridRow): Grid {
  const grid = JSON.parse(r.doc) as Grid
  if (r.ring) grid.polygon = unpackRing(r.ring)
  return grid
}

function docOf (g: Grid): string {
  const { polygon: _polygon, ...rest } = g
  return JSON.stringify(rest)
}

export function directoryStore (db: Db, sql: Sql, audit: AuditOps): DirectoryStore {
  const upsertGridRow = db.prepare(`INSERT INTO grids (id, code, doc, ring) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc, ring = excluded.ring`)
  const putGrid = (g: Grid) => { upsertGridRow.run(g.id, g.code, docOf(g), packRing(g.polygon)) }
  const gridRow = db.prepare('SELECT id, doc, ring FROM grids WHERE id = ?')
  const gridById = { get: (id: string) => gridRow.get(id) as GridRow | undefined }
  const countGrids = db.prepare('SELECT COUNT(*) FROM grids').pluck()
  const activeVersion = db.prepare('SELECT version FROM grid_active WHERE one = 1').pluck()
  const setActive = db.prepare('INSERT INTO grid_active (one, version) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET version = excluded.version')
  const versionDoc = db.prepare('SELECT doc FROM grid_versions WHERE version = ?').pluck()
  const maxVersion = db.prepare('SELECT COALESCE(MAX(version), 0) FROM grid_versions').pluck()
  const insertVersion = db.prepare('INSERT INTO grid_versions (version, doc) VALUES (?, ?)')
  const dropRows = db.prepare('DELETE FROM grid_version_rows WHERE version = ?')
  const keepRows = db.prepare('INSERT INTO grid_version_rows (version, id, code, doc, ring) SELECT ?, id, code, doc, ring FROM grids')
  const retire = db.prepare('INSERT INTO grids_retired (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc')
  const clearGrids = db.prepare('DELETE FROM grids')
  const userById = db.prepare('SELECT doc FROM users WHERE id = ?').pluck()
  const setUserDoc = db.prepare('UPDATE users SET doc = ? WHERE id = ?')
  const upsertCategory = db.prepare(`INSERT INTO categories (id, code, doc) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc`)

  const active = (): number | null => (activeVersion.get() as number | undefined) ?? null
  const withStatus = (doc: string, current: number | null): GridVersion => {
    const record = JSON.parse(doc) as GridVersionRecord
    return { ...record, status: record.version === current ? 'active' : 'inactive' }
  }

  const putGrids = db.transaction((grids: Grid[]) => {
    for (const g of grids) putGrid(g)
    if (grids.length > 0 && active() === null) {
      const record: GridVersionRecord = {
        version: 1,
        createdAt: new Date().toISOString(),
        createdBy: 'system',
        createdByName: '系统',
        source: '初始网格',
        gridCount: countGrids.get() as number,
        reason: '首次写入网格（演示数据或系统初始化）'
      }
      insertVersion.run(1, JSON.stringify(record))
      setActive.run(1)
    }
  })

  /** The common part of import and restore, inside their transaction. */
  const switchTo = (version: number, unit: GridSwitch): void => {
    const leaving = active()
    if (leaving !== null) {
      dropRows.run(leaving)
      keepRows.run(leaving)
    }
    for (const g of unit.retired) retire.run(g.id, JSON.stringify(g))
    clearGrids.run()
    for (const g of unit.grids) putGrid(g)
    setActive.run(version)
    audit.add(unit.audit)
  }

  const importVersion = db.transaction((unit: Parameters<DirectoryStore['importGridVersion']>[0]): boolean => {
    if (active() !== unit.expectedActive) return false
    if (unit.record.version !== (maxVersion.get() as number) + 1) return false
    insertVersion.run(unit.record.version, JSON.stringify(unit.record))
    switchTo(unit.record.version, unit)
    return true
  })

  const restoreVersion = db.transaction((unit: Parameters<DirectoryStore['restoreGridVersion']>[0]): boolean => {
    if (active() !== unit.expectedActive || unit.expectedActive === unit.version) return false
    if (versionDoc.get(unit.version) === undefined) return false
    switchTo(unit.version, unit)
    return true
  })

  const saveGrid = db.transaction((unit: Parameters<DirectoryStore['saveGrid']>[0]): boolean => {
    if (active() !== unit.version || gridById.get(unit.grid.id) === undefined) return false
    putGrid(unit.grid)
    for (const u of unit.users) {
      // Only the grids this edit mirrors: the rest of the person stays as stored.
      const current = parseDoc<User>(userById.get(u.id))
      if (current) setUserDoc.run(JSON.stringify({ ...current, gridIds: u.gridIds }), u.id)
    }
    audit.add(unit.audit)
    return true
  })

  const putCategories = db.transaction((items: Category[]) => {
    for (const c of items) upsertCategory.run(c.id, c.code, JSON.stringify(c))
  })

  /** Keyset pages by (code, id), as readPage, with each row's boundary unpacked. */
  const byCode = (table: 'grids' | 'grid_version_rows', where: string[], params: unknown[], q: PageQuery): Page<Grid> => {
    const limit = clampLimit(q.limit)
    const conds = [...where]
    const args = [...params]
    if (q.cursor) {
      conds.push('(code, id) > (?, ?)')
      args.push(...decodeCursor(q.cursor))
    }
    const rows = sql(`SELECT code AS k, id, doc, ring FROM ${table}${conds.length > 0 ? ` WHERE ${conds.join(' AND ')}` : ''} ORDER BY code ASC, id ASC LIMIT ?`)
      .all(...args, limit + 1) as GridRow[]
    const kept = rows.slice(0, limit)
    const last = kept[kept.length - 1]
    return { items: kept.map(fromRow), next: rows.length > limit && last ? encodeCursor(last.k!, last.id) : null }
  }

  return {
    putGrids: async (grids) => { putGrids.immediate(grids) },
    listGrids: async (q) => byCode('grids', [], [], q),
    getGrid: async (id) => { const r = gridById.get(id); return r ? fromRow(r) : null },
    activeGridVersion: async () => active(),

    listGridVersions: async (q) => {
      const current = active()
      const page = readPage<GridVersionRecord>(sql, {
        table: '(SELECT version, CAST(version AS TEXT) AS id, doc FROM grid_versions)', where: [], params: [], sortColumn: 'version', direction: 'DESC'
      }, q)
      return { items: page.items.map((r): GridVersion => ({ ...r, status: r.version === current ? 'active' : 'inactive' })), next: page.next }
    },
    getGridVersion: async (version) => {
      const doc = versionDoc.get(version) as string | undefined
      return doc === undefined ? null : withStatus(doc, active())
    },
    listVersionGrids: async (version, q) => {
      if (version === active()) return byCode('grids', [], [], q)
      return byCode('grid_version_rows', ['version = ?'], [version], q)
    },
    listRetiredGrids: async (q) =>
      readPage<Grid>(sql, { table: 'grids_retired', where: ['id NOT IN (SELECT id FROM grids)'], params: [], sortColumn: 'id', direction: 'ASC' }, q),

    importGridVersion: async (unit) => importVersion.immediate(unit),
    restoreGridVersion: async (unit) => restoreVersion.immediate(unit),
    saveGrid: async (unit) => saveGrid.immediate(unit),

    putCategories: async (items) => { putCategories.immediate(items) },
    listCategories: async (q) => readPage<Category>(sql, { table: 'categories', where: [], params: [], sortColumn: 'code', direction: 'ASC' }, q)
  }
}

