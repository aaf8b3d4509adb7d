import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import type { Grid } from '../../../../core/types'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'

/** A city has a few hundred grids at most: read them all for the chooser, a page of 100 at a time. */
const MAX_PAGES = 50

async function allGrids (): Promise<Grid[]> {
  const out: Grid[] = []
  let cursor: string | null = null
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: { items: Grid[]; next: string | null } = await call('admin', 'grids', { cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.next
    if (!cursor) break
  }
  return out
}

/**
 * Which grids: a filter by name or code, and a tick per grid (the grid's managers beside it, so the office sees who
 * already looks after it). `only` limits the choice to some grids (a manager's own, when taking some away).
 */
export function GridChoice ({ value, onChange, only, error }: { value: string[]; onChange: (ids: string[]) => void; only?: string[]; error?: string }) {
  const grids = useAction(allGrids, [])
  const [filter, setFilter] = useState('')
  const words = filter.trim()
  const offered = (grids.data ?? []).filter((g) => !only || only.includes(g.id))
  const shown = words ? offered.filter((g) => g.name.includes(words) || g.code.startsWith(words) || g.community.includes(words)) : offered
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id])

  return (
    <View className='pp-grids' id='grid-choice'>
      {!only && (
        <Input className='pp-input' id='grid-filter' value={filter} placeholder='输入网格名称、社区或编码筛选' ariaLabel='筛选网格'
          onInput={(e) => setFilter(e.detail.value)} />
      )}
      <StatusView loading={grids.loading && !grids.data} error={grids.data ? null : grids.error} onRetry={() => void grids.reload()}
        empty={shown.length === 0} emptyText={words ? '没有符合的网格' : '还没有网格'}>
        <View className='pp-grid-list' ariaRole='group' ariaLabel='选择网格'>
          {shown.slice(0, 60).map((g) => {
            const on = value.includes(g.id)
            return (
              <View key={g.id} className={`pp-grid ${on ? 'on' : ''}`} data-grid={g.id} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggle(g.id)}>
                <Text className='pp-check' aria-hidden='true'>{on ? '☑' : '☐'}</Text>
                <View className='pp-grid-body'>
                  <View className='pp-grid-name'>{g.name}</View>
                  <View className='pp-grid-desc'>{g.street}·{g.community} · {g.managerIds.length ? `已有 ${g.managerIds.length} 位网格员` : '暂无网格员'}</View>
                </View>
              </View>
            )
          })}
          {shown.length > 60 && <View className='pp-hint'>还有 {shown.length - 60} 个网格，请输入名称缩小范围</View>}
        </View>
      </StatusView>
      {value.length > 0 && <View className='pp-hint' id='grid-chosen'>已选 {value.length} 个网格</View>}
      {error && <View className='pp-error error-text' id='error-gridIds' ariaRole='alert'>{error}</View>}
    </View>
  )
}
