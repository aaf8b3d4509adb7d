import { Canvas, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { fit } from '../../../components/grid-map/projection'
import { findCanvas, prepare, type CanvasTarget } from '../dashboard/canvas-target'
import { drawGridMap, shapesBbox, type MapMarker, type MapShape } from './map-draw'

interface Props {
  id: string
  /** What the map shows, in words (screen readers; the lists beside it carry the same facts). */
  label: string
  height: number
  shapes: readonly MapShape[]
  markers?: readonly MapMarker[]
}

const PADDING = 10
const NO_MARKERS: MapMarker[] = []

/**
 * Outlines on a 2d canvas, fitted to what is drawn (map-draw.ts). Without a canvas (page tests, the Node weapp page
 * runner) nothing is drawn; the list and the report under the map say the same.
 */
export function GridMap ({ id, label, height, shapes, markers = NO_MARKERS }: Props) {
  const [target, setTarget] = useState<CanvasTarget | null>(null)
  const [drawn, setDrawn] = useState(0)
  const bbox = useMemo(() => shapesBbox(shapes), [shapes])
  const proj = useMemo(() => (target && bbox ? fit(bbox, target.width, target.height, PADDING) : null), [target, bbox])

  useEffect(() => findCanvas(id, setTarget), [id])

  useEffect(() => {
    if (!target || !proj) return
    try {
      const ctx = prepare(target)
      if (!ctx) return
      ctx.setTransform(target.dpr, 0, 0, target.dpr, 0, 0)
      setDrawn(drawGridMap(ctx, { width: target.width, height: target.height, proj, shapes, markers }))
    } catch {
      // A canvas that cannot draw: the lists still say everything.
    }
  }, [target, proj, shapes, markers])

  return (
    <View className='gr-map' ariaRole='img' ariaLabel={label} data-map={id} data-drawn={String(drawn)}>
      <Canvas type='2d' id={id} className='gr-map-canvas' style={{ width: '100%', height: `${height}px` }} aria-label={label} />
    </View>
  )
}
