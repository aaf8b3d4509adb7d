import { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { PAGES, pageUrl } from '../core/pages'
import { initPlatform } from './api/call'
import { installShell } from './components/app-shell/shell'
import { useSession } from './store/session'
import './app.css'

// Before the first page renders: buttons, landmarks and the text size must be right from the first frame.
installShell()

function App ({ children }: PropsWithChildren) {
  useLaunch(() => {
    initPlatform()
    // Every page can tell a visitor from the start (a form that needs an account says so before it is filled in).
    void useSession.getState().load()
  })
  // An unknown address (an old link, a typo) lands on 页面不存在 with the way home, not on the previous page.
  usePageNotFound((res) => {
    void Taro.redirectTo({ url: pageUrl(PAGES.notFound, { path: res.path }) }).catch(() => Taro.reLaunch({ url: pageUrl(PAGES.notFound) }))
  })
  return children
}

export default App
