import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import ScanSignIn from './index'

const QR = `WMS1.${'A'.repeat(22)}.${'S'.repeat(43)}`

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { qr: encodeURIComponent(`WMS1.${'A'.repeat(22)}.${'S'.repeat(43)}`) } }) }
})

const { $, tap, text, serve, open, toasts } = usePageTest(ScanSignIn)

const describeAs = (roles: string[], officeRights: boolean) => () => ({
  ok: true as const,
  data: {
    user: { nickname: '文明办刘主任', roles }, officeRights, browser: 'Chrome 131 · Windows', userAgent: 'Mozilla/5.0 …',
    requestedAt: new Date(2026, 10, 20, 9, 5).toISOString(), expiresAt: new Date(Date.now() + 90_000).toISOString()
  }
})

describe('确认登录电脑版 (the phone)', () => {
  it('shows who is about to be signed in, the browser and when; 确认登录 signs that computer in', async () => {
    const fake = serve({
      'auth.describe': describeAs(['citizen', 'admin'], true),
      'auth.confirm': () => ({ ok: true, data: { browser: 'Chrome 131 · Windows', nickname: '文明办刘主任', officeRights: true } })
    })
    await open('#scan-describe')
    expect(fake.sent('describe')).toEqual([{ action: 'describe', qr: QR }])
    expect(text('#scan-person')).toContain('文明办刘主任')
    expect(Array.from(document.querySelectorAll('#scan-person [data-role]')).map((e) => e.textContent)).toEqual(['居民', '文明办'])
    expect(text('#scan-browser')).toBe('Chrome 131 · Windows')
    expect(text('#scan-time')).toBe('今天 09:05')
    expect(text('#scan-expiry')).toMatch(/^还剩 \d+ 秒$/)
    expect($('#scan-no-office')).toBeNull()
    await tap('#scan-confirm')
    await until(() => $('#scan-done') !== null)
    expect(fake.sent('confirm')).toEqual([{ action: 'confirm', qr: QR }])
    expect(text('#scan-done')).toContain('Chrome 131 · Windows 已登录为你的账号')
    expect(toasts()).toEqual(['已登录电脑版'])
  })

  it('someone without an office role is told the computer gets only their own things', async () => {
    serve({ 'auth.describe': describeAs(['citizen'], false) })
    await open('#scan-describe')
    expect(text('#scan-no-office')).toContain('你没有文明办的权限')
  })

  it('取消 tells the computer no, and nothing signs in', async () => {
    const fake = serve({ 'auth.describe': describeAs(['citizen', 'admin'], true), 'auth.cancel': () => ({ ok: true, data: { state: 'cancelled' } }) })
    await open('#scan-describe')
    await tap('#scan-cancel')
    await until(() => $('#scan-cancelled') !== null)
    expect(fake.sent('cancel')).toEqual([{ action: 'cancel', qr: QR }])
    expect(fake.sent('confirm')).toEqual([])
  })

  it('an expired (or used) code says what to do, with 重新扫码 that opens the camera', async () => {
    serve({ 'auth.describe': () => ({ ok: false, error: { code: 'CONFLICT', message: '二维码已过期，请在电脑上刷新二维码后重新扫码' } }) })
    const fresh = `WMS1.${'B'.repeat(22)}.${'S'.repeat(43)}`
    jest.spyOn(Taro, 'scanCode').mockImplementation((async () => ({ result: fresh, scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' })) as never)
    await open('.status-error')
    expect(text('.status-error')).toContain('二维码已过期，请在电脑上刷新二维码后重新扫码')
    await tap('#scan-again')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.scanSignIn, { qr: fresh }) })
  })

  it('a refused confirmation (used meanwhile) shows the reason by the buttons', async () => {
    serve({
      'auth.describe': describeAs(['citizen', 'admin'], true),
      'auth.confirm': () => ({ ok: false, error: { code: 'CONFLICT', message: '这个二维码已经用过了：每个二维码只能登录一次，请在电脑上刷新后重新扫码' } })
    })
    await open('#scan-describe')
    await tap('#scan-confirm')
    await until(() => $('#scan-error') !== null)
    expect(text('#scan-error')).toContain('已经用过了')
    expect($('#scan-done')).toBeNull()
  })
})
