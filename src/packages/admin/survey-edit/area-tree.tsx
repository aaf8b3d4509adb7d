import { View, Text } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { LEVEL_LABELS } from '../../../../core/indicators/areas'
import { StatusView } from '../../../components/status-view'
import { areaRows, areasAbove, coveringArea } from './audience'
import type { GridsState } from './grids'

interface Props {
  id: string
  grids: GridsState
  /** many: 面向区域 (checkboxes; a picked parent covers its children); one: a quota's area (pick one, done). */
  mode: 'many' | 'one'
  picked: readonly string[]
  onPick: (code: string) => void
}

/**
 * 区县 › 街道 › 社区 › 网格 as a tree read off the grids: tap a name to open it, tap 选择 to pick it. It opens down
 * to what is already picked, so the office sees where its picks are.
 */
export function AreaTree ({ id, grids, mode, picked, onPick }: Props) {
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set(picked.flatMap(areasAbove)))
  const list = grids.grids
  const rows = useMemo(() => (list ? areaRows(list, opened) : []), [list, opened])
  const flip = (code: string) => setOpened((o) => {
    const next = new Set(o)
    if (!next.delete(code)) next.add(code)
    return next
  })

  return (
    <View className='se-tree' id={id}>
      <StatusView loading={grids.loading} error={grids.error} onRetry={() => void grids.reload()}
        empty={list !== null && rows.length === 0} emptyText='还没有网格' emptyHint='请先在「网格管理」里导入网格，才能按区域选择'>
        {rows.map((r) => {
          const open = opened.has(r.code)
          const label = `${LEVEL_LABELS[r.level]}「${r.name}」`
          const on = picked.includes(r.code)
          const covered = mode === 'many' && !on && coveringArea(picked, r.code) !== null
          const inside = mode === 'many' && !on && !covered && picked.some((p) => p.startsWith(r.code))
          return (
            <View key={r.code} className={`row se-tree-row se-depth-${r.depth}`} data-area-row={r.code}>
              {r.parent
                ? (
                  <View className='se-tree-name' data-expand={r.code} ariaRole='button' aria-expanded={open ? 'true' : 'false'} ariaLabel={`${open ? '收起' : '展开'}${label}`} onClick={() => flip(r.code)}>
                    <Text className='se-tree-arrow' aria-hidden='true'>{open ? '▾' : '▸'}</Text>
                    <Text className='se-tree-text'>{r.name}</Text>
                    <Text className='se-tree-level'>{LEVEL_LABELS[r.level]}{inside ? ' · 下面有已选' : ''}</Text>
                  </View>
                  )
                : (
                  <View className='se-tree-name'>
                    <Text className='se-tree-arrow' aria-hidden='true' />
                    <Text className='se-tree-text'>{r.name}</Text>
                    <Text className='se-tree-level'>{LEVEL_LABELS[r.level]}</Text>
                  </View>
                  )}
              <View
                className={`se-tree-pick ${on || covered ? 'on' : ''} ${covered ? 'se-off' : ''}`} data-area={r.code}
                ariaRole={mode === 'many' ? 'checkbox' : 'radio'} aria-checked={on || covered ? 'true' : 'false'} aria-disabled={covered ? 'true' : 'false'}
                ariaLabel={covered ? `${label}已含在所选的上级区域里` : `选择${label}`}
                onClick={() => { if (!covered) onPick(r.code) }}
              >
                {on ? '✓ 已选' : covered ? '✓ 已含' : mode === 'many' ? '选择' : '选这里'}
              </View>
            </View>
          )
        })}
      </StatusView>
    </View>
  )
}
