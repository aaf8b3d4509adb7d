import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { PAGES, pageUrl } from '../../../core/pages'
import { devLoginAvailable } from '../../api/dev'
import { scanSignInNeeded, useDevLogin } from '../../store/dev-login'
import { useSession } from '../../store/session'
import { currentUrl, goBackOrHome } from '../../utils/navigate'

interface Props {
  /** What signing in is for, shown under the title ("登录后才能上报问题"). */
  reason?: string
  /** Inside a form or a card: no back button, less space. */
  inline?: boolean
}

/**
 * "请先登录" with the way to sign in (我的, which brings the person back here afterwards) and a way back.
 * StatusView shows it by itself when a load answers UNAUTHENTICATED; a page may also show it before an action.
 */
export function SignInPrompt ({ reason = '登录后才能查看和办理', inline = false }: Props) {
  const setReturnTo = useSession((s) => s.setReturnTo)
  const { state: devLogin, check } = useDevLogin()
  useEffect(check, [check])
  // A browser with the dev login off signs in by scanning: straight to that page, which comes back here.
  const scan = scanSignInNeeded(devLogin)
  const signIn = () => {
    setReturnTo(currentUrl())
    if (scan) void Taro.navigateTo({ url: pageUrl(PAGES.deskSignIn) })
    else void Taro.switchTab({ url: pageUrl(PAGES.me) })
  }
  return (
    <View className={`status status-signin${inline ? ' inline' : ''}`} id='sign-in-prompt'>
      <View className='status-title'>请先登录</View>
      <View className='status-desc'>{reason}{scan ? '。请用手机微信扫码登录，登录后会回到这里。' : devLoginAvailable ? '。在「我的」里选择一个演示账号登录，登录后会回到这里。' : '。'}</View>
      <View className='status-actions'>
        <Button className='btn-primary' id='sign-in-go' onClick={signIn}>去登录</Button>
        {!inline && <Button className='btn-plain' id='sign-in-back' onClick={() => void goBackOrHome()}>返回</Button>}
      </View>
    </View>
  )
}
