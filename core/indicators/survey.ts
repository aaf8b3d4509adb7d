import type { IndicatorTag, Question, SurveyResponse } from '../types'
import { sampleRate, type Rate } from './rate'

/**
 * 知晓率, 支持率, 满意率 from survey answers. The unit counted is one respondent's answer to one tagged
 * question: it adds 1 to the sample, and 1 to the numerator if any chosen option is in the question's
 * `positive` list (知道/了解, 支持, 满意 + 基本满意). Answers are a sample of residents, so every rate
 * carries a Wilson interval.
 *
 * Not in the sample: respondents who skipped the question (no key), chose nothing (empty array), or gave
 * text (a text answer cannot be matched to a positive option; tag only choice and scale questions).
 */

export type SurveyIndicatorTag = Exclude<IndicatorTag, 'none'>

export interface SurveyIndicators {
  awareness: Rate
  support: Rate
  satisfaction: Rate
}

type QuestionRef = Pick<Question, 'id' | 'indicator' | 'positive'>
type ResponseRef = Pick<SurveyResponse, 'answers'>

/** One rate for one indicator tag. */
export function surveyRate (
  tag: SurveyIndicatorTag, questions: readonly QuestionRef[], responses: readonly ResponseRef[]
): Rate {
  let positive = 0
  let answered = 0
  for (const q of questions) {
    if (q.indicator !== tag) continue
    for (const r of responses) {
      const a = r.answers[q.id]
      if (!Array.isArray(a) || a.length === 0) continue
      answered++
      if (a.some((i) => q.positive.includes(i))) positive++
    }
  }
  return sampleRate(positive, answered)
}

/** 知晓率 awareness. */
export function awarenessRate (questions: readonly QuestionRef[], responses: readonly ResponseRef[]): Rate {
  return surveyRate('awareness', questions, responses)
}

/** 支持率 support. */
export function supportRate (questions: readonly QuestionRef[], responses: readonly ResponseRef[]): Rate {
  return surveyRate('support', questions, responses)
}

/** 满意率 satisfaction from surveys (ticket ratings are a separate source: ticketSatisfaction). */
export function satisfactionRate (questions: readonly QuestionRef[], responses: readonly ResponseRef[]): Rate {
  return surveyRate('satisfaction', questions, responses)
}

export function surveyIndicators (
  questions: readonly QuestionRef[], responses: readonly ResponseRef[]
): SurveyIndicators {
  return {
    awareness: surveyRate('awareness', questions, responses),
    support: surveyRate('support', questions, responses),
    satisfaction: surveyRate('satisfaction', questions, responses)
  }
}
