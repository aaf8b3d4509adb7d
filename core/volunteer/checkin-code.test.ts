import { CODE_PREFIX, codeAge, formatCode, parseCode, periodEndsAt, periodOf, signedMessage } from './checkin-code'

const code = { eventId: 'event-000042', period: 59_066_640, signature: 'Xk3_9a-QzP0uVwYb12cdEf' }

describe('formatCode and parseCode', () => {
  test('round trip, the text the organiser\'s phone shows', () => {
    const text = formatCode(code)
    expect(text).toBe('WMV1.event-000042.59066640.Xk3_9a-QzP0uVwYb12cdEf')
    expect(text.startsWith(`${CODE_PREFIX}.`)).toBe(true)
    expect(parseCode(text)).toEqual(code)
    expect(parseCode(`  ${text}\n`)).toEqual(code)
  })

  test('the signed message is the event and the period', () => {
    expect(signedMessage('event-000042', 59_066_640)).toBe('event-000042.59066640')
  })

  test('anything that is not one of our codes is null', () => {
    const foreign = [
      '',
      'https://example.com/not-ours',
      'WMV2.event-000042.59066640.Xk3_9a-QzP0uVwYb12cdEf', // another version
      'wmv1.event-000042.59066640.Xk3_9a-QzP0uVwYb12cdEf', // prefix is case-sensitive
      'WMV1.event-000042.59066640', // no signature
      'WMV1.event.000042.59066640.Xk3_9a-QzP0uVwYb12cdEf', // a dot in the id
      'WMV1..59066640.Xk3_9a-QzP0uVwYb12cdEf', // no id
      'WMV1.event-000042.-5.Xk3_9a-QzP0uVwYb12cdEf', // negative period
      'WMV1.event-000042.5e7.Xk3_9a-QzP0uVwYb12cdEf', // not digits
      'WMV1.event-000042.1234567890123.Xk3_9a-QzP0uVwYb12cdEf', // 13 digits
      'WMV1.event-000042.59066640.short', // signature under 8 characters
      'WMV1.event-000042.59066640.Xk3/9a+QzP0uVwYb12cdEf', // not base64url
      `WMV1.${'e'.repeat(65)}.59066640.Xk3_9a-QzP0uVwYb12cdEf`, // id too long
      'WMV1.活动.59066640.Xk3_9a-QzP0uVwYb12cdEf'
    ]
    for (const text of foreign) expect(parseCode(text)).toBeNull()
  })
})

describe('periods', () => {
  test('a period counts rotations since the epoch and ends when the next begins', () => {
    expect(periodOf('1970-01-01T00:00:29.999Z', 30)).toBe(0)
    expect(periodOf('1970-01-01T00:00:30.000Z', 30)).toBe(1)
    const p = periodOf('2026-03-01T08:00:10.000Z', 30)
    expect(periodEndsAt(p, 30)).toBe('2026-03-01T08:00:30.000Z')
    expect(periodOf(periodEndsAt(p, 30), 30)).toBe(p + 1)
  })
})

describe('codeAge', () => {
  const now = '2026-03-01T08:00:10.000Z'
  const p = periodOf(now, 30)

  test('fresh in its own period and the one after (a code shown just before it changed still works)', () => {
    expect(codeAge({ period: p }, now, 30)).toBe('fresh')
    expect(codeAge({ period: p - 1 }, now, 30)).toBe('fresh')
  })

  test('stale two periods on: a photo or forwarded screenshot stops working within a minute', () => {
    expect(codeAge({ period: p - 2 }, now, 30)).toBe('stale')
    expect(codeAge({ period: 0 }, now, 30)).toBe('stale')
    expect(codeAge({ period: p }, '2026-03-01T08:01:00.000Z', 30)).toBe('stale')
    expect(codeAge({ period: p }, '2026-03-01T08:00:59.999Z', 30)).toBe('fresh')
  })

  test('future: not issued yet (a forged code or a phone clock ahead)', () => {
    expect(codeAge({ period: p + 1 }, now, 30)).toBe('future')
    expect(codeAge({ period: 999_999_999_999 }, now, 30)).toBe('future')
  })

  test('follows the rotation setting', () => {
    const q = periodOf(now, 60)
    expect(q).toBe(Math.floor(p / 2))
    expect(codeAge({ period: q - 1 }, now, 60)).toBe('fresh')
    expect(codeAge({ period: q - 2 }, now, 60)).toBe('stale')
  })
})
