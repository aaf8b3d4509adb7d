import Flatbush from 'flatbush'
import { ringCentroid } from '../routing/geometry'
import { DATUM, type Datum, type Grid } from '../types'
import { DEFAULT_PROPS, GRID_CODE, readProps, readRing, type FeatureProps, type PropNames } from './features'
import { unionHoles } from './holes'
import { overlapArea } from './overlap'
import { overlayRing } from './overlay'
import { prepareRing, projection, toGcjRing, type PreparedRing } from './planar'
import { MSG, PROP_LABELS, problem, type GeoProblem } from './rules'

/**
 * Reading a city's grid file: a GeoJSON FeatureCollection of Polygon features (or MultiPolygons of exactly
 * one polygon) into grid drafts, with a report of every problem per feature and for the file. Pure: no
 * storage, no clock. Errors refuse the whole file (a half-imported grid map would route tickets by a map
 * nobody drew); warnings let it import. Every feature is checked even after the first error, so the admin
 * sees everything to fix in one go.
 *
 * Datum: GCJ-02 files are taken as they are; WGS-84 (and CGCS2000, equal to it at city scale) are converted
 * to GCJ-02 on import (datum.ts), so drafts are always GCJ-02 like every grid (core/types.ts DATUM). The
 * datum must be stated, by the admin (opts.datum) or by the file (`crs`, or `properties.datum` on the
 * collection): RFC 7946 says GeoJSON is WGS-84, but files from Chinese web maps are GCJ-02 without saying
 * so, and a wrong guess moves every grid by hundreds of metres while still looking plausible.
 *
 * Holes (inner rings) are refused, not supported: see features.ts.
 */

export type InputDatum = 'gcj02' | 'wgs84'

export interface GridFileOptions {
  /** The datum the admin chose on upload; when the file also states one, the two must agree. */
  datum?: InputDatum
  /** Property names in the file, for files that call them e.g. 网格编码; defaults to code, name, …. */
  props?: Partial<PropNames>
  /** Overlap between two grids above this refuses the file (default 100 m²: digitising slivers pass). */
  overlapToleranceM2?: number
  /** Gaps inside a community above this are reported as warnings (default 100 m²). */
  gapToleranceM2?: number
  /** Most features one file may hold (default 20,000). */
  maxFeatures?: number
}

export const GRID_FILE_DEFAULTS = { overlapToleranceM2: 100, gapToleranceM2: 100, maxFeatures: 20_000 } as const

/** A grid ready to store: everything but the id and managers, which the importer assigns. */
export type GridDraft = Pick<Grid, 'code' | 'name' | 'district' | 'street' | 'community' | 'population' | 'polygon'> & {
  datum: Datum
  /** Position of the feature in the file, to link a draft back to its report line and preview shape. */
  featureIndex: number
}

export interface FeatureReport {
  index: number
  code: string | null
  name: string | null
  problems: GeoProblem[]
}

export interface GridImportReport {
  /** The datum the coordinates were read in, and who said so; null when not known (an error). */
  datum: { input: InputDatum; source: 'option' | 'crs' | 'properties'; converted: boolean } | null
  featureCount: number
  errorCount: number
  warningCount: number
  /** Problems of the file as a whole (structure, datum, gaps). */
  file: GeoProblem[]
  /** One entry per feature, in file order, problems empty when it is fine. */
  features: FeatureReport[]
}

export type GridFileResult =
  | { ok: true; grids: GridDraft[]; report: GridImportReport }
  | { ok: false; report: GridImportReport }

type Stated = 'gcj02' | 'wgs84' | 'cgcs2000' | 'bd09' | null

/** Recognise a datum or CRS name: EPSG codes and OGC URNs as GIS tools write them, and the usual spellings. */
function datumFromName (name: string): Stated {
  const k = name.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (k.includes('gcj02') || k === 'gcj') return 'gcj02'
  if (k.endsWith('crs84') || k.endsWith('epsg4326') || k === '4326' || k === 'wgs84') return 'wgs84'
  if (k.includes('cgcs2000') || k.endsWith('epsg4490') || k === '4490') return 'cgcs2000'
  if (k.includes('bd09') || k.includes('baidu')) return 'bd09'
  return null
}

const DATUM_LABEL: Record<InputDatum, string> = { gcj02: 'GCJ-02', wgs84: 'WGS-84' }

/** The names the file gives, as `crs` (2008 GeoJSON: `{ type: 'name', properties: { name } }`) and `properties.datum`. */
function statedInFile (fc: Record<string, unknown>): Array<{ source: 'crs' | 'properties'; name: string }> {
  const out: Array<{ source: 'crs' | 'properties'; name: string }> = []
  const crs = fc.crs as { properties?: { name?: unknown; code?: unknown } } | string | null | undefined
  if (typeof crs === 'string') out.push({ source: 'crs', name: crs })
  else if (crs?.properties?.name !== undefined) out.push({ source: 'crs', name: String(crs.properties.name) })
  else if (crs?.properties?.code !== undefined) out.push({ source: 'crs', name: `EPSG:${String(crs.properties.code)}` })
  const props = fc.properties as { datum?: unknown } | null | undefined
  if (props?.datum !== undefined && props.datum !== null) out.push({ source: 'properties', name: String(props.datum) })
  return out
}

function resolveDatum (fc: Record<string, unknown>, opts: GridFileOptions, file: GeoProblem[]): GridImportReport['datum'] {
  const WHERE = { option: '导入时选择', crs: '文件 crs ', properties: '文件 properties.datum ' }
  const claims: Array<{ source: 'option' | 'crs' | 'properties'; name: string }> = []
  if (opts.datum !== undefined) claims.push({ source: 'option', name: String(opts.datum) })
  claims.push(...statedInFile(fc))
  if (claims.length === 0) {
    file.push(problem('datum_missing', MSG.datumMissing()))
    return null
  }
  let chosen: { source: 'option' | 'crs' | 'properties'; input: InputDatum } | null = null
  let cgcs = false
  for (const c of claims) {
    const d = datumFromName(c.name)
    if (d === null || d === 'bd09') {
      file.push(problem('datum_unknown', MSG.datumUnknown(c.name)))
      return null
    }
    if (d === 'cgcs2000') cgcs = true
    const input: InputDatum = d === 'gcj02' ? 'gcj02' : 'wgs84'
    if (chosen === null) chosen = { source: c.source, input }
    else if (chosen.input !== input) {
      file.push(problem('datum_conflict', MSG.datumConflict(DATUM_LABEL[chosen.input], WHERE[chosen.source], DATUM_LABEL[input], WHERE[c.source])))
      return null
    }
  }
  if (chosen === null) return null
  if (cgcs) file.push(problem('datum_cgcs2000', MSG.datumCgcs2000()))
  return { input: chosen.input, source: chosen.source, converted: chosen.input === 'wgs84' }
}

function finish (file: GeoProblem[], features: FeatureReport[], datum: GridImportReport['datum'], featureCount: number): GridImportReport {
  let errorCount = 0
  let warningCount = 0
  const count = (p: GeoProblem): void => { if (p.severity === 'error') errorCount++; else warningCount++ }
  file.forEach(count)
  for (const f of features) f.problems.forEach(count)
  return { datum, featureCount, errorCount, warningCount, file, features }
}

interface Parsed { props: FeatureProps; ring: PreparedRing | null }

/** Duplicate codes, duplicate names within a community, and area names that disagree with the code. */
function crossCheckProps (parsed: Parsed[], features: FeatureReport[]): void {
  const byCode = new Map<string, number>()
  const byName = new Map<string, number>()
  const byPrefix = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()]
  const LEVELS = [{ digits: 6, field: 'district' }, { digits: 9, field: 'street' }, { digits: 12, field: 'community' }] as const
  parsed.forEach(({ props }, i) => {
    const out = features[i].problems
    if (props.code === null || !GRID_CODE.test(props.code)) return
    const first = byCode.get(props.code)
    if (first !== undefined) out.push(problem('code_duplicate', MSG.codeDuplicate(props.code, first), { otherIndex: first }))
    else byCode.set(props.code, i)
    const community = props.code.slice(0, 12)
    if (props.name !== null) {
      const key = `${community}\u0000${props.name}`
      const other = byName.get(key)
      if (other !== undefined) out.push(problem('name_duplicate', MSG.nameDuplicate(props.name, community, other), { otherIndex: other }))
      else byName.set(key, i)
    }
    LEVELS.forEach(({ digits, field }, level) => {
      const prefix = props.code!.slice(0, digits)
      const other = byPrefix[level].get(prefix)
      if (other === undefined) { byPrefix[level].set(prefix, i); return }
      const mine = props[field]
      const theirs = parsed[other].props[field]
      if (mine !== null && theirs !== null && mine !== theirs) {
        out.push(problem('area_name_mismatch', MSG.areaNameMismatch(PROP_LABELS[field], digits, other, mine, theirs), { otherIndex: other }))
      }
    })
  })
}

/** Overlaps above the tolerance between any two usable rings (reported on both), and gaps per community. */
function crossCheckShapes (parsed: Parsed[], features: FeatureReport[], file: GeoProblem[], overlapTol: number, gapTol: number): void {
  const usable = parsed.map((p, i) => ({ i, ring: p.ring, code: p.props.code })).filter((u) => u.ring !== null) as Array<{ i: number; ring: PreparedRing; code: string | null }>
  if (usable.length === 0) return
  const index = new Flatbush(usable.length)
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity
  for (const { ring: { box } } of usable) {
    index.add(box.minX, box.minY, box.maxX, box.maxY)
    minX = Math.min(minX, box.minX); minY = Math.min(minY, box.minY)
    maxX = Math.max(maxX, box.maxX); maxY = Math.max(maxY, box.maxY)
  }
  index.finish()
  // One plane for the whole file, so each ring is projected once; areas are corrected to the local scale.
  const p = projection((minX + maxX) / 2, (minY + maxY) / 2)
  const planes = usable.map((u) => overlayRing(u.ring, p))
  usable.forEach((u, k) => {
    for (const m of index.search(u.ring.box.minX, u.ring.box.minY, u.ring.box.maxX, u.ring.box.maxY)) {
      if (m <= k) continue
      const v = usable[m]
      const area = overlapArea(planes[k], planes[m], p)
      if (area <= overlapTol) continue
      features[u.i].problems.push(problem('overlap', MSG.overlap(v.i, v.code ?? '无编码', area, overlapTol), { otherIndex: v.i, areaM2: area }))
      features[v.i].problems.push(problem('overlap', MSG.overlap(u.i, u.code ?? '无编码', area, overlapTol), { otherIndex: u.i, areaM2: area }))
    }
  })

  const communities = new Map<string, number[]>()
  usable.forEach((u, k) => {
    if (u.code === null || !GRID_CODE.test(u.code)) return
    const key = u.code.slice(0, 12)
    const list = communities.get(key)
    if (list === undefined) communities.set(key, [k]); else list.push(k)
  })
  for (const [community, members] of communities) {
    for (const hole of unionHoles(members.map((k) => planes[k]), p)) {
      if (hole.areaM2 <= gapTol) continue
      // What any grid covers inside the outline is no gap: another community's grid filling the hole, or
      // one of this community's standing alone in it. The grids around it only touch it (area 0).
      const h = prepareRing(hole.ring)
      const hp = overlayRing(h, p)
      let uncovered = hole.areaM2
      for (const m of index.search(h.box.minX, h.box.minY, h.box.maxX, h.box.maxY)) uncovered -= overlapArea(hp, planes[m], p)
      if (uncovered <= gapTol) continue
      const c = ringCentroid(hole.ring) ?? { lng: hole.ring[0][0], lat: hole.ring[0][1] }
      const at: [number, number] = [c.lng, c.lat]
      file.push(problem('gap', MSG.gap(community, uncovered, at), { community, areaM2: uncovered, at, ring: hole.ring }))
    }
  }
}

/**
 * Validate a grid file and, when it has no errors, turn it into drafts. `input` is the parsed JSON, or
 * the text itself (pasted or uploaded), which is parsed here so a syntax error gets a report like the rest.
 */
export function parseGridFile (input: unknown, opts: GridFileOptions = {}): GridFileResult {
  const file: GeoProblem[] = []
  const names: PropNames = { ...DEFAULT_PROPS, ...opts.props }
  const overlapTol = opts.overlapToleranceM2 ?? GRID_FILE_DEFAULTS.overlapToleranceM2
  const gapTol = opts.gapToleranceM2 ?? GRID_FILE_DEFAULTS.gapToleranceM2
  const maxFeatures = opts.maxFeatures ?? GRID_FILE_DEFAULTS.maxFeatures
  const refuse = (featureCount = 0): GridFileResult => ({ ok: false, report: finish(file, [], null, featureCount) })

  let doc = input
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input)
    } catch (e) {
      file.push(problem('json_invalid', MSG.jsonInvalid(e instanceof Error ? e.message : String(e))))
      return refuse()
    }
  }
  const fc = doc as Record<string, unknown> | null
  if (typeof fc !== 'object' || fc === null || Array.isArray(fc) || fc.type !== 'FeatureCollection') {
    const type = typeof fc === 'object' && fc !== null && !Array.isArray(fc) && typeof fc.type === 'string' ? fc.type : Array.isArray(fc) ? '数组' : typeof fc
    file.push(problem('not_feature_collection', MSG.notFeatureCollection(type)))
    return refuse()
  }
  const list = Array.isArray(fc.features) ? fc.features as unknown[] : []
  if (list.length === 0) {
    file.push(problem('no_features', MSG.noFeatures()))
    return refuse()
  }
  if (list.length > maxFeatures) {
    file.push(problem('too_many_features', MSG.tooManyFeatures(list.length, maxFeatures)))
    return refuse(list.length)
  }

  const datum = resolveDatum(fc, opts, file)
  const fromWgs84 = datum?.input === 'wgs84'
  const features: FeatureReport[] = []
  const parsed: Parsed[] = list.map((f, index) => {
    const problems: GeoProblem[] = []
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null
    if (typeof feature !== 'object' || feature === null || feature.type !== 'Feature') {
      problems.push(problem('feature_invalid', MSG.featureInvalid(index)))
      features.push({ index, code: null, name: null, problems })
      return { props: { code: null, name: null, district: null, street: null, community: null, population: 0 }, ring: null }
    }
    const props = readProps(feature.properties, names, problems)
    const ring = readRing(feature.geometry, fromWgs84, problems)
    features.push({ index, code: props.code, name: props.name, problems })
    return { props, ring }
  })
  crossCheckProps(parsed, features)
  crossCheckShapes(parsed, features, file, overlapTol, gapTol)

  const report = finish(file, features, datum, list.length)
  if (report.errorCount > 0) return { ok: false, report }
  const grids: GridDraft[] = parsed.map(({ props, ring }, featureIndex) => ({
    // No errors means every field below was read and every ring is usable.
    code: props.code!,
    name: props.name!,
    district: props.district!,
    street: props.street!,
    community: props.community!,
    population: props.population,
    datum: DATUM,
    polygon: toGcjRing(ring!),
    featureIndex
  }))
  return { ok: true, grids, report }
}
