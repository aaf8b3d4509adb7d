import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import { createLocalFileStore } from '../adapters/local-files'
import { createInAppNotifier } from '../adapters/notify/in-app'
import { createWordListCheck } from '../adapters/content-check/word-list'
import { createSqliteStore } from '../adapters/sqlite'
import { randomIds, systemClock } from '../adapters/system'
import type { Deps } from '../deps'
import { createDirectoryCache } from '../directory'
import { createRouters } from '../router-registry'
import { createSettingsSource } from '../settings-source'
import type { FileStore } from '../ports/files'
import type { Clock, Ids } from '../ports/clock'
import type { Store } from '../ports/store'
import type { ContentCheck } from '../ports/content-check'
import { seedDemoCity } from './seed-store'

export interface LocalOptions {
  /** Folder for the SQLite file and photos; null keeps everything in memory (tests, benchmarks). */
  dataDir: string | null
  clock?: Clock
  ids?: Ids
  settings?: Settings
  /** Seed the demo city into an empty store (default true). */
  seed?: boolean
  /** Defaults to the local word list; tests may pass another adapter. */
  contentCheck?: ContentCheck
  /** The gateway's own address, for links printed on certificates (default: WENMING_PUBLIC_URL or localhost). */
  publicBaseUrl?: string
}

export interface LocalApp {
  deps: Deps
  store: Store
  files: FileStore
  routers: ReturnType<typeof createRouters>
  seeded: boolean
  close (): Promise<void>
}

/** The local composition root: SQLite store, photo folder, system clock — the gateway, e2e tests and benchmarks use it. */
export async function openLocalApp (opts: LocalOptions): Promise<LocalApp> {
  const clock = opts.clock ?? systemClock
  const ids = opts.ids ?? randomIds
  let store: Store
  let files: FileStore
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true })
    store = createSqliteStore({ file: join(opts.dataDir, 'wenming.sqlite') })
    files = createLocalFileStore(join(opts.dataDir, 'files'))
  } else {
    store = createSqliteStore({ file: ':memory:' })
    files = createLocalFileStore(join(tmpdir(), `wenming-files-${process.pid}`))
  }
  const seeded = opts.seed !== false && (await store.listGrids({ limit: 1 })).items.length === 0
  if (seeded) await seedDemoCity(store, clock.now())
  const settings = opts.settings ?? DEFAULT_SETTINGS
  const deps: Deps = {
    store,
    clock,
    ids,
    settings,
    // One process owns the store here: its own saves invalidate the cached copy, so it may be kept long.
    settingsSource: createSettingsSource(store, settings, clock, 60_000),
    directory: createDirectoryCache(store, clock),
    notifier: createInAppNotifier(),
    contentCheck: opts.contentCheck ?? createWordListCheck(),
    // Codes live two rotation periods, so a key made per process is enough locally; set it to share across processes.
    checkinKey: process.env.WENMING_CHECKIN_KEY ?? randomBytes(32).toString('base64url'),
    publicBaseUrl: opts.publicBaseUrl ?? process.env.WENMING_PUBLIC_URL ?? 'http://127.0.0.1:8787'
  }
  return { deps, store, files, routers: createRouters(deps), seeded, close: () => store.close() }
}
