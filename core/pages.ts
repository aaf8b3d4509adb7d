/**
 * Every page of the mini-program, named once. `src/app.config.ts` declares the same paths (Taro reads that file on
 * its own, so it stays literal); `core/pages.test.ts` holds the two lists equal.
 */
export const PAGES = {
  home: 'pages/index/index',
  report: 'pages/report/index',
  me: 'pages/me/index',
  notFound: 'pages/not-found/index',
  messages: 'packages/citizen/messages/index',
  myReports: 'packages/citizen/my-reports/index',
  survey: 'packages/citizen/survey/index',
  surveys: 'packages/citizen/surveys/index',
  ticketDetail: 'packages/ticket/detail/index',
  events: 'packages/volunteer/events/index',
  eventDetail: 'packages/volunteer/event/index',
  volunteerRegister: 'packages/volunteer/register/index',
  myVolunteer: 'packages/volunteer/mine/index',
  certificate: 'packages/volunteer/certificate/index',
  verifyCertificate: 'packages/volunteer/verify/index',
  organize: 'packages/volunteer/organize/index',
  eventEdit: 'packages/volunteer/edit/index',
  roster: 'packages/volunteer/roster/index',
  checkinCode: 'packages/volunteer/checkin-code/index',
  orgReport: 'packages/volunteer/report/index',
  gridInbox: 'packages/grid/inbox/index',
  adminTriage: 'packages/admin/triage/index',
  adminSurveys: 'packages/admin/surveys/index',
  surveyEdit: 'packages/admin/survey-edit/index',
  surveyResults: 'packages/admin/survey-results/index',
  adminDashboard: 'packages/admin/dashboard/index',
  adminCategories: 'packages/admin/categories/index',
  adminSettings: 'packages/admin/settings/index',
  adminPeople: 'packages/admin/people/index',
  adminAudit: 'packages/admin/audit/index',
  adminGrids: 'packages/admin/grids/index',
  /** The desk's sign-in (H5): a QR code the phone scans (core/signin.ts). */
  deskSignIn: 'packages/account/signin/index',
  /** The phone's side of it: who signs in where, 确认登录 / 取消 (opened by 我的 → 扫码登录电脑版). */
  scanSignIn: 'packages/account/scan/index',
  /** 我的 → 桌面登录: my desktop sessions, each with 退出. */
  deskSessions: 'packages/account/sessions/index'
} as const

/** The tab bar's pages: reached by switchTab (navigateTo refuses them), with no back button of their own. */
export const TAB_PAGES: readonly PagePath[] = [PAGES.home, PAGES.report, PAGES.me]

export function isTabPage (url: string): boolean {
  const path = url.replace(/^\//, '').split('?')[0]
  return TAB_PAGES.some((p) => p === path)
}

export type PageName = keyof typeof PAGES
export type PagePath = (typeof PAGES)[PageName]

export type PageQuery = Record<string, string | number | boolean | null | undefined>

function withQuery (page: PagePath, query: PageQuery): string {
  const pairs = Object.entries(query)
    .filter((kv): kv is [string, string | number | boolean] => kv[1] !== null && kv[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return pairs.length ? `${page}?${pairs.join('&')}` : page
}

/** For Taro.navigateTo / redirectTo / switchTab / reLaunch, which want a leading slash: `/packages/ticket/detail/index?id=t1`. */
export function pageUrl (page: PagePath, query: PageQuery = {}): string {
  return `/${withQuery(page, query)}`
}

/** For a subscribe message's `page` field, which wants none: `packages/ticket/detail/index?id=t1`. */
export function pageLink (page: PagePath, query: PageQuery = {}): string {
  return withQuery(page, query)
}
