import { randomFillSync } from 'node:crypto'
import type { Clock, Ids } from '../ports/clock'

export const systemClock: Clock = { now: () => new Date().toISOString() }

// Ids are made several times per request: draw 64-bit chunks from one refilled pool, not a syscall each.
const pool = Buffer.alloc(8 * 512)
let offset = pool.length

function random64Hex (): string {
  if (offset >= pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  const hex = pool.toString('hex', offset, offset + 8)
  offset += 8
  return hex
}

/** Sortable-ish random ids: time prefix + 64 random bits, e.g. t-m3k2j1-9f8e7d6c5b4a3921. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}-${Date.now().toString(36)}-${random64Hex()}`
}
