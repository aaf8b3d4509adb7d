import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { SignInPollView } from '../../../../core/signin'
import { getDevToken } from '../../../api/call'
import { useSession } from '../../../store/session'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import DeskSignIn from './index'

const { $, tap, text, serve, open } = usePageTest(DeskSignIn)

const ID = 'AAAAAAAAAAAAAAAAAAAAAA'
const SECRET = 'S'.repeat(43)
let n = 0
/** Each request a new code; polled every 5 ms here so the test waits on what shows, not on a clock. */
const request = () => {
  n++
  return { ok: true as const, data: { requestId: `${ID.slice(1)}${n}`, secret: SECRET, qr: `WMS1.${ID.slice(1)}${n}.${SECRET}`, expiresAt: new Date(Date.now() + 120_000).toISOString(), pollEveryMs: 5 } }
}
const admin = { id: 'u-admin', nickname: '文明办刘主任', roles: ['citizen', 'admin'] as const, gridIds: [] }
/** The page polls on its own timers: on a busy machine a few polls take a while, so wait longer than the default. */
const waitFor = (check: () => boolean) => until(check, 2_000)
const shownCode = () => $('[data-qr-text]')?.getAttribute('data-qr-text') ?? null

beforeEach(() => {
  n = 0
  Taro.removeStorageSync('wm.devToken')
  useSession.setState({ me: null, status: 'signedOut', error: null, returnTo: null })
  jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as never)
})

/** A fake server whose poll answers come from `answers` in turn (the last one repeats). */
function server (answers: Array<SignInPollView | { error: string; code?: string }>, me = admin) {
  let i = 0
  return serve({
    'auth.request': request,
    'auth.poll': () => {
      const a = answers[Math.min(i++, answers.length - 1)]
      return 'error' in a ? { ok: false, error: { code: (a.code ?? 'RATE_LIMITED') as 'RATE_LIMITED', message: a.error } } : { ok: true, data: a }
    },
    'users.me': () => ({ ok: true, data: { user: { ...me, roles: [...me.roles] } } })
  })
}

describe('登录 (the desk)', () => {
  it('shows the code to scan with what to do, polls with its secret, and once confirmed signs in as that person into 分拣台', async () => {
    const fake = server([
      { state: 'pending', scanned: false, expiresAt: '' },
      { state: 'pending', scanned: true, expiresAt: '' },
      { state: 'confirmed', token: 'tok-desk-1', user: { ...admin, roles: [...admin.roles] }, ticket: null }
    ])
    await open('[data-qr-text]')
    expect(shownCode()).toBe(`WMS1.${ID.slice(1)}1.${SECRET}`)
    expect(text('#signin-card')).toContain('点「我的 → 扫码登录电脑版」，扫描这里的二维码')
    expect(fake.sent('request')).toEqual([{ action: 'request', userAgent: navigator.userAgent }])
    await waitFor(() => $('#signin-card')?.getAttribute('data-phase') === 'signing' || $('#signin-scanned') !== null)
    await waitFor(() => (Taro.redirectTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.adminTriage) })
    expect(getDevToken()).toBe('tok-desk-1')
    expect(useSession.getState()).toMatchObject({ status: 'ready', me: { id: 'u-admin' } })
    // Polled with the secret the code holds, and only until it was picked up.
    expect(fake.sent('poll')).toEqual(Array(3).fill({ action: 'poll', requestId: `${ID.slice(1)}1`, secret: SECRET }))
  })

  it('shows 已扫码，请在手机上确认 while the phone is deciding', async () => {
    server([{ state: 'pending', scanned: true, expiresAt: '' }])
    await open('[data-qr-text]')
    await waitFor(() => $('#signin-scanned') !== null)
    expect(text('#signin-scanned')).toContain('已扫码，请在手机上确认')
  })

  const zhang = { id: 'u-citizen', nickname: '张阿姨', roles: ['citizen'] as const, gridIds: [] }
  const asZhang = () => server([{ state: 'confirmed', token: 'tok-zhang', user: { ...zhang, roles: ['citizen'] }, ticket: null }], zhang as never)

  it('a person without an office role goes to 我的 (signed in as themselves)', async () => {
    asZhang()
    await open('[data-qr-text]')
    await waitFor(() => (Taro.switchTab as jest.Mock).mock.calls.length > 0)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: pageUrl(PAGES.me) })
    expect(Taro.redirectTo).not.toHaveBeenCalled()
    expect(useSession.getState().me).toMatchObject({ id: 'u-citizen', roles: ['citizen'] })
  })

  it('goes back to the page that asked for a sign-in, when one did', async () => {
    useSession.setState({ returnTo: pageUrl(PAGES.myReports) })
    asZhang()
    await open('[data-qr-text]')
    await waitFor(() => (Taro.navigateTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.myReports) })
    expect(useSession.getState().returnTo).toBeNull()
  })

  it('a code that expired (or was used, or is unknown) is replaced by a new one without asking', async () => {
    const fake = server([{ state: 'expired' }, { state: 'pending', scanned: false, expiresAt: '' }])
    await open('[data-qr-text]')
    await waitFor(() => shownCode() === `WMS1.${ID.slice(1)}2.${SECRET}`)
    expect(fake.sent('request')).toHaveLength(2)
  })

  it('renews the code shortly before it expires', async () => {
    const fake = server([{ state: 'pending', scanned: false, expiresAt: '' }])
    await open('[data-qr-text]')
    expect(shownCode()).toBe(`WMS1.${ID.slice(1)}1.${SECRET}`)
    // This browser's clock moves on to 15 s before the code's end: the next poll asks for a new code instead.
    const start = Date.now()
    jest.spyOn(Date, 'now').mockImplementation(() => start + 106_000)
    await waitFor(() => shownCode() === `WMS1.${ID.slice(1)}2.${SECRET}`)
    expect(fake.sent('request')).toHaveLength(2)
  })

  it('keeps a code a phone has scanned until it expires, then renews it', async () => {
    const fake = server([{ state: 'pending', scanned: true, expiresAt: '' }])
    await open('[data-qr-text]')
    await waitFor(() => $('#signin-scanned') !== null)
    const start = Date.now()
    jest.spyOn(Date, 'now').mockImplementation(() => start + 106_000)
    const polled = fake.sent('poll').length
    await waitFor(() => fake.sent('poll').length > polled + 2)
    expect(fake.sent('request')).toHaveLength(1)
    jest.spyOn(Date, 'now').mockImplementation(() => start + 121_000)
    await waitFor(() => fake.sent('request').length === 2)
  })

  it('cancelled on the phone: says so, and 刷新二维码 shows a new code', async () => {
    const fake = server([{ state: 'cancelled' }])
    await open('[data-qr-text]')
    await waitFor(() => $('#signin-cancelled') !== null)
    expect(text('#signin-cancelled')).toContain('已在手机上取消登录')
    expect(shownCode()).toBeNull()
    await tap('#signin-refresh')
    await waitFor(() => shownCode() === `WMS1.${ID.slice(1)}2.${SECRET}`)
    expect(fake.sent('request')).toHaveLength(2)
  })

  it('polling too often: says so and keeps the code on screen', async () => {
    server([{ error: '查询登录状态太频繁，请 30 秒后再试' }])
    await open('[data-qr-text]')
    await waitFor(() => $('#signin-warning') !== null)
    expect(text('#signin-warning')).toBe('查询登录状态太频繁，请 30 秒后再试')
    expect(shownCode()).toBe(`WMS1.${ID.slice(1)}1.${SECRET}`)
    // The countdown to the code's expiry, in whole seconds.
    expect(text('#signin-status')).toMatch(/^\d+ 秒后二维码失效，届时自动刷新$/)
  })

  it('no code to be had: says why, with 重新获取二维码', async () => {
    let up = false
    serve({
      'auth.request': () => (up ? request() : { ok: false, error: { code: 'RATE_LIMITED', message: '获取二维码太频繁，请 40 秒后再试', details: { retryAt: new Date(Date.now() + 40_000).toISOString() } } }),
      'auth.poll': () => ({ ok: true, data: { state: 'pending', scanned: false, expiresAt: '' } })
    })
    await open('#signin-error')
    expect(text('#signin-error')).toContain('获取二维码太频繁，请 40 秒后再试')
    up = true
    await tap('#signin-retry')
    await waitFor(() => shownCode() !== null)
  })
})
