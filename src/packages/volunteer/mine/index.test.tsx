import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { MySignupView, MyVolunteerView } from '../../../../core/volunteer/views'
import { until } from '../../../testing/fake-transport'
import { type Handlers, usePageTest } from '../../../testing/page-test'
import { myVolunteerOf as mine, mySignupOf as row, signupOf } from '../events/testing/fixtures'
import Mine from './index'

const page = usePageTest(Mine)
const { setConfirm, $, text, tap, type, open, dialogs, navigated } = page

function serve (view: MyVolunteerView, rows: MySignupView[] = [], more: Handlers = {}) {
  return page.serve({
    'volunteer.mine': () => ({ ok: true, data: view }),
    'volunteer.mySignups': () => ({ ok: true, data: { items: rows, next: null } }),
    ...more
  })
}

describe('我的志愿', () => {
  it('shows the hours split, the stars with the way to the next, trainings with expiry and 守约率', async () => {
    serve(mine())
    await open('#mine')
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

  it('says when older certificates exist beyond the ones listed', async () => {
    serve(mine({ moreCertificates: true }))
    await open('#mine')
    expect(text('#mine-certificates-more')).toContain('这里列出最近 1 份')
  })

  it('at the top star there is nothing more to reach', async () => {
    serve(mine({ stars: { stars: 5, hours: 1600, nextAt: null, toNext: null, share: 1 } }))
    await open('#mine')
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
    await open('[data-signup="e3"]')
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
    await open('[data-offer="e9"]')
    expect(text('[data-offer="e9"]')).toContain('12月2日')
    await tap('[data-accept="e9"]')
    await until(() => sent('acceptOffer').length === 1)
    expect(sent('acceptOffer')).toEqual([{ action: 'acceptOffer', eventId: 'e9' }])
  })

  it('issues a certificate after saying what it will state, and opens it; lists the ones issued', async () => {
    const { sent } = serve(mine(), [], {
      'volunteer.requestCertificate': () => ({ ok: true, data: { number: 'ZZ2026-000004', verifyUrl: 'https://x/verify' } })
    })
    await open('#request-certificate')
    expect(text('[data-certificate="ZZ2026-000003"]')).toContain('82 小时')

    setConfirm(false)
    await tap('#request-certificate')
    await until(() => dialogs().length === 1)
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toContain('124.5 小时')
    expect(sent('requestCertificate')).toEqual([])

    setConfirm(true)
    await tap('#request-certificate')
    await until(() => navigated().length === 1)
    expect(sent('requestCertificate')).toEqual([{ action: 'requestCertificate' }])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.certificate, { number: 'ZZ2026-000004' }) })

    await tap('[data-certificate="ZZ2026-000003"]')
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: pageUrl(PAGES.certificate, { number: 'ZZ2026-000003' }) })
  })

  it('a person not yet registered gets a friendly card leading to the registration', async () => {
    const { sent } = serve(mine({ profile: null }))
    const card = await open('#mine-register')
    expect(card.textContent).toContain('你还不是志愿者')
    expect(sent('mySignups')).toEqual([])
    await tap('#mine-register .resident-empty-action')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.volunteerRegister) })
  })
})
