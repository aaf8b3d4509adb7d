import type { Settings } from '../core/settings'
import type { Clock, Ids } from './ports/clock'
import type { Store } from './ports/store'
import type { Notifier } from './ports/notifier'
import type { ContentCheck } from './ports/content-check'
import type { DirectoryCache } from './directory'
import type { SettingsSource } from './settings-source'

/** Everything a handler may touch: ports only. The composition roots (gateway, cloud functions) build it. */
export interface Deps {
  store: Store
  clock: Clock
  ids: Ids
  /** The settings in force for this call: the router puts the current ones here (settingsSource) before each action. */
  settings: Settings
  /** The office's saved settings over the composition's defaults (server/settings-source.ts). */
  settingsSource: SettingsSource
  directory: DirectoryCache
  notifier: Notifier
  contentCheck: ContentCheck
  /** Signs the rotating check-in codes (server/volunteer-code.ts); null when the deployment has none (codes refused). */
  checkinKey: string | null
  /** Where the public certificate verification page lives (`${publicBaseUrl}/v/<number>?c=<code>`). */
  publicBaseUrl: string
  /**
   * Which photo ids a report or step may carry (server/photo-check.ts). 'stored' (the default): the gateway stores
   * only photos it processed, so its ids are checked as they come. 'processed': the phone writes to CloudBase
   * storage itself, so only ids the photos function produced and reviewed for the caller are accepted.
   */
  photoIds?: 'stored' | 'processed'
  /**
   * CloudBase custom login (server/cloud/custom-login.ts): the ticket a desk signs in with through @cloudbase/js-sdk.
   * Absent on the local gateway, whose session token is the whole sign-in.
   */
  customLogin?: CustomLogin
}

/** Issues CloudBase custom-login tickets (`auth().createTicket`) for our user ids. */
export interface CustomLogin {
  /** A ticket for this user; throws AppError with what to configure when the private key is missing. */
  ticketFor (userId: string): string
}

/**
 * The caller as the platform vouches for it: WeChat's OPENID, or a session (the gateway's dev login, a desk's scan
 * sign-in, CloudBase's custom login) whose id comes along, so signing out knows which one. Never the request body.
 */
export type Identity = { kind: 'user'; openid: string; sessionId?: string } | { kind: 'system' } | { kind: 'anonymous' }

/** Where a call came from as the platform reports it (never the body): for rate limits and the desk sign-in. */
export interface CallOrigin {
  /** The client's address ('' when the platform does not say). */
  ip: string
  /** Its User-Agent header ('' when none). */
  userAgent: string
}
