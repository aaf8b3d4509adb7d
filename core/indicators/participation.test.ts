import { countedRatings } from './tickets'
import { distinctCells, participantIds, participationMarks, residentBase } from './participation'

describe('who counts in 参与率', () => {
  const tickets = [{ reporterId: 'a' }, { reporterId: 'b' }, { reporterId: 'a' }]
  const responses = [{ userId: 'b' }, { userId: 'c' }]
  const signups = [{ userId: 'd', status: 'confirmed' as const }, { userId: 'e', status: 'cancelled' as const }, { userId: 'f', status: 'waitlisted' as const }]

  it('distinct reporters and respondents; live signups only city-wide', () => {
    expect([...participantIds(tickets, responses, signups, { cityWide: true })].sort()).toEqual(['a', 'b', 'c', 'd', 'f'])
    expect([...participantIds(tickets, responses, signups, { cityWide: false })].sort()).toEqual(['a', 'b', 'c'])
  })

  it('the resident base of a grid, or of the whole city', () => {
    const grids = [{ population: 1200 }, { population: 800 }]
    expect(residentBase(grids)).toBe(2000)
    expect(residentBase(grids, grids[1])).toBe(800)
    expect(residentBase([])).toBe(0)
  })
})

describe('which ratings 整改满意率 counts', () => {
  it('those of tickets closed as fixed', () => {
    expect(countedRatings([
      { state: 'fixed', rating: 'satisfied' }, { state: 'fixed', rating: null }, { state: 'rework', rating: 'unsatisfied' }, { state: 'fixed', rating: 'basic' }
    ])).toEqual(['satisfied', 'basic'])
  })
})

describe('参与率 as distinct marks', () => {
  it('marks the person once per area and whole period; a second act adds nothing', () => {
    const at = '2026-12-01T02:00:00.000Z'
    const marks = participationMarks('u-1', '430111001001001', at)
    expect(marks).toHaveLength(5 * 5)
    expect(marks).toContainEqual({ metric: 'p.week', area: '430111', day: '2026-11-30', member: 'u-1' })
    const cells = distinctCells([...marks, ...participationMarks('u-1', '430111001001001', '2026-12-02T02:00:00.000Z'), ...participationMarks('u-2', null, at)])
    const month = cells.filter((c) => c.metric === 'p.month')
    expect(month.find((c) => c.area === '')?.n).toBe(2)
    expect(month.find((c) => c.area === '430111001001001')?.n).toBe(1)
    expect(cells.filter((c) => c.metric === 'p.day' && c.area === '').map((c) => c.n).sort()).toEqual([1, 2])
  })
})
