import { createWordListCheck } from '../adapters/content-check/word-list'
import { open311 } from '../open311/handler'
import { cloudResultOf, requestFromCloudEvent, type CloudHttpResult } from '../open311/cloud-event'
import type { MediaUrls } from '../open311/read'
import type { Deps } from '../deps'
import { cloudDeps, type CloudPlatform, type CloudWiring } from './entry'

/** How long a photo link in an answer stays valid (CloudBase temporary URLs expire; a partner fetches them soon). */
const MEDIA_URL_SECONDS = 24 * 3600

/** Photos in CloudBase storage as temporary download URLs, 50 ids a request. */
function cloudMedia ({ app }: CloudPlatform): MediaUrls {
  return async (ids) => {
    const out = new Map<string, string>()
    for (let i = 0; i < ids.length; i += 50) {
      const { fileList } = await app.getTempFileURL({ fileList: ids.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: MEDIA_URL_SECONDS })) })
      for (const f of fileList as Array<{ fileID: string; tempFileURL?: string }>) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL)
    }
    return out
  }
}

/**
 * The HTTP-triggered Open311 function: CloudBase HTTP event → the same handler as the gateway → integration response.
 * Its text check is the word list, not WeChat's msgSecCheck: that one judges text for a WeChat user (their openid,
 * seen within two hours), and a partner system is none, so it could only ever answer "review".
 */
export function open311Main (wiring: CloudWiring = {}) {
  let built: { deps: Deps; platform: CloudPlatform } | null = null
  return async (event: unknown): Promise<CloudHttpResult> => {
    built ??= cloudDeps({ contentCheck: () => createWordListCheck(), ...wiring })
    const request = requestFromCloudEvent(event)
    return cloudResultOf(await open311(request, built.deps, { mediaUrls: cloudMedia(built.platform) }), request.method)
  }
}
