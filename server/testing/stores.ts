import { createSqliteStore } from '../adapters/sqlite'
import type { Store } from '../ports/store'

/** A throwaway SQLite store in memory, for tests of modules that may not import an adapter themselves. */
export const memoryStore = (): Store => createSqliteStore({ file: ':memory:' })
