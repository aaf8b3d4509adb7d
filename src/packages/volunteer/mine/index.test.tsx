import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { MySignupView, MyVolunteerView } from '../../../../core/volunteer/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import { signupOf } from '../events/testing/fixtures'
import Mine from './index'

const testUtils = new TestUtils()

let confirm = true
beforeEach(() => {
  confirm = true
  jest.spyOn(Taro, 'showToast').mockImplementation((async () => ({ errMsg: 'showToast:ok' })) as unknown as typeof Taro.showToast)
  jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })) as unknown as typeof Taro.showModal)
  jest.spyOn(Taro, 'navigateTo').mockImplementation((async () => ({ errMsg: 'navigateTo:ok' })) as unknown as typeof Taro.navigateTo)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const $ = (sel: string) => document.querySelector(sel)
const text = (sel: string) => $(sel)?.textContent ?? null
async function tap (sel: string) { await testUtils.act(async () => { testUtils.fireEvent.click($(sel)!) }) }
async function type (sel: string, value: string) {
  await testUtils.act(() => { $(sel)!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
}

const mine = (over: Partial<MyVolunteerView> = {}): MyVolunteerView => ({
  profile: { userId: 'u-v', realName: '李志远', phone: '139****5678', homeGridId: 'g1', community: '香樟路社区', skills: ['环境保护'], volunteerNo: 'V2026000007', registeredAt: '2026-01-05T00:00:00.000Z' },
  hours: { earned: 118.5, manual: 6, total: 124.5, pending: 2.5, serviceCount: 31 },
  stars: { stars: 1, hours: 124.5, nextAt: 300, toNext: 175.5, share: 0.1225 },
  thresholds: [100, 300, 600, 1000, 1500],
  trainings: [
    { topic: '应急救援', title: '应急救护培训', completedAt: '2026-03-01T04:00:00.000Z', expiresAt: '2028-03-01T04:00:00.000Z', valid: true },
    { topic: '医疗健康', title: '急救常识', completedAt: '2023-03-01T04:00:00.000Z', expiresAt: '2025-03-01T04:00:00.000Z', valid: false }
  ],
  reliability: { signedUp: 12, attended: 11, share: 11 / 12 },
  certificates: [{ number: 'ZZ2026-000003', issuedAt: '2026-06-01T02:00:00.000Z', earnedHours: 80, manualHours: 2 }],
  offers: [],
  ...over
})

const row = (id: string, over: Partial<MySignupView> = {}): MySignupView => ({
  signup: signupOf(id),
  event: { id, title: `活动${id}`, kind: 'service', topic: '环境保护', startAt: '2026-05-04T01:00:00.000Z', endAt: '2026-05-04T04:00:00.000Z', address: '香樟路', status: 'published' },
  counted: { earned: 0, manual: 0 },
  canAppeal: false,
  ...over
})

function serve (view: MyVolunteerView, rows: MySignupView[] = [], more: Parameters<typeof fakeTransport>[0] = {}) {
  const fake = fakeTransport({
    'volunteer.mine': () => ({ ok: true, data: view }),
    'volunteer.mySignups': () => ({ ok: true, data: { items: rows, next: null } }),
    ...more
  })
  setTransport(fake.transport)
  return { fake, sent: (action: string) => fake.calls.filter((c) => c.event.action === action).map((c) => c.event) }
}

describe('我的志愿', () => {
  it('shows the hours split, the stars with the way to the next, trainings with expiry and 守约率', async () => {
    serve(mine())
    await testUtils.mount(Mine, { props: {} })
    await testUtils.queries.waitForQuerySelector('#mine')
    expect(text('#mine-total')).toBe('124.5')
    expect(text('#mine-split')).toBe('信用时长 118.5 小时 · 补录 6 小时 · 服务 31 次')
    expect(text('#mine-pending')).toContain('2.5 小时待组织者确认')
    expect(text('#mine-star-row')).toBe('★☆☆☆☆')
    expect($('#mine-star-row')?.getAttribute('aria-label')).toBe('1 星，共 5 星')
    expect(($('#mine-star-fill') as HTMLElement).style.width).toBe('12%')
    expect(text('#mine-next')).toBe('再服务 175.5 小时升至 2 星')
    expect(Array.from(document.querySelectorAll('#mine-thresholds .vm-tr')).map((r) => r.textContent)).toEqual([
      '★满 100 小时✓ 已达到', '★★满 300 小时还差 175.5 小时', '★★★满 600 小时还差 475.5 小时',
      '★★★★满 1000 小时还差 875.5 小时', '★★★★★满 1500 小时还差 1375.5 小时'
    ])
    expect(text('[data-training="应急救援"]')).toContain('有效至 2028年3月1日')
    expect(text('[data-training="医疗健康"]')).toContain('已过期')
    expect(text('#mine-reliability-value')).toBe('11/12')
    expect(text('#mine-reliability')).toContain('92%')
    expect(text('#mine-reliability')).toContain('只有你自己能看到')
  })

  it('at the top star there is nothing more to reach', async () => {
    serve(mine({ stars: { stars: 5, hours: 1600, nextAt: null, toNext: null, share: 1 } }))
    await testUtils.mount(Mine, { props: {} })
    await testUtils.queries.waitForQuerySelector('#mine')
    expect(text('#mine-star-row')).toBe('★★★★★')
    expect(text('#mine-next')).toContain('已达到最高星级')
  })

  it('lists my signups with their state and counted hours, and sends an appeal with its reason', async () => {
    const rows = [
      row('e1', { signup: signupOf('e1', { checkInAt: 'x', checkOutAt: 'y', earnedHours: 3, manualHours: 0.5, hoursConfirmedAt: 'z' }), counted: { earned: 3, manual: 0.5 } }),
      row('e2', { signup: signupOf('e2', { noShow: true }), canAppeal: true }),
      row('e3', { signup: signupOf('e3', { status: 'waitlisted' }), event: { ...row('e3').event, startAt: '2099-01-01T01:00:00.000Z', endAt: '2099-01-01T03:00:00.000Z' } })
    ]
    let appealed = false
    const { sent } = serve(mine(), rows, {
      'volunteer.mySignups': () => ({ ok: true, data: { items: appealed ? [rows[0], row('e2', { signup: signupOf('e2', { noShow: true, appeal: { at: 'now', reason: '我九点就到了，和王阿姨一起', resolvedAt: null } }) }), rows[2]] : rows, next: null } }),
      'volunteer.appeal': () => { appealed = true; return { ok: true, data: { signup: signupOf('e2') } } }
    })
    await testUtils.mount(Mine, { props: {} })
    await testUtils.queries.waitForQuerySelector('[data-signup="e3"]')
    expect(Array.from(document.querySelectorAll('#mine-signups .vm-signup')).map((r) => r.getAttribute('data-state'))).toEqual(['时长已确认', '记为缺席', '候补中'])
    expect(text('[data-signup="e1"] .vm-counted')).toBe('计 3.5 小时（信用 3 + 补录 0.5）')
    expect($('[data-appeal="e1"]')).toBeNull()

    await tap('[data-appeal="e2"]')
    await type('#appeal-reason', '到了')
    await tap('#appeal-submit')
    expect(text('#appeal-error')).toBe('请写明申诉理由（至少 4 个字）')
    expect(sent('appeal')).toEqual([])
    await type('#appeal-reason', '我九点就到了，和王阿姨一起')
    await tap('#appeal-submit')
    await until(() => text('[data-signup="e2"]')?.includes('已申诉，等待组织者核实') ?? false)
    expect(sent('appeal')).toEqual([{ action: 'appeal', eventId: 'e2', reason: '我九点就到了，和王阿姨一起' }])
    expect($('#appeal-form')).toBeNull()
  })

  it('confirms an offered place from the list of offers', async () => {
    const { sent } = serve(mine({ offers: [{ eventId: 'e9', title: '河道清洁', expiresAt: '2026-12-02T06:00:00.000Z' }] }), [], {
      'volunteer.acceptOffer': () => ({ ok: true, data: { signup: signupOf('e9') } })
    })
    await testUtils.mount(Mine, { props: {} })
    await testUtils.queries.waitForQuerySelector('[data-offer="e9"]')
    expect(text('[data-offer="e9"]')).toContain('12月2日')
    await tap('[data-accept="e9"]')
    await until(() => sent('acceptOffer').length === 1)
    expect(sent('acceptOffer')).toEqual([{ action: 'acceptOffer', eventId: 'e9' }])
  })

  it('issues a certificate after saying what it will state, and opens it; lists the ones issued', async () => {
    const { sent } = serve(mine(), [], {
      'volunteer.requestCertificate': () => ({ ok: true, data: { number: 'ZZ2026-000004', verifyUrl: 'https://x/verify' } })
    })
    await testUtils.mount(Mine, { props: {} })
    await testUtils.queries.waitForQuerySelector('#request-certificate')
    expect(text('[data-certificate="ZZ2026-000003"]')).toContain('82 小时')

    confirm = false
    await tap('#request-certificate')
    await until(() => (Taro.showModal as jest.Mock).mock.calls.length === 1)
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('124.5 小时')
    expect(sent('requestCertificate')).toEqual([])

    confirm = true
    await tap('#request-certificate')
    await until(() => (Taro.navigateTo as jest.Mock).mock.calls.length === 1)
    expect(sent('requestCertificate')).toEqual([{ action: 'requestCertificate' }])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.certificate, { number: 'ZZ2026-000004' }) })

    await tap('[data-certificate="ZZ2026-000003"]')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(PAGES.certificate, { number: 'ZZ2026-000003' }) })
  })

  it('a person not yet registered gets a friendly card leading to the registration', async () => {
    const { sent } = serve(mine({ profile: null }))
    await testUtils.mount(Mine, { props: {} })
    const card = await testUtils.queries.waitForQuerySelector('#mine-register')
    expect(card.textContent).toContain('你还不是志愿者')
    expect(sent('mySignups')).toEqual([])
    await tap('#mine-register .resident-empty-action')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.volunteerRegister) })
  })
})
