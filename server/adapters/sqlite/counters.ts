import type { CounterStore } from '../../ports/counters'
import type { Db } from './db'

/** Synchronous counter writes, for use inside another seam's transaction. */
export interface CounterOps {
  bump (key: string, by: number): number
}

export function counterOps (db: Db): CounterOps {
  const bump = db.prepare(`INSERT INTO counters (key, value) VALUES (?, ?)
    ON CONFLICT (key) DO UPDATE SET value = value + excluded.value RETURNING value`).pluck()
  return { bump: (key, by) => bump.get(key, by) as number }
}

export function counterStore (ops: CounterOps): CounterStore {
  return { incrementCounter: async (key, by) => ops.bump(key, by) }
}
