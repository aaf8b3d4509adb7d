import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { gridsToGeoJson } from '../../../../core/grids/geojson-out'
import type { GridVersion } from '../../../../core/grids/versions'
import type { Grid, Page } from '../../../../core/types'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { usePaged } from '../../../utils/use-paged'
import { gridMatches, managerNames, versionWho } from './format'
import { GridEditor, type Manager } from './grid-editor'
import { GridMap } from './grid-map'
import { ImportPanel, scrollTo } from './import-panel'
import { MAP_STYLE, type MapShape } from './map-draw'
import { VersionsPanel } from './versions-panel'
import './index.css'

type Tab = 'grids' | 'import' | 'versions'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'grids', label: '网格' },
  { key: 'import', label: '导入' },
  { key: 'versions', label: '版本记录' }
]

/** The list shows this many at once; the search finds the rest. */
const SHOWN = 200
/** Most grids the page reads (a city far bigger than any district). */
const MAX_GRIDS = 20_000

async function allGrids (): Promise<Grid[]> {
  const out: Grid[] = []
  let cursor: string | null = null
  do {
    const page: Page<Grid> = await call('admin', 'grids', { cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.next
  } while (cursor && out.length < MAX_GRIDS)
  return out
}

/** The grids in use as a GeoJSON file to download (edit in a GIS tool, import again). H5 only: the office's desk. */
function downloadGeoJson (grids: readonly Grid[], version: number | null): void {
  const text = JSON.stringify(gridsToGeoJson(grids))
  const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `网格-第${version ?? 1}版.geojson`
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * 网格管理: the grids reports route by. 网格 lists the version in use (search, and edit a grid's name, 常住人口 and
 * managers); 导入 checks a GeoJSON file, shows it on the map with a report per feature, and imports it as a new
 * version; 版本记录 lists every version and restores an earlier one. Phone and desk (from 1,024 px: wider, the map
 * beside the report).
 */
export default function GridsPage () {
  const [tab, setTab] = useState<Tab>('grids')
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const grids = useAction(allGrids)
  const managers = useAction(async (): Promise<Manager[]> => call('admin', 'managers', {}))
  const versions = usePaged((cursor) => call('admin', 'gridVersions', { cursor, limit: 20 }))
  useEffect(() => { void versions.load(null) }, []) // eslint-disable-line react-hooks/exhaustive-deps

  const names = useMemo(() => new Map((managers.data ?? []).map((m) => [m.id, m.nickname])), [managers.data])
  const list = grids.data ?? []
  const active = versions.items.find((v) => v.status === 'active') ?? null
  const unmanaged = list.filter((g) => g.managerIds.length === 0).length
  const found = useMemo(() => list.filter((g) => gridMatches(g, search, names)), [list, search, names])
  const shapes = useMemo((): MapShape[] => list.map((g) => {
    const st = g.managerIds.length === 0 ? MAP_STYLE.unmanaged : MAP_STYLE.base
    return { ring: g.polygon, fill: st.fill, stroke: st.stroke, width: st.width }
  }), [list])
  const editingGrid = editing ? list.find((g) => g.id === editing) ?? null : null

  /** After an import or a restore: back to the list, read afresh. */
  const switched = (_v: GridVersion) => {
    setEditing(null)
    setTab('grids')
    void grids.reload()
    void managers.reload()
    void versions.load(null)
  }

  const exportFile = () => {
    try {
      downloadGeoJson(list, active?.version ?? null)
    } catch (e) {
      void Taro.showToast({ title: errorText(e), icon: 'none' })
    }
  }

  return (
    <PageShell className='grids'>
      <View className='tabs gr-tabs' id='grids-tabs' ariaRole='tablist'>
        {TABS.map((t) => (
          <View key={t.key} id={`tab-${t.key}`} className={`tab${tab === t.key ? ' on' : ''}`} ariaRole='tab' aria-selected={tab === t.key ? 'true' : 'false'} onClick={() => setTab(t.key)}>{t.label}</View>
        ))}
      </View>

      <StatusView loading={grids.loading && !grids.data} error={grids.error} onRetry={() => void grids.reload()} signInReason='登录后才能管理网格'>
        <View className='gr-body'>
          {tab === 'grids' && (
            <View id='grid-tab'>
              <View className='card gr-current' id='grid-current' data-version={active ? String(active.version) : ''}>
                <View className='gr-card-title'>{active ? `正在使用第 ${active.version} 版` : '正在使用的网格'}</View>
                <View className='gr-summary-line'>{list.length} 个网格{unmanaged > 0 ? `，其中 ${unmanaged} 个暂无网格员（地图上橙色，上报转文明办分拣）` : '，每个都有网格员'}</View>
                {active && <View className='gr-summary-line muted'>{versionWho(active)} · 来自 {active.source}</View>}
                <GridMap id='grids-map' label={`正在使用的 ${list.length} 个网格，${unmanaged} 个暂无网格员`} height={300} shapes={shapes} />
                {(process.env.TARO_ENV) === 'h5' && list.length > 0 && (
                  <Button className='btn-plain gr-export' id='grid-export' onClick={exportFile}>下载当前网格（GeoJSON，可在 GIS 软件中修改后再导入）</Button>
                )}
              </View>

              {editingGrid
                ? (
                  <GridEditor key={editingGrid.id} grid={editingGrid} managers={managers.data ?? []} onCancel={() => setEditing(null)}
                    onSaved={() => { setEditing(null); void grids.reload(); void managers.reload() }} />
                  )
                : (
                  <View>
                    <View className='gr-search'>
                      <Input className='gr-input' id='grid-search' value={search} placeholder='搜索网格名称、编码、街道、社区或网格员' onInput={(e) => setSearch(e.detail.value)} />
                    </View>
                    <StatusView loading={false} error={null} empty={found.length === 0} emptyText={list.length === 0 ? '还没有网格' : '没有找到'}
                      emptyHint={list.length === 0 ? '请在「导入」中导入网格文件' : '换个关键词试试'}>
                      <View className='cells gr-list' id='grid-list'>
                        {found.slice(0, SHOWN).map((g) => (
                          <View key={g.id} className='cell gr-item' data-grid={g.id} data-code={g.code} ariaRole='button' onClick={() => { setEditing(g.id); scrollTo('#grid-editor') }}>
                            <View className='cell-body'>
                              <View className='cell-title'>{g.name}</View>
                              <View className='cell-desc'>{g.code} · {g.street} · {g.community} · 常住人口 {g.population}</View>
                              <View className='cell-desc'>
                                {g.managerIds.length > 0 ? `网格员：${managerNames(g, names)}` : <Text className='tag orange'>暂无网格员</Text>}
                              </View>
                            </View>
                            <View className='cell-arrow' aria-hidden='true'>修改 ›</View>
                          </View>
                        ))}
                      </View>
                      {found.length > SHOWN && <View className='gr-hint gr-more-hint'>还有 {found.length - SHOWN} 个未列出，请用搜索查找</View>}
                    </StatusView>
                  </View>
                  )}
            </View>
          )}

          {tab === 'import' && <ImportPanel active={list} onImported={switched} />}
          {tab === 'versions' && <VersionsPanel list={versions} onRestored={switched} />}
        </View>
      </StatusView>
    </PageShell>
  )
}
