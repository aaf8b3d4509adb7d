import Taro from '@tarojs/taro'
import { clickPoint, queryCanvas, type CanvasTarget } from '../../../components/grid-map/canvas-node'
import type { ScreenPoint } from '../../../components/grid-map/projection'

export type { CanvasTarget }

/** The WeChat canvas node: a 2d canvas with its own frame clock and image factory. */
interface WeappCanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D | null
  requestAnimationFrame?: (cb: () => void) => number
  cancelAnimationFrame?: (id: number) => void
}

/** How many times WeChat is asked for a canvas node that is not there yet (a page still laying out). */
const WEAPP_TRIES = 20

/**
 * Finds the <Canvas type='2d' id=…> once it exists and has a size, then calls `done` (H5: again on a window
 * resize). H5 reads the DOM (components/grid-map/canvas-node); WeChat asks a selector query for the node.
 * Where there is no canvas at all (page tests, the Node weapp page runner) `done` is never called: the page's
 * tables carry the same figures. Returns a cancel for the effect's cleanup.
 */
export function findCanvas (id: string, done: (t: CanvasTarget) => void): () => void {
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  if ((process.env.TARO_ENV) === 'h5') return queryCanvas(id, done)
  let cancelled = false
  let tries = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const attempt = () => {
    if (cancelled) return
    try {
      Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }, () => undefined).exec((res: unknown) => {
        if (cancelled) return
        const r = (Array.isArray(res) ? res[0] : null) as { node?: WeappCanvasNode; width?: number; height?: number } | null
        if (r?.node && r.width && r.height) {
          let dpr = 2
          try { dpr = Taro.getSystemInfoSync().pixelRatio || 2 } catch { /* keep 2 */ }
          done({ canvas: r.node, width: r.width, height: r.height, dpr })
        } else if (++tries < WEAPP_TRIES) {
          timer = setTimeout(attempt, 150)
        }
      })
    } catch {
      // No selector query here: nothing to draw on.
    }
  }
  timer = setTimeout(attempt, 0)
  return () => {
    cancelled = true
    clearTimeout(timer)
  }
}

interface TouchLike { x?: number; y?: number; clientX?: number; clientY?: number }

/**
 * Where on the canvas (CSS px from its top-left) a tap landed: WeChat gives a canvas' touches x/y relative to it;
 * a browser gives client coordinates, made local here.
 */
export function tapPoint (e: unknown, t: CanvasTarget): ScreenPoint | null {
  const ev = e as { changedTouches?: ArrayLike<TouchLike>; touches?: ArrayLike<TouchLike>; detail?: TouchLike }
  const touch = ev.changedTouches?.[0] ?? ev.touches?.[0]
  if (touch && typeof touch.x === 'number' && typeof touch.y === 'number') return { x: touch.x, y: touch.y }
  if ((process.env.TARO_ENV) === 'h5') return clickPoint(e, t)
  return null
}

/** Sizes the canvas' backing store for the screen and returns its 2d context scaled to CSS px (null: none here). */
export function prepare (t: CanvasTarget): CanvasRenderingContext2D | null {
  let ctx: CanvasRenderingContext2D | null = null
  try {
    ctx = t.canvas.getContext('2d')
  } catch {
    return null
  }
  if (!ctx) return null
  const w = Math.round(t.width * t.dpr)
  const h = Math.round(t.height * t.dpr)
  if (t.canvas.width !== w) t.canvas.width = w
  if (t.canvas.height !== h) t.canvas.height = h
  return ctx
}

/**
 * A small canvas for measuring text, off screen. The chart engine (G, under F2) makes its own from window or
 * document in a browser; WeChat has neither (Taro's document makes elements without a 2d context), so there it is
 * handed one. Undefined in a browser, or where WeChat cannot make one.
 */
export function measuringCanvas (): unknown {
  if ((process.env.TARO_ENV) === 'h5') return undefined
  try {
    return Taro.createOffscreenCanvas({ type: '2d', width: 10, height: 10 })
  } catch {
    return undefined
  }
}
