import type { AuditEntry } from '../../core/audit'
import type { GridVersion, GridVersionRecord } from '../../core/grids/versions'
import type { Category, Grid, Page, User } from '../../core/types'
import type { PageQuery } from './paging'

export type { GridVersion, GridVersionRecord }

/**
 * A switch of the routing grids from one version to another (core/grids/versions.ts): all or nothing. Until it
 * commits, the version it leaves routes every report; once it has, the new one does.
 */
export interface GridSwitch {
  /** The version the caller read as active (null: none yet). The switch happens only if it still is. */
  expectedActive: number | null
  /** Every grid of the version switched to, ids and managers settled (they replace the version's stored grids). */
  grids: Grid[]
  /** Grids of the version left that the other one does not have: kept, for the names of tickets routed to them. */
  retired: Grid[]
  audit: AuditEntry
}

export interface GridImport extends GridSwitch {
  /** The new version; its number must be one more than the highest there is. */
  record: GridVersionRecord
}

export interface GridRestore extends GridSwitch {
  version: number
  /** Of `grids`, those that differ from what the version holds (managers carried over): the CloudBase adapter writes only these. */
  changed: Grid[]
}

/** One grid of the active version edited, with the users whose gridIds mirror its managers, in one unit. */
export interface GridSave {
  /** The version the grid was read from: the save happens only if it is still the active one. */
  version: number
  grid: Grid
  users: User[]
  audit: AuditEntry
}

/**
 * Grids and categories: data the office edits, read through the directory cache (server/directory.ts).
 *
 * Grids are stored per version; exactly one version is active, and it is what routing, listGrids and getGrid read.
 * Earlier versions stay readable (restoring one, and the names of tickets routed to grids since retired). The
 * active version's Grid.managerIds is what routing assigns by: edit it through saveGrid or putGrids (the SQLite
 * adapter keeps the active version in the `grids` table, which other units may update in their own transaction).
 */
export interface DirectoryStore {
  /** Create or replace grids of the active version by id (seeding, other units' edits). With none yet, version 1 is made of them. */
  putGrids (grids: Grid[]): Promise<void>
  /** The active version's grids by code. */
  listGrids (q: PageQuery): Promise<Page<Grid>>
  /** A grid of the active version, or null. */
  getGrid (id: string): Promise<Grid | null>
  /** The active version's number; null before any grid was stored. Cheap: the directory cache asks on every read. */
  activeGridVersion (): Promise<number | null>
  /** Every version, newest first, each with its status. */
  listGridVersions (q: PageQuery): Promise<Page<GridVersion>>
  getGridVersion (version: number): Promise<GridVersion | null>
  /** One version's grids by code (the active one's as they route now; an earlier one's as it was last used). */
  listVersionGrids (version: number, q: PageQuery): Promise<Page<Grid>>
  /** Grids no version in use has any more, as they were when last in use, by id. */
  listRetiredGrids (q: PageQuery): Promise<Page<Grid>>
  /** Store a new version and make it the active one, as one unit. False, and nothing changed, when the active version moved or the number is taken. */
  importGridVersion (unit: GridImport): Promise<boolean>
  /** Make an earlier version the active one, as one unit. False, and nothing changed, when the active version moved or the version is missing. */
  restoreGridVersion (unit: GridRestore): Promise<boolean>
  /** Edit one grid of the active version. False, and nothing changed, when that version is no longer active or lacks the grid. */
  saveGrid (unit: GridSave): Promise<boolean>

  putCategories (categories: Category[]): Promise<void>
  listCategories (q: PageQuery): Promise<Page<Category>>
}
