import { CUSTOM_PARTICIPATION, indicatorSet } from './read'

describe('one read rule for every indicator', () => {
  const standing = new Map([['v.registered', { n: 90, sum: 90, sumSq: 90 }]])
  it('参与率 for a whole period from its distinct count; a custom window says why it cannot', () => {
    const win = new Map([['p.month', { n: 30, sum: 30, sumSq: 30 }], ['p.day', { n: 99, sum: 99, sumSq: 99 }]])
    const month = indicatorSet(win, standing, { grain: 'month', residentBase: 1000, minSample: 30 })
    expect(month.participation).toMatchObject({ value: 0.03, numerator: 30, denominator: 1000, ci95: null })
    const custom = indicatorSet(win, standing, { grain: null, residentBase: 1000, minSample: 30 })
    expect(custom.participation).toMatchObject({ value: null, unavailable: CUSTOM_PARTICIPATION })
    expect(custom.volunteerRegistration).toMatchObject({ value: 0.09, numerator: 90 })
  })

  it('survey rates below the minimum sample are flagged; no base gives no rate, not 0%', () => {
    const win = new Map([['awareness', { n: 3, sum: 2, sumSq: 2 }]])
    const r = indicatorSet(win, new Map(), { grain: 'day', residentBase: 0, minSample: 30 })
    expect(r.awareness).toMatchObject({ numerator: 2, denominator: 3, insufficient: true })
    expect(r.participation.value).toBeNull()
    expect(r.support).toMatchObject({ value: null, denominator: 0 })
  })
})
