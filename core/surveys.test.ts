import { surveyOpen, surveyVisible } from './surveys'

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
