import type { PartnerKey } from '../../../core/open311/keys'
import type { ApiKeyStore } from '../../ports/api-keys'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'
import { readPage } from './paging'

/**
 * One document per key, `_id` = key id. A call finds its key by the `hash` field (indexed): SHA-256 of 32 random
 * bytes never repeats, so no reservation document is needed for it. Revoking is a conditional update on
 * `revokedAt: null`, so of two revocations at once the first stands.
 */
export function apiKeyStore (db: Db): ApiKeyStore {
  const get = async (id: string): Promise<PartnerKey | null> => {
    const doc = await db.findById(C.apiKeys, id)
    return doc ? fromDoc<PartnerKey>(doc) : null
  }
  return {
    addApiKey: (key) => db.insert(C.apiKeys, key.id, key),

    async getApiKeyByHash (hash) {
      const [doc] = await db.find(C.apiKeys, [{ hash }], [], 1)
      return doc ? fromDoc<PartnerKey>(doc) : null
    },

    listApiKeys: (q) => readPage<PartnerKey>(db, C.apiKeys, [], { field: 'createdAt', dir: 'desc' }, q),

    async revokeApiKey (id, at, by) {
      await db.update(C.apiKeys, { _id: id, revokedAt: null }, { revokedAt: at, revokedBy: by })
      return get(id)
    },

    async touchApiKey (id, at) {
      await db.update(C.apiKeys, { _id: id }, { lastUsedAt: at })
    }
  }
}
