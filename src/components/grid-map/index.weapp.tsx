import { Map as NativeMap, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  describePoint, mercatorMetresPerPixel, pickUncertaintyM, ringsBbox, SEARCHED_PLACE_UNCERTAINTY_M
} from '../../../core/routing'
import type { GcjPoint } from '../../../core/types'
import { SHOW_UNCERTAINTY_ABOVE_M, uncertaintyText, type GridMapProps } from './types'
import { useLocatedGrid } from './located'
import './index.css'

export type { GridMapProps, PickDetail } from './types'

/**
 * WeChat's point picker: the native <map> (Tencent tiles with streets, place names and POIs; GCJ-02 like our
 * grids) with the grid polygons drawn over it and the picked point marked. Tap the map or a POI to pick, or
 * 搜索地点 (chooseLocation) to find a place by name. The H5 build uses the offline canvas map (index.tsx).
 */

const MAP_ID = 'grid-map-native'
/** The whole district on a phone; a picked or searched point is shown close up. */
const CITY_SCALE = 12
const POINT_SCALE = 16
/** Shipped with the tab bar (app.config.ts), so it is in the package: the 随手拍 camera marks the spot. */
const MARKER_ICON = '/assets/tab/report-active.png'

const NONE: never[] = []

export function GridMap ({ grids, roads = NONE, places = NONE, value, onPick, uncertaintyM = null, height = 300, highlightGridId = null }: GridMapProps) {
  const bbox = useMemo(() => ringsBbox(grids.map((g) => g.polygon)), [grids])
  const scale = useRef(value ? POINT_SCALE : CITY_SCALE)
  const [placeName, setPlaceName] = useState<string | null>(null)
  // The map's centre moves only on purpose (first show, a search, a point set from outside), never on a tap.
  const [centre, setCentre] = useState<{ point: GcjPoint; scale: number } | null>(null)
  const tapped = useRef<GcjPoint | null>(null)

  const { highlightId } = useLocatedGrid(grids, value, highlightGridId)

  useEffect(() => {
    if (centre || (!value && !bbox)) return
    setCentre(value
      ? { point: value, scale: POINT_SCALE }
      : { point: { lng: (bbox!.minLng + bbox!.maxLng) / 2, lat: (bbox!.minLat + bbox!.maxLat) / 2 }, scale: CITY_SCALE })
  }, [bbox, value, centre])

  // A point that did not come from a tap here (the device position, a restored draft): show it.
  useEffect(() => {
    if (!value || (tapped.current && tapped.current.lng === value.lng && tapped.current.lat === value.lat)) return
    setCentre({ point: value, scale: Math.max(scale.current, POINT_SCALE) })
  }, [value?.lng, value?.lat])

  const polygons = useMemo(() => grids.map((g) => {
    const on = g.id === highlightId
    return {
      points: g.polygon.map(([lng, lat]) => ({ longitude: lng, latitude: lat })),
      strokeWidth: on ? 3 : 1,
      strokeColor: on ? '#07c160ff' : '#07c16099',
      fillColor: on ? '#07c16033' : '#07c16008',
      zIndex: on ? 2 : 1,
      // Under Tencent's street and place labels, so the map stays readable.
      level: 'abovebuildings'
    }
  }), [grids, highlightId])

  const markers = useMemo(() => (value
    ? [{ id: 1, longitude: value.lng, latitude: value.lat, iconPath: MARKER_ICON, width: 36, height: 36, anchor: { x: 0.5, y: 1 }, title: '问题位置', ariaLabel: '问题位置' }]
    : []), [value?.lng, value?.lat])

  const pickAt = (p: GcjPoint, uncertainty: number, name: string | null) => {
    tapped.current = p
    setPlaceName(name)
    onPick(p, name ? { uncertaintyM: uncertainty, placeName: name } : { uncertaintyM: uncertainty })
  }

  const onTap = (e: { detail: { longitude?: number; latitude?: number } }) => {
    const { longitude, latitude } = e.detail
    if (typeof longitude !== 'number' || typeof latitude !== 'number') return
    const p = { lng: longitude, lat: latitude }
    // The scale the tap was made at decides how far off it may be; the last one seen if the map won't say.
    Taro.createMapContext(MAP_ID).getScale().then((r) => r.scale, () => scale.current).then((z) => {
      scale.current = z
      pickAt(p, pickUncertaintyM(mercatorMetresPerPixel(z, latitude)), null)
    }, () => undefined)
  }

  const onRegionChange = (e: { detail: unknown }) => {
    // WeChat puts the scale on detail (newer) or detail.detail (as Taro's types have it).
    const d = e.detail as { scale?: number; detail?: { scale?: number } }
    const z = d.scale ?? d.detail?.scale
    if (typeof z === 'number') scale.current = z
  }

  const onPoiTap = (e: { detail: { name: string; longitude: number; latitude: number } }) => {
    pickAt({ lng: e.detail.longitude, lat: e.detail.latitude }, SEARCHED_PLACE_UNCERTAINTY_M, e.detail.name || null)
  }

  const search = async () => {
    try {
      const at = value ?? centre?.point
      const r = await Taro.chooseLocation(at ? { longitude: at.lng, latitude: at.lat } : {})
      const p = { lng: r.longitude, lat: r.latitude }
      pickAt(p, SEARCHED_PLACE_UNCERTAINTY_M, r.name || r.address || null)
      setCentre({ point: p, scale: Math.max(scale.current, POINT_SCALE + 1) })
    } catch {
      // closed without choosing
    }
  }

  const where = value ? (placeName ?? describePoint(value, { roads, places })) : null
  return (
    <View className='grid-map'>
      <View className='grid-map-frame'>
        {centre && (
          <NativeMap
            id={MAP_ID}
            className='grid-map-native'
            style={{ width: '100%', height: `${height}px` }}
            longitude={centre.point.lng}
            latitude={centre.point.lat}
            scale={centre.scale}
            minScale={10}
            polygons={polygons}
            markers={markers}
            onTap={onTap}
            onPoiTap={onPoiTap}
            onRegionChange={onRegionChange}
            onError={() => undefined}
          />
        )}
        {grids.length === 0 && <View className='grid-map-empty'>暂无网格数据</View>}
      </View>
      <View className='grid-map-search' ariaRole='button' ariaLabel='搜索地点' onClick={() => void search()}>🔍 搜索地点（小区、道路、店名）</View>
      <View className='grid-map-caption'>
        {value
          ? <View className='grid-map-where'>已选：{where ?? '地图上的标记处'}</View>
          : <View>轻点地图选择问题位置，双指缩放，或搜索地点</View>}
        {value && uncertaintyM !== null && uncertaintyM > SHOW_UNCERTAINTY_ABOVE_M && (
          <View className='grid-map-hint'>按当前比例，位置误差约 {uncertaintyText(uncertaintyM)}，放大地图后点选会更准</View>
        )}
      </View>
    </View>
  )
}

export default GridMap
