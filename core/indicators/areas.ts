import type { Grid } from '../types'

/**
 * The area levels the campaign's numbers are kept for, read off the grids' codes: the city (''), then the district
 * (6 digits, the national admin code), street (9), community (12) and grid (15). An area is a code prefix, so a
 * grid lies in exactly one area of each level.
 */
export type AreaLevel = 'city' | 'district' | 'street' | 'community' | 'grid'
export const AREA_LEVELS: readonly AreaLevel[] = ['city', 'district', 'street', 'community', 'grid']
export const LEVEL_LABELS: Record<AreaLevel, string> = { city: '全市', district: '区县', street: '街道', community: '社区', grid: '网格' }
const LENGTH: Record<AreaLevel, number> = { city: 0, district: 6, street: 9, community: 12, grid: 15 }

export const AREA_CODE_RE = /^(\d{6}|\d{9}|\d{12}|\d{15})?$/

export function levelOf (area: string): AreaLevel {
  const level = AREA_LEVELS.find((l) => LENGTH[l] === area.length)
  if (!level) throw new RangeError(`not an area code: ${area}`)
  return level
}

/** The level below (null under a grid). */
export function childLevel (level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null
}

/** The areas a grid code lies in, city first (the cells a write adds to). A missing code counts for the city only. */
export function areasOf (gridCode: string | null | undefined): string[] {
  if (!gridCode) return ['']
  return [...new Set(['', gridCode.slice(0, 6), gridCode.slice(0, 9), gridCode.slice(0, 12), gridCode])]
}

/** The area of `level` that `gridCode` lies in. */
export function areaAt (gridCode: string, level: AreaLevel): string {
  return gridCode.slice(0, LENGTH[level])
}

type GridNames = Pick<Grid, 'code' | 'name' | 'district' | 'street' | 'community'>

/** Does any grid lie in this area? ('' always: the city.) */
export function areaExists (grids: readonly Pick<Grid, 'code'>[], area: string): boolean {
  return area === '' || grids.some((g) => g.code.startsWith(area))
}

/** An area's name as the office says it: 雨花区, 侯家塘街道, 桂花井社区, or the grid's own name. */
export function areaName (grids: readonly GridNames[], area: string, cityName = '全市'): string {
  if (area === '') return cityName
  const g = grids.find((x) => x.code.startsWith(area))
  if (!g) return area
  switch (levelOf(area)) {
    case 'district': return g.district
    case 'street': return g.street
    case 'community': return g.community
    default: return g.name
  }
}

/** The areas one level below `area` that hold grids, in code order. */
export function childAreas (grids: readonly Pick<Grid, 'code'>[], area: string): string[] {
  const below = childLevel(levelOf(area))
  if (!below) return []
  const codes = new Set<string>()
  for (const g of grids) if (g.code.startsWith(area)) codes.add(areaAt(g.code, below))
  return [...codes].sort()
}

/** The grids inside an area (the city: all). */
export function gridsIn<G extends Pick<Grid, 'code'>> (grids: readonly G[], area: string): G[] {
  return grids.filter((g) => g.code.startsWith(area))
}
