import { answerInput, gcjPoint, reportInput, ticketActInput } from './schemas'
import { validateAnswers } from './surveys'

describe('input schemas', () => {
  const report = { clientRequestId: 'req-12345678', categoryId: 'cat-1', description: '小广告', location: { lng: 113, lat: 28.1 } }

  it('accepts a report and fills defaults', () => {
    expect(reportInput.parse(report)).toEqual({ ...report, address: '', photos: [], anonymous: false })
  })

  it('refuses bad coordinates, too many photos and empty descriptions with Chinese messages', () => {
    expect(gcjPoint.safeParse({ lng: 181, lat: 0 }).error?.issues[0].message).toBe('经度超出范围')
    expect(gcjPoint.safeParse({ lng: Number.NaN, lat: 0 }).success).toBe(false)
    expect(reportInput.safeParse({ ...report, photos: ['a', 'b', 'c', 'd', 'e'] }).error?.issues[0].message).toBe('最多上传 4 张照片')
    expect(reportInput.safeParse({ ...report, description: ' ' }).error?.issues[0].message).toBe('请简单描述一下问题（至少 2 个字）')
  })

  it('drops fields it does not know, such as a forged reporter', () => {
    expect(reportInput.parse({ ...report, reporterId: 'u-admin' })).not.toHaveProperty('reporterId')
    expect(ticketActInput.safeParse({ id: 't1', transition: 'explode' }).success).toBe(false)
  })

  it('checks survey answers against the questions', () => {
    const qs = [
      { id: 'q1', type: 'single' as const, title: '知道吗', options: ['知道', '不知道'], indicator: 'awareness' as const, positive: [0] },
      { id: 'q2', type: 'multi' as const, title: '哪些', options: ['a', 'b', 'c'], indicator: 'none' as const, positive: [] }
    ]
    expect(answerInput.safeParse({ surveyId: 's', answers: { q1: [0] } }).success).toBe(true)
    expect(validateAnswers(qs, { q1: [0], q2: [0, 2] })).toBeNull()
    expect(validateAnswers(qs, { q1: [0, 1], q2: [0] })).toBe('「知道吗」只能选一项')
    expect(validateAnswers(qs, { q1: [5], q2: [0] })).toBe('「知道吗」的选项无效')
    expect(validateAnswers(qs, { q2: [0] })).toBe('请回答「知道吗」')
    expect(validateAnswers(qs, { q1: [0], q2: [0], q9: [0] })).toBe('问卷中没有这道题（q9）')
  })
})
