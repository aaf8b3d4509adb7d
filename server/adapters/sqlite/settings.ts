import type { SettingsVersion } from '../../../core/settings-schema'
import type { SettingsStore } from '../../ports/settings'
import type { AuditOps } from './audit'
import { parseDoc, type Db, type Sql } from './db'
import { readPage } from './paging'

/** One row per version (the version number is unique); the newest is read on every call that needs settings. */
export function settingsStore (db: Db, sql: Sql, audit: AuditOps): SettingsStore {
  const newest = db.prepare('SELECT doc FROM settings_versions ORDER BY version DESC LIMIT 1').pluck()
  const latestVersion = db.prepare('SELECT COALESCE(MAX(version), 0) FROM settings_versions').pluck()
  const insert = db.prepare('INSERT INTO settings_versions (id, version, saved_at, doc) VALUES (?, ?, ?, ?)')
  // Compare and insert in one IMMEDIATE transaction: of two saves from the same version, the second sees the first.
  const save = db.transaction((next: SettingsVersion, entry: Parameters<AuditOps['add']>[0]): boolean => {
    if (latestVersion.get() !== next.version - 1) return false
    insert.run(next.id, next.version, next.savedAt, JSON.stringify(next))
    audit.add(entry)
    return true
  })
  return {
    getSettings: async () => parseDoc<SettingsVersion>(newest.get()),
    saveSettings: async (next, entry) => save.immediate(next, entry),
    listSettingsVersions: async (q) => readPage<SettingsVersion>(sql, { table: 'settings_versions', where: [], params: [], sortColumn: 'version', direction: 'DESC' }, q)
  }
}
