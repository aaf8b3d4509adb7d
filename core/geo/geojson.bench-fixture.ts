import { mulberry32 } from '../prng'
import { gcj02ToWgs84 } from './datum'

/**
 * A valid grid file of any size, for timing the import (bench) and for the large-file test: `n` cells of a
 * jittered lattice laid over the demo city's box (长沙市雨花区, the area of server/seed/outline.ts), each
 * side wiggled through intermediate points, so every grid has 60 vertices (or `vertices`). Neighbours are built from the
 * very same side points, so the grids tile exactly: no overlaps, no gaps, nothing for the validator to flag.
 * Deterministic for a given seed.
 */

export interface FixtureOptions {
  /** How many grids; the first n cells of a near-square lattice, row by row. */
  n: number
  seed?: number
  /** 'gcj02' (default): coordinates as stored, stated in properties.datum. 'wgs84': converted to WGS-84 and
   *  stated as the OGC CRS84 `crs`, so an import also pays for the conversion back. */
  datum?: 'gcj02' | 'wgs84'
  /** Vertices per grid, rounded to a multiple of 4 (at least 4); default 60. */
  vertices?: number
}

export interface FixtureFeature {
  type: 'Feature'
  properties: { code: string; name: string; district: string; street: string; community: string; population: number }
  geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }
}

export interface FixtureCollection {
  type: 'FeatureCollection'
  crs?: { type: 'name'; properties: { name: string } }
  properties?: { datum: string }
  features: FixtureFeature[]
}

/** The demo city's bounding box (GCJ-02), as in server/seed/outline.ts; core may not import the seed. */
export const DEMO_BOX = { minLng: 112.983, minLat: 28.034, maxLng: 113.128, maxLat: 28.203 } as const

/** Corner jitter as a share of the cell; side wiggle as a share of the side. Both keep every cell simple. */
const CORNER_JITTER = 0.15
const SIDE_WIGGLE = 0.03

const pad3 = (n: number): string => String(n).padStart(3, '0')

export function gridFileFixture (opts: FixtureOptions): FixtureCollection {
  const { n } = opts
  // Points per side, corners excluded: 4 × (14 + 1) = 60 vertices by default.
  const sidePoints = Math.max(0, Math.round((opts.vertices ?? 60) / 4) - 1)
  const rng = mulberry32(opts.seed ?? 20240901)
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)))
  const rows = Math.max(1, Math.ceil(n / cols))
  const w = (DEMO_BOX.maxLng - DEMO_BOX.minLng) / cols
  const h = (DEMO_BOX.maxLat - DEMO_BOX.minLat) / rows

  // Corners (i, j), 0 ≤ i ≤ cols, 0 ≤ j ≤ rows, stored row by row.
  const corner: Array<[number, number]> = []
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= cols; i++) {
      corner.push([
        DEMO_BOX.minLng + i * w + (rng() * 2 - 1) * CORNER_JITTER * w,
        DEMO_BOX.minLat + j * h + (rng() * 2 - 1) * CORNER_JITTER * h
      ])
    }
  }
  const at = (i: number, j: number): [number, number] => corner[j * (cols + 1) + i]
  // The intermediate points of a side from a to b, pushed sideways by a wiggle that vanishes at the corners.
  const side = (a: [number, number], b: [number, number]): Array<[number, number]> => {
    const dx = b[0] - a[0]
    const dy = b[1] - a[1]
    const pts: Array<[number, number]> = []
    for (let k = 1; k <= sidePoints; k++) {
      const t = k / (sidePoints + 1)
      const s = (rng() * 2 - 1) * SIDE_WIGGLE * Math.sin(Math.PI * t)
      pts.push([a[0] + t * dx - s * dy, a[1] + t * dy + s * dx])
    }
    return pts
  }
  // Horizontal side (i, j)→(i+1, j) and vertical side (i, j)→(i, j+1), each drawn once and shared.
  const horizontal: Array<Array<[number, number]>> = []
  for (let j = 0; j <= rows; j++) for (let i = 0; i < cols; i++) horizontal.push(side(at(i, j), at(i + 1, j)))
  const vertical: Array<Array<[number, number]>> = []
  for (let j = 0; j < rows; j++) for (let i = 0; i <= cols; i++) vertical.push(side(at(i, j), at(i, j + 1)))
  const hSide = (i: number, j: number): Array<[number, number]> => horizontal[j * cols + i]
  const vSide = (i: number, j: number): Array<[number, number]> => vertical[j * (cols + 1) + i]

  const wgs = opts.datum === 'wgs84'
  const out = (p: [number, number]): [number, number] => (wgs ? gcj02ToWgs84(p[0], p[1]) : [p[0], p[1]])
  const blocksPerRow = Math.ceil(cols / 10)
  const features: FixtureFeature[] = []
  for (let c = 0; c < n; c++) {
    const i = c % cols
    const j = Math.floor(c / cols)
    // Counter-clockwise: bottom, right, top (reversed), left (reversed), closed.
    const ring: Array<[number, number]> = [
      at(i, j), ...hSide(i, j),
      at(i + 1, j), ...vSide(i + 1, j),
      at(i + 1, j + 1), ...hSide(i, j + 1).slice().reverse(),
      at(i, j + 1), ...vSide(i, j).slice().reverse(),
      at(i, j)
    ].map(out)
    // Communities are blocks of 10 × 10 cells, ten communities to a street.
    const block = Math.floor(j / 10) * blocksPerRow + Math.floor(i / 10)
    const street = Math.floor(block / 10) + 1
    const community = (block % 10) + 1
    const seq = (j % 10) * 10 + (i % 10) + 1
    features.push({
      type: 'Feature',
      properties: {
        code: `430111${pad3(street)}${pad3(community)}${pad3(seq)}`,
        name: `${pad3(seq)}网格`,
        district: '雨花区',
        street: `测试${pad3(street)}街道`,
        community: `测试${pad3(street)}-${pad3(community)}社区`,
        population: 2_000 + Math.floor(rng() * 8_000)
      },
      geometry: { type: 'Polygon', coordinates: [ring] }
    })
  }
  return wgs
    ? { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features }
    : { type: 'FeatureCollection', properties: { datum: 'GCJ-02' }, features }
}
