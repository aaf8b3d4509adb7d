import { createGridIndex, scanLocate } from '../core/routing/gridIndex'
import { jitteredLattice, mulberry32, type Lattice, type LatticeGrid } from '../core/routing/testing/lattice'
import type { GcjPoint } from '../core/types'
import type { BenchResult } from './types'

/**
 * Routing benchmark: point → grid on jittered square lattices (irregular quadrilaterals that share edges,
 * ~100 m cells near Beijing), indexed lookup vs a plain scan of every polygon.
 */


const SIZES: Array<{ label: string; cols: number; rows: number }> = [
  { label: '100', cols: 10, rows: 10 },
  { label: '1k', cols: 40, rows: 25 },
  { label: '10k', cols: 100, rows: 100 },
  { label: '100k', cols: 400, rows: 250 }
]
const LOOKUPS = 100_000
const WARMUP = 10_000
const SCAN_LOOKUPS = 2_000
const SCAN_WARMUP = 200

/** Uniform over the lattice's bounding box, so a few land outside its ragged edge (the "none" path). */
function randomPoints (lattice: Lattice, n: number, seed: number): GcjPoint[] {
  const { minLng, minLat, maxLng, maxLat } = lattice.bbox
  const rand = mulberry32(seed)
  const points: GcjPoint[] = new Array(n)
  for (let i = 0; i < n; i++) {
    points[i] = { lng: minLng + rand() * (maxLng - minLng), lat: minLat + rand() * (maxLat - minLat) }
  }
  return points
}

/** Mean µs per call of `locate` over `points`, after running it over `warm` first; also counts hits. */
function measure (locate: (p: GcjPoint) => { kind: string }, warm: GcjPoint[], points: GcjPoint[]) {
  let hits = 0
  for (const p of warm) if (locate(p).kind === 'grid') hits++
  hits = 0
  const t0 = process.hrtime.bigint()
  for (const p of points) if (locate(p).kind === 'grid') hits++
  const ns = Number(process.hrtime.bigint() - t0)
  return { us: ns / 1000 / points.length, hitShare: hits / points.length }
}

const round = (x: number, digits: number) => Number(x.toFixed(digits))

export async function benchRouting (): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  let indexed10k = NaN
  let grids10k: LatticeGrid[] = []
  let points10k: GcjPoint[] = []
  let warm10k: GcjPoint[] = []

  for (const size of SIZES) {
    const lattice = jitteredLattice({ cols: size.cols, rows: size.rows, seed: 1 })
    const b0 = process.hrtime.bigint()
    const index = createGridIndex(lattice.grids)
    const buildMs = Number(process.hrtime.bigint() - b0) / 1e6
    const warm = randomPoints(lattice, WARMUP, 2)
    const points = randomPoints(lattice, LOOKUPS, 3)
    const m = measure(index.locate, warm, points)
    if (size.label === '10k') {
      indexed10k = m.us
      grids10k = lattice.grids
      points10k = points
      warm10k = warm
    }
    results.push({
      name: `routing.lookup_us.${size.label}`,
      value: round(m.us, 3),
      unit: 'µs/lookup',
      note: `${index.size} cells, ${LOOKUPS} lookups (${Math.round(m.hitShare * 100)}% in a grid), ` +
        `index built in ${buildMs.toFixed(1)} ms` + (size.label === '10k' ? '; target ≤ 10 µs' : '')
    })
  }

  const scan = (p: GcjPoint) => scanLocate(grids10k, p)
  // Same grids and the first of the same points as the indexed 10k run, so the ratio compares like with like.
  const s = measure(scan, warm10k.slice(0, SCAN_WARMUP), points10k.slice(0, SCAN_LOOKUPS))
  results.push({
    name: 'routing.speedup_vs_scan.10k',
    value: round(s.us / indexed10k, 1),
    unit: '×',
    note: `scan of all 10,000 polygons: ${s.us.toFixed(1)} µs/lookup over ${SCAN_LOOKUPS} points ` +
      `vs indexed ${indexed10k.toFixed(3)} µs; target ≥ 100×`
  })
  return results
}
