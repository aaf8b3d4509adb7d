import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { SEARCHED_PLACE_UNCERTAINTY_M } from '../../../core/routing'
import type { GcjPoint } from '../../../core/types'
import type { GridMapView } from '../../../core/views'
import { GridMap } from './index.weapp'
import type { PickDetail } from './types'

/**
 * WeChat's picker (index.weapp.tsx) rendered by the H5 component set: the native <map> is WeChat's own and
 * cannot run here, so this checks what the component adds around it — the grids as polygons, the search
 * through chooseLocation, the picked point in words.
 */

const testUtils = new TestUtils()
const grids: GridMapView['grids'] = [
  { id: 'g1', code: '001', name: '甲街道·一社区·01网格', polygon: [[113.0, 28.0], [113.01, 28.0], [113.01, 28.01], [113.0, 28.01]] },
  { id: 'g2', code: '002', name: '甲街道·一社区·02网格', polygon: [[113.01, 28.0], [113.02, 28.0], [113.02, 28.01], [113.01, 28.01]] }
]

const picks: Array<[GcjPoint, PickDetail]> = []
function Harness () {
  const [value, setValue] = useState<GcjPoint | null>(null)
  return <GridMap grids={grids} value={value} onPick={(p, d) => { picks.push([p, d]); setValue(p) }} />
}

afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
  picks.length = 0
})

describe('GridMap on WeChat', () => {
  it('finds a place by name with chooseLocation, picks it as exact, and names it', async () => {
    const choose = jest.spyOn(Taro, 'chooseLocation').mockImplementation((async () => ({ name: '东塘百货', address: '韶山中路', longitude: 113.015, latitude: 28.005, errMsg: 'chooseLocation:ok' })) as unknown as typeof Taro.chooseLocation)
    await testUtils.mount(Harness, { props: {} })
    const search = await testUtils.queries.waitForQuerySelector('.grid-map-search')
    expect(search.getAttribute('aria-label')).toBe('搜索地点')
    await testUtils.act(async () => { testUtils.fireEvent.click(search) })
    // Opened at the middle of the grids.
    const at = choose.mock.calls[0][0] as { longitude: number; latitude: number }
    expect(at.longitude).toBeCloseTo(113.01, 9)
    expect(at.latitude).toBeCloseTo(28.005, 9)
    expect(picks).toEqual([[{ lng: 113.015, lat: 28.005 }, { uncertaintyM: SEARCHED_PLACE_UNCERTAINTY_M, placeName: '东塘百货' }]])
    await testUtils.queries.waitForQuerySelector('.grid-map-where')
    expect(document.querySelector('.grid-map-where')?.textContent).toBe('已选：东塘百货')
  })

  it('picks nothing when the search is closed', async () => {
    jest.spyOn(Taro, 'chooseLocation').mockImplementation((async () => { throw new Error('chooseLocation:fail cancel') }) as unknown as typeof Taro.chooseLocation)
    await testUtils.mount(Harness, { props: {} })
    const search = await testUtils.queries.waitForQuerySelector('.grid-map-search')
    await testUtils.act(async () => { testUtils.fireEvent.click(search) })
    expect(picks).toEqual([])
    expect(document.querySelector('.grid-map-caption')?.textContent).toContain('轻点地图选择问题位置')
  })

  it('draws every grid over the map, the picked point\'s grid in green, and marks the point', async () => {
    jest.spyOn(Taro, 'chooseLocation').mockImplementation((async () => ({ name: '', address: '某路 1 号', longitude: 113.005, latitude: 28.005, errMsg: 'chooseLocation:ok' })) as unknown as typeof Taro.chooseLocation)
    await testUtils.mount(Harness, { props: {} })
    const map = await testUtils.queries.waitForQuerySelector('.grid-map-native') as unknown as { polygons: Array<{ strokeColor: string; points: unknown[] }>; markers: Array<{ longitude: number; latitude: number }> }
    expect(map.polygons.map((p) => p.strokeColor)).toEqual(['#07c16099', '#07c16099'])
    expect(map.polygons[0].points).toEqual([{ longitude: 113.0, latitude: 28.0 }, { longitude: 113.01, latitude: 28.0 }, { longitude: 113.01, latitude: 28.01 }, { longitude: 113.0, latitude: 28.01 }])
    expect(map.markers).toEqual([])
    await testUtils.act(async () => { testUtils.fireEvent.click(document.querySelector('.grid-map-search')!) })
    // The point is in g1: g1 turns green, and the marker sits on the point; no name, so the address names it.
    expect(map.polygons.map((p) => p.strokeColor)).toEqual(['#07c160ff', '#07c16099'])
    expect(map.markers).toMatchObject([{ longitude: 113.005, latitude: 28.005 }])
    expect(document.querySelector('.grid-map-where')?.textContent).toBe('已选：某路 1 号')
  })
})
