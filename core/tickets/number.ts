import type { Ticket } from '../types'

/**
 * A ticket's number as people read, say and type it: the filing day in China time and four characters from its
 * id, e.g. 261201-7K3Q. Derived, never stored, so every ticket ever filed has one without a counter to keep. Four
 * Crockford base-32 characters (no I, L, O, U) give about a million numbers a day: at a hundred reports a day two
 * share a number about once a year, so a number finds tickets (one, rarely two) and the id stays the key.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CHINA_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

/** FNV-1a over the id's UTF-16 units, folded to 20 bits. */
function code20 (id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return (h ^ (h >>> 20)) & 0xfffff
}

function chinaDay (iso: string): string {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`
}

export function ticketNumber (t: Pick<Ticket, 'id' | 'createdAt'>): string {
  let n = code20(t.id)
  let code = ''
  for (let i = 0; i < 4; i++) {
    code = ALPHABET[n & 31] + code
    n >>>= 5
  }
  return `${chinaDay(t.createdAt)}-${code}`
}

export interface ParsedNumber {
  /** The number written the one way ticketNumber writes it. */
  number: string
  /** The filing day it names, as a UTC range [fromIso, toIso). */
  fromIso: string
  toIso: string
}

/**
 * What a person typed, read as a ticket number: spaces, dashes, a leading 编号 and lower case are forgiven, and the
 * letters people confuse with digits (O, I, L) read as 0 and 1. Null when it cannot be one.
 */
export function parseTicketNumber (text: string): ParsedNumber | null {
  const s = text.trim().toUpperCase().replace(/^编号[:：]?/, '').replace(/[\s\-－—_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  const m = /^(\d{2})(\d{2})(\d{2})([0-9A-HJKMNP-TV-Z]{4})$/.exec(s)
  if (!m) return null
  const [, yy, mm, dd, code] = m
  const startUtc = Date.UTC(2000 + Number(yy), Number(mm) - 1, Number(dd))
  const check = new Date(startUtc)
  if (check.getUTCMonth() !== Number(mm) - 1 || check.getUTCDate() !== Number(dd)) return null
  const from = startUtc - CHINA_OFFSET_MS
  return { number: `${yy}${mm}${dd}-${code}`, fromIso: new Date(from).toISOString(), toIso: new Date(from + DAY_MS).toISOString() }
}
