import type { AuditEntry } from '../../core/audit'
import type { SettingsVersion } from '../../core/settings-schema'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/**
 * The office's settings as a chain of versions (core/settings-schema.ts SettingsVersion): the newest is in force,
 * every one is kept with who saved it, when and why. No version stored = the defaults (version 0).
 */
export interface SettingsStore {
  /** The newest version; null when none was ever saved. */
  getSettings (): Promise<SettingsVersion | null>
  /**
   * Compare-and-set: store `next` only if `next.version - 1` is the newest version now (0: none saved yet), with
   * its audit entry. False, and nothing written, when another save got there first.
   */
  saveSettings (next: SettingsVersion, audit: AuditEntry): Promise<boolean>
  /** Every version, newest first. */
  listSettingsVersions (q: PageQuery): Promise<Page<SettingsVersion>>
}
