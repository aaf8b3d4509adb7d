import TestUtils from '@tarojs/test-utils-react'
import { RateBar } from './rate-bar'

const testUtils = new TestUtils()

afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

const rate = (numerator: number, denominator: number) => ({ value: numerator / denominator, numerator, denominator, ci95: null })

async function draw (props: Parameters<typeof RateBar>[0]) {
  await testUtils.mount(RateBar, { props })
  return (await testUtils.queries.waitForQuerySelector('.rate'))
}

describe('RateBar', () => {
  it('a lower-is-better rate meets its target at or below it, and misses above it', async () => {
    const low = await draw({ label: '返工率', rate: rate(1, 20), target: 0.1, direction: 'lower', base: '已核查' })
    expect(low.getAttribute('data-standing')).toBe('met')
    expect(low.textContent).toContain('目标 ≤10%')
    testUtils.unmout()
    document.body.innerHTML = ''
    const high = await draw({ label: '返工率', rate: rate(4, 20), target: 0.1, direction: 'lower', base: '已核查' })
    expect(high.getAttribute('data-standing')).toBe('missed')
    expect(high.querySelector('.rate-verdict')?.textContent).toBe('距目标差 10.0 个百分点')
  })

  it('样本不足: a survey rate over too few respondents is shown with its n but never coloured against its target', async () => {
    const few = await draw({ label: '知晓率', rate: { ...rate(3, 3), insufficient: true }, target: 0.8 })
    expect(few.getAttribute('data-standing')).toBe('none')
    expect(few.getAttribute('data-insufficient')).toBe('1')
    expect(few.querySelector('.rate-verdict')?.textContent).toBe('样本不足，不作评价')
    expect(few.textContent).toContain('样本 3')
  })

  it('without a target says nothing of good or bad, even at 100%', async () => {
    const el = await draw({ label: '结案率', rate: rate(10, 10), base: '应结案' })
    expect(el.getAttribute('data-standing')).toBe('none')
    expect(el.querySelector('.rate-verdict')).toBeNull()
    expect(el.textContent).toContain('应结案 10')
  })

  it('gives a screen reader the figure, the verdict and the sample in one label', async () => {
    const el = await draw({ label: '满意率', rate: rate(106, 120), target: 0.9 })
    expect(el.getAttribute('aria-label')).toBe('满意率 88.3%，距目标差 1.7 个百分点，样本 120 · 目标 90%')
  })
})
