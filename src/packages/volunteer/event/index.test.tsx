import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { EventView } from '../../../../core/views'
import { until } from '../../../testing/fake-transport'
import { type Handlers, usePageTest } from '../../../testing/page-test'
import { eventOf, signupOf } from '../events/testing/fixtures'
import EventDetail from './index'

// The page reads its id from the router, which the test renderer does not fill in.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { id: 'e1' } }) }
})

const { setConfirm, $, text, tap, type, serve, open, reset, dialogs } = usePageTest(EventDetail)
const MIN = 60_000

/** Serves the event as `state()` says, and lets each action change it, as the server would. */
async function mount (initial: EventView, actions: Record<string, (e: Record<string, unknown>) => { data: unknown; next?: EventView }> = {}) {
  let current = initial
  const handlers: Handlers = { 'volunteer.event': () => ({ ok: true, data: current }) }
  for (const [name, act] of Object.entries(actions)) {
    handlers[`volunteer.${name}`] = (ev) => {
      const r = act(ev)
      if (r.next) current = r.next
      return r.data instanceof Error ? { ok: false, error: { code: 'FORBIDDEN', message: r.data.message } } : { ok: true, data: r.data }
    }
  }
  const fake = serve(handlers)
  await open('#event-detail')
  return fake
}

describe('活动详情', () => {
  it('shows every fact: time, place, area, whom it serves, organiser, requirements met or not, places and waitlist', async () => {
    await mount(eventOf('e1', 'training', {
      title: '老年人防跌倒入户服务', topic: '居家养老', servingTarget: '社区高龄独居老人', organizerName: '雨花区文明实践中心',
      description: '两人一组入户检查扶手和照明。', requiredTrainings: ['医疗健康', '应急救援'], missingTrainings: ['应急救援'],
      capacity: 10, taken: 7, waitlistLength: 2
    }))
    expect(text('#event-title')).toBe('老年人防跌倒入户服务')
    expect(text('#event-when')).toMatch(/^12月4日 周五/)
    expect(text('#event-place')).toBe('香樟路社区广场')
    expect(text('#event-target')).toBe('社区高龄独居老人')
    expect(text('#event-organizer')).toBe('雨花区文明实践中心')
    expect(text('#event-description')).toBe('两人一组入户检查扶手和照明。')
    expect(Array.from(document.querySelectorAll('#event-requirements .ed-req')).map((r) => [r.getAttribute('data-requirement'), r.getAttribute('data-met')])).toEqual([
      ['医疗健康', 'true'], ['应急救援', 'false']
    ])
    expect(text('#event-requirements')).toContain('✗ 未具备')
    expect(text('#event-places-text')).toBe('已报 7/10 · 剩 3 个名额')
    expect(($('.ed-bar-fill') as HTMLElement).style.width).toBe('70%')
    expect(text('#event-places')).toContain('候补 2 人')
    // Missing a training: the step is to sign up for it, opened on the trainings of that area.
    expect($('#signup-button')).toBeNull()
    await tap('#training-button')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.events, { kind: 'training', topic: '应急救援' }) })
  })

  it('报名 takes a seat, then 取消报名 asks first and gives it back', async () => {
    const { sent } = await mount(eventOf('e1', 'signup'), {
      signup: () => ({ data: { outcome: 'confirmed', signup: signupOf('e1'), waitlistPosition: null }, next: eventOf('e1', 'confirmed', { canCancel: true, mySignup: signupOf('e1'), taken: 4 }) }),
      cancel: () => ({ data: { signup: signupOf('e1', { status: 'cancelled' }) }, next: eventOf('e1', 'signup') })
    })
    await tap('#signup-button')
    await until(() => $('#signed-up') !== null)
    expect(sent('signup')).toEqual([{ action: 'signup', eventId: 'e1' }])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))
    expect(text('#event-places-text')).toBe('已报 4/30 · 剩 26 个名额')

    setConfirm(false)
    await tap('#cancel-button')
    await until(() => dialogs().length === 1)
    expect(sent('cancel')).toEqual([])
    setConfirm(true)
    await tap('#cancel-button')
    await until(() => $('#signup-button') !== null)
    expect(sent('cancel')).toEqual([{ action: 'cancel', eventId: 'e1' }])
  })

  it('past the cancellation deadline there is no 取消报名, only whom to tell', async () => {
    await mount(eventOf('e1', 'confirmed', { canCancel: false, mySignup: signupOf('e1') }))
    expect($('#cancel-button')).toBeNull()
    expect(text('#event-action')).toContain('已过取消截止时间')
  })

  it('加入候补 on a full event, then shows my place on the waitlist', async () => {
    const { sent } = await mount(eventOf('e1', 'waitlist', { taken: 30, waitlistLength: 1 }), {
      signup: () => ({
        data: { outcome: 'waitlisted', signup: signupOf('e1', { status: 'waitlisted' }), waitlistPosition: 2 },
        next: eventOf('e1', 'waitlisted', { taken: 30, waitlistLength: 2, waitlistPosition: 2, canCancel: true, mySignup: signupOf('e1', { status: 'waitlisted' }) })
      })
    })
    expect(text('#signup-button')).toBe('加入候补')
    await tap('#signup-button')
    await until(() => $('#waitlist-position') !== null)
    expect(sent('signup')).toEqual([{ action: 'signup', eventId: 'e1' }])
    expect(text('#waitlist-position')).toBe('候补中：你排在第 2 位')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已候补第 2 位' }))
    expect(text('#cancel-button')).toBe('取消候补')
  })

  it('an offer counts down to its deadline and 确认参加 takes the place', async () => {
    const expires = new Date(Date.now() + 2 * 3_600_000 + 30 * MIN).toISOString()
    const offered = signupOf('e1', { status: 'offered', offerExpiresAt: expires })
    const { sent } = await mount(eventOf('e1', 'offered', { taken: 30, mySignup: offered, canCancel: true }), {
      acceptOffer: () => ({ data: { signup: signupOf('e1') }, next: eventOf('e1', 'confirmed', { taken: 30, mySignup: signupOf('e1'), canCancel: true }) })
    })
    expect(text('#offer-countdown')).toMatch(/^还剩 2 小时 (29|30) 分（截止 /)
    await tap('#accept-offer-button')
    await until(() => $('#signed-up') !== null)
    expect(sent('acceptOffer')).toEqual([{ action: 'acceptOffer', eventId: 'e1' }])
  })

  it('a lapsed offer says so, with no button', async () => {
    const offered = signupOf('e1', { status: 'offered', offerExpiresAt: new Date(Date.now() - MIN).toISOString() })
    await mount(eventOf('e1', 'offered', { mySignup: offered }))
    expect(text('#offer-lapsed')).toContain('名额已让给下一位候补')
    expect($('#accept-offer-button')).toBeNull()
  })

  it('a refusal stays on screen with what to do (a missing training)', async () => {
    await mount(eventOf('e1', 'signup'), { signup: () => ({ data: new Error('报名本活动需要先完成「应急救援」培训（有效期内），请先报名相应培训') }) })
    await tap('#signup-button')
    await until(() => $('#action-error') !== null)
    expect(text('#action-error')).toContain('应急救援')
  })

  it('a resident is led to register; closed and full events say so', async () => {
    await mount(eventOf('e1', 'register'))
    await tap('#register-button')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.volunteerRegister) })
    reset()
    await mount(eventOf('e1', 'full', { taken: 30, waitlistEnabled: false }))
    expect(text('#event-full')).toContain('名额已满')
    expect($('#signup-button')).toBeNull()
    reset()
    await mount(eventOf('e1', 'closed', { status: 'cancelled', cancelReason: '暴雨预警' }))
    expect(text('#event-closed')).toBe('活动已取消：暴雨预警')
  })
})

describe('活动详情: 签到和签退', () => {
  const during = (over: Partial<EventView> = {}) => eventOf('e1', 'confirmed', {
    startAt: new Date(Date.now() - 10 * MIN).toISOString(), endAt: new Date(Date.now() + 110 * MIN).toISOString(),
    location: { lng: 113.0, lat: 28.0 }, mySignup: signupOf('e1'), ...over
  })

  it('before the window there is no check-in, only when it opens', async () => {
    await mount(eventOf('e1', 'confirmed', { startAt: new Date(Date.now() + 5 * 3_600_000).toISOString(), endAt: new Date(Date.now() + 7 * 3_600_000).toISOString(), mySignup: signupOf('e1') }))
    expect($('#attendance')).toBeNull()
    expect(text('#event-action')).toContain('活动开始前 30 分钟起可以在这里签到')
  })

  it('checks in with a typed code (checked first), then checks out by position, and shows the hours awaiting the organiser', async () => {
    const inAt = new Date(Date.now() - 5 * MIN).toISOString()
    const outAt = new Date().toISOString()
    const { sent } = await mount(during(), {
      checkIn: () => ({
        data: { signup: signupOf('e1', { checkInAt: inAt, checkInBy: 'qr' }), event: { id: 'e1', title: '活动e1' }, mode: 'in' },
        next: during({ mySignup: signupOf('e1', { checkInAt: inAt, checkInBy: 'qr' }) })
      }),
      checkOut: () => ({
        data: { signup: signupOf('e1'), event: { id: 'e1', title: '活动e1' }, mode: 'out' },
        next: during({ mySignup: signupOf('e1', { checkInAt: inAt, checkInBy: 'qr', checkOutAt: outAt, checkOutBy: 'position', earnedHours: 1.5 }) })
      })
    })
    jest.spyOn(Taro, 'getLocation').mockImplementation((async () => ({ longitude: 113.0005, latitude: 28.0005, accuracy: 10, errMsg: 'getLocation:ok' })) as unknown as typeof Taro.getLocation)
    expect($('#attendance')?.getAttribute('data-mode')).toBe('in')
    expect(text('#checkin-code-submit')).toBe('签到')
    // The browser has no camera API: no scan button there.
    expect($('#checkin-scan-button')).toBeNull()

    await type('#checkin-code-input', '123')
    await tap('#checkin-code-submit')
    expect(text('#checkin-code-error')).toBe('签到码无效')
    expect(sent('checkIn')).toEqual([])

    await type('#checkin-code-input', 'WMV1.e1.123456.abcdef')
    await tap('#checkin-code-submit')
    await until(() => $('#attendance')?.getAttribute('data-mode') === 'out')
    expect(sent('checkIn')).toEqual([{ action: 'checkIn', code: 'WMV1.e1.123456.abcdef' }])
    expect(text('#checkin-time')).toContain('（扫码）')
    expect(text('#checkin-locate-button')).toContain('定位签退')

    await tap('#checkin-locate-button')
    await until(() => $('#attendance-hours') !== null)
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' })
    expect(sent('checkOut')).toEqual([{ action: 'checkOut', eventId: 'e1', location: { lng: 113.0005, lat: 28.0005 } }])
    expect(text('#attendance-hours')).toBe('1.5 小时 · 待组织者确认')
    expect($('#checkin-scan-button')).toBeNull()
  })

  it('scans the organiser\'s code with the camera on the phone (where there is no code field)', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    jest.spyOn(Taro, 'scanCode').mockImplementation((async () => ({ result: 'WMV1.e1.99.sig-sig', scanType: 'QR_CODE', charSet: 'utf-8', path: '', rawData: '', errMsg: 'scanCode:ok' })) as unknown as typeof Taro.scanCode)
    const { sent } = await mount(during(), {
      checkIn: () => ({ data: new Error('签到码已过期，请扫描组织者手机上最新的二维码') })
    })
    await tap('#checkin-scan-button')
    await until(() => $('#attendance-error') !== null)
    expect(sent('checkIn')).toEqual([{ action: 'checkIn', code: 'WMV1.e1.99.sig-sig' }])
    expect(text('#attendance-error')).toContain('最新的二维码')
    expect($('#checkin-code-input')).toBeNull()
  })

  it('confirmed hours say so; a no-show is told how to appeal', async () => {
    const over = signupOf('e1', { checkInAt: '2026-01-01T01:00:00.000Z', checkOutAt: '2026-01-01T03:00:00.000Z', checkInBy: 'qr', checkOutBy: 'qr', earnedHours: 2, manualHours: 0.5, hoursConfirmedAt: '2026-01-02T00:00:00.000Z' })
    await mount(eventOf('e1', 'confirmed', { startAt: '2026-01-01T01:00:00.000Z', endAt: '2026-01-01T03:00:00.000Z', mySignup: over }))
    expect(text('#attendance-hours')).toBe('2 小时 + 补录 0.5 小时 · 已确认，计入总时长')
    expect($('#checkin-code-input')).toBeNull()
    reset()
    await mount(eventOf('e1', 'confirmed', { startAt: '2026-01-01T01:00:00.000Z', endAt: '2026-01-01T03:00:00.000Z', mySignup: signupOf('e1', { noShow: true }) }))
    expect(text('#attendance-no-show')).toContain('申诉')
  })
})
