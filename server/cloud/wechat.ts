import { createWechatContentCheck } from '../adapters/content-check/wechat'
import { createInAppNotifier } from '../adapters/notify/in-app'
import { createWechatNotifier } from '../adapters/notify/wechat'
import type { ContentCheck } from '../ports/content-check'
import type { Notifier } from '../ports/notifier'
import type { CloudPlatform } from './entry'

/** msgSecCheck for text, mediaCheckAsync for images (security.* open APIs). */
export function wechatContentCheck ({ app, callOpenApi }: CloudPlatform): ContentCheck {
  const check = createWechatContentCheck({ callOpenApi: (api, body) => callOpenApi(api, body as Record<string, unknown>) })
  return {
    checkText: (text, ctx) => check.checkText(text, ctx),
    // mediaCheckAsync fetches the image by URL: turn the cloud:// file id into a temporary download URL first.
    async submitImage (fileId, _url, ctx) {
      const { fileList } = await app.getTempFileURL({ fileList: [fileId] })
      return check.submitImage(fileId, fileList[0]?.tempFileURL ?? fileId, ctx)
    }
  }
}

/** Subscribe messages (subscribeMessage.send) need a template approved for the mini-program: WECHAT_TEMPLATE_ID. */
export function wechatPush ({ store, callOpenApi }: CloudPlatform): Notifier {
  const templateId = process.env.WECHAT_TEMPLATE_ID
  return templateId ? createWechatNotifier({ store, callOpenApi, templateId }) : createInAppNotifier()
}
