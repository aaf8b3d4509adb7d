import Taro from '@tarojs/taro'
import type { ScreenPoint } from './projection'
import type { CanvasLike, CanvasTarget } from './canvas-node.h5'

export type { CanvasLike, CanvasTarget }

/**
 * WeChat: the Canvas 2D node from a selector query (`fields({ node, size, rect })`). The query is retried
 * because the page's setData may not have reached the view layer yet when the effect runs.
 */

interface WeappTarget extends CanvasTarget { left: number; top: number }

function pixelRatio (): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 1
  } catch {
    return Taro.getSystemInfoSync().pixelRatio || 1
  }
}

/** Calls `done` once the node has a size; keeps asking (100 ms, then every second) until it has. */
export function queryCanvas (id: string, done: (t: CanvasTarget) => void): () => void {
  let tries = 0
  let cancelled = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const attempt = () => {
    Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true, rect: true }).exec((res) => {
      if (cancelled) return
      const r = res?.[0] as { node?: CanvasLike; width?: number; height?: number; left?: number; top?: number } | null
      if (r?.node && r.width && r.height) {
        const t: WeappTarget = { canvas: r.node, width: r.width, height: r.height, dpr: pixelRatio(), left: r.left ?? 0, top: r.top ?? 0 }
        done(t)
      } else {
        timer = setTimeout(attempt, ++tries < 30 ? 100 : 1000)
      }
    })
  }
  Taro.nextTick(attempt)
  return () => { cancelled = true; clearTimeout(timer) }
}

interface CanvasTouch { x?: number; y?: number; clientX?: number; clientY?: number }

/** Canvas touches carry x/y relative to the canvas; fall back to clientX/Y minus the queried rect. */
export function touchPoints (e: unknown, t: CanvasTarget, which: 'touches' | 'changedTouches' = 'touches'): ScreenPoint[] {
  const list = (e as Record<string, ArrayLike<CanvasTouch> | undefined>)[which]
  const { left, top } = t as WeappTarget
  const out: ScreenPoint[] = []
  for (let i = 0; list && i < list.length; i++) {
    const p = list[i]
    if (typeof p.x === 'number' && typeof p.y === 'number') out.push({ x: p.x, y: p.y })
    else if (typeof p.clientX === 'number' && typeof p.clientY === 'number') out.push({ x: p.clientX - left, y: p.clientY - top })
  }
  return out
}

/** Taps arrive as touches in WeChat; a tap event adds nothing. */
export function clickPoint (_e: unknown, _t: CanvasTarget): ScreenPoint | null {
  return null
}
