import TestUtils from '@tarojs/test-utils-react'
import { DEFAULT_SETTINGS } from '../../core/settings'
import type { RateView } from '../../core/views'
import { IndicatorCard, rateIndicator, type RateKey } from './indicator-card'

const testUtils = new TestUtils()
const targets = DEFAULT_SETTINGS.targets

afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

async function draw (key: RateKey, rate: RateView, withNote = false) {
  await testUtils.mount(IndicatorCard, { props: { indicator: rateIndicator(key), rate, targets, withNote } })
  return testUtils.queries.waitForQuerySelector(`[data-indicator="${key}"]`)
}

describe('IndicatorCard', () => {
  it('a rate nobody was counted for reads 暂无数据 with its n, never 0% or NaN, and is not judged', async () => {
    const el = await draw('awareness', { value: null, numerator: 0, denominator: 0, ci95: null })
    expect(el.textContent).toBe('知晓率暂无数据样本 0')
    expect(el.getAttribute('data-standing')).toBe('none')
    expect(el.getAttribute('aria-label')).toBe('知晓率：暂无数据，样本 0')
  })

  it('a rate that cannot be given for this window says why in place of a figure', async () => {
    const el = await draw('participation', { value: 0.01, numerator: 1, denominator: 100, ci95: null, unavailable: '按自定义时段无法统计参与人数' })
    expect(el.querySelector('.rate-value')).toBeNull()
    expect(el.querySelector('.ic-reason')?.textContent).toBe('按自定义时段无法统计参与人数')
    expect(el.getAttribute('data-standing')).toBe('none')
  })

  it('a figure is drawn as a RateBar judged by its own target: 整改满意率 by 满意率\'s, 结案率 by none', async () => {
    const fix = await draw('fixSatisfaction', { value: 0.95, numerator: 19, denominator: 20, ci95: null }, true)
    expect(fix.querySelector('.rate')?.getAttribute('data-standing')).toBe('met')
    expect(fix.textContent).toContain('评价 20 · 目标 90%')
    expect(fix.querySelector('.ic-note')?.textContent).toContain('来自居民对已办结案卷的评价')
    testUtils.unmout()
    document.body.innerHTML = ''
    const close = await draw('closeRate', { value: 1, numerator: 10, denominator: 10, ci95: null })
    expect(close.querySelector('.rate')?.getAttribute('data-standing')).toBe('none')
    expect(close.querySelector('.ic-note')).toBeNull()
  })

  it('where the area has an age structure, the age-weighted rate stands beside the raw one (or says why it cannot)', async () => {
    const el = await draw('awareness', { value: 0.66, numerator: 66, denominator: 100, ci95: { low: 0.56, high: 0.75 }, weighted: { value: 0.7, ci95: { low: 0.6, high: 0.8 } } })
    expect(el.querySelector('.rate-value')?.textContent).toBe('66.0%')
    expect(el.querySelector('[data-weighted]')?.textContent).toBe('按年龄加权 70.0%（95%区间 60%–80%）')
    testUtils.unmout()
    document.body.innerHTML = ''
    const none = await draw('awareness', { value: 0.66, numerator: 66, denominator: 100, ci95: null, weighted: { value: null, ci95: null, unavailable: '30–44 岁没有受访者，无法按年龄加权' } })
    expect(none.querySelector('[data-weighted]')?.textContent).toBe('按年龄加权：30–44 岁没有受访者，无法按年龄加权')
  })
})
