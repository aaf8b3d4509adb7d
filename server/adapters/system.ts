import { randomBytes } from 'node:crypto'
import type { Clock, Ids } from '../ports/clock'

export const systemClock: Clock = { now: () => new Date().toISOString() }

/** Sortable-ish random ids: time prefix + 64 random bits, e.g. t-m3k2j1-9f8e7d6c5b4a3921. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}-${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`
}
