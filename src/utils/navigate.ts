import Taro from '@tarojs/taro'
import { PAGES, isTabPage, pageUrl } from '../../core/pages'

/** Open a page by its url, whether it is a tab page (switchTab) or not (navigateTo). */
export function openUrl (url: string): Promise<unknown> {
  return isTabPage(url) ? Taro.switchTab({ url: url.split('?')[0] }) : Taro.navigateTo({ url })
}

/** Back to the page before, or to 首页 when this page was opened by its address (no history to go back to). */
export function goBackOrHome (): Promise<unknown> {
  return Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: pageUrl(PAGES.home) })
}

/** The url of the page on screen, with its query (less H5's internal `stamp`), to come back to later. */
export function currentUrl (): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return null
  const path = router.path.split('?')[0]
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => k !== 'stamp' && k !== '$taroTimestamp' && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${path.startsWith('/') ? path : `/${path}`}${query.length ? `?${query.join('&')}` : ''}`
}
