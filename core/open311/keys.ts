import type { User } from '../types'

/**
 * API keys of partner systems (a district's 12345 hotline, a neighbouring city's 数字城管): what POST requests
 * needs. The key is shown once when the office issues it; only its SHA-256 is kept, so a copy of the database
 * cannot file reports. Each key files as a system user of its own, so the per-person rules (report quotas, a
 * reporter's retries) hold per partner and a revoked partner's tickets stay theirs.
 */
export interface PartnerKey {
  id: string
  /** The partner system, as the office named it (shown in the console and in the system user's nickname). */
  name: string
  /** SHA-256 of the key, lower-case hex. */
  hash: string
  /** The system user the partner's reports are filed as (partnerUser). */
  userId: string
  createdAt: string
  createdBy: string
  lastUsedAt: string | null
  revokedAt: string | null
  revokedBy: string | null
}

/** What the console lists: everything but the hash (the key itself is never stored at all). */
export type PartnerKeyView = Omit<PartnerKey, 'hash'>

export function keyView (k: PartnerKey): PartnerKeyView {
  const { hash: _hash, ...view } = k
  return view
}

/** Keys read `o311_` + 43 base64url characters (32 random bytes): recognisable in a config file or a leak scan. */
export const API_KEY_PREFIX = 'o311_'
const KEY_RE = /^o311_[A-Za-z0-9_-]{43}$/

/** Whether a presented key could be one of ours at all (a cheap refusal before any hashing or lookup). */
export function looksLikeApiKey (text: string): boolean {
  return KEY_RE.test(text)
}

/** The system user a key files as: its openid cannot come from WeChat nor from the gateway's dev login. */
export function partnerUser (keyId: string, name: string, userId: string, nowIso: string): User {
  return { id: userId, openid: `open311:${keyId}`, nickname: `对接系统：${name}`, roles: ['citizen'], gridIds: [], createdAt: nowIso }
}

export interface Open311Limits {
  /** Calls one key may make per clock minute (GET and POST alike); beyond it 429 until the next minute. */
  callsPerMinute: number
}

export const DEFAULT_OPEN311_LIMITS: Open311Limits = { callsPerMinute: 60 }

/** The counter a key's calls of this minute are counted under, and when that minute ends. */
export function keyRateBucket (keyId: string, nowIso: string): { key: string; resetsAt: string } {
  const minute = Math.floor(Date.parse(nowIso) / 60_000) * 60_000
  return { key: `rl:o311:m:${keyId}:${minute}`, resetsAt: new Date(minute + 60_000).toISOString() }
}

/** `lastUsedAt` is written at most once a minute per key: the console needs the day, not every call. */
export function shouldTouch (lastUsedAt: string | null, nowIso: string): boolean {
  return lastUsedAt === null || Date.parse(nowIso) - Date.parse(lastUsedAt) >= 60_000
}
