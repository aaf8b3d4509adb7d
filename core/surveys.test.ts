import type { Question } from './types'
import { answersToSend, missingAnswers, questionRequired, questionTitle, surveyOpen, surveyVisible, validateAnswers } from './surveys'

const q = (id: string, type: Question['type'], title = id): Question =>
  ({ id, type, title, options: type === 'text' ? [] : ['甲', '乙', '丙'], indicator: 'none', positive: [] })

describe('questionRequired and missingAnswers', () => {
  const qs = [q('q1', 'single'), q('q2', 'multi'), q('q3', 'scale3'), q('q4', 'text')]

  test('choice and scale questions are required, a text question is optional unless marked required', () => {
    expect(qs.map(questionRequired)).toEqual([true, true, true, false])
    expect(questionRequired({ type: 'text', required: true })).toBe(true)
    expect(questionRequired({ type: 'single', required: false })).toBe(false)
  })

  test('lists every unanswered required question in order; an empty pick or blank text is not an answer', () => {
    expect(missingAnswers(qs, {})).toEqual(['q1', 'q2', 'q3'])
    expect(missingAnswers(qs, { q1: [0], q2: [], q3: [1] })).toEqual(['q2'])
    expect(missingAnswers(qs, { q1: [0], q2: [1, 2], q3: [1] })).toEqual([])
    const withRequiredText = [...qs.slice(0, 3), { ...q('q4', 'text'), required: true }]
    expect(missingAnswers(withRequiredText, { q1: [0], q2: [1], q3: [1], q4: '   ' })).toEqual(['q4'])
  })

  test('the server refuses what the page marks: a required text question left blank', () => {
    const withRequiredText = [q('q1', 'single'), { ...q('q4', 'text', '意见'), required: true }]
    expect(validateAnswers(withRequiredText, { q1: [0], q4: ' ' })).toBe('请回答「意见」')
    expect(validateAnswers(qs, { q1: [0], q2: [1], q3: [1] })).toBeNull()
  })
})

describe('questionTitle', () => {
  test('says （可多选） once for a multiple-choice question, whether or not the title already does', () => {
    expect(questionTitle({ type: 'multi', title: '哪些问题需要改进？' })).toBe('哪些问题需要改进？（可多选）')
    expect(questionTitle({ type: 'multi', title: '哪些问题需要改进？（可多选）' })).toBe('哪些问题需要改进？（可多选）')
    expect(questionTitle({ type: 'single', title: '是否知道？' })).toBe('是否知道？')
  })
})

describe('answersToSend', () => {
  test('leaves out blank text and trims the rest; choices pass as they are', () => {
    expect(answersToSend({ q1: [0], q4: '  ', q5: ' 多划停车区 ', q2: [] })).toEqual({ q1: [0], q5: '多划停车区' })
  })
})

describe('surveyOpen', () => {
  const s = { status: 'open' as const, opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-30T16:00:00.000Z' }
  test('inside the window, both ends included', () => {
    expect(surveyOpen(s, s.opensAt)).toBe(true)
    expect(surveyOpen(s, '2026-11-15T00:00:00.000Z')).toBe(true)
    expect(surveyOpen(s, s.closesAt)).toBe(true)
  })
  test('before, after, or not open', () => {
    expect(surveyOpen(s, '2026-10-31T23:59:59.999Z')).toBe(false)
    expect(surveyOpen(s, '2026-11-30T16:00:00.001Z')).toBe(false)
    expect(surveyOpen({ ...s, status: 'closed' }, '2026-11-15T00:00:00.000Z')).toBe(false)
    expect(surveyOpen({ ...s, status: 'draft' }, '2026-11-15T00:00:00.000Z')).toBe(false)
  })
  test('drafts are not visible to residents', () => {
    expect(surveyVisible({ status: 'draft' })).toBe(false)
    expect(surveyVisible({ status: 'closed' })).toBe(true)
  })
})
