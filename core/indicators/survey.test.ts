import type { Question, SurveyResponse } from '../types'
import { Z95, wilsonInterval } from './rate'
import { awarenessRate, rateFromSums, respondentRate, satisfactionRate, supportRate, surveyIndicators, surveyRate } from './survey'

const q = (id: string, indicator: Question['indicator'], positive: number[], type: Question['type'] = 'single'): Question =>
  ({ id, type, title: id, options: ['a', 'b', 'c'], indicator, positive })
const r = (id: string, answers: SurveyResponse['answers']): SurveyResponse =>
  ({ id, surveyId: 's1', userId: `u-${id}`, gridId: null, answers, at: '2024-05-01T00:00:00.000Z' })

const questions = [
  q('aware1', 'awareness', [0]),
  q('aware2', 'awareness', [0, 1], 'multi'),
  q('support', 'support', [0]),
  q('satisfied', 'satisfaction', [0, 1], 'scale3'),
  q('other', 'none', [0]),
  q('note', 'awareness', [], 'text')
]

const responses = [
  r('r1', { aware1: [0], aware2: [2], support: [0], satisfied: [2], other: [0], note: '知道' }),
  r('r2', { aware1: [1], aware2: [1, 2], support: [1], satisfied: [1] }),
  r('r3', { aware1: [0], satisfied: [0] }), // skipped aware2 and support
  r('r4', { aware2: [], support: [0], satisfied: '满意' }) // empty choice, text on a scale: not counted
]

describe('survey indicators', () => {
  it('知晓率 counts respondents, each scored by their share of positive awareness answers (n = 3, not 5 answers)', () => {
    // aware1: r1 ✓, r2 ✗, r3 ✓; aware2: r1 ✗, r2 ✓ (any chosen option positive); r3, r4 skipped.
    // Scores: r1 ½, r2 ½, r3 1 → mean ⅔ over 3 respondents; the spread of the scores gives the interval.
    const rate = awarenessRate(questions, responses)
    const variance = ((0.5 - 2 / 3) ** 2 * 2 + (1 - 2 / 3) ** 2) / 2
    expect(rate.value).toBeCloseTo(2 / 3, 12)
    expect(rate.denominator).toBe(3)
    expect(rate.numerator).toBeCloseTo(2, 12)
    expect(rate.ci95!.low).toBeCloseTo(2 / 3 - Z95 * Math.sqrt(variance / 3), 12)
    expect(rate.ci95!.high).toBeCloseTo(Math.min(1, 2 / 3 + Z95 * Math.sqrt(variance / 3)), 12)
  })

  it('leaves 不清楚 (excluded options) out of every denominator, and staff test responses out of everything', () => {
    const withDk = [{ ...q('sat', 'satisfaction', [0, 1], 'scale3'), options: ['满意', '基本满意', '不满意', '不清楚'], excluded: [3] }]
    const rs = [r('a', { sat: [0] }), r('b', { sat: [3] }), r('c', { sat: [2] }), { ...r('d', { sat: [0] }), test: true }]
    expect(satisfactionRate(withDk, rs)).toEqual({ value: 1 / 2, numerator: 1, denominator: 2, ci95: wilsonInterval(1, 2) })
  })

  it('one score per respondent: the running sums give the same rate as the scores', () => {
    const scores = [1, 0, 0.5, 1, 2 / 3]
    const sum = scores.reduce((a, b) => a + b, 0)
    const sumSq = scores.reduce((a, b) => a + b * b, 0)
    expect(rateFromSums(scores.length, sum, sumSq)).toEqual(respondentRate(scores))
    expect(respondentRate([1, 0, 1])).toEqual({ value: 2 / 3, numerator: 2, denominator: 3, ci95: wilsonInterval(2, 3) })
    expect(respondentRate([])).toEqual({ value: null, numerator: 0, denominator: 0, ci95: null })
  })

  it('支持率 leaves out respondents who skipped the question', () => {
    expect(supportRate(questions, responses)).toEqual({
      value: 2 / 3, numerator: 2, denominator: 3, ci95: wilsonInterval(2, 3)
    })
  })

  it('满意率 counts 满意 and 基本满意 as positive', () => {
    // r1 不满意, r2 基本满意, r3 满意, r4 gave text.
    expect(satisfactionRate(questions, responses)).toEqual({
      value: 2 / 3, numerator: 2, denominator: 3, ci95: wilsonInterval(2, 3)
    })
  })

  it('returns all three at once, equal to the single ones', () => {
    expect(surveyIndicators(questions, responses)).toEqual({
      awareness: awarenessRate(questions, responses),
      support: supportRate(questions, responses),
      satisfaction: satisfactionRate(questions, responses)
    })
    expect(surveyRate('support', questions, responses)).toEqual(supportRate(questions, responses))
  })

  it('has null rates with no responses or no tagged questions', () => {
    const empty = { value: null, numerator: 0, denominator: 0, ci95: null }
    expect(surveyIndicators(questions, [])).toEqual({ awareness: empty, support: empty, satisfaction: empty })
    expect(surveyIndicators([q('other', 'none', [0])], responses)).toEqual({
      awareness: empty, support: empty, satisfaction: empty
    })
  })
})
