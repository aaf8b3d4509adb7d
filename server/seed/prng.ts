/**
 * Seeded randomness for the demo city: the same seed gives the same city on every machine, so tests and
 * screenshots stay stable. Never Math.random.
 */

import { mulberry32, type Rng } from '../../core/prng'

export { mulberry32, type Rng }

/** FNV-1a hash of a string: turns a stable key ("vertex:3:7") into a seed. */
export function hashSeed (key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A generator seeded by a key, so each consumer draws independently of the others' order. */
export function rngFor (key: string): Rng {
  return mulberry32(hashSeed(key))
}

export function pick<T> (rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]
}

/** Fisher–Yates on a copy. */
export function shuffled<T> (rng: Rng, items: readonly T[]): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const t = out[i]
    out[i] = out[j]
    out[j] = t
  }
  return out
}
