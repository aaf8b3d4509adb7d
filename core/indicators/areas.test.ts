import { areaAt, areaExists, areaName, areasOf, childAreas, childLevel, levelOf } from './areas'

const grids = [
  { code: '430111001001001', name: '桂花井一网格', district: '雨花区', street: '侯家塘街道', community: '桂花井社区' },
  { code: '430111001001002', name: '桂花井二网格', district: '雨花区', street: '侯家塘街道', community: '桂花井社区' },
  { code: '430111002001001', name: '曙光里一网格', district: '雨花区', street: '左家塘街道', community: '曙光里社区' }
]

describe('areas from grid codes', () => {
  it('reads the level from the code length, and the areas a grid lies in', () => {
    expect(levelOf('')).toBe('city')
    expect(levelOf('430111001')).toBe('street')
    expect(() => levelOf('4301')).toThrow(RangeError)
    expect(areasOf('430111001001002')).toEqual(['', '430111', '430111001', '430111001001', '430111001001002'])
    expect(areasOf(null)).toEqual([''])
    expect(areaAt('430111001001002', 'community')).toBe('430111001001')
    expect(childLevel('grid')).toBeNull()
  })

  it('lists children and names areas as the office says them', () => {
    expect(childAreas(grids, '')).toEqual(['430111'])
    expect(childAreas(grids, '430111')).toEqual(['430111001', '430111002'])
    expect(childAreas(grids, '430111001001')).toEqual(['430111001001001', '430111001001002'])
    expect(areaName(grids, '430111001')).toBe('侯家塘街道')
    expect(areaName(grids, '')).toBe('全市')
    expect(areaExists(grids, '430111009')).toBe(false)
  })
})
