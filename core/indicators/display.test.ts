import { formatCount, formatPercentShort, formatRate, gapPoints, indicatorDirection, rateStanding, standingText } from './display'

describe('indicatorDirection', () => {
  it('返工率 is the one indicator where lower is better', () => {
    expect(indicatorDirection('reworkRate')).toBe('lower')
    for (const k of ['awareness', 'support', 'satisfaction', 'fixSatisfaction', 'participation', 'closeRate', 'onTimeCloseRate'] as const) {
      expect(indicatorDirection(k)).toBe('higher')
    }
  })
})

describe('rateStanding', () => {
  it('meets a higher-is-better target at or above it', () => {
    expect(rateStanding(0.8, 0.8, 'higher')).toBe('met')
    expect(rateStanding(0.85, 0.8, 'higher')).toBe('met')
    expect(rateStanding(0.79, 0.8, 'higher')).toBe('missed')
  })

  it('meets a lower-is-better target at or below it', () => {
    expect(rateStanding(0.05, 0.1, 'lower')).toBe('met')
    expect(rateStanding(0.1, 0.1, 'lower')).toBe('met')
    expect(rateStanding(0.2, 0.1, 'lower')).toBe('missed')
  })

  it('says nothing without a target or without data, whatever the value', () => {
    expect(rateStanding(1, undefined, 'higher')).toBe('none')
    expect(rateStanding(0, null, 'lower')).toBe('none')
    expect(rateStanding(null, 0.8, 'higher')).toBe('none')
  })
})

describe('standingText and gapPoints', () => {
  it('says how far a missed target is, in percentage points', () => {
    expect(gapPoints(106 / 120, 0.9, 'higher')).toBe(1.7)
    expect(standingText(106 / 120, 0.9, 'higher')).toBe('距目标差 1.7 个百分点')
    expect(gapPoints(0.2, 0.1, 'lower')).toBe(10)
  })

  it('is 已达标 when met and empty without a target', () => {
    expect(standingText(0.85, 0.8, 'higher')).toBe('已达标')
    expect(gapPoints(0.85, 0.8, 'higher')).toBe(0)
    expect(standingText(0.2, undefined, 'lower')).toBe('')
  })
})

describe('formatRate', () => {
  it('shows one decimal from 1% up', () => {
    expect(formatRate(51 / 60)).toBe('85.0%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(0.01)).toBe('1.0%')
  })

  it('shows two decimals between 0.1% and 1%', () => {
    expect(formatRate(0.0053)).toBe('0.53%')
    expect(formatRate(0.001)).toBe('0.10%')
  })

  it('reads tiny rates in 万分之 instead of a string of zeros, and never as 0', () => {
    expect(formatRate(68 / 1_272_400)).toBe('万分之0.5')
    expect(formatRate(120 / 1_272_400)).toBe('万分之0.9')
    expect(formatRate(0.00099)).toBe('万分之9.9')
    expect(formatRate(1 / 1_272_400)).toBe('不足万分之0.1')
  })

  it('tells no data from zero', () => {
    expect(formatRate(null)).toBe('—')
    expect(formatRate(0)).toBe('0%')
  })
})

describe('formatPercentShort and formatCount', () => {
  it('drops a needless decimal', () => {
    expect(formatPercentShort(0.8)).toBe('80%')
    expect(formatPercentShort(0.025)).toBe('2.5%')
    expect(formatPercentShort(0.7412)).toBe('74.1%')
    expect(formatPercentShort(0.7412, 0)).toBe('74%')
    expect(formatPercentShort(0.9995, 0)).toBe('100%')
  })

  it('counts in 万 from ten thousand', () => {
    expect(formatCount(60)).toBe('60')
    expect(formatCount(9_999)).toBe('9999')
    expect(formatCount(10_000)).toBe('1万')
    expect(formatCount(1_272_400)).toBe('127.2万')
  })
})
