import type { AuditEntry } from '../../core/audit'
import { parseGridFile, type GridFileResult } from '../../core/geo/geojson'
import type { GridFileInput, ImportGridsInput, RestoreGridsInput, SaveGridInput } from '../../core/grid-schemas'
import { gridFileInput, importGridsInput, pageInput, restoreGridsInput, saveGridInput } from '../../core/schemas'
import { previewOutlines, reportForOffice, type GridPreviewView } from '../../core/grids/preview'
import {
  editGrid, gridAuditSummary, planImport, planRestore, restoreManagerIds, revivedManagerIds, type GridImportDiff, type GridVersion, type ManagerFacts, type RetiredGrids
} from '../../core/grids/versions'
import { INBOX_STATES } from '../../core/tickets/queues'
import type { Grid, User } from '../../core/types'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { directoryChanged } from '../directory'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'

/**
 * The office's grids: check a file (nothing stored), import it as a new version that routing switches to at once,
 * list the versions, make an earlier one active again, edit one grid. The rules are core/grids/versions.ts and
 * core/geo (the file's validation); the store switches versions all or nothing (server/ports/directory.ts).
 */

const SOURCE_PASTED = '粘贴的文本'
/** Guard on a grid manager's open tickets read before they leave a grid. */
const MAX_OPEN = 2_000

/** The file as the validator reads it: text is parsed here once (a syntax error is left to the validator to report). */
function readGridFile (input: GridFileInput): { doc: unknown; result: GridFileResult } {
  let doc: unknown = input.geojson
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc)
    } catch {
      // parseGridFile parses the text again and reports json_invalid with the parser's words.
    }
  }
  return { doc, result: parseGridFile(doc, { datum: input.datum, props: input.props }) }
}

async function activeGrids (deps: Deps): Promise<{ version: number | null; grids: Grid[] }> {
  const version = await deps.store.activeGridVersion()
  const grids = version === null ? [] : await readAll((q) => deps.store.listVersionGrids(version, q), 100_000, '网格')
  return { version, grids }
}

const conflict = () => new AppError('CONFLICT', '刚有人导入或恢复了网格版本，本次没有生效。请刷新后再试一次')

function audit (deps: Deps, me: User, action: string, targetId: string, reason: string, summary: string, before: unknown, after: unknown): AuditEntry {
  return { id: deps.ids.next('au'), at: deps.clock.now(), kind: 'grid', action, actorId: me.id, targetId, reason, summary, before, after }
}

const versionTarget = (version: number): string => `grids:v${version}`

/** Retired grids and the facts of the managers of those a file brings back (their codes return with their ids). */
async function retiredFor (deps: Deps, active: readonly Grid[], codes: readonly string[]): Promise<RetiredGrids> {
  const grids = await readAll((q) => deps.store.listRetiredGrids(q), 100_000, '网格')
  return { grids, managers: await managerFacts(deps, revivedManagerIds(active, grids, codes)) }
}

async function managerFacts (deps: Deps, ids: readonly string[]): Promise<Map<string, ManagerFacts>> {
  const facts = new Map<string, ManagerFacts>()
  for (const id of ids) {
    const u = await deps.store.getUser(id)
    if (u) facts.set(id, u)
  }
  return facts
}

async function plan (deps: Deps, result: Extract<GridFileResult, { ok: true }>, newId: () => string) {
  const active = await activeGrids(deps)
  const retired = await retiredFor(deps, active.grids, result.grids.map((g) => g.code))
  return { active, plan: planImport(active.grids, result.grids, result.report, newId, retired) }
}

async function previewGrids (deps: Deps, input: GridFileInput): Promise<GridPreviewView> {
  const { doc, result } = readGridFile(input)
  const planned = result.ok ? await plan(deps, result, () => 'new') : null
  const activeVersion = planned ? planned.active.version : await deps.store.activeGridVersion()
  return { ok: result.ok, report: reportForOffice(result.report), outlines: previewOutlines(doc, result.report), diff: planned?.plan.diff ?? null, activeVersion }
}

async function importGrids (deps: Deps, me: User, input: ImportGridsInput): Promise<{ version: GridVersion; diff: GridImportDiff }> {
  const { result } = readGridFile(input)
  if (!result.ok) {
    throw new AppError('VALIDATION', `网格文件有 ${result.report.errorCount} 处错误，没有导入任何网格。请按检查报告逐条改正后重新导入`, { report: reportForOffice(result.report) })
  }
  const { active, plan: p } = await plan(deps, result, () => deps.ids.next('grid'))
  const latest = (await deps.store.listGridVersions({ limit: 1 })).items[0]?.version ?? 0
  const version = latest + 1
  const record = {
    version,
    createdAt: deps.clock.now(),
    createdBy: me.id,
    createdByName: me.nickname,
    source: input.source || SOURCE_PASTED,
    gridCount: p.grids.length,
    reason: input.reason
  }
  const { removedGrids: _listed, ...counts } = p.diff
  const entry = audit(deps, me, 'import', versionTarget(version), input.reason, gridAuditSummary.import(version, p.diff),
    { version: active.version }, { version, source: record.source, ...counts })
  const done = await deps.store.importGridVersion({ expectedActive: active.version, record, grids: p.grids, retired: p.retired, audit: entry })
  if (!done) throw conflict()
  deps.directory.invalidate()
  return { version: { ...record, status: 'active' }, diff: p.diff }
}

async function restoreGrids (deps: Deps, me: User, input: RestoreGridsInput): Promise<{ version: GridVersion; managersDropped: number; retired: number }> {
  const target = await deps.store.getGridVersion(input.version)
  if (!target) throw new AppError('NOT_FOUND', `没有第 ${input.version} 版网格，请刷新版本记录后再选`)
  const active = await activeGrids(deps)
  if (active.version === target.version) throw new AppError('VALIDATION', `第 ${target.version} 版就是正在使用的版本，无需恢复`)
  const grids = await readAll((q) => deps.store.listVersionGrids(target.version, q), 100_000, '网格')
  const plan = planRestore(active.grids, grids, await managerFacts(deps, restoreManagerIds(active.grids, grids)))
  const entry = audit(deps, me, 'restore', versionTarget(target.version), input.reason, gridAuditSummary.restore(target.version, plan.grids.length),
    { version: active.version }, { version: target.version, grids: plan.grids.length, retired: plan.retired.length, managersDropped: plan.managersDropped })
  const done = await deps.store.restoreGridVersion({
    expectedActive: active.version, version: target.version, grids: plan.grids, changed: plan.changed, retired: plan.retired, audit: entry
  })
  if (!done) throw conflict()
  deps.directory.invalidate()
  return { version: { ...target, status: 'active' }, managersDropped: plan.managersDropped, retired: plan.retired.length }
}

async function saveGrid (deps: Deps, me: User, input: SaveGridInput): Promise<Grid> {
  const version = await deps.store.activeGridVersion()
  const grid = await deps.store.getGrid(input.id)
  if (version === null || !grid) throw new AppError('NOT_FOUND', '这个网格不在正在使用的版本中（可能刚导入了新的网格），请刷新后再试')
  const people = new Map<string, User>()
  for (const id of new Set([...grid.managerIds, ...(input.managerIds ?? [])])) {
    const u = await deps.store.getUser(id)
    if (u) people.set(id, u)
  }
  const edit = editGrid(grid, { name: input.name, population: input.population, managerIds: input.managerIds }, people)
  if (!edit.ok) throw new AppError('VALIDATION', edit.message)
  if (JSON.stringify(edit.grid) === JSON.stringify(grid)) throw new AppError('VALIDATION', '没有修改任何内容：请改动名称、常住人口或网格员后再保存')
  if (edit.removed.length > 0) {
    // A manager taken off a grid would lose its open tickets from the inbox while still holding them.
    const open = await readAll((q) => deps.store.listTickets({ ...q, gridIds: [grid.id], states: [...INBOX_STATES] }), MAX_OPEN, '在办案卷')
    for (const id of edit.removed) {
      const held = open.filter((t) => t.assigneeId === id).length
      if (held > 0) {
        throw new AppError('VALIDATION', `${people.get(id)?.nickname ?? id} 还有 ${held} 件本网格的案卷在办：请先在分拣台把它们改派给其他网格员，再把他移出本网格`)
      }
    }
  }
  const names = new Map([...people.values()].map((u) => [u.id, u.nickname]))
  const entry = audit(deps, me, 'save', grid.id, input.reason, gridAuditSummary.save(grid, edit.grid, names),
    { name: grid.name, population: grid.population, managerIds: grid.managerIds },
    { name: edit.grid.name, population: edit.grid.population, managerIds: edit.grid.managerIds })
  if (!(await deps.store.saveGrid({ version, grid: edit.grid, users: edit.users, audit: entry }))) {
    throw new AppError('CONFLICT', '网格版本刚刚切换，本次修改没有保存。请刷新后再改')
  }
  // Other processes (CloudBase instances) reload on the stamp: the next report there routes to the new managers.
  await directoryChanged(deps.store, deps.directory)
  return edit.grid
}

export const gridActions: Pick<ActionsOf<'admin'>, 'previewGrids' | 'importGrids' | 'gridVersions' | 'restoreGrids' | 'saveGrid'> = {
  previewGrids: action({
    input: gridFileInput,
    access: { roles: ['admin'] },
    run: ({ deps }, input) => previewGrids(deps, input)
  }),
  importGrids: action({
    input: importGridsInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, input) => importGrids(deps, requireUser(user), input)
  }),
  gridVersions: action({
    input: pageInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => deps.store.listGridVersions(q)
  }),
  restoreGrids: action({
    input: restoreGridsInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, input) => restoreGrids(deps, requireUser(user), input)
  }),
  saveGrid: action({
    input: saveGridInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, input) => saveGrid(deps, requireUser(user), input)
  })
}
