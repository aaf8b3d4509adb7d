import { Canvas, View } from '@tarojs/components'
import { Canvas as F2Canvas } from '@antv/f2'
import { useEffect, useRef, useState } from 'react'
import type { ScreenPoint } from '../../../components/grid-map/projection'
import { findCanvas, measuringCanvas, prepare, tapPoint, type CanvasTarget } from './canvas-target'

interface Props {
  id: string
  /** What the chart shows, for a screen reader (the table under it holds the figures). */
  label: string
  /** CSS px */
  height: number
  /** The F2 element to draw (chart-spec.ts), or null for nothing. */
  element: unknown
  /** A tap on the chart, in CSS px from its top-left corner. */
  onTap?: (p: ScreenPoint) => void
}

type F2Instance = InstanceType<typeof F2Canvas>

/** Room around the plot for axis labels and the target's label. */
const PADDING = [28, 16, 28, 8]
/** A finger that moved further than this was scrolling, not tapping. */
const TAP_SLOP = 10

/**
 * A chart drawn by F2 (v5) on a <Canvas type='2d'>: F2 has no adapter for mini-programs, so this hands it the
 * canvas' 2d context (TOOLCHAIN.md, "UI and chart libraries"). It never takes the page down: without a canvas,
 * or if F2 fails, nothing is drawn and the table the page puts under every chart still says it all.
 */
export function F2Chart ({ id, label, height, element, onTap }: Props) {
  const [target, setTarget] = useState<CanvasTarget | null>(null)
  const [failed, setFailed] = useState(false)
  const chart = useRef<{ f2: F2Instance; target: CanvasTarget } | null>(null)
  const down = useRef<ScreenPoint | null>(null)

  useEffect(() => findCanvas(id, setTarget), [id])

  useEffect(() => {
    if (!target || failed) return
    try {
      const current = chart.current
      if (current && current.target === target) {
        void current.f2.update({ ...current.f2.props, children: element }).catch(() => setFailed(true))
        return
      }
      current?.f2.destroy()
      chart.current = null
      const context = prepare(target)
      if (!context) return
      const node = target.canvas as CanvasTarget['canvas'] & { requestAnimationFrame?: (cb: () => void) => number; cancelAnimationFrame?: (n: number) => void }
      const offscreenCanvas = measuringCanvas()
      const f2 = new F2Canvas({
        context,
        width: target.width,
        height: target.height,
        pixelRatio: target.dpr,
        animate: false,
        style: { padding: PADDING },
        children: element,
        ...(offscreenCanvas ? { offscreenCanvas } : {}),
        // WeChat's canvas node keeps its own frame clock; a browser's is on window (G finds it there).
        ...(node.requestAnimationFrame ? { requestAnimationFrame: node.requestAnimationFrame.bind(node), cancelAnimationFrame: node.cancelAnimationFrame?.bind(node) } : {})
      } as ConstructorParameters<typeof F2Canvas>[0])
      chart.current = { f2, target }
      void f2.render().catch(() => setFailed(true))
    } catch {
      setFailed(true)
    }
  }, [target, element, failed])

  useEffect(() => () => {
    try { chart.current?.f2.destroy() } catch { /* already gone */ }
    chart.current = null
  }, [])

  const local = (e: unknown) => (target ? tapPoint(e, target) : null)
  const weapp = (process.env.TARO_ENV) !== 'h5'
  const handlers = onTap
    ? weapp
      ? {
          onTouchStart: (e: unknown) => { down.current = local(e) },
          onTouchEnd: (e: unknown) => {
            const p = local(e)
            const d = down.current
            down.current = null
            if (p && d && Math.hypot(p.x - d.x, p.y - d.y) <= TAP_SLOP) onTap(p)
          }
        }
      : { onClick: (e: unknown) => { const p = local(e); if (p) onTap(p) } }
    : {}

  return (
    <View className={`db-chart ${failed ? 'db-chart-failed' : ''}`} ariaRole='img' ariaLabel={label} data-chart={id} data-drawn={target && !failed ? '1' : '0'}>
      {!failed && (
        <Canvas type='2d' id={id} className='db-chart-canvas' style={{ width: '100%', height: `${height}px` }} aria-label={label} {...handlers} />
      )}
    </View>
  )
}
