import { resolveSettings, type SettingsVersion } from '../core/settings-schema'
import type { Settings } from '../core/settings'
import type { Clock } from './ports/clock'
import type { SettingsStore } from './ports/settings'

export interface CurrentSettings {
  /** 0 while none was ever saved (the composition's defaults are in force). */
  version: number
  settings: Settings
  saved: SettingsVersion | null
}

/** Where a process gets the settings in force: the newest saved version over its defaults. */
export interface SettingsSource {
  /** The settings in force now (cached for at most the source's ttl). */
  current (): Promise<CurrentSettings>
  /** Forget the cached copy: the next call reads the store (this process has just saved). */
  invalidate (): void
}

/**
 * `ttlMs`: how long a read is reused. A process alone with its store (the local gateway) may keep it as long as it
 * likes, since its own saves invalidate it; one of many instances (a CloudBase function) passes 0 and reads the
 * newest version on every call, so a save made by the admin function applies to the very next report anywhere.
 */
export function createSettingsSource (store: SettingsStore, base: Settings, clock: Clock, ttlMs: number): SettingsSource {
  let cached: { at: number; value: Promise<CurrentSettings> } | null = null
  const load = async (): Promise<CurrentSettings> => {
    const saved = await store.getSettings()
    return { version: saved?.version ?? 0, settings: resolveSettings(saved?.settings, base), saved }
  }
  return {
    current () {
      const now = Date.parse(clock.now())
      if (!cached || ttlMs <= 0 || now - cached.at > ttlMs) {
        const value = load()
        cached = { at: now, value }
        value.catch(() => { cached = null })
      }
      return cached.value
    },
    invalidate () { cached = null }
  }
}

/** The deps a call runs with: `settings` as they stand now (the router does this for every action). */
export async function withCurrentSettings<D extends { settings: Settings; settingsSource: SettingsSource }> (deps: D): Promise<D> {
  return { ...deps, settings: (await deps.settingsSource.current()).settings }
}
