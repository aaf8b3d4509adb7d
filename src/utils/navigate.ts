import Taro from '@tarojs/taro'
import { PAGES, isTabPage, pageUrl, type PagePath } from '../../core/pages'

/** Open a page by its url, whether it is a tab page (switchTab) or not (navigateTo). */
export function openUrl (url: string): Promise<unknown> {
  return isTabPage(url) ? Taro.switchTab({ url: url.split('?')[0] }) : Taro.navigateTo({ url })
}

/** Back to the page before, or to 首页 when this page was opened by its address (no history to go back to). */
export function goBackOrHome (): Promise<unknown> {
  return goBackOr(PAGES.home)
}

/** Back to the page before, or to `page` when this one was opened by its address (a form's own list, say). */
export function goBackOr (page: PagePath): Promise<unknown> {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  const url = pageUrl(page)
  return isTabPage(url) ? Taro.switchTab({ url }) : Taro.redirectTo({ url })
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
