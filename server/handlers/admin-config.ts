import type { AuditEntry } from '../../core/audit'
import { categoryFromInput, categoryIdOf, categoryInput, categoryRefusal, categorySaveSummary, type CategoryInput } from '../../core/categories'
import { emptyInput } from '../../core/schemas'
import {
  changesSummary, saveSettingsInput, settingChanges, settingsVersionId, settingValue, SETTINGS_HISTORY,
  type SaveSettingsInput, type SettingChange, type SettingsVersion, type SettingsView
} from '../../core/settings-schema'
import type { Category } from '../../core/types'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { directoryChanged } from '../directory'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'

/** The office's console for what a city sets without code: the category taxonomy and the settings. */

/** Every category, both levels, on or off, in code order (the office's list; the report form shows the active ones). */
const allCategories = (deps: Deps): Promise<Category[]> => readAll((q) => deps.store.listCategories(q), 5_000, '分类')

async function saveCategory (deps: Deps, actorId: string, input: CategoryInput): Promise<Category> {
  const existing = await allCategories(deps)
  const refusal = categoryRefusal(input, existing)
  if (refusal) throw new AppError(refusal.code, refusal.message, [{ path: refusal.field, message: refusal.message }])
  const before = existing.find((c) => c.code === input.code) ?? null
  const after: Category = { ...categoryFromInput(input), id: before?.id ?? categoryIdOf(input.code) }
  const audit: AuditEntry = {
    id: deps.ids.next('audit'),
    at: deps.clock.now(),
    kind: 'category',
    action: !before ? 'create' : before.active !== after.active ? (after.active ? 'activate' : 'deactivate') : 'edit',
    actorId,
    targetId: after.code,
    reason: '',
    summary: categorySaveSummary(before, after),
    before,
    after
  }
  if (!(await deps.store.saveCategory(after, audit, !before))) {
    throw new AppError('CONFLICT', `代码 ${after.code} 刚被别人新建了，请刷新列表后再看`)
  }
  // Tickets filed from now on route with the new limits; filed ones keep the deadline and department they copied.
  await directoryChanged(deps.store, deps.directory)
  return after
}

async function settingsView (deps: Deps): Promise<SettingsView> {
  const { version, settings } = await deps.settingsSource.current()
  const recent = (await deps.store.listSettingsVersions({ limit: SETTINGS_HISTORY })).items
  const names = new Map<string, string>()
  for (const id of new Set(recent.map((v) => v.savedBy))) names.set(id, (await deps.store.getUser(id))?.nickname ?? '（已注销的账号）')
  return {
    version,
    settings,
    history: recent.map((v) => ({ version: v.version, savedAt: v.savedAt, savedBy: names.get(v.savedBy) ?? v.savedBy, reason: v.reason, changes: v.changes }))
  }
}

/** The changed fields' raw values before and after, for the audit entry. */
const diffValues = (changes: readonly SettingChange[], s: Parameters<typeof settingValue>[0]) =>
  Object.fromEntries(changes.map((c) => [c.path, settingValue(s, c.path)]))

async function saveSettings (deps: Deps, actorId: string, input: SaveSettingsInput): Promise<SettingsView> {
  // Straight from the store: the version compared is the newest, whatever this process last cached.
  deps.settingsSource.invalidate()
  const now = await deps.settingsSource.current()
  const stale = () => new AppError('CONFLICT', `设置刚被其他人修改过（现在是第 ${now.version} 版），请刷新后在最新的设置上再改`)
  if (input.expectedVersion !== now.version) throw stale()
  const changes = settingChanges(now.settings, input.settings)
  if (changes.length === 0) throw new AppError('VALIDATION', '设置没有改动，不需要保存', [{ path: 'settings', message: '设置没有改动，不需要保存' }])
  const at = deps.clock.now()
  const next: SettingsVersion = {
    id: settingsVersionId(now.version + 1),
    version: now.version + 1,
    settings: input.settings,
    savedAt: at,
    savedBy: actorId,
    reason: input.reason,
    changes
  }
  const audit: AuditEntry = {
    id: deps.ids.next('audit'),
    at,
    kind: 'settings',
    action: 'save',
    actorId,
    targetId: 'settings',
    reason: input.reason,
    summary: `第 ${next.version} 版：${changesSummary(changes)}`,
    before: diffValues(changes, now.settings),
    after: diffValues(changes, input.settings)
  }
  const saved = await deps.store.saveSettings(next, audit)
  deps.settingsSource.invalidate()
  if (!saved) throw stale()
  return settingsView(deps)
}

export const adminConfigActions: Pick<ActionsOf<'admin'>, 'categories' | 'saveCategory' | 'settings' | 'saveSettings'> = {
  categories: action({
    input: emptyInput,
    access: { roles: ['admin'] },
    run: ({ deps }) => allCategories(deps)
  }),
  /** Create a category or edit one; changes apply to tickets filed from now on. */
  saveCategory: action({
    input: categoryInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, input) => saveCategory(deps, requireUser(user).id, input)
  }),
  settings: action({
    input: emptyInput,
    access: { roles: ['admin'] },
    run: ({ deps }) => settingsView(deps)
  }),
  /** Save a new version of the settings, if the one it was edited from is still the newest; in force from the next call. */
  saveSettings: action({
    input: saveSettingsInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, input) => saveSettings(deps, requireUser(user).id, input)
  })
}
