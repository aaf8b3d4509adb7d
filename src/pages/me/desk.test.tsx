import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../core/pages'
import { getDevToken, setDevToken } from '../../api/call'
import { SignInPrompt } from '../../components/sign-in-prompt'
import { useDevLogin } from '../../store/dev-login'
import { useSession } from '../../store/session'
import { until } from '../../testing/fake-transport'
import { usePageTest } from '../../testing/page-test'
import Me from './index'

/** 我的 and the sign-in prompt around the desk's scan sign-in (the rest of 我的: index.test.tsx). */

const { $, tap, text, serve, testUtils } = usePageTest()
const admin = { id: 'u-admin', nickname: '文明办刘主任', roles: ['citizen', 'admin'] as Array<'citizen' | 'admin'>, gridIds: [] }

/** The gateway: /dev/* answers 404 when its dev login is off (bound beyond this machine). */
let devLoginOff = false
beforeEach(() => {
  devLoginOff = false
  useDevLogin.setState({ state: 'unknown' })
  jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as never)
  jest.spyOn(Taro, 'request').mockImplementation((async (o: Taro.request.Option) => {
    if (devLoginOff && String(o.url).startsWith('/dev/')) return { data: { ok: false, error: { code: 'NOT_FOUND', message: '演示登录已关闭' } }, statusCode: 404, header: {}, cookies: [], errMsg: 'request:ok' }
    return { data: { ok: true, data: { users: [{ id: 'u-admin', nickname: '文明办刘主任', roles: ['citizen', 'admin'] }] } }, statusCode: 200, header: {}, cookies: [], errMsg: 'request:ok' }
  }) as never)
})

const signedIn = () => {
  useSession.setState({ me: { ...admin, roles: [...admin.roles] }, status: 'ready', error: null })
  return serve({
    'users.me': () => ({ ok: true, data: { user: { ...admin, roles: [...admin.roles] } } }),
    'users.messages': () => ({ ok: true, data: { items: [], next: null, unread: 0 } }),
    'auth.signOut': () => ({ ok: true, data: { ended: true } })
  })
}
const signedOut = () => {
  useSession.setState({ me: null, status: 'signedOut', error: null })
  return serve({
    'users.me': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }),
    'users.messages': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } })
  })
}

describe('我的 → 电脑版', () => {
  it('offers 桌面登录 to anyone signed in', async () => {
    signedIn()
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-desk')
    expect(text('#me-desk')).toContain('桌面登录')
    await tap(`#me-desk [data-area="${pageUrl(PAGES.deskSessions)}"]`)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.deskSessions) })
    // Not on the phone: a browser has nothing to scan with.
    expect($('#me-scan-desk')).toBeNull()
  })

  it('on the phone, 扫码登录电脑版 opens the camera and the confirm page for the code', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    const qr = `WMS1.${'A'.repeat(22)}.${'S'.repeat(43)}`
    jest.spyOn(Taro, 'scanCode').mockImplementation((async () => ({ result: qr, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' })) as never)
    signedIn()
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-scan-desk')
    await tap('#me-scan-desk')
    await until(() => (Taro.navigateTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.scanSignIn, { qr }) })
  })

  it('a browser whose gateway has the dev login off offers the scan sign-in, not the demo accounts', async () => {
    devLoginOff = true
    signedOut()
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-go-signin')
    expect(text('#me-scan-login')).toContain('扫码登录电脑版')
    expect($('.demo-user')).toBeNull()
    expect($('.dev-login')).toBeNull()
    await tap('#me-go-signin')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.deskSignIn) })
  })

  it('signed in there by scanning, 退出登录 ends this browser\'s session on the server and forgets the token', async () => {
    devLoginOff = true
    setDevToken('tok-desk-1')
    const fake = signedIn()
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-logout')
    await tap('#me-logout')
    expect(fake.sent('signOut')).toEqual([{ action: 'signOut' }])
    expect(getDevToken()).toBeNull()
    expect(useSession.getState()).toMatchObject({ me: null, status: 'signedOut' })
  })

  it('with the dev login on, the demo accounts stay (a local gateway on this machine)', async () => {
    signedOut()
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('.demo-user[data-user="u-admin"]')
    expect($('#me-go-signin')).toBeNull()
  })
})

describe('the sign-in prompt with the dev login off', () => {
  it('去登录 opens the scan sign-in page, and says to scan', async () => {
    devLoginOff = true
    useSession.setState({ me: null, status: 'signedOut', error: null, returnTo: null })
    await testUtils.mount(SignInPrompt, { props: {} })
    await until(() => useDevLogin.getState().state === 'off')
    await until(() => text('#sign-in-prompt')?.includes('扫码') ?? false)
    await tap('#sign-in-go')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.deskSignIn) })
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })
})
