import { countedRatings } from './tickets'
import { participantIds, residentBase } from './participation'

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
