/**
 * The rotating check-in code the organiser's phone shows: `WMV1.<eventId>.<period>.<signature>`, where period
 * counts rotation periods since the epoch and the signature is the server's HMAC of `<eventId>.<period>` under
 * the event's secret (server/volunteer-code.ts; the secret never leaves the server). A code is accepted in its
 * own period and the next one, so a photo or a forwarded screenshot stops working within two periods.
 */

export const CODE_PREFIX = 'WMV1'

export interface CheckinCode {
  eventId: string
  period: number
  signature: string
}

export function periodOf (nowIso: string, rotateSeconds: number): number {
  return Math.floor(Date.parse(nowIso) / (rotateSeconds * 1000))
}

/** When the code of this period stops being shown (the next one appears). */
export function periodEndsAt (period: number, rotateSeconds: number): string {
  return new Date((period + 1) * rotateSeconds * 1000).toISOString()
}

export function signedMessage (eventId: string, period: number): string {
  return `${eventId}.${period}`
}

export function formatCode (c: CheckinCode): string {
  return `${CODE_PREFIX}.${c.eventId}.${c.period}.${c.signature}`
}

/** Read a scanned text; null for anything that is not one of our codes. Event ids hold no dots. */
export function parseCode (text: string): CheckinCode | null {
  const parts = text.trim().split('.')
  if (parts.length !== 4 || parts[0] !== CODE_PREFIX) return null
  const [, eventId, p, signature] = parts
  if (!/^[\w-]{1,64}$/.test(eventId) || !/^\d{1,12}$/.test(p) || !/^[\w-]{8,64}$/.test(signature)) return null
  return { eventId, period: Number(p), signature }
}

/** fresh: this period or the one before; stale: older; future: not issued yet (a forged or skewed code). */
export function codeAge (c: Pick<CheckinCode, 'period'>, nowIso: string, rotateSeconds: number): 'fresh' | 'stale' | 'future' {
  const now = periodOf(nowIso, rotateSeconds)
  if (c.period > now) return 'future'
  return now - c.period <= 1 ? 'fresh' : 'stale'
}
