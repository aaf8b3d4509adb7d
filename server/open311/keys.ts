import { createHash, randomBytes } from 'node:crypto'
import {
  API_KEY_PREFIX, DEFAULT_OPEN311_LIMITS, keyRateBucket, keyView, looksLikeApiKey, partnerUser, shouldTouch,
  type Open311Limits, type PartnerKey, type PartnerKeyView
} from '../../core/open311/keys'
import { chinaIso } from '../../core/open311/requests'
import type { Page } from '../../core/types'
import type { PageQuery } from '../ports/paging'
import type { Deps } from '../deps'
import { AppError } from '../errors'

/** SHA-256 of a presented key, lower-case hex: what the store keeps and looks keys up by. */
export function hashKey (secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/**
 * Issue a key: 32 random bytes, shown in this answer once; the store keeps its hash and the system user the partner
 * files as. The user is written first, so a key never exists without the user it files under.
 */
export async function issueKey (deps: Deps, adminId: string, name: string): Promise<{ key: PartnerKeyView; secret: string }> {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = deps.ids.next('o311k')
  const now = deps.clock.now()
  const user = partnerUser(id, name, `u-${id}`, now)
  await deps.store.putUser(user)
  const key: PartnerKey = {
    id, name, hash: hashKey(secret), userId: user.id, createdAt: now, createdBy: adminId, lastUsedAt: null, revokedAt: null, revokedBy: null
  }
  if (!(await deps.store.addApiKey(key))) throw new AppError('CONFLICT', '生成密钥时撞上了已有的编号，请再试一次')
  return { key: keyView(key), secret }
}

export async function listKeys (deps: Deps, q: PageQuery): Promise<Page<PartnerKeyView>> {
  const page = await deps.store.listApiKeys(q)
  return { items: page.items.map(keyView), next: page.next }
}

export async function revokeKey (deps: Deps, adminId: string, id: string): Promise<PartnerKeyView> {
  const key = await deps.store.revokeApiKey(id, deps.clock.now(), adminId)
  if (!key) throw new AppError('NOT_FOUND', '没有这个对接密钥，请刷新列表后再试')
  return keyView(key)
}

/** Why a call with a key is refused, in the spec's terms: 403 for the key itself, 429 over the minute's calls. */
export type KeyCheck =
  | { ok: true; key: PartnerKey }
  | { ok: false; status: 403 | 429; description: string; retryAfterS?: number }

/**
 * The key a call presents, checked and counted: unknown or revoked keys are 403; each call of a good key counts
 * against its minute (server/ports/counters.ts, as report quotas count), and past the limit the call is 429 until
 * the minute ends. Last use is recorded at most once a minute.
 */
export async function checkKey (deps: Deps, secret: string, limits: Open311Limits = DEFAULT_OPEN311_LIMITS): Promise<KeyCheck> {
  const unknown: KeyCheck = { ok: false, status: 403, description: 'api_key 无效：请检查是否完整复制了文明办发给你的密钥' }
  if (!looksLikeApiKey(secret)) return unknown
  const key = await deps.store.getApiKeyByHash(hashKey(secret))
  if (!key) return unknown
  if (key.revokedAt) return { ok: false, status: 403, description: `该 api_key 已于 ${chinaIso(key.revokedAt).slice(0, 10)} 停用：请向文明办申请新的密钥` }
  const now = deps.clock.now()
  const bucket = keyRateBucket(key.id, now)
  const calls = await deps.store.incrementCounter(bucket.key, 1)
  if (calls > limits.callsPerMinute) {
    const retryAfterS = Math.max(1, Math.ceil((Date.parse(bucket.resetsAt) - Date.parse(now)) / 1000))
    return { ok: false, status: 429, description: `调用太频繁：每个 api_key 每分钟最多 ${limits.callsPerMinute} 次，请 ${retryAfterS} 秒后再试`, retryAfterS }
  }
  if (shouldTouch(key.lastUsedAt, now)) await deps.store.touchApiKey(key.id, now)
  return { ok: true, key }
}
