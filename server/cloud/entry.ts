import tcb from '@cloudbase/node-sdk'
import type { FunctionName } from '../../core/api'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { createCloudbaseStore } from '../adapters/cloudbase'
import { createInAppNotifier } from '../adapters/notify/in-app'
import { readMediaCheckEvent } from '../adapters/content-check/wechat'
import type { CallOpenApi } from '../adapters/notify/wechat'
import type { ContentCheck } from '../ports/content-check'
import type { Notifier } from '../ports/notifier'
import type { Store } from '../ports/store'
import { randomIds, systemClock } from '../adapters/system'
import type { CustomLogin, Deps, Identity } from '../deps'
import { createDirectoryCache, DIRECTORY_STAMP } from '../directory'
import { createRouter, type ActionsOf, type Router } from '../router'
import { createSettingsSource } from '../settings-source'
import { personFromCloud } from './custom-login'

type CloudContext = Parameters<typeof tcb.getCloudbaseContext>[0]

/**
 * Who is calling, as CloudBase vouches for it. A call from the mini-program always carries WX_OPENID, so a client can
 * never pass as the scheduler by putting `Type: 'Timer'` in its body.
 */
export function identityFromCloud (fn: FunctionName, event: unknown, openid: string | undefined): Identity {
  if (openid) return { kind: 'user', openid }
  return platformEvent(fn, event) ? { kind: 'system' } : { kind: 'anonymous' }
}

/**
 * What the platform itself sends (never a mini-program call, which always carries WX_OPENID): the timer trigger to
 * `timer`, and WeChat's wxa_media_check push to `reports`. Returns the action to run, or null.
 */
export function platformEvent (fn: FunctionName, event: unknown): Record<string, unknown> | null {
  if (typeof event !== 'object' || event === null) return null
  if (fn === 'timer' && (event as { Type?: unknown }).Type === 'Timer') return { action: 'sweep' }
  if (fn === 'reports') {
    const check = readMediaCheckEvent(event)
    if (check) return { action: 'photoReviewed', traceId: check.traceId, verdict: check.verdict }
  }
  return null
}

/** What the cloud needs to build the platform services a function uses; see server/cloud/wechat.ts. */
export interface CloudPlatform {
  app: ReturnType<typeof tcb.init>
  store: Store
  callOpenApi: CallOpenApi
}

/**
 * The platform services a function's handlers reach, named by its index.ts: only those are bundled (and declared in
 * its config.json permissions). A function that names none cannot check content or push; its handlers never ask.
 */
export interface CloudWiring {
  contentCheck?: (p: CloudPlatform) => ContentCheck
  notifier?: (p: CloudPlatform) => Notifier
  /** The auth function's custom-login tickets for the desk (server/cloud/custom-login.ts). */
  customLogin?: (p: CloudPlatform) => CustomLogin
}

const noContentCheck: ContentCheck = {
  checkText: async () => { throw new Error('this cloud function has no content check wired (see its index.ts)') },
  submitImage: async () => { throw new Error('this cloud function has no content check wired (see its index.ts)') }
}

/** The deps every function's handlers get on CloudBase (and the platform, for what a function wires itself). */
export function cloudDeps (wiring: CloudWiring = {}): { deps: Deps; platform: CloudPlatform } {
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  const store = createCloudbaseStore({ app })
  const callOpenApi: CallOpenApi = async (apiName, requestData) => (await app.callWxOpenApi({ apiName, requestData })).result
  const platform: CloudPlatform = { app, store, callOpenApi }
  const deps: Deps = {
    store,
    clock: systemClock,
    ids: randomIds,
    settings: DEFAULT_SETTINGS,
    // Many instances of many functions: read the newest version on every call (one document), so a save applies at once.
    settingsSource: createSettingsSource(store, DEFAULT_SETTINGS, systemClock, 0),
    // Edited in the admin function, read in every other: the stamp tells this instance when to reload.
    directory: createDirectoryCache(store, systemClock, 60_000, () => store.incrementCounter(DIRECTORY_STAMP, 0)),
    notifier: wiring.notifier?.(platform) ?? createInAppNotifier(),
    contentCheck: wiring.contentCheck?.(platform) ?? noContentCheck,
    // Every instance must sign check-in codes alike: the key is the function's environment variable (deploy sets it).
    checkinKey: process.env.WENMING_CHECKIN_KEY ?? null,
    publicBaseUrl: process.env.WENMING_PUBLIC_URL ?? '',
    // The phone uploads to storage itself: a report or step carries only what the photos function made of an upload.
    photoIds: 'processed',
    customLogin: wiring.customLogin?.(platform)
  }
  return { deps, platform }
}

/**
 * The cloud composition root: CloudBase store, kept warm across invocations of the same instance. Each function
 * passes only its own actions and platform services, so its bundle carries only what it uses.
 */
export function cloudMain<F extends FunctionName> (fn: F, actions: ActionsOf<F>, wiring: CloudWiring = {}) {
  let warm: { router: Router; deps: Deps } | null = null
  return async (event: unknown, context: CloudContext) => {
    if (!warm) {
      const { deps } = cloudDeps(wiring)
      warm = { router: createRouter(fn, actions, deps), deps }
    }
    const cb = tcb.getCloudbaseContext(context)
    // WeChat's OPENID, or the desk's custom login (our user id, while a desk session of theirs is live): one person.
    const identity = await personFromCloud(cb, warm.deps) ?? identityFromCloud(fn, event, undefined)
    const origin = { ip: cb.TCB_SOURCE_IP || cb.WX_CLIENTIP || '', userAgent: '' }
    return warm.router(identity.kind === 'system' ? platformEvent(fn, event) : event, identity, origin)
  }
}
