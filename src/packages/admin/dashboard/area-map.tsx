import { Canvas, View } from '@tarojs/components'
import { useMemo, useRef, useState } from 'react'
import { ringsBbox } from '../../../../core/routing/geometry'
import { useMapCanvas } from '../map-canvas'
import { tapPoint } from './canvas-target'
import { areaAtPoint, drawAreaMap, type MapArea, type MapGrid } from './map-draw'

interface Props {
  id: string
  label: string
  height: number
  grids: readonly MapGrid[]
  areas: ReadonlyMap<string, MapArea>
  /** A tap on a child area (drill down); absent where there is nothing below. */
  onPick?: (area: string) => void
}

const PADDING = 12

/**
 * The grids of the current area on a 2d canvas, each filled by its child area's value (map-draw.ts). Drawn by
 * hand rather than by the chart library: it is polygons, not a chart. Without a canvas nothing is drawn and the
 * table under it holds the same figures.
 */
export function AreaMap ({ id, label, height, grids, areas, onPick }: Props) {
  const [labels, setLabels] = useState<string[]>([])
  const down = useRef<{ x: number; y: number } | null>(null)
  const bbox = useMemo(() => ringsBbox(grids.map((g) => g.polygon)), [grids])
  const { target, proj } = useMapCanvas(id, bbox, PADDING, (ctx, view) => {
    const drawn = drawAreaMap(ctx, { ...view, grids, areas })
    setLabels((old) => (old.join('|') === drawn.join('|') ? old : drawn))
  }, [grids, areas])

  const pick = (e: unknown) => {
    if (!onPick || !target || !proj) return
    const p = tapPoint(e, target)
    if (!p) return
    const area = areaAtPoint(grids, proj.toLngLat(p.x, p.y))
    if (area) onPick(area)
  }
  const weapp = (process.env.TARO_ENV) !== 'h5'
  const handlers = weapp
    ? {
        onTouchStart: (e: unknown) => { down.current = target ? tapPoint(e, target) : null },
        onTouchEnd: (e: unknown) => {
          const p = target ? tapPoint(e, target) : null
          const d = down.current
          down.current = null
          if (p && d && Math.hypot(p.x - d.x, p.y - d.y) <= 10) pick(e)
        }
      }
    : { onClick: pick }

  return (
    <View className='db-chart db-map' ariaRole='img' ariaLabel={label} data-chart={id} data-labels={JSON.stringify(labels)} data-drawn={target ? '1' : '0'}>
      <Canvas type='2d' id={id} className='db-chart-canvas' style={{ width: '100%', height: `${height}px` }} aria-label={label} {...handlers} />
    </View>
  )
}
