import TestUtils from '@tarojs/test-utils-react'
import { setTransport } from '../../api'
import { fakeTransport, rate } from '../../testing/fake-transport'
import { useSession } from '../../store/session'
import Home from './index'

const testUtils = new TestUtils()

const headline = {
  scope: { gridId: null, name: '雨花区', fromIso: null, toIso: '2026-11-20T00:00:00.000Z' },
  awareness: { ...rate(51, 60), ci95: { low: 0.74, high: 0.92 } },
  support: rate(54, 60),
  satisfaction: rate(106, 120),
  fixSatisfaction: rate(9, 10),
  participation: rate(120, 1_272_400),
  volunteerRegistration: rate(3, 1_272_400),
  closeRate: rate(20, 25),
  onTimeCloseRate: rate(15, 25),
  reworkRate: rate(2, 12),
  openTickets: 14,
  overdueTickets: 4,
  targets: { awareness: 0.8, support: 0.8, satisfaction: 0.9, volunteerRegistration: 0.08 },
  minSample: 30
}

describe('首页', () => {
  afterEach(() => {
    useSession.setState({ me: null, status: 'signedOut', error: null })
    testUtils.unmout()
    document.body.innerHTML = ''
  })

  it('a signed-in resident also sees their own grid, where few answers read 样本不足 and are not coloured', async () => {
    useSession.setState({ me: { id: 'u-citizen', nickname: '张阿姨', roles: ['citizen'], gridIds: [], homeGridId: 'g-7' }, status: 'ready', error: null })
    const mine = { ...headline, scope: { ...headline.scope, gridId: 'g-7', name: '香樟路社区第3网格' }, awareness: { ...rate(4, 5), insufficient: true } }
    const fake = fakeTransport({ 'stats.headline': (e) => ({ ok: true, data: e.gridId ? mine : headline }) })
    setTransport(fake.transport)
    await testUtils.mount(Home, { props: {} })
    const area = await testUtils.queries.waitForQuerySelector('#my-area')
    expect(area.textContent).toContain('我所在网格：香樟路社区第3网格')
    expect(area.querySelector('.rate')?.getAttribute('data-standing')).toBe('none')
    expect(area.textContent).toContain('样本不足，不作评价')
    expect(fake.calls.map((c) => c.event)).toEqual(expect.arrayContaining([{ action: 'headline' }, { action: 'headline', gridId: 'g-7' }]))
  })

  it('draws the headline indicators with their sample sizes and targets', async () => {
    const fake = fakeTransport({ 'stats.headline': () => ({ ok: true, data: headline }) })
    setTransport(fake.transport)
    await testUtils.mount(Home, { props: {} })
    await testUtils.queries.waitForQuerySelector('#headline')
    const text = document.querySelector('#headline')?.textContent ?? ''
    expect(text).toContain('知晓率85.0%')
    expect(text).toContain('样本 60 · 95%区间 74%–92% · 目标 80%')
    expect(text).toContain('满意率88.3%')
    expect(text).toContain('结案率80.0%')
    expect(document.querySelector('.hero-sub')?.textContent).toContain('雨花区')
    expect(fake.calls).toEqual([{ fn: 'stats', event: { action: 'headline' } }])
  })

  it('colours a rate by its target in the indicator\'s direction, and a rate without a target neutral', async () => {
    setTransport(fakeTransport({ 'stats.headline': () => ({ ok: true, data: headline }) }).transport)
    await testUtils.mount(Home, { props: {} })
    await testUtils.queries.waitForQuerySelector('#headline')
    const standing = Object.fromEntries(Array.from(document.querySelectorAll('#headline .rate')).map((el) => [
      el.querySelector('.rate-label')?.textContent, el.getAttribute('data-standing')
    ]))
    expect(standing).toEqual({
      知晓率: 'met', 支持率: 'met', 满意率: 'missed', 参与率: 'none', 志愿者注册率: 'missed',
      结案率: 'none', 按期结案率: 'none', 整改满意率: 'met', 返工率: 'none'
    })
    const rateText = (label: string) => Array.from(document.querySelectorAll('#headline .rate')).find((el) => el.querySelector('.rate-label')?.textContent === label)?.textContent ?? ''
    // Met or missed is said in words too, not by colour alone.
    expect(rateText('满意率')).toContain('距目标差 1.7 个百分点')
    expect(rateText('知晓率')).toContain('已达标')
    // 返工率: lower is better and there is no target, so it says which way is good and is never 已达标.
    expect(rateText('返工率')).toContain('越低越好')
    expect(rateText('返工率')).not.toContain('已达标')
  })

  it('shows a tiny 参与率 in 万分之 with the count of participants and the resident base', async () => {
    setTransport(fakeTransport({ 'stats.headline': () => ({ ok: true, data: headline }) }).transport)
    await testUtils.mount(Home, { props: {} })
    await testUtils.queries.waitForQuerySelector('#headline')
    const participation = Array.from(document.querySelectorAll('#headline .rate')).find((el) => el.querySelector('.rate-label')?.textContent === '参与率')!
    expect(participation.querySelector('.rate-value')?.textContent).toBe('万分之0.9')
    expect(participation.textContent).toContain('已参与 120 人')
    expect(participation.textContent).toContain('常住人口 127.2万')
    expect(participation.querySelector('.rate-track')).toBeNull()
  })

  it('shows the error with a retry when the call fails, and loads on retry', async () => {
    let fail = true
    setTransport(fakeTransport({
      'stats.headline': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } } : { ok: true, data: headline })
    }).transport)
    await testUtils.mount(Home, { props: {} })
    const retry = await testUtils.queries.waitForQuerySelector('.status-error .btn-plain')
    expect(document.querySelector('.status-error')?.textContent).toContain('网络不通')
    fail = false
    await testUtils.act(() => { testUtils.fireEvent.click(retry) })
    await testUtils.queries.waitForQuerySelector('#headline')
    expect(document.querySelector('#headline')).not.toBeNull()
  })
})
