import TestUtils from '@tarojs/test-utils-react'
import { setTransport } from '../../api'
import { fakeTransport, rate } from '../../testing/fake-transport'
import Home from './index'

const testUtils = new TestUtils()

const headline = {
  scope: { gridId: null, name: '雨花区', fromIso: null, toIso: '2026-11-20T00:00:00.000Z' },
  awareness: { ...rate(51, 60), ci95: { low: 0.74, high: 0.92 } },
  support: rate(54, 60),
  satisfaction: rate(106, 120),
  fixSatisfaction: rate(9, 10),
  participation: rate(120, 1_272_400),
  closeRate: rate(20, 25),
  onTimeCloseRate: rate(15, 25),
  reworkRate: rate(2, 12),
  openTickets: 14,
  overdueTickets: 4,
  targets: { awareness: 0.8, support: 0.8, satisfaction: 0.9, volunteerRegistration: 0.08 }
}

describe('首页', () => {
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
    expect(text).toContain('参与率0.0094%')
    expect(document.querySelector('.hero-sub')?.textContent).toContain('雨花区')
    expect(fake.calls).toEqual([{ fn: 'stats', event: { action: 'headline' } }])
    // Below target is drawn in orange: satisfaction 88.3% < 90%.
    const values = Array.from(document.querySelectorAll('.rate-value')).map((el) => el.className.includes('below'))
    expect(values.slice(0, 3)).toEqual([false, false, true])
  })

  it('shows the error with a retry when the call fails, and loads on retry', async () => {
    let fail = true
    setTransport(fakeTransport({
      'stats.headline': () => (fail ? { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } } : { ok: true, data: headline })
    }).transport)
    await testUtils.mount(Home, { props: {} })
    const retry = await testUtils.queries.waitForQuerySelector('.status-error .btn-small')
    expect(document.querySelector('.status-error')?.textContent).toContain('网络不通')
    fail = false
    await testUtils.act(() => { testUtils.fireEvent.click(retry) })
    await testUtils.queries.waitForQuerySelector('#headline')
    expect(document.querySelector('#headline')).not.toBeNull()
  })
})
