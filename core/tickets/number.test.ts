import { parseTicketNumber, ticketNumber } from './number'

describe('ticket numbers', () => {
  it('reads as the filing day in China time and four characters, the same every time', () => {
    const t = { id: 't-m3k2j1-9f8e7d6c5b4a3921', createdAt: '2026-12-01T03:57:00.000Z' }
    expect(ticketNumber(t)).toMatch(/^261201-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(ticketNumber(t)).toBe(ticketNumber({ ...t }))
  })

  it('counts the day in China time: 17:00 UTC is already the next day', () => {
    expect(ticketNumber({ id: 'x', createdAt: '2026-11-30T17:00:00.000Z' }).slice(0, 6)).toBe('261201')
    expect(ticketNumber({ id: 'x', createdAt: '2026-11-30T15:59:59.000Z' }).slice(0, 6)).toBe('261130')
  })

  it('gives different tickets of one day different numbers (almost always)', () => {
    const numbers = new Set(Array.from({ length: 200 }, (_, i) => ticketNumber({ id: `tk-${i}`, createdAt: '2026-12-01T00:00:00.000Z' })))
    expect(numbers.size).toBeGreaterThanOrEqual(199)
  })

  it('parses what a person types back to the number and its day', () => {
    const n = ticketNumber({ id: 'tk-011', createdAt: '2026-12-01T03:57:00.000Z' })
    const code = n.slice(7)
    for (const typed of [n, ` ${n.toLowerCase()} `, `编号：${n}`, `261201${code}`, `2612 01-${code}`]) {
      expect(parseTicketNumber(typed)).toEqual({ number: n, fromIso: '2026-11-30T16:00:00.000Z', toIso: '2026-12-01T16:00:00.000Z' })
    }
  })

  it('reads O as 0 and I or L as 1, the letters the alphabet leaves out', () => {
    expect(parseTicketNumber('261201-O1IL')?.number).toBe('261201-0111')
  })

  it('refuses what cannot be a number', () => {
    for (const typed of ['', '随便写的', '261201', '261201-7K3', '261201-7K3QQ', '261301-7K3Q', '260230-7K3Q', '261201-7K3U']) {
      expect([typed, parseTicketNumber(typed)]).toEqual([typed, null])
    }
  })
})
