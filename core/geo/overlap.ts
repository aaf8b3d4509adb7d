import { cutEdge, localScale, notePair, overlayRing, PIECES, ringContains, type OverlayRing } from './overlay'
import { projection, type PreparedRing, type Projection } from './planar'

/**
 * Overlap area of two grids, by the boundary integral of overlay.ts: the pieces of A's edges inside B, the
 * pieces of B's edges inside A, and the stretches both walk the same way (counted once, from A).
 */

/** Area (m²) of the intersection of two rings projected with `p`; 0 when their boxes do not meet. */
export function overlapArea (a: OverlayRing, b: OverlayRing, p: Projection): number {
  const A = a.plane
  const B = b.plane
  if (A.box.minX > B.box.maxX || B.box.minX > A.box.maxX || A.box.minY > B.box.maxY || B.box.minY > A.box.maxY) return 0
  notePair(a, 0, b, 1)
  // No shortcut when no cut was recorded: rings touching only at a vertex (or nested within float noise of
  // each other) record none, and only the pieces' own midpoints tell those cases apart reliably.
  const { x0, y0, x1, y1, sharedWith, sameWay } = PIECES
  let a2 = 0
  for (const i of a.notes.dirty) {
    const count = cutEdge(A, i, a.notes)
    for (let k = 0; k < count; k++) {
      if (sharedWith[k] !== -1 ? sameWay[k] === 1 : ringContains(B, (x0[k] + x1[k]) / 2, (y0[k] + y1[k]) / 2)) a2 += x0[k] * y1[k] - x1[k] * y0[k]
    }
  }
  for (const i of b.notes.dirty) {
    const count = cutEdge(B, i, b.notes)
    for (let k = 0; k < count; k++) {
      if (sharedWith[k] === -1 && ringContains(A, (x0[k] + x1[k]) / 2, (y0[k] + y1[k]) / 2)) a2 += x0[k] * y1[k] - x1[k] * y0[k]
    }
  }
  a.notes.reset()
  b.notes.reset()
  return Math.max(0, a2 / 2) * localScale(p, (Math.max(A.box.minY, B.box.minY) + Math.min(A.box.maxY, B.box.maxY)) / 2)
}

/** The same for two rings on their own: projected around their common box. */
export function overlapAreaM2 (a: PreparedRing, b: PreparedRing): number {
  const p = projection(
    (Math.max(a.box.minX, b.box.minX) + Math.min(a.box.maxX, b.box.maxX)) / 2,
    (Math.max(a.box.minY, b.box.minY) + Math.min(a.box.maxY, b.box.maxY)) / 2
  )
  return overlapArea(overlayRing(a, p), overlayRing(b, p), p)
}
