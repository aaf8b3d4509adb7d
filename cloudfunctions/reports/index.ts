// Thin shell: CloudBase context → the shared 'reports' router, with the WeChat services it uses. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { wechatContentCheck, wechatPush } from '../../server/cloud/wechat'
import { reportsActions } from '../../server/handlers/reports'

export const main = cloudMain('reports', reportsActions, { contentCheck: wechatContentCheck, notifier: wechatPush })
