import type { Question, SurveyResponse } from '../types'
import { wilsonInterval } from './rate'
import { awarenessRate, satisfactionRate, supportRate, surveyIndicators, surveyRate } from './survey'

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
  it('知晓率 counts each answered awareness question once', () => {
    // aware1: r1 ✓, r2 ✗, r3 ✓; aware2: r1 ✗, r2 ✓ (any chosen option positive); r3, r4 skipped.
    expect(awarenessRate(questions, responses)).toEqual({
      value: 3 / 5, numerator: 3, denominator: 5, ci95: wilsonInterval(3, 5)
    })
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
