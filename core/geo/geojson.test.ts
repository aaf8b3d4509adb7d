import { DATUM } from '../types'
import { gcj02ToWgs84 } from './datum'
import { parseGridFile, type GridFileOptions, type GridFileResult } from './geojson'
import { gridFileFixture } from './geojson.bench-fixture'
import { GEO_RULES, type GeoRule } from './rules'

/**
 * Each rule: a valid file made wrong in one way gives exactly that rule. The valid file is a 3 × 3 block of
 * ~100 m cells in one community (codes 430111001001001…009) near 113°E 28.1°N, stated GCJ-02.
 */

type Pos = [number, number]
type Feature = { type: 'Feature'; properties: Record<string, unknown> | null; geometry: unknown }
type File = { type: 'FeatureCollection'; features: Feature[]; properties?: Record<string, unknown>; crs?: unknown }

const D = 0.001
const LNG0 = 113.0
const LAT0 = 28.1

function cellRing (i: number, j: number, d = D): Pos[] {
  const x = LNG0 + i * D
  const y = LAT0 + j * D
  return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]
}

const pad3 = (n: number): string => String(n).padStart(3, '0')

function cell (i: number, j: number, seq: number, community = '001'): Feature {
  return {
    type: 'Feature',
    properties: {
      code: `430111001${community}${pad3(seq)}`,
      name: `${pad3(seq)}网格`,
      district: '雨花区',
      street: '东塘街道',
      community: community === '001' ? '东塘社区' : `社区${community}`,
      population: 3000 + seq
    },
    geometry: { type: 'Polygon', coordinates: [cellRing(i, j)] }
  }
}

function validFile (skip: Array<[number, number]> = []): File {
  const features: Feature[] = []
  let seq = 0
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 3; i++) {
      seq++
      if (!skip.some(([a, b]) => a === i && b === j)) features.push(cell(i, j, seq))
    }
  }
  return { type: 'FeatureCollection', properties: { datum: 'GCJ-02' }, features }
}

/** A tenth feature, valid on its own, well away from the block (same community, so no gap between them). */
const extra = (): Feature => cell(10, 0, 10)

function withExtra (change: (f: Feature) => void): File {
  const file = validFile()
  const f = extra()
  change(f)
  file.features.push(f)
  return file
}

/** Every rule that fired anywhere in the report, once each, sorted. */
function rulesOf (r: GridFileResult): GeoRule[] {
  const all = [...r.report.file, ...r.report.features.flatMap((f) => f.problems)].map((p) => p.rule)
  return [...new Set(all)].sort()
}

function expectOnly (r: GridFileResult, rule: GeoRule): void {
  expect(rulesOf(r)).toEqual([rule])
  expect(r.ok).toBe(GEO_RULES[rule] === 'warning')
  const problems = [...r.report.file, ...r.report.features.flatMap((f) => f.problems)]
  for (const p of problems) {
    expect(p.severity).toBe(GEO_RULES[rule])
    expect(p.message).toMatch(/[\u4e00-\u9fff]/) // Chinese
    expect(p.message).toMatch(/请|已自动|按 WGS-84 处理/) // and says what to do (or that nothing is needed)
  }
}

const parse = (input: unknown, opts?: GridFileOptions): GridFileResult => parseGridFile(input, opts)

describe('parseGridFile: a valid file', () => {
  it('imports every feature as a GCJ-02 draft, rings open and counter-clockwise, with a clean report', () => {
    const r = parse(validFile())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.grids).toHaveLength(9)
    const g = r.grids[4]
    expect(g).toMatchObject({ code: '430111001001005', name: '005网格', district: '雨花区', street: '东塘街道', community: '东塘社区', population: 3005, datum: DATUM, featureIndex: 4 })
    expect(g.polygon).toEqual(cellRing(1, 1).slice(0, 4))
    expect(r.report).toMatchObject({ datum: { input: 'gcj02', source: 'properties', converted: false }, featureCount: 9, errorCount: 0, warningCount: 0, file: [] })
    expect(r.report.features.map((f) => [f.index, f.code, f.problems.length])[4]).toEqual([4, '430111001001005', 0])
  })

  it('accepts the text itself, a MultiPolygon of one polygon, clockwise rings and numeric codes', () => {
    const file = validFile()
    file.features[0].geometry = { type: 'MultiPolygon', coordinates: [[cellRing(0, 0)]] }
    file.features[1].geometry = { type: 'Polygon', coordinates: [cellRing(1, 0).reverse()] }
    file.features[2].properties!.code = 430111001001003
    const r = parse(JSON.stringify(file))
    expect(rulesOf(r)).toEqual([])
    // Turned counter-clockwise, starting at the file's first vertex.
    expect(r.ok && r.grids[1].polygon).toEqual(cellRing(1, 0).slice(0, 4))
    expect(r.ok && r.grids[2].code).toBe('430111001001003')
  })

  it('reads Chinese property names through opts.props', () => {
    const file = validFile()
    for (const f of file.features) {
      const p = f.properties!
      f.properties = { 网格编码: p.code, 网格名称: p.name, 区县: p.district, 街道: p.street, 社区: p.community, 常住人口: String(p.population) }
    }
    const r = parse(file, { props: { code: '网格编码', name: '网格名称', district: '区县', street: '街道', community: '社区', population: '常住人口' } })
    expect(rulesOf(r)).toEqual([])
    expect(r.ok && r.grids[0]).toMatchObject({ code: '430111001001001', population: 3001 })
  })

  it('converts WGS-84 to GCJ-02 on import (datum from crs), and records GCJ-02', () => {
    const file = validFile()
    for (const f of file.features) {
      const g = f.geometry as { coordinates: Pos[][] }
      g.coordinates = [g.coordinates[0].map(([lng, lat]) => gcj02ToWgs84(lng, lat))]
    }
    delete file.properties
    file.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }
    const r = parse(file)
    expect(rulesOf(r)).toEqual([])
    expect(r.report.datum).toEqual({ input: 'wgs84', source: 'crs', converted: true })
    if (!r.ok) return
    expect(r.grids[0].datum).toBe(DATUM)
    const back = cellRing(0, 0).slice(0, 4)
    r.grids[0].polygon.forEach((p, k) => {
      expect(Math.abs(p[0] - back[k][0])).toBeLessThan(1e-6)
      expect(Math.abs(p[1] - back[k][1])).toBeLessThan(1e-6)
    })
  })

  it('takes the datum from opts when the file says nothing, and agrees when both say the same', () => {
    const file = validFile()
    delete file.properties
    expect(parse(file, { datum: 'gcj02' }).report.datum).toEqual({ input: 'gcj02', source: 'option', converted: false })
    expect(parse(validFile(), { datum: 'gcj02' }).ok).toBe(true)
  })

  it('imports a 2,000-grid generated city (60 vertices each) without a single problem', () => {
    const r = parse(gridFileFixture({ n: 2_000 }))
    expect(r.report.errorCount).toBe(0)
    expect(r.report.warningCount).toBe(0)
    expect(r.ok).toBe(true)
    expect(r.ok && r.grids.length).toBe(2_000)
    expect(r.ok && r.grids[0].polygon.length).toBe(60)
  })

  it('imports the generated city in WGS-84 too (converted back)', () => {
    const r = parse(gridFileFixture({ n: 200, datum: 'wgs84' }))
    expect(rulesOf(r)).toEqual([])
    expect(r.report.datum?.converted).toBe(true)
  })
})

const noDatum = (): File => { const f = validFile(); delete f.properties; return f }
const square = (d = D): Pos[] => cellRing(10, 0, d)
const geometry = (g: unknown): File => withExtra((f) => { f.geometry = g })
const polygon = (ring: unknown[]): File => geometry({ type: 'Polygon', coordinates: [ring] })
const props = (change: (p: Record<string, unknown>) => void): File => withExtra((f) => change(f.properties!))
/** A cell-sized square at x (in cells), the height given in cells. */
const box = (x: number, h = 1): Pos[] => {
  const lng = LNG0 + x * D
  return [[lng, LAT0], [lng + D, LAT0], [lng + D, LAT0 + h * D], [lng, LAT0 + h * D], [lng, LAT0]]
}

/**
 * One or more files per rule, each breaking exactly that rule. Typed as a Record over every rule, so a rule
 * added to GEO_RULES without a case here does not compile.
 */
const TRIGGERS: Record<GeoRule, Array<() => GridFileResult>> = {
  json_invalid: [() => parse('{"type": "FeatureCollection", ')],
  not_feature_collection: [() => parse(validFile().features[0]), () => parse([]), () => parse(null)],
  no_features: [() => parse({ type: 'FeatureCollection', features: [] }), () => parse({ type: 'FeatureCollection' })],
  too_many_features: [
    () => parse({ type: 'FeatureCollection', features: new Array(20_001).fill(null) }),
    () => parse(validFile(), { maxFeatures: 8 })
  ],
  datum_missing: [() => parse(noDatum())],
  datum_unknown: [
    () => parse({ ...noDatum(), crs: { type: 'name', properties: { name: 'EPSG:3857' } } }),
    () => parse({ ...validFile(), properties: { datum: 'BD-09' } })
  ],
  datum_conflict: [
    () => parse(validFile(), { datum: 'wgs84' }),
    () => parse({ ...validFile(), crs: { type: 'name', properties: { name: 'EPSG:4326' } } })
  ],
  datum_cgcs2000: [() => parse({ ...noDatum(), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } } })],
  gap: [() => parse(validFile([[1, 1]]))],
  feature_invalid: [() => parse({ ...validFile(), features: [...validFile().features, { type: 'Point' }] }), () => parse({ ...validFile(), features: [...validFile().features, 'x'] })],
  geometry_missing: [() => parse(geometry(null)), () => parse(geometry(undefined))],
  geometry_type: [() => parse(geometry({ type: 'LineString', coordinates: square() })), () => parse(geometry({ type: 'Point', coordinates: [113, 28] }))],
  multipolygon_parts: [
    () => parse(geometry({ type: 'MultiPolygon', coordinates: [[square()], [cellRing(12, 0)]] })),
    () => parse(geometry({ type: 'MultiPolygon', coordinates: [] }))
  ],
  geometry_invalid: [() => parse(geometry({ type: 'Polygon', coordinates: [] })), () => parse(geometry({ type: 'Polygon', coordinates: 'abc' }))],
  ring_hole: [() => parse(geometry({ type: 'Polygon', coordinates: [square(), [[113.0103, 28.1003], [113.0103, 28.1006], [113.0106, 28.1006], [113.0106, 28.1003], [113.0103, 28.1003]]] }))],
  ring_not_closed: [() => parse(polygon(square().slice(0, 4)))],
  ring_too_few_points: [() => { const s = square(); return parse(polygon([s[0], s[1], s[0]])) }],
  ring_repeated_point: [() => { const s = square(); return parse(polygon([s[0], s[1], s[1], s[2], s[3], s[4]])) }],
  coordinate_invalid: [
    () => { const s: unknown[] = square(); s[2] = [113.011, null]; return parse(polygon(s)) },
    () => { const s: unknown[] = square(); s[2] = ['113.011', '28.101']; return parse(polygon(s)) },
    () => { const s: unknown[] = square(); s[2] = [113.011]; return parse(polygon(s)) }
  ],
  coordinate_outside_china: [() => parse(polygon(square().map(([lng, lat]) => [lat, lng])))],
  ring_self_intersection: [() => { const [a, b, c, d] = square(); return parse(polygon([a, c, b, d, a])) }],
  overlap: [() => parse(polygon(box(2.5))), () => parse(polygon(box(0, 3)))],
  code_missing: [() => parse(props((p) => { delete p.code })), () => parse(props((p) => { p.code = null }))],
  code_format: [() => parse(props((p) => { p.code = '43011100100101' })), () => parse(props((p) => { p.code = '43011100100101X' }))],
  code_duplicate: [() => parse(props((p) => { p.code = '430111001001001' }))],
  name_missing: [() => parse(props((p) => { p.name = '  ' })), () => parse(props((p) => { delete p.name }))],
  name_duplicate: [() => parse(props((p) => { p.name = '001网格' }))],
  property_missing: [() => parse(props((p) => { delete p.street })), () => parse(props((p) => { p.community = '' })), () => parse(props((p) => { delete p.district }))],
  area_name_mismatch: [() => parse(props((p) => { p.community = '别的社区' })), () => parse(props((p) => { p.street = '别的街道' }))],
  population_missing: [() => parse(props((p) => { delete p.population })), () => parse(props((p) => { p.population = '' }))],
  population_invalid: [() => parse(props((p) => { p.population = -5 })), () => parse(props((p) => { p.population = '很多' })), () => parse(props((p) => { p.population = 12.5 }))]
}

describe('parseGridFile: each rule, triggered alone', () => {
  for (const [rule, cases] of Object.entries(TRIGGERS) as Array<[GeoRule, Array<() => GridFileResult>]>) {
    it(`${rule} (${GEO_RULES[rule]})`, () => {
      for (const make of cases) expectOnly(make(), rule)
    })
  }
})

describe('parseGridFile: what the rules report', () => {
  it('too_many_features counts the features', () => {
    expect(TRIGGERS.too_many_features[0]().report.featureCount).toBe(20_001)
  })

  it('datum_missing: never guessed; CGCS2000 is converted like WGS-84', () => {
    expect(TRIGGERS.datum_missing[0]().report.datum).toBeNull()
    expect(TRIGGERS.datum_cgcs2000[0]().report.datum).toEqual({ input: 'wgs84', source: 'crs', converted: true })
  })

  it('gap: file-level, with the community, the uncovered area and the outline', () => {
    const gap = TRIGGERS.gap[0]().report.file[0]
    expect(gap.community).toBe('430111001001')
    expect(gap.areaM2).toBeGreaterThan(10_800) // one cell, ~10,900 m²
    expect(gap.areaM2).toBeLessThan(11_000)
    expect(gap.ring!.length).toBeGreaterThanOrEqual(4)
    expect(gap.at![0]).toBeCloseTo(LNG0 + 1.5 * D, 6)
    expect(gap.at![1]).toBeCloseTo(LAT0 + 1.5 * D, 6)
  })

  it('gap: not when another community\'s grid fills the hole, nor below the tolerance', () => {
    const filled = validFile([[1, 1]])
    filled.features.push(cell(1, 1, 1, '002'))
    expect(rulesOf(parse(filled))).toEqual([])
    expect(rulesOf(parse(validFile([[1, 1]]), { gapToleranceM2: 20_000 }))).toEqual([])
  })

  it('ring_not_closed says which points differ', () => {
    expect(TRIGGERS.ring_not_closed[0]().report.features[9].problems[0].message).toContain('(113.010000, 28.101000)')
  })

  it('ring_repeated_point: the repeat is dropped from the draft', () => {
    const r = TRIGGERS.ring_repeated_point[0]()
    expect(r.ok && r.grids[9].polygon).toHaveLength(4)
  })

  it('coordinate_outside_china suggests swapped coordinates', () => {
    expect(TRIGGERS.coordinate_outside_china[0]().report.features[9].problems[0].message).toContain('写反')
  })

  it('ring_self_intersection says where', () => {
    const at = TRIGGERS.ring_self_intersection[0]().report.features[9].problems[0].at!
    expect(at[0]).toBeCloseTo(LNG0 + 10.5 * D, 9)
    expect(at[1]).toBeCloseTo(LAT0 + 0.5 * D, 9)
  })

  it('overlap: on both grids, with the other one and the area', () => {
    const r = TRIGGERS.overlap[0]()
    const hits = r.report.features.filter((f) => f.problems.length > 0)
    expect(hits.map((f) => f.index)).toEqual([2, 9])
    expect(hits[0].problems[0].otherIndex).toBe(9)
    expect(hits[1].problems[0].otherIndex).toBe(2)
    expect(hits[0].problems[0].areaM2).toBeGreaterThan(5_400) // half a cell, ~5,450 m²
    expect(hits[0].problems[0].areaM2).toBeLessThan(5_500)
    // The second case lies over three cells of the block's first column.
    expect(TRIGGERS.overlap[1]().report.features.filter((f) => f.problems.length > 0).map((f) => f.index)).toEqual([0, 3, 6, 9])
  })

  it('overlap: a sliver under the tolerance passes, and fails under a stricter one', () => {
    // 1e-5° (~1 m) into the neighbour along half a cell's height: ~55 m².
    const sliver = polygon(box(3 - 0.01, 0.5))
    expect(rulesOf(parse(sliver))).toEqual([])
    expect(rulesOf(parse(sliver, { overlapToleranceM2: 10 }))).toEqual(['overlap'])
  })

  it('code_duplicate and name_duplicate point at the first feature; names may repeat across communities', () => {
    expect(TRIGGERS.code_duplicate[0]().report.features[9].problems[0].otherIndex).toBe(0)
    expect(TRIGGERS.name_duplicate[0]().report.features[9].problems[0].otherIndex).toBe(0)
    const other = validFile()
    other.features.push(cell(10, 0, 1, '002'))
    expect(rulesOf(parse(other))).toEqual([])
  })

  it('population_missing imports 0', () => {
    const r = TRIGGERS.population_missing[0]()
    expect(r.ok && r.grids[9].population).toBe(0)
  })

  it('reports every problem of the file at once, per feature with index, code and name', () => {
    const file = validFile()
    file.features[3].properties!.code = 'x'
    file.features[5].geometry = null
    const r = parse(file)
    expect(r.ok).toBe(false)
    expect(r.report.errorCount).toBe(2)
    expect(r.report.features[3]).toMatchObject({ index: 3, code: 'x', name: '004网格' })
    expect(r.report.features[3].problems.map((p) => p.rule)).toEqual(['code_format'])
    expect(r.report.features[5].problems.map((p) => p.rule)).toEqual(['geometry_missing'])
  })
})
