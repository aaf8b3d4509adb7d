import tcb from '@cloudbase/node-sdk'
import type { FunctionName } from '../../core/api'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { createCloudbaseStore } from '../adapters/cloudbase'
import { createInAppNotifier } from '../adapters/notify/in-app'
import { createWechatContentCheck, readMediaCheckEvent } from '../adapters/content-check/wechat'
import type { ContentCheck } from '../ports/content-check'
import { createWechatNotifier, type CallOpenApi } from '../adapters/notify/wechat'
import { randomIds, systemClock } from '../adapters/system'
import type { Deps, Identity } from '../deps'
import { createDirectoryCache } from '../directory'
import { createRouter, type ActionsOf, type Router } from '../router'

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

/**
 * The cloud composition root: CloudBase store, kept warm across invocations of the same instance. Each function
 * passes only its own actions, so its bundle carries only its own handlers.
 */
export function cloudMain<F extends FunctionName> (fn: F, actions: ActionsOf<F>) {
  let router: Router | null = null
  return async (event: unknown, context: CloudContext) => {
    if (!router) {
      const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
      const store = createCloudbaseStore({ app })
      const inApp = createInAppNotifier(store, systemClock, randomIds)
      // Subscribe messages need a template approved for the mini-program: set WECHAT_TEMPLATE_ID on the function.
      const templateId = process.env.WECHAT_TEMPLATE_ID
      const callOpenApi: CallOpenApi = async (apiName, requestData) => (await app.callWxOpenApi({ apiName, requestData })).result
      const notifier = templateId ? createWechatNotifier({ inApp, store, callOpenApi, templateId }) : inApp
      const wechatCheck = createWechatContentCheck({ callOpenApi: (api, body) => callOpenApi(api, body as Record<string, unknown>) })
      // mediaCheckAsync fetches the image by URL: turn the cloud:// file id into a temporary download URL first.
      const contentCheck: ContentCheck = {
        checkText: (text, ctx) => wechatCheck.checkText(text, ctx),
        async submitImage (fileId, _url, ctx) {
          const { fileList } = await app.getTempFileURL({ fileList: [fileId] })
          return wechatCheck.submitImage(fileId, fileList[0]?.tempFileURL ?? fileId, ctx)
        }
      }
      const deps: Deps = { store, clock: systemClock, ids: randomIds, settings: DEFAULT_SETTINGS, directory: createDirectoryCache(store, systemClock), notifier, contentCheck }
      router = createRouter(fn, actions, deps)
    }
    const { WX_OPENID } = tcb.getCloudbaseContext(context)
    const identity = identityFromCloud(fn, event, WX_OPENID)
    return router(identity.kind === 'system' ? platformEvent(fn, event) : event, identity)
  }
}
