import type { PartnerKey } from '../../../core/open311/keys'
import { isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

let n = 0
export function aPartnerKey (o: Partial<PartnerKey> = {}): PartnerKey {
  n += 1
  const id = o.id ?? `key-${String(n).padStart(4, '0')}`
  return {
    id, name: '12345 热线', hash: `${String(n).padStart(4, '0')}${'a'.repeat(60)}`, userId: `u-o311-${id}`,
    createdAt: isoAt(n), createdBy: 'u-admin', lastUsedAt: null, revokedAt: null, revokedBy: null, ...o
  }
}

export function apiKeyContract (store: () => Store): void {
  describe('Open311 API keys', () => {
    it('adds a key once and finds it by its hash; an unknown hash finds nothing', async () => {
      const key = aPartnerKey()
      expect(await store().addApiKey(key)).toBe(true)
      expect(await store().addApiKey({ ...key, name: '另一个' })).toBe(false)
      expect(await store().getApiKeyByHash(key.hash)).toEqual(key)
      expect(await store().getApiKeyByHash('f'.repeat(64))).toBeNull()
    })

    it('lists keys newest first, paged to the end', async () => {
      const keys = Array.from({ length: 5 }, (_, i) => aPartnerKey({ createdAt: isoAt(100 + i) }))
      for (const k of keys) await store().addApiKey(k)
      const pages = await readAllPages((cursor) => store().listApiKeys({ cursor, limit: 2 }))
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1])
      expect(pages.flat().map((k) => k.id)).toEqual([...keys].reverse().map((k) => k.id))
    })

    it('revokes once: the first revocation stands, a missing key answers null', async () => {
      const key = aPartnerKey()
      await store().addApiKey(key)
      const revoked = await store().revokeApiKey(key.id, isoAt(500), 'u-admin')
      expect(revoked).toEqual({ ...key, revokedAt: isoAt(500), revokedBy: 'u-admin' })
      expect(await store().revokeApiKey(key.id, isoAt(600), 'u-other')).toEqual(revoked)
      expect(await store().getApiKeyByHash(key.hash)).toEqual(revoked)
      expect(await store().revokeApiKey('key-missing', isoAt(600), 'u-admin')).toBeNull()
    })

    it('records the last use, and touching a missing key changes nothing', async () => {
      const key = aPartnerKey()
      await store().addApiKey(key)
      await store().touchApiKey(key.id, isoAt(700))
      expect(await store().getApiKeyByHash(key.hash)).toEqual({ ...key, lastUsedAt: isoAt(700) })
      await store().touchApiKey('key-missing', isoAt(700))
      expect((await store().listApiKeys({})).items).toHaveLength(1)
    })
  })
}
