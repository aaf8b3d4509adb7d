import { mergeCells, responseCells } from './aggregates'
import { ageWeighted, ageMetric } from './age'
import { indicatorSet, sumsOf } from './read'

describe('age-weighted survey rates (hand-computed)', () => {
  const sums = new Map([
    ['18-29' as const, { n: 2, sum: 1, sumSq: 1 }],
    ['60-65' as const, { n: 1, sum: 1, sumSq: 1 }]
  ])

  it('weighs each band by its residents: 600 young at 50%, 400 older at 100% → 70%', () => {
    const w = ageWeighted(sums, { '18-29': 600, '60-65': 400 })
    expect(w?.value).toBeCloseTo(0.7, 12)
    expect(w?.ci95?.low).toBeLessThan(0.7)
    expect(w?.ci95?.high).toBeLessThanOrEqual(1)
  })

  it('no structure: no weighted rate; a weighted band without respondents: says which', () => {
    expect(ageWeighted(sums, undefined)).toBeNull()
    expect(ageWeighted(sums, { '18-29': 600, '30-44': 300 })).toMatchObject({ value: null, unavailable: expect.stringContaining('30–44 岁') })
  })

  it('answers add a cell per age band, and the read carries the weighted rate beside the raw one', () => {
    const questions = [{ id: 'q', type: 'single' as const, title: '知道吗', options: ['知道', '不知道'], indicator: 'awareness' as const, positive: [0] }]
    const at = '2026-12-01T02:00:00.000Z'
    const cells = mergeCells([
      ...responseCells(questions, { answers: { q: [0] }, at, ageBand: '18-29' }, null),
      ...responseCells(questions, { answers: { q: [1] }, at, ageBand: '18-29' }, null),
      ...responseCells(questions, { answers: { q: [0] }, at, ageBand: '60-65' }, null)
    ])
    expect(cells.find((c) => c.metric === ageMetric('awareness', '18-29'))).toMatchObject({ n: 2, sum: 1 })
    const r = indicatorSet(sumsOf(cells), new Map(), { grain: 'day', residentBase: 1000, minSample: 30, ageStructure: { '18-29': 600, '60-65': 400 } })
    expect(r.awareness.value).toBeCloseTo(2 / 3, 12)
    expect(r.awareness.weighted?.value).toBeCloseTo(0.7, 12)
    expect(indicatorSet(sumsOf(cells), new Map(), { grain: 'day', residentBase: 1000, minSample: 30 }).awareness.weighted).toBeUndefined()
  })
})
