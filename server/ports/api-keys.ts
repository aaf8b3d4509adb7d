import type { PartnerKey } from '../../core/open311/keys'
import type { Page } from '../../core/types'
import type { PageQuery } from './paging'

/** Open311 API keys of partner systems (core/open311/keys.ts): only their hashes, never a key itself. */
export interface ApiKeyStore {
  /** Add a new key; false when one with this id exists already (nothing is changed then). */
  addApiKey (key: PartnerKey): Promise<boolean>
  /** The key whose SHA-256 this is, revoked or not (the caller refuses a revoked one, saying since when). */
  getApiKeyByHash (hash: string): Promise<PartnerKey | null>
  /** Every key, newest first. */
  listApiKeys (q: PageQuery): Promise<Page<PartnerKey>>
  /** Revoke a key unless it is revoked already (the first revocation stands); the key as it stands, null if none. */
  revokeApiKey (id: string, at: string, by: string): Promise<PartnerKey | null>
  /** Record when a key was last used (best effort: a lost write only makes the console's date older). */
  touchApiKey (id: string, at: string): Promise<void>
}
