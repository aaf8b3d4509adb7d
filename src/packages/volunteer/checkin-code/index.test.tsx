import Taro from '@tarojs/taro'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import CheckinCode, { refreshDelay } from './index'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { id: 'ev-1' } }) }
})

const { testUtils, $, tap, serve, open: mount } = usePageTest(CheckinCode)
let keepOn: boolean[] = []
beforeEach(() => {
  keepOn = []
  jest.spyOn(Taro, 'setKeepScreenOn').mockImplementation(((o: { keepScreenOn: boolean }) => { keepOn.push(o.keepScreenOn); return Promise.resolve({ errMsg: 'setKeepScreenOn:ok' }) }) as unknown as typeof Taro.setKeepScreenOn)
})

const codeShown = () => $('[data-qr-text]')?.getAttribute('data-qr-text') ?? null
const event = { ok: true as const, data: { id: 'ev-1', title: '香樟路垃圾分类宣传' } }

describe('签到码', () => {
  it('shows the code as a QR with the event and what to do, counts down, keeps the screen on, and lets go on leaving', async () => {
    serve({
      'volunteer.checkinCode': () => ({ ok: true, data: { code: 'WMV1.ev-1.100.c2lnbmF0dXJlMQ', refreshAt: new Date(Date.now() + 20_000).toISOString(), rotateSeconds: 30 } }),
      'volunteer.event': () => event
    })
    await mount('#checkin-screen')
    expect(codeShown()).toBe('WMV1.ev-1.100.c2lnbmF0dXJlMQ')
    expect($('#checkin-screen')!.textContent).toContain('请志愿者打开「文明共建」扫码签到/签退')
    expect($('#checkin-screen')!.textContent).toContain('二维码每 30 秒刷新，截图无效')
    expect($('#code-countdown')!.textContent).toMatch(/^\d+ 秒后刷新$/)
    await until(() => $('#checkin-title')?.textContent === '香樟路垃圾分类宣传')
    expect(keepOn).toEqual([true])
    testUtils.unmout()
    expect(keepOn).toEqual([true, false])
  })

  it('fetches the next code when the current one is due and shows it', async () => {
    let n = 0
    const fake = serve({
      'volunteer.checkinCode': () => {
        n++
        // Due 1.5 s after it is handed out: far enough ahead that a busy machine's page still sees it pending (a code
        // already past its refresh time falls back to once a period), near enough to wait for in real time.
        return { ok: true, data: { code: `WMV1.ev-1.${100 + n}.c2lnbmF0dXJlMQ`, refreshAt: new Date(Date.now() + (n === 1 ? 1500 : 30_000)).toISOString(), rotateSeconds: 30 } }
      },
      'volunteer.event': () => event
    })
    await mount('#checkin-screen')
    await until(() => codeShown() === 'WMV1.ev-1.102.c2lnbmF0dXJlMQ', 4000)
    expect(fake.calls.filter((c) => c.event.action === 'checkinCode').map((c) => c.event)).toEqual([
      { action: 'checkinCode', id: 'ev-1' }, { action: 'checkinCode', id: 'ev-1' }
    ])
    testUtils.unmout()
  })

  it('says why when the event is not open for check-in, with 重试', async () => {
    let open = false
    serve({
      'volunteer.checkinCode': () => (open
        ? { ok: true, data: { code: 'WMV1.ev-1.7.c2lnbmF0dXJlMQ', refreshAt: new Date(Date.now() + 20_000).toISOString(), rotateSeconds: 30 } }
        : { ok: false, error: { code: 'CONFLICT', message: '签到在活动开始前 30 分钟开放' } }),
      'volunteer.event': () => event
    })
    const closed = await mount('#code-closed')
    expect(closed.textContent).toContain('签到在活动开始前 30 分钟开放')
    expect(codeShown()).toBeNull()
    open = true
    await tap('#code-retry')
    await until(() => codeShown() === 'WMV1.ev-1.7.c2lnbmF0dXJlMQ')
    testUtils.unmout()
  })

  it('still shows the code where the screen cannot be kept on', async () => {
    jest.spyOn(Taro, 'setKeepScreenOn').mockImplementation((() => { throw new Error('setKeepScreenOn is not supported') }) as unknown as typeof Taro.setKeepScreenOn)
    serve({
      'volunteer.checkinCode': () => ({ ok: true, data: { code: 'WMV1.ev-1.9.c2lnbmF0dXJlMQ', refreshAt: new Date(Date.now() + 20_000).toISOString(), rotateSeconds: 30 } }),
      'volunteer.event': () => ({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在' } })
    })
    await mount('#checkin-screen')
    expect(codeShown()).toBe('WMV1.ev-1.9.c2lnbmF0dXJlMQ')
    testUtils.unmout()
  })
})

describe('when the next code is fetched', () => {
  const now = Date.parse('2026-12-01T10:00:10.000Z')
  it('at refreshAt (just after), or once a period when the phone clock is far off', () => {
    expect(refreshDelay({ refreshAt: '2026-12-01T10:00:30.000Z', rotateSeconds: 30 }, now)).toBe(20_500)
    expect(refreshDelay({ refreshAt: '2026-12-01T09:59:00.000Z', rotateSeconds: 30 }, now)).toBe(30_000)
    expect(refreshDelay({ refreshAt: '2026-12-01T10:05:00.000Z', rotateSeconds: 30 }, now)).toBe(30_000)
  })
})
