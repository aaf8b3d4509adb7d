import { Canvas, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { useMapCanvas } from '../map-canvas'
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
  const [drawn, setDrawn] = useState(0)
  const bbox = useMemo(() => shapesBbox(shapes), [shapes])
  useMapCanvas(id, bbox, PADDING, (ctx, view) => setDrawn(drawGridMap(ctx, { ...view, shapes, markers })), [shapes, markers])

  return (
    <View className='gr-map' ariaRole='img' ariaLabel={label} data-map={id} data-drawn={String(drawn)}>
      <Canvas type='2d' id={id} className='gr-map-canvas' style={{ width: '100%', height: `${height}px` }} aria-label={label} />
    </View>
  )
}
