import { View, Text, Input } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { Category } from '../../../core/types'
import './index.css'

const KIND_LABEL = { event: '事件', component: '部件' } as const

/** Two-level CJ/T 214 taxonomy: pick a group, then a category; or search every category by name. */
export function CategoryPicker ({ categories, value, onChange }: { categories: Category[]; value: string | null; onChange: (c: Category) => void }) {
  const groups = useMemo(() => categories.filter((c) => c.level === 1).sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'event' ? -1 : 1)), [categories])
  const chosen = categories.find((c) => c.id === value) ?? null
  const [group, setGroup] = useState<string | null>(chosen?.parentCode ?? groups[0]?.code ?? null)
  const [query, setQuery] = useState('')

  const items = useMemo(() => {
    const q = query.trim()
    const level2 = categories.filter((c) => c.level === 2)
    return q ? level2.filter((c) => c.name.includes(q)) : level2.filter((c) => c.parentCode === group)
  }, [categories, group, query])

  return (
    <View className='category-picker'>
      <Input className='cat-search' value={query} placeholder='搜索问题类别，如“小广告”' onInput={(e) => setQuery(e.detail.value)} />
      {!query.trim() && (
        <View className='cat-groups'>
          {groups.map((g) => (
            <Text key={g.id} className={`cat-group ${group === g.code ? 'on' : ''}`} onClick={() => setGroup(g.code)}>
              {g.name}<Text className='cat-kind'>{KIND_LABEL[g.kind]}</Text>
            </Text>
          ))}
        </View>
      )}
      <View className='cat-items' id='category-items'>
        {items.map((c) => (
          <View key={c.id} className={`cat-item ${value === c.id ? 'on' : ''}`} data-category={c.id} onClick={() => onChange(c)}>
            <Text className='cat-icon'>{c.icon}</Text>
            <Text className='cat-name'>{c.name}</Text>
          </View>
        ))}
        {items.length === 0 && <View className='muted cat-none'>没有找到，换个词试试，或在「其他」里选择</View>}
      </View>
      {chosen && <View className='muted cat-chosen'>已选：{chosen.icon} {chosen.name} · 处理时限 {chosen.timeLimitHours >= 24 ? `${Math.round(chosen.timeLimitHours / 24)} 天` : `${chosen.timeLimitHours} 小时`} · {chosen.department}</View>}
    </View>
  )
}
