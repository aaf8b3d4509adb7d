// Thin shell: CloudBase timer trigger → the shared 'timer' router, which pushes overdue and closing notices. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { wechatPush } from '../../server/cloud/wechat'
import { timerActions } from '../../server/handlers/timer'

export const main = cloudMain('timer', timerActions, { notifier: wechatPush })
