import type { SettingsVersion } from '../../../core/settings-schema'
import type { SettingsStore } from '../../ports/settings'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

const NEWEST = { field: 'version', dir: 'desc' } as const

/**
 * One document per version, `_id` = the version's id (`settings-v000007`). The compare-and-set needs no
 * transaction: a save checks the newest version is the one it was edited from, then adds the next version's
 * document, and of two saves from the same version the second add is a duplicate `_id` and is refused. The audit
 * entry is added after (CloudBase has no multi-collection write outside a transaction); the version document
 * itself holds who, when and why, so a lost audit write loses no record.
 */
export function settingsStore (db: Db): SettingsStore {
  const newest = async (): Promise<SettingsVersion | null> => {
    const [doc] = await db.find(C.settingsVersions, [], [[NEWEST.field, NEWEST.dir]], 1)
    return doc ? fromDoc<SettingsVersion>(doc) : null
  }
  return {
    getSettings: newest,

    async saveSettings (next, audit) {
      if (((await newest())?.version ?? 0) !== next.version - 1) return false
      if (!(await db.insert(C.settingsVersions, next.id, next))) return false
      await db.insert(C.audit, audit.id, audit)
      return true
    },

    listSettingsVersions: (q) => readPage<SettingsVersion>(db, C.settingsVersions, [], NEWEST, q)
  }
}
