import type { ScreenPoint } from './projection'

/**
 * H5: the <canvas> behind Taro's <Canvas>, straight from the DOM.
 *
 * Why not Taro.createSelectorQuery() here: in @tarojs/taro-h5 4.2.1, `fields({ node: true, size: true })`
 * answers `{ node }` only (the node branch returns before `size` is read), and it only finds the inner
 * <canvas> once the Stencil element <taro-canvas-core> has rendered it. Reading the DOM gives both, now.
 * The host element carries the id; the drawable <canvas> is its child.
 */

export interface CanvasLike {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D | null
}

export interface CanvasTarget {
  canvas: CanvasLike
  /** CSS px */
  width: number
  height: number
  dpr: number
}

function findCanvas (id: string): HTMLCanvasElement | null {
  const host = document.getElementById(id)
  if (!host) return null
  return host instanceof HTMLCanvasElement ? host : host.querySelector('canvas')
}

/**
 * Calls `done` once the canvas exists and has a size (a page still hidden has none: it keeps looking, every
 * 100 ms at first, then every second), and again whenever a window resize changes that size.
 * Returns a cancel for the effect's cleanup.
 */
export function queryCanvas (id: string, done: (t: CanvasTarget) => void): () => void {
  let tries = 0
  let seen = ''
  let timer: ReturnType<typeof setTimeout> | undefined
  const attempt = () => {
    const canvas = findCanvas(id)
    const r = canvas?.getBoundingClientRect()
    if (canvas && r && r.width > 0 && r.height > 0) {
      const key = `${r.width}x${r.height}`
      if (key !== seen) {
        seen = key
        done({ canvas, width: r.width, height: r.height, dpr: window.devicePixelRatio || 1 })
      }
    } else {
      timer = setTimeout(attempt, ++tries < 50 ? 100 : 1000)
    }
  }
  const onResize = () => { clearTimeout(timer); timer = setTimeout(attempt, 100) }
  timer = setTimeout(attempt, 0)
  window.addEventListener('resize', onResize)
  return () => {
    clearTimeout(timer)
    window.removeEventListener('resize', onResize)
  }
}

interface PointerLike { clientX?: number; clientY?: number }
interface EventLike { touches?: ArrayLike<PointerLike>; changedTouches?: ArrayLike<PointerLike>; clientX?: number; clientY?: number }

function local (t: CanvasTarget, p: PointerLike): ScreenPoint | null {
  if (typeof p.clientX !== 'number' || typeof p.clientY !== 'number') return null
  const r = (t.canvas as HTMLCanvasElement).getBoundingClientRect()
  return { x: p.clientX - r.left, y: p.clientY - r.top }
}

/** Touch points of a touch event, in CSS px from the canvas' top-left corner. */
export function touchPoints (e: unknown, t: CanvasTarget, which: 'touches' | 'changedTouches' = 'touches'): ScreenPoint[] {
  const list = (e as EventLike)[which]
  const out: ScreenPoint[] = []
  for (let i = 0; list && i < list.length; i++) {
    const p = local(t, list[i])
    if (p) out.push(p)
  }
  return out
}

/** Where a mouse click landed (H5 on a desktop, or a test's click), or null. */
export function clickPoint (e: unknown, t: CanvasTarget): ScreenPoint | null {
  return local(t, e as EventLike)
}
