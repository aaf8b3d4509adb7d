import { randomBytes } from 'node:crypto'
import type { GridVersion, GridVersionRecord } from '../../../core/grids/versions'
import type { Category, Grid, Page, User } from '../../../core/types'
import type { DirectoryStore, GridSwitch } from '../../ports/directory'
import type { PageQuery } from '../../ports/paging'
import { type Db, type Doc, fromDoc } from './client'
import { COLLECTIONS as C } from './collections'
import { chunks, decodeCursor, emptyPage, inBatches, readDocs, readPage, type Sort } from './paging'

/**
 * Grids by version, and categories, on CloudBase (no multi-document transaction).
 *
 * Each version's grids are a set of documents `grids/${set}:${gridId}` (`set` unique per version, so a crashed
 * import's documents are never mistaken for a later one's); `grid_versions/v000003` holds the version's record and
 * its set; `grid_active/active` → { version, set } is the one pointer everything reads the active version through.
 * A switch writes everything first — the new set (an import), the managers carried over (a restore), the grids it
 * retires — and then flips the pointer with a conditional update: that flip is the commit point. A crash before it
 * leaves the old version routing, and the half-written set is never read; a second switch racing it loses the flip
 * and answers false. Edits (saveGrid, putGrids) write into the active set in place.
 */

const POINTER = 'active'
/** How many `set` requests run at once (CloudBase has no multi-document upsert). */
const PUT_WIDTH = 10
/** Documents per add request when a whole set is written. */
const ADD_CHUNK = 100

interface Pointer { version: number; set: string; at: string }

export const versionKey = (version: number): string => `v${String(version).padStart(6, '0')}`
const gridKey = (set: string, id: string): string => `${set}:${id}`
const newSet = (version: number): string => `${versionKey(version)}-${randomBytes(4).toString('hex')}`

const BY_CODE: Sort = { field: 'code', dir: 'asc' }
const NEWEST: Sort = { field: 'id', dir: 'desc' }

/** A stored grid document back to the grid (without the set it belongs to). */
function toGrid (doc: Doc): Grid {
  const { set: _set, ...grid } = fromDoc<Grid & { set?: string }>(doc)
  return grid
}

function toVersion (doc: Doc, active: Pointer | null): GridVersion {
  const { set: _set, id: _id, ...record } = fromDoc<GridVersionRecord & { set?: string; id?: string }>(doc)
  return { ...record, status: active !== null && record.version === active.version ? 'active' : 'inactive' }
}

/** Reads and writes of the active version's grids, for other units that mirror Grid.managerIds (a role change). */
export function activeGridOps (db: Db) {
  const pointer = async (): Promise<Pointer | null> => {
    const doc = await db.findById(C.gridActive, POINTER)
    return doc ? fromDoc<Pointer>(doc) : null
  }
  return {
    pointer,
    async get (id: string): Promise<Grid | null> {
      const p = await pointer()
      const doc = p ? await db.findById(C.grids, gridKey(p.set, id)) : null
      return doc ? toGrid(doc) : null
    },
    /** Replace grids of the active version (false when there is none yet). */
    async put (grids: readonly Grid[]): Promise<boolean> {
      const p = await pointer()
      if (!p) return false
      await inBatches(grids, PUT_WIDTH, (g) => db.replace(C.grids, gridKey(p.set, g.id), { ...g, set: p.set }))
      return true
    }
  }
}

export function directoryStore (db: Db): DirectoryStore {
  const grids = activeGridOps(db)
  const { pointer } = grids
  /** version → its set: fixed once written, so asked for once per process. */
  const sets = new Map<number, string>()

  async function setOf (version: number): Promise<string | null> {
    const known = sets.get(version)
    if (known) return known
    const doc = await db.findById(C.gridVersions, versionKey(version))
    if (!doc) return null
    sets.set(version, String(doc.set))
    return String(doc.set)
  }

  async function gridsOfSet (set: string | null, q: PageQuery): Promise<Page<Grid>> {
    if (set === null) return emptyPage<Grid>()
    const page = await readDocs(db, C.grids, [{ set }], BY_CODE, q)
    return { items: page.items.map(toGrid), next: page.next }
  }

  async function writeSet (set: string, list: readonly Grid[]): Promise<void> {
    for (const part of chunks(list, ADD_CHUNK)) await db.insertMany(C.grids, part.map((g) => ({ ...g, _id: gridKey(set, g.id), set })))
  }

  /** Everything before a switch's commit that both kinds share: the retired grids. */
  const retire = (unit: GridSwitch) => inBatches(unit.retired, PUT_WIDTH, (g) => db.replace(C.gridsRetired, g.id, g))

  /** The commit point: the pointer moves only if it still names the version the caller read. */
  async function flip (from: Pointer | null, to: Pointer): Promise<boolean> {
    if (from === null) return db.insert(C.gridActive, POINTER, to)
    return (await db.update(C.gridActive, { _id: POINTER, version: from.version, set: from.set }, { ...to })) === 1
  }

  return {
    async putGrids (list) {
      if (list.length === 0) return
      if (await grids.put(list)) return
      // No version yet: these grids are version 1 (the seed, or a store set up by hand).
      const set = newSet(1)
      await writeSet(set, list)
      const record: GridVersionRecord = {
        version: 1, createdAt: new Date().toISOString(), createdBy: 'system', createdByName: '系统', source: '初始网格', gridCount: list.length, reason: '首次写入网格（演示数据或系统初始化）'
      }
      await db.insert(C.gridVersions, versionKey(1), { ...record, id: versionKey(1), set })
      if (!(await flip(null, { version: 1, set, at: record.createdAt }))) await grids.put(list)
    },

    async listGrids (q) {
      // A cursor from elsewhere is refused before anything is asked of the database.
      if (q.cursor) decodeCursor(BY_CODE, q.cursor)
      return gridsOfSet((await pointer())?.set ?? null, q)
    },
    getGrid: (id) => grids.get(id),
    activeGridVersion: async () => (await pointer())?.version ?? null,

    async listGridVersions (q) {
      if (q.cursor) decodeCursor(NEWEST, q.cursor)
      const [p, page] = await Promise.all([pointer(), readDocs(db, C.gridVersions, [], NEWEST, q)])
      return { items: page.items.map((d) => toVersion(d, p)), next: page.next }
    },
    async getGridVersion (version) {
      const [p, doc] = await Promise.all([pointer(), db.findById(C.gridVersions, versionKey(version))])
      return doc ? toVersion(doc, p) : null
    },
    async listVersionGrids (version, q) {
      if (q.cursor) decodeCursor(BY_CODE, q.cursor)
      return gridsOfSet(await setOf(version), q)
    },
    async listRetiredGrids (q) {
      const [p, page] = await Promise.all([pointer(), readPage<Grid>(db, C.gridsRetired, [], { field: 'id', dir: 'asc' }, q)])
      if (!p || page.items.length === 0) return page
      // A retired grid a restore brought back is in use again: left out here (no NOT IN across collections).
      const back = await db.find(C.grids, [{ set: p.set }, { id: db._.in(page.items.map((g) => g.id)) }], [], page.items.length)
      const inUse = new Set(back.map((d) => String(d.id)))
      return { items: page.items.filter((g) => !inUse.has(g.id)), next: page.next }
    },

    async importGridVersion (unit) {
      const p = await pointer()
      if ((p?.version ?? null) !== unit.expectedActive) return false
      const version = unit.record.version
      const set = newSet(version)
      await writeSet(set, unit.grids)
      await retire(unit)
      if (!(await db.insert(C.gridVersions, versionKey(version), { ...unit.record, id: versionKey(version), set }))) return false
      sets.set(version, set)
      if (!(await flip(p, { version, set, at: unit.audit.at }))) return false
      await db.insert(C.audit, unit.audit.id, unit.audit)
      return true
    },

    async restoreGridVersion (unit) {
      const p = await pointer()
      if (!p || p.version !== unit.expectedActive || p.version === unit.version) return false
      const set = await setOf(unit.version)
      if (!set) return false
      await inBatches(unit.changed, PUT_WIDTH, (g) => db.replace(C.grids, gridKey(set, g.id), { ...g, set }))
      await retire(unit)
      if (!(await flip(p, { version: unit.version, set, at: unit.audit.at }))) return false
      await db.insert(C.audit, unit.audit.id, unit.audit)
      return true
    },

    async saveGrid (unit) {
      const p = await pointer()
      if (!p || p.version !== unit.version) return false
      if (!(await db.findById(C.grids, gridKey(p.set, unit.grid.id)))) return false
      // Users first: a crash after them leaves a manager who sees the grid's tickets but is not yet routed to,
      // never one routed to who cannot see them.
      for (const u of unit.users) {
        const current = await db.findById(C.users, u.id)
        if (current) await db.replace(C.users, u.id, { ...fromDoc<User>(current), gridIds: u.gridIds })
      }
      await db.replace(C.grids, gridKey(p.set, unit.grid.id), { ...unit.grid, set: p.set })
      await db.insert(C.audit, unit.audit.id, unit.audit)
      return true
    },

    putCategories: (categories) => inBatches(categories, PUT_WIDTH, (c) => db.replace(C.categories, c.id, c)),
    listCategories: (q) => readPage<Category>(db, C.categories, [], { field: 'code', dir: 'asc' }, q)
  }
}
