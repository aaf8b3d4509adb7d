import { censusRate, mean, sampleRate, wilsonInterval } from './rate'
import { participationRate, volunteerRegistrationRate } from './population'
import { DEFAULT_SETTINGS } from '../settings'

describe('wilsonInterval', () => {
  it('matches published values', () => {
    const i = wilsonInterval(8, 10)!
    expect(i.low).toBeCloseTo(0.4902, 4)
    expect(i.high).toBeCloseTo(0.9433, 4)
    const half = wilsonInterval(50, 100)!
    expect(half.low).toBeCloseTo(0.4038, 4)
    expect(half.high).toBeCloseTo(0.5962, 4)
  })

  it('ends exactly at 0 and 1 for all-no and all-yes answers', () => {
    const none = wilsonInterval(0, 10)!
    expect(none.low).toBe(0)
    expect(none.high).toBeCloseTo(0.2775, 4)
    const all = wilsonInterval(10, 10)!
    expect(all.low).toBeCloseTo(0.7225, 4)
    expect(all.high).toBe(1)
  })

  it('is null without a sample, and narrows as the sample grows', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
    const small = wilsonInterval(4, 5)!
    const large = wilsonInterval(400, 500)!
    expect(large.high - large.low).toBeLessThan(small.high - small.low)
  })

  it('takes another z', () => {
    // z = 1: 8/10 → center (0.8 + 0.05)/1.1, half sqrt(0.016 + 0.0025)/1.1
    const i = wilsonInterval(8, 10, 1)!
    expect(i.low).toBeCloseTo((0.85 - Math.sqrt(0.0185)) / 1.1, 12)
    expect(i.high).toBeCloseTo((0.85 + Math.sqrt(0.0185)) / 1.1, 12)
  })

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError)
    expect(() => wilsonInterval(NaN, 10)).toThrow(RangeError)
  })
})

describe('sampleRate and censusRate', () => {
  it('reports value, counts and interval', () => {
    expect(sampleRate(8, 10)).toEqual({ value: 0.8, numerator: 8, denominator: 10, ci95: wilsonInterval(8, 10) })
    expect(sampleRate(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null })
  })

  it('has no interval for a census and does not clamp', () => {
    expect(censusRate(3, 4)).toEqual({ value: 0.75, numerator: 3, denominator: 4, ci95: null })
    expect(censusRate(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null })
    expect(censusRate(5, 4).value).toBe(1.25)
    expect(() => censusRate(-1, 4)).toThrow(RangeError)
    expect(() => censusRate(1, Infinity)).toThrow(RangeError)
  })
})

describe('mean', () => {
  it('averages, and is null with no data', () => {
    expect(mean([1, 2, 6])).toEqual({ value: 3, n: 3 })
    expect(mean([])).toEqual({ value: null, n: 0 })
  })
})

describe('population rates', () => {
  it('参与率 = distinct participants / resident base', () => {
    expect(participationRate(150, 1000)).toEqual({ value: 0.15, numerator: 150, denominator: 1000, ci95: null })
    expect(participationRate(0, 0).value).toBeNull()
  })

  it('志愿者注册率 = registered volunteers / resident base', () => {
    expect(volunteerRegistrationRate(90, 1000)).toEqual({ value: 0.09, numerator: 90, denominator: 1000, ci95: null })
    expect(volunteerRegistrationRate(5, 0)).toEqual({ value: null, numerator: 5, denominator: 0, ci95: null })
    expect(volunteerRegistrationRate(90, 1000).value!).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.targets.volunteerRegistration)
  })
})
