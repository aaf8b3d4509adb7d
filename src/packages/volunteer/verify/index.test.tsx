import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { useSession } from '../../../store/session'
import { certificateOf } from '../events/testing/fixtures'
import Verify from './index'

let mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: mockParams }) }
})

const page = usePageTest(Verify)
const { $, text, tap, type, open } = page
const { userId: _u, checkCode: _c, verifyUrl: _v, ...stated } = certificateOf()

beforeEach(() => {
  mockParams = {}
  // A visitor: nobody signed in.
  useSession.setState({ me: null, status: 'signedOut', error: null })
})

function serve () {
  return page.serve({
    'volunteer.verifyCertificate': (e) => e.number === 'ZZ2026-000004' && e.code === 'K7P2QX'
      ? { ok: true, data: { valid: true, certificate: stated } }
      : { ok: false, error: { code: 'NOT_FOUND', message: '证明不存在或校验码不对' } }
  })
}

describe('证明核验 (public)', () => {
  it('opened from the QR code, a signed-out visitor sees at once that it is genuine and what it states', async () => {
    mockParams = { number: 'ZZ2026-000004', code: 'K7P2QX' }
    const fake = serve()
    await open('#verify-result')
    expect(fake.calls).toEqual([{ fn: 'volunteer', event: { action: 'verifyCertificate', number: 'ZZ2026-000004', code: 'K7P2QX' } }])
    expect($('#verify-number')?.getAttribute('value')).toBe('ZZ2026-000004')
    expect(text('#verify-valid')).toBe('✓ 证明真实有效')
    expect(text('#cert-name')).toBe('李志远')
    expect(text('#cert-hours')).toBe('10.5 小时（信用时长 9.5 小时 / 补录 1 小时）')
    expect(text('#cert-organisation')).toBe('雨花区新时代文明实践中心')
    expect(document.querySelectorAll('#cert-records .cert-record')).toHaveLength(3)
    // The check code is what the holder typed; the answer never shows one of its own.
    expect($('#cert-check-code')).toBeNull()
    expect($('#sign-in-prompt')).toBeNull()
  })

  it('also reads the short address\'s n and c', async () => {
    mockParams = { n: 'ZZ2026-000004', c: 'K7P2QX' }
    const fake = serve()
    await open('#verify-valid')
    expect(fake.calls[0].event).toEqual({ action: 'verifyCertificate', number: 'ZZ2026-000004', code: 'K7P2QX' })
  })

  it('checks the form first, then says plainly when the certificate does not exist or the code is wrong', async () => {
    const fake = serve()
    await open('#verify-form')
    expect(fake.calls).toEqual([])
    await tap('#verify-submit')
    expect(text('#verify-number-error')).toBe('证明编号格式不对')
    expect(text('#verify-code-error')).toBe('校验码是 6 位字母或数字')
    expect(fake.calls).toEqual([])

    await type('#verify-number', 'zz2026-000004')
    await type('#verify-code', 'k7p2qa')
    await tap('#verify-submit')
    await until(() => $('#verify-not-found') !== null)
    // Typed in small letters: sent as printed.
    expect(fake.calls[0].event).toEqual({ action: 'verifyCertificate', number: 'ZZ2026-000004', code: 'K7P2QA' })
    expect(text('#verify-not-found')).toContain('证明不存在或校验码不对')
    expect($('#verify-result')).toBeNull()

    await type('#verify-code', 'K7P2QX')
    expect($('#verify-not-found')).toBeNull()
    await tap('#verify-submit')
    await until(() => $('#verify-valid') !== null)
    expect(fake.calls).toHaveLength(2)
  })
})
