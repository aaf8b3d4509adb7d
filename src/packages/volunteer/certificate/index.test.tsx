import { usePageTest } from '../../../testing/page-test'
import { certificateOf } from '../events/testing/fixtures'
import Certificate from './index'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { number: 'ZZ2026-000004' } }) }
})
// The QR code is its own component with its own tests: here only what it is given matters.
jest.mock('../../../components/qr-code', () => {
  const { createElement } = jest.requireActual('react')
  const { View } = jest.requireActual('@tarojs/components')
  return { QrCode: (p: { text: string; label: string }) => createElement(View, { className: 'qr-mock', 'data-qr-text': p.text, ariaLabel: p.label }) }
})

const { $, text, tap, serve, open } = usePageTest(Certificate)
const certificate = certificateOf()

async function mount () {
  const fake = serve({ 'volunteer.certificate': () => ({ ok: true, data: certificate }) })
  await open('#certificate')
  return fake
}

describe('志愿服务记录证明', () => {
  it('states the four blocks and the records, as issued', async () => {
    const fake = await mount()
    expect(fake.calls).toEqual([{ fn: 'volunteer', event: { action: 'certificate', number: 'ZZ2026-000004' } }])
    expect(text('#cert-title')).toBe('志愿服务记录证明')
    expect(text('#cert-name')).toBe('李志远')
    expect(text('#cert-volunteer-no')).toBe('V2026000007')
    expect(text('#cert-hours')).toBe('10.5 小时（信用时长 9.5 小时 / 补录 1 小时）')
    expect(text('#cert-count')).toBe('3 次')
    expect(text('#cert-span')).toBe('2026年3月1日 至 2026年5月4日')
    expect(text('#cert-topics')).toBe('环境保护、应急救援')
    expect(Array.from(document.querySelectorAll('#cert-records .cert-record')).map((r) => r.textContent)).toEqual([
      '2026-03-01（培训）应急救护培训应急救援3', '2026-04-11湘江河岸清洁环境保护4（含补录）', '2026-05-04社区垃圾分类引导环境保护3.5'
    ])
    expect(text('#cert-issuer')).toContain('雨花区新时代文明实践中心')
    expect(text('#cert-issuer')).toContain('刘建国')
    expect(text('#cert-issuer')).toContain('陈晓')
    expect(text('#cert-issuer')).toContain('0731-85880000')
    expect(text('#cert-number')).toBe('ZZ2026-000004')
    expect(text('#cert-check-code')).toBe('K7P2QX')
    expect(text('#cert-issued')).toBe('2026年6月1日')
  })

  it('carries a QR code of the verification address, and says where to check it by hand', async () => {
    await mount()
    expect($('#cert-verify .qr-mock')?.getAttribute('data-qr-text')).toBe(certificate.verifyUrl)
    expect(text('#cert-verify')).toBe('扫码或访问 https://wm.example.cn/v 输入编号和校验码核验真伪')
  })

  it('prints in the browser', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined)
    await mount()
    expect($('#cert-save-note')).toBeNull()
    await tap('#print-button')
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('on WeChat says to keep a screenshot instead', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp'
    await mount()
    expect($('#print-button')).toBeNull()
    expect(text('#cert-save-note')).toContain('截屏保存')
  })
})
