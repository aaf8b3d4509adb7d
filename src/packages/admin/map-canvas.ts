import { useEffect, useMemo, useState } from 'react'
import type { Bbox } from '../../../core/routing'
import { fit, type Projection } from '../../components/grid-map/projection'
import { findCanvas, prepare, type CanvasTarget } from './dashboard/canvas-target'

/**
 * The office's maps on a 2d canvas (the dashboard's coloured areas, the grid import's preview): find the canvas, fit
 * what is drawn to it, and draw again when it changes. Without a canvas (page tests, the Node weapp page runner)
 * nothing is drawn and the tables beside the map carry the same facts; a canvas that cannot draw does the same.
 */
export function useMapCanvas (
  id: string, bbox: Bbox | null, padding: number,
  draw: (ctx: CanvasRenderingContext2D, view: { width: number; height: number; proj: Projection }) => void,
  deps: readonly unknown[]
): { target: CanvasTarget | null; proj: Projection | null } {
  const [target, setTarget] = useState<CanvasTarget | null>(null)
  const proj = useMemo(() => (target && bbox ? fit(bbox, target.width, target.height, padding) : null), [target, bbox, padding])
  useEffect(() => findCanvas(id, setTarget), [id])
  useEffect(() => {
    if (!target || !proj) return
    try {
      const ctx = prepare(target)
      if (!ctx) return
      ctx.setTransform(target.dpr, 0, 0, target.dpr, 0, 0)
      draw(ctx, { width: target.width, height: target.height, proj })
    } catch {
      // A canvas that cannot draw: what is beside it still says everything.
    }
  }, [target, proj, ...deps]) // eslint-disable-line react-hooks/exhaustive-deps
  return { target, proj }
}

/** A ring's outline as the current path. */
export function traceRing (ctx: CanvasRenderingContext2D, proj: Projection, ring: ReadonlyArray<readonly [number, number]>): void {
  ctx.beginPath()
  ring.forEach(([lng, lat], i) => {
    const p = proj.toScreen({ lng, lat })
    if (i === 0) ctx.moveTo(p.x, p.y)
    else ctx.lineTo(p.x, p.y)
  })
  ctx.closePath()
}
