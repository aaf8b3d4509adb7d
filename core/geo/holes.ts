import Flatbush from 'flatbush'
import type { GcjRing } from '../types'
import { cutEdge, EPS_M, localScale, notePair, PIECES, ringContains, type OverlayRing } from './overlay'
import { signedArea2, unproject, type Projection } from './planar'

/**
 * Gaps between grids: the holes in the union of a community's grids. The union's boundary is every piece of
 * edge (cut as in overlay.ts) that lies inside no other ring, with seams between neighbours (stretches walked
 * both ways) dropped and stretches walked the same way by two rings kept once. Chained into cycles, those
 * pieces give counter-clockwise outer boundaries and clockwise holes.
 */

export interface Hole {
  /** The hole's outline, [lng, lat], counter-clockwise (as a ring of its own, ready for overlapAreaM2). */
  ring: GcjRing
  areaM2: number
}

/** Snap to 0.1 mm so the same cut point reached along two rings joins up even with a last-bit difference. */
const keyOf = (x: number, y: number): string => `${Math.round(x * 1e4)},${Math.round(y * 1e4)}`

/**
 * The holes inside the union of some rings projected with `p` (a community's grids): regions enclosed by
 * them but covered by none. Pieces of boundary run with the union on their left, so the uncovered side is on
 * their right; chaining them into cycles, at a vertex where several continue take the sharpest right turn:
 * each cycle then hugs one uncovered region, so two holes touching at a vertex come out as two.
 *
 * A hole's area is what its outline encloses: a grid standing alone inside it (an island) is not deducted
 * here; the caller subtracts what other grids cover.
 */
export function unionHoles (rings: readonly OverlayRing[], p: Projection): Hole[] {
  if (rings.length < 2) return []
  const index = new Flatbush(rings.length)
  for (const { plane: r } of rings) index.add(r.box.minX - EPS_M, r.box.minY - EPS_M, r.box.maxX + EPS_M, r.box.maxY + EPS_M)
  index.finish()
  rings.forEach(({ plane: r }, i) => {
    for (const j of index.search(r.box.minX, r.box.minY, r.box.maxX, r.box.maxY)) if (j > i) notePair(rings[i], i, rings[j], j)
  })

  // The union's boundary: pieces inside no other ring; seams (walked both ways) dropped, doubled stretches kept once.
  const x0: number[] = []; const y0: number[] = []; const x1: number[] = []; const y1: number[] = []
  rings.forEach(({ plane: r, notes }, i) => {
    for (let e = 0; e < r.n; e++) {
      const count = cutEdge(r, e, notes)
      const { x0: PX0, y0: PY0, x1: PX1, y1: PY1, sharedWith, sameWay } = PIECES
      for (let k = 0; k < count; k++) {
        const other = sharedWith[k]
        if (other !== -1) {
          if (sameWay[k] === 0 || other < i) continue
        } else if (notes.touched[e] === 1) {
          const mx = (PX0[k] + PX1[k]) / 2
          const my = (PY0[k] + PY1[k]) / 2
          if (index.search(mx, my, mx, my).some((j) => j !== i && ringContains(rings[j].plane, mx, my))) continue
        }
        x0.push(PX0[k]); y0.push(PY0[k]); x1.push(PX1[k]); y1.push(PY1[k])
      }
    }
  })
  for (const r of rings) r.notes.reset()

  const outgoing = new Map<string, number[]>()
  for (let k = 0; k < x0.length; k++) {
    const key = keyOf(x0[k], y0[k])
    const list = outgoing.get(key)
    if (list === undefined) outgoing.set(key, [k]); else list.push(k)
  }
  const used = new Uint8Array(x0.length)
  const holes: Hole[] = []
  for (let s = 0; s < x0.length; s++) {
    if (used[s] === 1) continue
    used[s] = 1
    const startKey = keyOf(x0[s], y0[s])
    const cycle = [s]
    let cur = s
    let closed = false
    for (let guard = 0; guard < x0.length; guard++) {
      const endKey = keyOf(x1[cur], y1[cur])
      const dx = x1[cur] - x0[cur]
      const dy = y1[cur] - y0[cur]
      let best = -1
      let bestTurn = Infinity
      for (const k of outgoing.get(endKey) ?? []) {
        if (used[k] === 1 && !(k === s && endKey === startKey)) continue
        const ex = x1[k] - x0[k]
        const ey = y1[k] - y0[k]
        // Turn angle in (−π, π], negative to the right; a U-turn (never expected) counts as the least right.
        let turn = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey)
        if (turn === -Math.PI) turn = Math.PI
        if (turn < bestTurn) { bestTurn = turn; best = k }
      }
      if (best === -1) break // an open chain: cut points that did not join up; measure nothing
      if (best === s) { closed = true; break }
      used[best] = 1
      cycle.push(best)
      cur = best
    }
    if (!closed) continue
    const xs = cycle.map((k) => x0[k])
    const ys = cycle.map((k) => y0[k])
    const area = signedArea2(xs, ys, xs.length) / 2
    if (area >= 0) continue // an outer boundary
    const ring: GcjRing = []
    for (let k = xs.length - 1; k >= 0; k--) ring.push(unproject(xs[k], ys[k], p))
    let my = 0
    for (const y of ys) my += y
    holes.push({ ring, areaM2: -area * localScale(p, my / ys.length) })
  }
  return holes
}
