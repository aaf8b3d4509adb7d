// Thin shell: CloudBase context → the shared 'tickets' router, with the WeChat services it uses. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { wechatContentCheck, wechatPush } from '../../server/cloud/wechat'
import { ticketsActions } from '../../server/handlers/tickets'

export const main = cloudMain('tickets', ticketsActions, { contentCheck: wechatContentCheck, notifier: wechatPush })
