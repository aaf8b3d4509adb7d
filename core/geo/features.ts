import { outOfChina, wgs84ToGcj02 } from './datum'
import { prepareArrays, selfIntersections, type PreparedRing } from './planar'
import { MSG, PROP_LABELS, problem, type GeoProblem } from './rules'

/**
 * One feature at a time: its properties and its outer ring, each problem reported with what to fix.
 * Checks that need other features (duplicates, overlaps, gaps) are in geojson.ts.
 */

export type GridProp = keyof typeof PROP_LABELS
/** Which property of the file holds each field (files exported from GIS often use Chinese names). */
export type PropNames = Record<GridProp, string>

export const DEFAULT_PROPS: PropNames = {
  code: 'code',
  name: 'name',
  district: 'district',
  street: 'street',
  community: 'community',
  population: 'population'
}

/** 15 digits: district 6 + street 3 + community 3 + grid 3 (as in server/seed/grids.ts). */
export const GRID_CODE = /^\d{15}$/

export interface FeatureProps {
  code: string | null
  name: string | null
  district: string | null
  street: string | null
  community: string | null
  population: number
}

/** A property as text: trimmed strings, and numbers (codes are often exported as numbers); else null. */
function text (v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim()
    return t === '' ? null : t
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

const show = (v: unknown): string => {
  try {
    const s = typeof v === 'string' ? v : JSON.stringify(v)
    return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s
  } catch {
    return String(v)
  }
}

export function readProps (properties: unknown, names: PropNames, out: GeoProblem[]): FeatureProps {
  const p: Record<string, unknown> = typeof properties === 'object' && properties !== null ? properties as Record<string, unknown> : {}
  const code = text(p[names.code])
  if (code === null) out.push(problem('code_missing', MSG.codeMissing(names.code)))
  else if (!GRID_CODE.test(code)) out.push(problem('code_format', MSG.codeFormat(code)))
  const name = text(p[names.name])
  if (name === null) out.push(problem('name_missing', MSG.nameMissing(names.name)))
  const area = (field: 'district' | 'street' | 'community'): string | null => {
    const v = text(p[names[field]])
    if (v === null) out.push(problem('property_missing', MSG.propertyMissing(PROP_LABELS[field], names[field])))
    return v
  }
  const district = area('district')
  const street = area('street')
  const community = area('community')
  const raw = p[names.population]
  let population = 0
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    out.push(problem('population_missing', MSG.populationMissing(names.population)))
  } else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) {
    population = raw
  } else if (typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim())) {
    population = Number(raw.trim())
  } else {
    out.push(problem('population_invalid', MSG.populationInvalid(show(raw))))
  }
  return { code, name, district, street, community, population }
}

const isPosition = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number' &&
  Number.isFinite(v[0]) && Number.isFinite(v[1])

/** The outer ring's positions, or null (with the problem recorded) when the geometry is not one polygon. */
function outerPositions (geometry: unknown, out: GeoProblem[]): unknown[] | null {
  if (geometry === null || geometry === undefined) {
    out.push(problem('geometry_missing', MSG.geometryMissing()))
    return null
  }
  const g = geometry as { type?: unknown; coordinates?: unknown }
  let rings: unknown = null
  if (g.type === 'Polygon') {
    rings = g.coordinates
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) {
      out.push(problem('geometry_invalid', MSG.geometryInvalid('MultiPolygon 缺少 coordinates 数组')))
      return null
    }
    if (g.coordinates.length !== 1) {
      out.push(problem('multipolygon_parts', MSG.multipolygonParts(g.coordinates.length)))
      return null
    }
    rings = g.coordinates[0]
  } else {
    out.push(problem('geometry_type', MSG.geometryType(typeof g.type === 'string' ? g.type : show(g.type))))
    return null
  }
  if (!Array.isArray(rings) || rings.length === 0 || !Array.isArray(rings[0])) {
    out.push(problem('geometry_invalid', MSG.geometryInvalid('缺少外环坐标数组')))
    return null
  }
  // Holes are refused, not supported: a Grid is one ring (core/types.ts), routing tests one ring, and a
  // hole in a street grid is nearly always another grid drawn on top, which should be its own neighbour.
  if (rings.length > 1) out.push(problem('ring_hole', MSG.ringHole(rings.length - 1)))
  return rings[0] as unknown[]
}

/**
 * The feature's outer ring in GCJ-02, open (closing vertex dropped), consecutive duplicates removed,
 * counter-clockwise; null when it cannot be used as a grid outline (the reasons are in `out`). WGS-84 input
 * is converted here, so every later check (outside China, self-intersection, overlaps) sees the
 * coordinates that will be stored.
 */
export function readRing (geometry: unknown, fromWgs84: boolean, out: GeoProblem[]): PreparedRing | null {
  const positions = outerPositions(geometry, out)
  if (positions === null) return null
  const bad = positions.findIndex((p) => !isPosition(p))
  if (bad >= 0) {
    out.push(problem('coordinate_invalid', MSG.coordinateInvalid(bad, show(positions[bad]))))
    return null
  }
  const pts = positions as number[][]
  let usable = true
  const first = pts[0]
  const last = pts[pts.length - 1]
  const closed = pts.length > 1 && first[0] === last[0] && first[1] === last[1]
  if (!closed && pts.length > 1) {
    out.push(problem('ring_not_closed', MSG.ringNotClosed(first, last), { at: [last[0], last[1]] }))
    usable = false
  }
  // Straight into typed arrays (no per-vertex objects: a city file holds millions of vertices).
  const end = closed ? pts.length - 1 : pts.length
  let lng = new Float64Array(end)
  let lat = new Float64Array(end)
  let n = 0
  for (let k = 0; k < end; k++) {
    const x = pts[k][0]
    const y = pts[k][1]
    if (n > 0 && lng[n - 1] === x && lat[n - 1] === y) continue
    lng[n] = x
    lat[n] = y
    n++
  }
  while (n > 1 && lng[0] === lng[n - 1] && lat[0] === lat[n - 1]) n--
  const repeats = end - n
  if (pts.length < 4 || n < 3) {
    out.push(problem('ring_too_few_points', MSG.ringTooFewPoints(n)))
    return null
  }
  if (repeats > 0) out.push(problem('ring_repeated_point', MSG.ringRepeatedPoint(repeats)))
  if (n < end) {
    lng = lng.slice(0, n)
    lat = lat.slice(0, n)
  }
  let outside = 0
  let firstOutside: [number, number] | null = null
  for (let k = 0; k < n; k++) {
    if (fromWgs84) {
      const g = wgs84ToGcj02(lng[k], lat[k])
      lng[k] = g[0]
      lat[k] = g[1]
    }
    if (!outOfChina(lng[k], lat[k])) continue
    outside++
    firstOutside ??= [lng[k], lat[k]]
  }
  if (firstOutside !== null) {
    out.push(problem('coordinate_outside_china', MSG.coordinateOutsideChina(outside, firstOutside), { at: firstOutside }))
    return null
  }
  const crossings = selfIntersections(lng, lat, 1)
  if (crossings.length > 0) {
    const c = crossings[0]
    out.push(problem('ring_self_intersection', MSG.ringSelfIntersection(c.edges[0], c.edges[1], c.at), { at: c.at }))
    return null
  }
  return usable ? prepareArrays(lng, lat) : null
}
