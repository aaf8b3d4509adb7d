import { gridsToGeoJson, type GridFeatureCollection } from '../../core/grids/geojson-out'
import { ringCentroid } from '../../core/routing'
import type { GcjPoint, Grid } from '../../core/types'

/**
 * Grid files for tests and end-to-end runs: the demo city's grids as a file with one grid split in two (new codes,
 * new names), and one sample per validation rule that refuses a file (the samples of core/geo/geojson.test.ts), each
 * breaking exactly that rule of an otherwise valid file.
 */

type Pos = [number, number]
type Feature = GridFeatureCollection['features'][number]
type AnyFile = Record<string, unknown> & { features?: unknown[] }

export interface SplitFile {
  file: GridFeatureCollection
  /** The grid split: its code leaves the file. */
  split: Grid
  /** The two halves that replace it: codes and names new, a point well inside each. */
  halves: Array<{ code: string; name: string; inside: GcjPoint }>
}

const mid = (a: Pos, b: Pos): Pos => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]

/**
 * The grids as a file, `gridId` (a quadrilateral, as every demo grid is) cut in two across its first and third sides:
 * the halves share the cut and cover exactly the grid they replace, so the file stays free of gaps and overlaps.
 * Codes ×××901 and ×××902 of the same community, names 原名（西） / 原名（东）.
 */
export function splitGridFile (grids: readonly Grid[], gridId: string): SplitFile {
  const split = grids.find((g) => g.id === gridId)
  if (!split || split.polygon.length !== 4) throw new Error(`grid ${gridId} is not a quadrilateral of these grids`)
  const [p0, p1, p2, p3] = split.polygon
  const m01 = mid(p0, p1)
  const m23 = mid(p2, p3)
  const community = split.code.slice(0, 12)
  const halves = [
    { code: `${community}901`, name: `${split.name}（西）`, ring: [p0, m01, m23, p3] as Pos[] },
    { code: `${community}902`, name: `${split.name}（东）`, ring: [m01, p1, p2, m23] as Pos[] }
  ]
  const file = gridsToGeoJson(grids.filter((g) => g.id !== gridId))
  for (const h of halves) {
    file.features.push({
      type: 'Feature',
      properties: { code: h.code, name: h.name, district: split.district, street: split.street, community: split.community, population: Math.round(split.population / 2) },
      geometry: { type: 'Polygon', coordinates: [[...h.ring, h.ring[0]]] }
    })
  }
  return { file, split, halves: halves.map((h) => ({ code: h.code, name: h.name, inside: ringCentroid(h.ring)! })) }
}

// ------------------------------------------------------------------ one sample per refusing rule

const D = 0.001
const LNG0 = 113.0
const LAT0 = 28.1
const pad3 = (n: number): string => String(n).padStart(3, '0')

function cellRing (i: number, j: number, d = D): Pos[] {
  const x = LNG0 + i * D
  const y = LAT0 + j * D
  return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]
}

function cell (i: number, j: number, seq: number): Feature {
  return {
    type: 'Feature',
    properties: { code: `430111001001${pad3(seq)}`, name: `${pad3(seq)}网格`, district: '雨花区', street: '东塘街道', community: '东塘社区', population: 3000 + seq },
    geometry: { type: 'Polygon', coordinates: [cellRing(i, j)] }
  }
}

/** A valid file: a 3 × 3 block of ~100 m cells in one community, stated GCJ-02. */
export function smallGridFile (): GridFeatureCollection {
  const features: Feature[] = []
  let seq = 0
  for (let j = 0; j < 3; j++) for (let i = 0; i < 3; i++) features.push(cell(i, j, ++seq))
  return { type: 'FeatureCollection', properties: { datum: 'GCJ-02' }, features }
}

/** The block with a tenth feature, changed by `change`, well away from it. */
function withExtra (change: (f: Record<string, unknown> & { properties: Record<string, unknown> }) => void): AnyFile {
  const file = smallGridFile() as unknown as AnyFile
  const f = cell(10, 0, 10) as unknown as Record<string, unknown> & { properties: Record<string, unknown> }
  change(f)
  file.features!.push(f)
  return file
}

const geometry = (g: unknown) => withExtra((f) => { f.geometry = g })
const polygon = (ring: unknown[]) => geometry({ type: 'Polygon', coordinates: [ring] })
const props = (change: (p: Record<string, unknown>) => void) => withExtra((f) => change(f.properties))
const square = (): Pos[] => cellRing(10, 0)
const noDatum = (): AnyFile => { const f = smallGridFile() as unknown as AnyFile; delete f.properties; return f }
const box = (x: number, h = 1): Pos[] => {
  const lng = LNG0 + x * D
  return [[lng, LAT0], [lng + D, LAT0], [lng + D, LAT0 + h * D], [lng, LAT0 + h * D], [lng, LAT0]]
}

/** Every rule that refuses a file, with a file (object or text) breaking it alone. */
export const REFUSED_GRID_FILES: Array<{ rule: string; geojson: () => unknown }> = [
  { rule: 'json_invalid', geojson: () => '{"type": "FeatureCollection", ' },
  { rule: 'not_feature_collection', geojson: () => smallGridFile().features[0] },
  { rule: 'no_features', geojson: () => ({ type: 'FeatureCollection', features: [] }) },
  { rule: 'too_many_features', geojson: () => ({ type: 'FeatureCollection', properties: { datum: 'GCJ-02' }, features: new Array(20_001).fill(null) }) },
  { rule: 'datum_missing', geojson: noDatum },
  { rule: 'datum_unknown', geojson: () => ({ ...smallGridFile(), properties: { datum: 'BD-09' } }) },
  { rule: 'datum_conflict', geojson: () => ({ ...smallGridFile(), crs: { type: 'name', properties: { name: 'EPSG:4326' } } }) },
  { rule: 'feature_invalid', geojson: () => ({ ...smallGridFile(), features: [...smallGridFile().features, { type: 'Point' }] }) },
  { rule: 'geometry_missing', geojson: () => geometry(null) },
  { rule: 'geometry_type', geojson: () => geometry({ type: 'LineString', coordinates: square() }) },
  { rule: 'multipolygon_parts', geojson: () => geometry({ type: 'MultiPolygon', coordinates: [[square()], [cellRing(12, 0)]] }) },
  { rule: 'geometry_invalid', geojson: () => geometry({ type: 'Polygon', coordinates: 'abc' }) },
  {
    rule: 'ring_hole',
    geojson: () => geometry({ type: 'Polygon', coordinates: [square(), [[113.0103, 28.1003], [113.0103, 28.1006], [113.0106, 28.1006], [113.0106, 28.1003], [113.0103, 28.1003]]] })
  },
  { rule: 'ring_not_closed', geojson: () => polygon(square().slice(0, 4)) },
  { rule: 'ring_too_few_points', geojson: () => { const s = square(); return polygon([s[0], s[1], s[0]]) } },
  { rule: 'coordinate_invalid', geojson: () => { const s: unknown[] = square(); s[2] = [113.011, null]; return polygon(s) } },
  { rule: 'coordinate_outside_china', geojson: () => polygon(square().map(([lng, lat]) => [lat, lng])) },
  { rule: 'ring_self_intersection', geojson: () => { const [a, b, c, d] = square(); return polygon([a, c, b, d, a]) } },
  { rule: 'overlap', geojson: () => polygon(box(2.5)) },
  { rule: 'code_missing', geojson: () => props((p) => { delete p.code }) },
  { rule: 'code_format', geojson: () => props((p) => { p.code = '43011100100101X' }) },
  { rule: 'code_duplicate', geojson: () => props((p) => { p.code = '430111001001001' }) },
  { rule: 'name_missing', geojson: () => props((p) => { p.name = '  ' }) },
  { rule: 'name_duplicate', geojson: () => props((p) => { p.name = '001网格' }) },
  { rule: 'property_missing', geojson: () => props((p) => { delete p.street }) },
  { rule: 'population_invalid', geojson: () => props((p) => { p.population = -5 }) }
]
