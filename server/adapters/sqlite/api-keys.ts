import type { PartnerKey } from '../../../core/open311/keys'
import type { ApiKeyStore } from '../../ports/api-keys'
import { parseDoc, type Db, type Sql } from './db'
import { readPage } from './paging'

/** One row per key: the id, the hash (unique, looked up on every Open311 call) and the whole key as JSON. */
export function apiKeyStore (db: Db, sql: Sql): ApiKeyStore {
  const insert = db.prepare('INSERT INTO api_keys (id, hash, created_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
  const byHash = db.prepare('SELECT doc FROM api_keys WHERE hash = ?').pluck()
  const byId = db.prepare('SELECT doc FROM api_keys WHERE id = ?').pluck()
  const write = db.prepare('UPDATE api_keys SET doc = ? WHERE id = ?')
  // Read and write in one transaction, so two revocations at once keep the first one's time and person.
  const revoke = db.transaction((id: string, at: string, by: string): PartnerKey | null => {
    const key = parseDoc<PartnerKey>(byId.get(id))
    if (!key || key.revokedAt !== null) return key
    const next: PartnerKey = { ...key, revokedAt: at, revokedBy: by }
    write.run(JSON.stringify(next), id)
    return next
  })
  const touch = db.transaction((id: string, at: string): void => {
    const key = parseDoc<PartnerKey>(byId.get(id))
    if (key) write.run(JSON.stringify({ ...key, lastUsedAt: at }), id)
  })
  return {
    addApiKey: async (key) => insert.run(key.id, key.hash, key.createdAt, JSON.stringify(key)).changes === 1,
    getApiKeyByHash: async (hash) => parseDoc<PartnerKey>(byHash.get(hash)),
    listApiKeys: async (q) => readPage<PartnerKey>(sql, { table: 'api_keys', where: [], params: [], sortColumn: 'created_at', direction: 'DESC' }, q),
    revokeApiKey: async (id, at, by) => revoke.immediate(id, at, by),
    touchApiKey: async (id, at) => { touch.immediate(id, at) }
  }
}
