import { View, Text, Input } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { Category, CategoryKind } from '../../../core/types'
import './index.css'

/**
 * The two CJ/T 214 kinds as a resident tells them apart: the same group name (市容环境) exists in both, so
 * each kind is its own section with a header in words, and the open group's list says which one it is.
 */
const KINDS: ReadonlyArray<{ kind: CategoryKind; title: string; hint: string; short: string }> = [
  { kind: 'event', title: '事件类', hint: '脏乱、乱贴乱画、占道等行为', short: '事件' },
  { kind: 'component', title: '部件类', hint: '路灯、井盖、垃圾桶等设施损坏', short: '部件' }
]

/** Two-level CJ/T 214 taxonomy: pick a group (under its kind), then a category; or search every category by name. */
export function CategoryPicker ({ categories, value, onChange }: { categories: Category[]; value: string | null; onChange: (c: Category) => void }) {
  const groups = useMemo(() => categories.filter((c) => c.level === 1).sort((a, b) => a.code.localeCompare(b.code)), [categories])
  const chosen = categories.find((c) => c.id === value) ?? null
  const [group, setGroup] = useState<string | null>(chosen?.parentCode ?? groups.find((g) => g.kind === 'event')?.code ?? groups[0]?.code ?? null)
  const [query, setQuery] = useState('')
  const open = groups.find((g) => g.code === group) ?? null

  const items = useMemo(() => {
    const q = query.trim()
    const level2 = categories.filter((c) => c.level === 2)
    return q ? level2.filter((c) => c.name.includes(q)) : level2.filter((c) => c.parentCode === group)
  }, [categories, group, query])

  return (
    <View className='category-picker'>
      <Input className='cat-search' value={query} placeholder='搜索问题类别，如“小广告”' ariaLabel='搜索问题类别' onInput={(e) => setQuery(e.detail.value)} />
      {!query.trim() && KINDS.map(({ kind, title, hint }) => {
        const mine = groups.filter((g) => g.kind === kind)
        if (mine.length === 0) return null
        return (
          <View key={kind} className='cat-kind' data-kind={kind}>
            <View className='cat-kind-title'>{title}<Text className='cat-kind-hint'>{hint}</Text></View>
            <View className='cat-groups'>
              {mine.map((g) => (
                <View key={g.id} className={`cat-group ${group === g.code ? 'on' : ''}`} data-group={g.code} ariaRole='button' onClick={() => setGroup(g.code)}>
                  {g.name}
                </View>
              ))}
            </View>
          </View>
        )
      })}
      {!query.trim() && open && (
        <View className='cat-items-title' id='category-open'>{open.name}（{KINDS.find((k) => k.kind === open.kind)?.short}）里的问题：</View>
      )}
      <View className='cat-items' id='category-items'>
        {items.map((c) => (
          <View key={c.id} className={`cat-item ${value === c.id ? 'on' : ''}`} data-category={c.id} ariaRole='button' ariaLabel={c.name} onClick={() => onChange(c)}>
            <Text className='cat-icon'>{c.icon}</Text>
            <Text className='cat-name'>{c.name}</Text>
          </View>
        ))}
        {items.length === 0 && <View className='cat-none'>没有找到，换个词试试，或在「其他」里选择</View>}
      </View>
      {chosen && <View className='cat-chosen'>已选：{chosen.icon} {chosen.name} · 处理时限 {chosen.timeLimitHours >= 24 ? `${Math.round(chosen.timeLimitHours / 24)} 天` : `${chosen.timeLimitHours} 小时`} · {chosen.department}</View>}
    </View>
  )
}
