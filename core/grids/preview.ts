import { wgs84ToGcj02 } from '../geo/datum'
import type { FeatureReport, GridImportReport } from '../geo/geojson'
import type { GeoProblem, Severity } from '../geo/rules'
import type { GridImportDiff } from './versions'

/**
 * What the office sees before it imports: each feature's outline on the preview map, coloured by its worst problem,
 * and the report cut to what needs reading. Drawn even for features the validator refused (a ring that does not
 * close, that crosses itself, that lies outside China), since "where is it?" is the first question about an error;
 * so the outline is read leniently here from the file itself, not from the validated drafts (a file with errors has
 * none). Display only: nothing here decides whether a file imports.
 */

export type PreviewRing = Array<[number, number]>

export interface GridOutline {
  /** The feature's position in the file (the report's `index`). */
  index: number
  code: string | null
  name: string | null
  /** GCJ-02, thinned for the map; empty when the feature has no readable ring. */
  ring: PreviewRing
  /** The feature's worst problem, null when it has none. */
  severity: Severity | null
}

/** The preview map's budget: points over all outlines (a screen-sized map needs no more, and the answer stays small). */
export const PREVIEW_POINT_BUDGET = 40_000
/** A thinned outline keeps at least this many points (a quadrilateral stays one). */
const MIN_POINTS = 4

const isPos = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1])

/** The outer ring of a Polygon or of a MultiPolygon's first polygon, as far as it is made of numbers. */
function outerRing (geometry: unknown): Array<[number, number]> {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null
  if (!g || typeof g !== 'object' || !Array.isArray(g.coordinates)) return []
  const rings = g.type === 'MultiPolygon' ? (g.coordinates[0] as unknown) : g.type === 'Polygon' ? g.coordinates : null
  const outer = Array.isArray(rings) ? rings[0] : null
  return Array.isArray(outer) ? outer.filter(isPos).map((p) => [p[0], p[1]]) : []
}

/** Every k-th point (the last one kept too), so the shape stays recognisable within the budget. */
function thin (ring: Array<[number, number]>, max: number): Array<[number, number]> {
  if (ring.length <= max) return ring
  const step = ring.length / max
  const out: Array<[number, number]> = []
  for (let i = 0; i < max; i++) out.push(ring[Math.floor(i * step)])
  return out
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

function worst (problems: readonly GeoProblem[]): Severity | null {
  if (problems.some((p) => p.severity === 'error')) return 'error'
  return problems.length > 0 ? 'warning' : null
}

/** The outlines of every feature of `doc` (the parsed file), converted to GCJ-02 when the report says the file was WGS-84. */
export function previewOutlines (doc: unknown, report: GridImportReport): GridOutline[] {
  const features = (doc as { features?: unknown } | null)?.features
  if (!Array.isArray(features)) return []
  const fromWgs84 = report.datum?.converted === true
  const perFeature = Math.max(MIN_POINTS, Math.floor(PREVIEW_POINT_BUDGET / Math.max(1, features.length)))
  const byIndex = new Map(report.features.map((f) => [f.index, f]))
  return features.map((f, index): GridOutline => {
    const r = byIndex.get(index)
    const raw = outerRing((f as { geometry?: unknown } | null)?.geometry)
    const ring = thin(raw, perFeature).map(([lng, lat]): [number, number] => {
      const [x, y] = fromWgs84 ? wgs84ToGcj02(lng, lat) : [lng, lat]
      return [round6(x), round6(y)]
    })
    return { index, code: r?.code ?? null, name: r?.name ?? null, ring, severity: worst(r?.problems ?? []) }
  })
}

/** The report as the office reads it: features without problems left out (their count is in featureCount). */
export function reportForOffice (report: GridImportReport): GridImportReport {
  return { ...report, features: report.features.filter((f: FeatureReport) => f.problems.length > 0) }
}

export interface ReportLine {
  /** Null for a problem of the whole file. */
  index: number | null
  code: string | null
  name: string | null
  problem: GeoProblem
}

/** Every problem as one line: errors first, then warnings; the file's own before the features', each in file order. */
export function reportLines (report: GridImportReport): ReportLine[] {
  const lines: ReportLine[] = [
    ...report.file.map((problem) => ({ index: null, code: null, name: null, problem })),
    ...report.features.flatMap((f) => f.problems.map((problem) => ({ index: f.index, code: f.code, name: f.name, problem })))
  ]
  const rank = (l: ReportLine) => (l.problem.severity === 'error' ? 0 : 1)
  // Array.prototype.sort is stable: file order holds within each severity.
  return lines.sort((a, b) => rank(a) - rank(b))
}

/** admin.previewGrids: what the file would become, nothing stored. */
export interface GridPreviewView {
  /** True when the file has no error: it may be imported as it is. */
  ok: boolean
  report: GridImportReport
  outlines: GridOutline[]
  /** What the import would change against the active version; null when the file has errors. */
  diff: GridImportDiff | null
  activeVersion: number | null
}
