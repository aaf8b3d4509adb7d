// Thin shell: the phone's upload (wx.cloud.uploadFile) → resized, stripped, checked and reviewed (server/photos/intake.ts). Bundled by `npm run build:functions`.
import { photosMain } from '../../server/cloud/photos'
import { wechatContentCheck } from '../../server/cloud/wechat'

export const main = photosMain({ contentCheck: wechatContentCheck })
