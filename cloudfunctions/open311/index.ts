// Thin shell: CloudBase HTTP access (Open311 GeoReport v2 for partner systems) → the shared handler, pushing the new reports' notices. Bundled by `npm run build:functions`.
import { open311Main } from '../../server/cloud/open311'
import { wechatPush } from '../../server/cloud/wechat'

export const main = open311Main({ notifier: wechatPush })
