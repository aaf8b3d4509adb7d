import type { Settings } from '../core/settings'
import type { Clock, Ids } from './ports/clock'
import type { Store } from './ports/store'
import type { Notifier } from './ports/notifier'
import type { ContentCheck } from './ports/content-check'
import type { DirectoryCache } from './directory'

/** Everything a handler may touch: ports only. The composition roots (gateway, cloud functions) build it. */
export interface Deps {
  store: Store
  clock: Clock
  ids: Ids
  settings: Settings
  directory: DirectoryCache
  notifier: Notifier
  contentCheck: ContentCheck
  /** Signs the rotating check-in codes (server/volunteer-code.ts); null when the deployment has none (codes refused). */
  checkinKey: string | null
  /** Where the public certificate verification page lives (`${publicBaseUrl}/v/<number>?c=<code>`). */
  publicBaseUrl: string
}

/** The caller as the platform vouches for it: WeChat's OPENID, or the gateway's dev login. Never the request body. */
export type Identity = { kind: 'user'; openid: string } | { kind: 'system' } | { kind: 'anonymous' }
