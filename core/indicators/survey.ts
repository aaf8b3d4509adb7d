import type { IndicatorTag, Question, SurveyResponse } from '../types'
import { Z95, sampleRate, type Rate } from './rate'

/**
 * 知晓率, 支持率, 满意率 from survey answers. The unit is the respondent, not the answer: a person who answers
 * three awareness questions is one observation, scored by the share of their counted answers that are positive
 * (知道/了解, 支持, 满意 + 基本满意), so n is the number of respondents and the interval accounts for answers
 * of one person hanging together.
 *
 * Not counted: answers with an excluded option only (不清楚, 不读出: offered, never in any denominator), skipped or
 * empty answers, text answers, questions skip logic hid, and responses of staff testing the survey (`test`).
 */

export type SurveyIndicatorTag = Exclude<IndicatorTag, 'none'>

export interface SurveyIndicators {
  awareness: Rate
  support: Rate
  satisfaction: Rate
}

type QuestionRef = Pick<Question, 'id' | 'indicator' | 'positive'> & Partial<Pick<Question, 'excluded'>>
type ResponseRef = Pick<SurveyResponse, 'answers'> & Partial<Pick<SurveyResponse, 'test'>>

/** One respondent's score for a tag: positive counted answers ÷ counted answers; null when none counts. */
export function respondentScore (tag: SurveyIndicatorTag, questions: readonly QuestionRef[], r: ResponseRef): number | null {
  if (r.test) return null
  let counted = 0
  let positive = 0
  for (const q of questions) {
    if (q.indicator !== tag) continue
    const a = r.answers[q.id]
    if (!Array.isArray(a)) continue
    const kept = a.filter((i) => !(q.excluded ?? []).includes(i))
    if (kept.length === 0) continue
    counted++
    if (kept.some((i) => q.positive.includes(i))) positive++
  }
  return counted === 0 ? null : positive / counted
}

/**
 * A rate over respondents' scores. When every score is 0 or 1 (one counted question each, the usual case) it is a
 * proportion with a Wilson interval; otherwise the mean score with a normal interval from their spread.
 * `numerator` is then the sum of scores (respondent-equivalents), `denominator` the respondents.
 */
export function respondentRate (scores: readonly number[]): Rate {
  const n = scores.length
  let sum = 0
  let sumSq = 0
  for (const y of scores) { sum += y; sumSq += y * y }
  return rateFromSums(n, sum, sumSq)
}

/** The same from running sums (n, Σy, Σy²): what an incremental aggregate keeps. */
export function rateFromSums (n: number, sum: number, sumSq: number): Rate {
  if (n === 0) return { value: null, numerator: 0, denominator: 0, ci95: null }
  const binary = Math.abs(sum - sumSq) < 1e-9 && Math.abs(sum - Math.round(sum)) < 1e-9
  if (binary) return sampleRate(Math.round(sum), n)
  const mean = sum / n
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : 0.25
  const half = Z95 * Math.sqrt(variance / n)
  return { value: mean, numerator: sum, denominator: n, ci95: { low: Math.max(0, mean - half), high: Math.min(1, mean + half) } }
}

/** One rate for one indicator tag. */
export function surveyRate (tag: SurveyIndicatorTag, questions: readonly QuestionRef[], responses: readonly ResponseRef[]): Rate {
  const scores: number[] = []
  for (const r of responses) {
    const y = respondentScore(tag, questions, r)
    if (y !== null) scores.push(y)
  }
  return respondentRate(scores)
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

export function surveyIndicators (questions: readonly QuestionRef[], responses: readonly ResponseRef[]): SurveyIndicators {
  return {
    awareness: surveyRate('awareness', questions, responses),
    support: surveyRate('support', questions, responses),
    satisfaction: surveyRate('satisfaction', questions, responses)
  }
}
