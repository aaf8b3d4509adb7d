import type { GridDraft, GridImportReport } from '../geo/geojson'
import type { Grid, User } from '../types'

/**
 * Grid versions: a city's grid map changes as a whole (a new file from the planning office), never grid by grid,
 * so each import is a version that routing switches to at once, and an earlier one can be made active again.
 * The rules here are pure: which id each grid of a new file gets, which managers it keeps, what the office is
 * told before it confirms. Storage (one unit per switch) is the directory port's.
 *
 * Ids stay stable by code: a grid whose code the active version already has keeps that grid's id, so tickets
 * (Ticket.gridId), managers (User.gridIds, Grid.managerIds) and indicator cells (by code) carry on as they were.
 * A new code gets a new id. A grid the new file no longer has is retired: no report routes to it any more, but
 * tickets routed to it keep it (its name stays readable), and its managers keep it in User.gridIds so the open
 * tickets stay in their inbox.
 */

export type GridVersionStatus = 'active' | 'inactive'

/** What the store keeps per version. */
export interface GridVersionRecord {
  version: number
  createdAt: string
  /** The admin who imported it; 'system' for the first grids (demo seed, or grids from before versions). */
  createdBy: string
  createdByName: string
  /** The file's name as the admin chose it, or 粘贴的文本. */
  source: string
  gridCount: number
  reason: string
}

/** A version as listed: its record and whether routing uses it now (one active version at most). */
export interface GridVersion extends GridVersionRecord {
  status: GridVersionStatus
}

export const GRID_VERSION_STATUS_LABELS: Record<GridVersionStatus, string> = { active: '当前使用', inactive: '历史版本' }

/** How many retired grids the preview names one by one (the counts are always whole). */
export const MAX_LISTED_REMOVED = 200

export type RemovedGrid = Pick<Grid, 'id' | 'code' | 'name' | 'managerIds'>

/** What an import changes, told to the office before it confirms (and recorded in the audit entry). */
export interface GridImportDiff {
  /** Grids in the file in all. */
  total: number
  /** Codes the active version does not have: new grids, new ids, no managers yet. */
  added: number
  /** Of those, codes of grids retired earlier that come back: their old id (and tickets) again. */
  revived: number
  /** Codes both have: same id, managers kept. */
  kept: number
  /** Kept codes whose name changes. */
  renamed: number
  /** Kept codes whose boundary changes. */
  reshaped: number
  /** Codes of the active version the file does not have: no longer routed to. */
  removed: number
  /** The first MAX_LISTED_REMOVED of them. */
  removedGrids: RemovedGrid[]
  /** Managers who lose at least one grid (of removed grids: they keep it for their open tickets only). */
  managersLosingGrid: number
  /** Kept grids whose population the file leaves out: the active version's figure is kept instead of 0. */
  populationCarried: number
}

export interface ImportPlan {
  grids: Grid[]
  retired: Grid[]
  diff: GridImportDiff
}

const sameRing = (a: Grid['polygon'], b: Grid['polygon']): boolean =>
  a.length === b.length && a.every((p, i) => p[0] === b[i][0] && p[1] === b[i][1])

/** Decimals a stored boundary keeps: 1e-7° is about 1 cm, far below any surveyed boundary's accuracy. */
export const STORED_DECIMALS = 7
const SCALE = 10 ** STORED_DECIMALS

/**
 * A boundary as stored: 7 decimals, and points that became the same point dropped. GIS exports carry 15–17 digits of
 * arithmetic noise; stored as they come they double the size of every grid document and of the routing index's
 * load at start (the cold start reads every grid). Neighbours share their vertices exactly, so they stay exact.
 */
export function storedRing (ring: Grid['polygon']): Grid['polygon'] {
  const out: Grid['polygon'] = []
  for (const [x, y] of ring) {
    const p: [number, number] = [Math.round(x * SCALE) / SCALE, Math.round(y * SCALE) / SCALE]
    const last = out[out.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p)
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop()
  return out
}

export type ManagerFacts = Pick<User, 'id' | 'roles' | 'gridIds'>

/** A manager an earlier version named who still manages that grid: holds the role, and the grid in User.gridIds. */
const stillManages = (managers: ReadonlyMap<string, ManagerFacts>, gridId: string) => (m: string): boolean => {
  const u = managers.get(m)
  return !!u && u.roles.includes('grid_manager') && u.gridIds.includes(gridId)
}

/** Grids no version in use has any more, and the facts of the managers they named: a code coming back is the same grid. */
export interface RetiredGrids {
  grids: readonly Grid[]
  managers: ReadonlyMap<string, ManagerFacts>
}

/**
 * The grids a validated file becomes, against the active version: ids and managers carried by code, new ids for
 * new codes (from `newId`, called once per new grid in file order), boundaries as stored (storedRing), and the
 * diff the office confirms. A code of a
 * retired grid coming back gets that grid's id again (its tickets are its own again), with those of its managers
 * who still manage it.
 */
export function planImport (active: readonly Grid[], drafts: readonly GridDraft[], report: GridImportReport, newId: () => string, retiredBefore: RetiredGrids = { grids: [], managers: new Map() }): ImportPlan {
  const byCode = new Map(active.map((g) => [g.code, g]))
  const activeIds = new Set(active.map((g) => g.id))
  const retiredByCode = new Map(retiredBefore.grids.filter((g) => !activeIds.has(g.id)).map((g) => [g.code, g]))
  const noPopulation = new Set(report.features.filter((f) => f.problems.some((p) => p.rule === 'population_missing')).map((f) => f.index))
  let added = 0
  let revived = 0
  let renamed = 0
  let reshaped = 0
  let populationCarried = 0
  const grids = drafts.map((d): Grid => {
    const before = byCode.get(d.code)
    const { featureIndex: _index, ...rest } = d
    const fields = { ...rest, polygon: storedRing(rest.polygon) }
    if (!before) {
      added++
      const back = retiredByCode.get(d.code)
      if (back) {
        revived++
        return { ...fields, id: back.id, managerIds: back.managerIds.filter(stillManages(retiredBefore.managers, back.id)) }
      }
      return { ...fields, id: newId(), managerIds: [] }
    }
    if (before.name !== d.name) renamed++
    if (!sameRing(before.polygon, fields.polygon)) reshaped++
    const carry = noPopulation.has(d.featureIndex) && before.population > 0
    if (carry) populationCarried++
    return { ...fields, id: before.id, managerIds: [...before.managerIds], population: carry ? before.population : d.population }
  })
  const inFile = new Set(drafts.map((d) => d.code))
  const retired = active.filter((g) => !inFile.has(g.code))
  const losing = new Set(retired.flatMap((g) => g.managerIds))
  return {
    grids,
    retired,
    diff: {
      total: grids.length,
      added,
      revived,
      kept: grids.length - added,
      renamed,
      reshaped,
      removed: retired.length,
      removedGrids: retired.slice(0, MAX_LISTED_REMOVED).map(({ id, code, name, managerIds }) => ({ id, code, name, managerIds })),
      managersLosingGrid: losing.size,
      populationCarried
    }
  }
}

/** The managers named by retired grids whose codes a file brings back (to read their facts before planning). */
export function revivedManagerIds (active: readonly Grid[], retired: readonly Grid[], codes: readonly string[]): string[] {
  const activeCodes = new Set(active.map((g) => g.code))
  const wanted = new Set(codes.filter((c) => !activeCodes.has(c)))
  return [...new Set(retired.filter((g) => wanted.has(g.code)).flatMap((g) => g.managerIds))].sort()
}

export interface RestorePlan {
  /** The restored version's grids as they will route. */
  grids: Grid[]
  /** Of those, the ones whose managers differ from what the version kept. */
  changed: Grid[]
  /** Grids of the version being left that the restored one does not have. */
  retired: Grid[]
  /** Managers the restored version named who are no longer that grid's manager (role or grid taken away since). */
  managersDropped: number
}

/**
 * Restoring an earlier version brings back its boundaries and names, not its people: who manages a grid is today's
 * fact. A grid both versions have keeps today's managers; a grid only the restored version has keeps the managers
 * it had, as long as each still holds the grid_manager role and still has that grid (User.gridIds keeps a retired
 * grid, so that holds unless the office took it away since).
 */
export function planRestore (current: readonly Grid[], target: readonly Grid[], managers: ReadonlyMap<string, ManagerFacts>): RestorePlan {
  const now = new Map(current.map((g) => [g.id, g]))
  const inTarget = new Set(target.map((g) => g.id))
  let managersDropped = 0
  const changed: Grid[] = []
  const grids = target.map((g) => {
    const today = now.get(g.id)
    let managerIds: string[]
    if (today) managerIds = [...today.managerIds]
    else {
      managerIds = g.managerIds.filter(stillManages(managers, g.id))
      managersDropped += g.managerIds.length - managerIds.length
    }
    const next = { ...g, managerIds }
    if (managerIds.join('\u0000') !== g.managerIds.join('\u0000')) changed.push(next)
    return next
  })
  return { grids, changed, retired: current.filter((g) => !inTarget.has(g.id)), managersDropped }
}

/** The managers named by a restore's grids that only the restored version has (to read their facts). */
export function restoreManagerIds (current: readonly Grid[], target: readonly Grid[]): string[] {
  const now = new Set(current.map((g) => g.id))
  return [...new Set(target.filter((g) => !now.has(g.id)).flatMap((g) => g.managerIds))].sort()
}

export interface GridEdit {
  name?: string
  population?: number
  managerIds?: string[]
}

export type GridEditResult =
  | { ok: true; grid: Grid; users: User[]; added: string[]; removed: string[] }
  | { ok: false; message: string }

/**
 * An edit of one grid of the active version: name, 常住人口, managers. Managers must hold the grid_manager role; the
 * users gaining or losing the grid come back changed (User.gridIds mirrors Grid.managerIds, written in the same unit).
 * `people` must hold every user named, before and after.
 */
export function editGrid (grid: Grid, edit: GridEdit, people: ReadonlyMap<string, User>): GridEditResult {
  const managerIds = edit.managerIds ? [...new Set(edit.managerIds)] : grid.managerIds
  const missing = managerIds.filter((id) => !people.has(id))
  if (missing.length > 0) return { ok: false, message: `找不到用户 ${missing.join('、')}，请刷新后重新选择网格员` }
  const notManagers = managerIds.map((id) => people.get(id)!).filter((u) => !u.roles.includes('grid_manager'))
  if (notManagers.length > 0) {
    return { ok: false, message: `${notManagers.map((u) => u.nickname).join('、')} 还不是网格员：请先在「人员与角色」中授予网格员角色，再指派网格` }
  }
  const added = managerIds.filter((id) => !grid.managerIds.includes(id))
  const removed = grid.managerIds.filter((id) => !managerIds.includes(id))
  const users: User[] = []
  for (const id of added) {
    const u = people.get(id)!
    if (!u.gridIds.includes(grid.id)) users.push({ ...u, gridIds: [...u.gridIds, grid.id] })
  }
  for (const id of removed) {
    const u = people.get(id)
    if (u && u.gridIds.includes(grid.id)) users.push({ ...u, gridIds: u.gridIds.filter((g) => g !== grid.id) })
  }
  const next: Grid = {
    ...grid,
    name: edit.name ?? grid.name,
    population: edit.population ?? grid.population,
    managerIds
  }
  return { ok: true, grid: next, users, added, removed }
}

/** The audit list's one line for each grid change. */
export const gridAuditSummary = {
  import: (version: number, d: GridImportDiff): string =>
    `导入网格第 ${version} 版：${d.total} 个网格（沿用 ${d.kept}、新增 ${d.added}、停用 ${d.removed}）`,
  restore: (version: number, count: number): string => `恢复网格第 ${version} 版（${count} 个网格）`,
  save: (before: Grid, after: Grid, names: ReadonlyMap<string, string>): string => {
    const parts: string[] = []
    if (before.name !== after.name) parts.push(`名称改为「${after.name}」`)
    if (before.population !== after.population) parts.push(`常住人口 ${before.population} → ${after.population}`)
    if (before.managerIds.join() !== after.managerIds.join()) {
      const who = after.managerIds.map((id) => names.get(id) ?? id).join('、')
      parts.push(`网格员改为 ${who || '无'}`)
    }
    return `修改网格 ${before.name}（${before.code}）：${parts.length > 0 ? parts.join('；') : '无变化'}`
  }
}
