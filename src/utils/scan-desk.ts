import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../core/pages'
import { isSignInQr } from '../../core/signin'

/**
 * 扫码登录电脑版: scan a desk's sign-in code with the phone's camera and open the confirm page for it (我的, 桌面登录,
 * and 重新扫码 on the confirm page itself). Another code says so; closing the camera does nothing.
 */
export async function scanDeskCode (how: 'navigate' | 'redirect' = 'navigate'): Promise<void> {
  let text: string
  try {
    text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
  } catch {
    return
  }
  if (!isSignInQr(text)) {
    void Taro.showToast({ title: '这不是电脑版的登录二维码，请扫电脑上登录页的二维码', icon: 'none' })
    return
  }
  const url = pageUrl(PAGES.scanSignIn, { qr: text })
  void (how === 'redirect' ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }))
}
