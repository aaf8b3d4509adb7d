import type { MapPlace, MapRoad } from '../../../core/routing/map-features'
import type { GcjPoint } from '../../../core/types'
import type { GridMapView } from '../../../core/views'

/** What both point pickers take: the canvas map (H5, index.tsx) and WeChat's native map (index.weapp.tsx). */
export interface GridMapProps {
  grids: GridMapView['grids']
  /** The city's main roads and rivers (drawn by the offline map; WeChat's map has its own). */
  roads?: readonly MapRoad[]
  /** Named places (labels on the offline map; WeChat's map has its own POIs). */
  places?: readonly MapPlace[]
  value: GcjPoint | null
  onPick: (p: GcjPoint, detail: PickDetail) => void
  /** How far (metres) the current point may be off, shown under the map; null when unknown. */
  uncertaintyM?: number | null
  /** CSS px; default 300 */
  height?: number
  highlightGridId?: string | null
}

export interface PickDetail {
  /** How far (metres) the picked point may be from the meant spot at the scale it was picked. */
  uncertaintyM: number
  /** The place's name, when it was chosen from a place search. */
  placeName?: string
}

/** Above this the caption suggests zooming in. */
export const SHOW_UNCERTAINTY_ABOVE_M = 60

/** "±280 米", to the nearest 10 m. */
export const uncertaintyText = (m: number): string => `±${Math.max(10, Math.round(m / 10) * 10)} 米`
