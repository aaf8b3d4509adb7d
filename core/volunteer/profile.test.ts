import { certificateInput } from './schemas'
import { certificateNumber, counterKeys, maskName, maskPhone, volunteerNumber } from './profile'

describe('maskPhone', () => {
  test('the first three and last four digits show', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
  })
  test('too short to mask meaningfully: nothing shows', () => {
    expect(maskPhone('123456')).toBe('****')
    expect(maskPhone('')).toBe('****')
  })
})

describe('maskName', () => {
  test('the family name and, from three characters, the last one show', () => {
    expect(maskName('李明')).toBe('李*')
    expect(maskName('张小明')).toBe('张*明')
    expect(maskName('欧阳小明')).toBe('欧**明')
    expect(maskName('阿卜杜·热合曼')).toBe('阿*****曼')
  })
  test('one character is left as it is; characters outside the BMP count as one', () => {
    expect(maskName('李')).toBe('李')
    expect(maskName('')).toBe('')
    expect(maskName('𠮷野家')).toBe('𠮷*家')
  })
})

describe('volunteerNumber', () => {
  test('V, the registration year, a six-digit sequence', () => {
    expect(volunteerNumber('2026-03-01T08:00:00.000Z', 123)).toBe('V2026000123')
    expect(volunteerNumber('2026-03-01T08:00:00.000Z', 1_234_567)).toBe('V20261234567')
  })
  test('the year is China time', () => {
    expect(volunteerNumber('2025-12-31T15:59:59.999Z', 1)).toBe('V2025000001')
    expect(volunteerNumber('2025-12-31T16:00:00.000Z', 1)).toBe('V2026000001')
  })
})

describe('certificateNumber', () => {
  test('ZZ, the year of issue in China time, a six-digit sequence; the verification form accepts it', () => {
    expect(certificateNumber('2026-05-20T02:00:00.000Z', 42)).toBe('ZZ2026-000042')
    expect(certificateNumber('2025-12-31T16:00:00.000Z', 7)).toBe('ZZ2026-000007')
    expect(certificateNumber('2025-12-31T15:59:59.999Z', 7)).toBe('ZZ2025-000007')
    expect(certificateInput.safeParse({ number: certificateNumber('2026-05-20T02:00:00.000Z', 42) }).success).toBe(true)
  })
  test('the sequence restarts each China-time year', () => {
    expect(counterKeys.certificate('2025-12-31T16:00:00.000Z')).toBe('seq:certificate:2026')
    expect(counterKeys.certificate('2025-12-31T15:59:59.999Z')).toBe('seq:certificate:2025')
    expect(counterKeys.volunteerNo).toBe('seq:volunteer-no')
  })
})
