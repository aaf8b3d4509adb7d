import type { GcjRing } from '../types'
import { SUGGESTED_NEARBY, dispatchOptions, distanceToGridM, nearestGrid } from './dispatch-suggest'

const LAT = 28.1
const KX = 111_320 * Math.cos((LAT * Math.PI) / 180)
/** A 100 m square whose west edge is `eastM` metres east of (113, 28.1). */
const square = (eastM: number): GcjRing => {
  const w = 113 + eastM / KX
  const e = 113 + (eastM + 100) / KX
  const s = LAT - 50 / 111_320
  const n = LAT + 50 / 111_320
  return [[w, s], [e, s], [e, n], [w, n]]
}
const p = { lng: 113, lat: LAT }
const grid = (id: string, eastM: number) => ({ id, name: `${id}网格`, polygon: square(eastM) })
const GRIDS = new Map([grid('g0', -50), grid('g1', 200), grid('g2', 500), grid('g3', 1000), grid('g4', 3000), grid('g5', 6000)].map((g) => [g.id, g]))

describe('distance to a grid', () => {
  it('is 0 inside and the distance to the outline outside', () => {
    expect(distanceToGridM(p, square(-50))).toBe(0)
    expect(distanceToGridM(p, square(200))).toBeCloseTo(200, 0)
    expect(distanceToGridM({ lng: 113, lat: LAT + 150 / 111_320 }, square(-50))).toBeCloseTo(100, 0)
  })

  it('picks a manager\'s grid nearest the point', () => {
    expect(nearestGrid(p, ['g3', 'g1', 'nope'], GRIDS)).toMatchObject({ grid: { id: 'g1' } })
    expect(nearestGrid(p, ['nope'], GRIDS)).toBeNull()
  })
})

describe('dispatch options', () => {
  const managers = [
    { id: 'm-far', nickname: '远网格', gridIds: ['g5'] },
    { id: 'm-near', nickname: '近网格', gridIds: ['g3', 'g1'] },
    { id: 'm-here', nickname: '本网格', gridIds: ['g0'] },
    { id: 'm-none', nickname: '无网格', gridIds: [] },
    { id: 'm-mid', nickname: '中网格', gridIds: ['g2'] },
    { id: 'm-4', nickname: '四网格', gridIds: ['g4'] }
  ]

  it('puts the managers of the point\'s grid first, then by distance, and leaves out managers without a grid', () => {
    const got = dispatchOptions(p, managers, GRIDS)
    expect(got.map((o) => [o.managerId, o.gridId, o.inGrid])).toEqual([
      ['m-here', 'g0', true], ['m-near', 'g1', false], ['m-mid', 'g2', false], ['m-4', 'g4', false], ['m-far', 'g5', false]
    ])
    expect(got[1]).toMatchObject({ gridName: 'g1网格', distanceM: 200, gridCount: 2 })
  })

  it('suggests those of the point\'s grid and the nearest few others', () => {
    const got = dispatchOptions(p, managers, GRIDS)
    expect(got.filter((o) => o.suggested).map((o) => o.managerId)).toEqual(['m-here', 'm-near', 'm-mid', 'm-4'].slice(0, 1 + SUGGESTED_NEARBY))
  })

  it('outside every grid suggests the nearest', () => {
    const got = dispatchOptions({ lng: 113 + 400 / KX, lat: LAT }, managers.filter((m) => m.id !== 'm-here'), GRIDS)
    expect(got[0]).toMatchObject({ managerId: 'm-mid', inGrid: false, suggested: true })
  })
})
