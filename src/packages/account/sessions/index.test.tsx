import Taro from '@tarojs/taro'
import type { DeskSessionView } from '../../../../core/signin'
import { useSession } from '../../../store/session'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import DeskSessions from './index'

// The page loads each time it shows (coming back from a confirmation): here, once on mount.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useDidShow: (fn: () => void) => useEffect(() => { fn() }, []) }
})

const { $, tap, text, serve, open, dialogs, toasts, setConfirm } = usePageTest(DeskSessions)

const row = (id: string, o: Partial<DeskSessionView> = {}): DeskSessionView => ({
  id: id.repeat(64).slice(0, 64), kind: 'desk', browser: 'Chrome 131 · Windows', userAgent: 'Mozilla/5.0', createdAt: new Date(2026, 10, 20, 9, 5).toISOString(),
  lastSeenAt: new Date(2026, 10, 20, 10, 30).toISOString(), expiresAt: new Date(2026, 10, 20, 18, 30).toISOString(), live: true, endedAt: null, ended: null, current: false, ...o
})

const here = row('a', { current: true })
const office = row('b', { browser: 'Edge 120 · Windows' })
const old = row('c', { live: false, endedAt: new Date(2026, 10, 19, 17, 0).toISOString(), ended: '已在电脑上退出' })

beforeEach(() => {
  useSession.setState({ me: { id: 'u-admin', nickname: '文明办刘主任', roles: ['citizen', 'admin'], gridIds: [] }, status: 'ready', error: null })
})

describe('桌面登录', () => {
  it('lists my computers: this one marked, each live one with 退出, ended ones with why', async () => {
    serve({ 'auth.sessions': () => ({ ok: true, data: { items: [here, office, old], next: null } }) })
    await open('#sessions-list .dk-row')
    const rows = Array.from(document.querySelectorAll('#sessions-list .dk-row'))
    expect(rows.map((r) => r.querySelector('.cell-title')?.textContent)).toEqual(['Chrome 131 · Windows', 'Edge 120 · Windows', 'Chrome 131 · Windows'])
    expect(rows.map((r) => r.querySelector('.dk-state')?.textContent)).toEqual(['使用中本机', '使用中', '已在电脑上退出'])
    expect(rows[0].textContent).toContain('11月20日 09:05 登录，最近使用 10:30')
    expect(rows.map((r) => r.querySelector('.dk-end') !== null)).toEqual([true, true, false])
    expect(rows[2].textContent).toContain('已在电脑上退出')
  })

  it('退出 asks first; declined, nothing is sent; confirmed, that session ends and the row says so', async () => {
    const fake = serve({
      'auth.sessions': () => ({ ok: true, data: { items: [office], next: null } }),
      'auth.endSession': () => ({ ok: true, data: { ...office, live: false, endedAt: new Date().toISOString(), ended: '已在手机上退出' } })
    })
    await open('.dk-end')
    setConfirm(false)
    await tap('.dk-end')
    expect(dialogs()).toHaveLength(1)
    expect(dialogs()[0]).toMatchObject({ title: '退出这个登录？', content: expect.stringContaining('Edge 120 · Windows 将立即退出') })
    expect(fake.sent('endSession')).toEqual([])
    setConfirm(true)
    await tap('.dk-end')
    await until(() => $('.dk-end') === null)
    expect(fake.sent('endSession')).toEqual([{ action: 'endSession', id: office.id }])
    expect(text('#sessions-list')).toContain('已在手机上退出')
    expect(toasts()).toEqual(['已退出'])
    expect(useSession.getState().status).toBe('ready')
  })

  it('ending this very browser\'s session signs this browser out', async () => {
    serve({
      'auth.sessions': () => ({ ok: true, data: { items: [here], next: null } }),
      'auth.endSession': () => ({ ok: true, data: { ...here, live: false, ended: '已在手机上退出' } })
    })
    jest.spyOn(Taro, 'request').mockImplementation((async () => ({ data: { ok: true, data: {} }, statusCode: 200, header: {}, cookies: [], errMsg: 'request:ok' })) as never)
    await open('.dk-end')
    await tap('.dk-end')
    expect(dialogs()[0]).toMatchObject({ title: '退出这台电脑？' })
    await until(() => useSession.getState().status === 'signedOut')
    expect(useSession.getState().me).toBeNull()
  })

  it('none yet: says how to sign in on a computer', async () => {
    serve({ 'auth.sessions': () => ({ ok: true, data: { items: [], next: null } }) })
    await open('.status-empty')
    expect(text('.status-empty')).toContain('还没有在电脑上登录过')
    expect(text('.status-empty')).toContain('扫码登录电脑版')
  })

  it('on the phone it also offers 扫码登录电脑版, which opens the camera and then the confirm page', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    const qr = `WMS1.${'A'.repeat(22)}.${'S'.repeat(43)}`
    jest.spyOn(Taro, 'scanCode').mockImplementation((async () => ({ result: qr, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' })) as never)
    serve({ 'auth.sessions': () => ({ ok: true, data: { items: [], next: null } }) })
    await open('#sessions-scan')
    await tap('#sessions-scan')
    await until(() => (Taro.navigateTo as jest.Mock).mock.calls.length > 0)
    expect((Taro.navigateTo as jest.Mock).mock.calls[0][0].url).toContain(`qr=${encodeURIComponent(qr)}`)
  })

  it('a code that is not a desk\'s says so and opens nothing', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    jest.spyOn(Taro, 'scanCode').mockImplementation((async () => ({ result: 'WMV1.e1.99.sig', scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' })) as never)
    serve({ 'auth.sessions': () => ({ ok: true, data: { items: [], next: null } }) })
    await open('#sessions-scan')
    await tap('#sessions-scan')
    await until(() => toasts().length > 0)
    expect(toasts()[0]).toContain('这不是电脑版的登录二维码')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
