import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_GRID_MANAGERS, MAX_GRID_REASON, saveGridInput } from '../../../../core/grid-schemas'
import type { Grid } from '../../../../core/types'
import { call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'

export interface Manager { id: string; nickname: string; gridIds: string[] }

interface Props {
  grid: Grid
  managers: readonly Manager[]
  onSaved: (grid: Grid) => void
  onCancel: () => void
}

/** Candidates listed before anything is typed, and once a name is typed. */
const FIRST_CANDIDATES = 5
const MAX_CANDIDATES = 12

/**
 * One grid of the version in use: its name, 常住人口 (the base of 参与率) and its grid managers. Managers are picked
 * from the people who hold the grid_manager role (a person gets the role in 人员与角色); the first one listed gets
 * the grid's new reports. Saved with a reason, after a confirmation.
 */
export function GridEditor ({ grid, managers, onSaved, onCancel }: Props) {
  const [name, setName] = useState(grid.name)
  const [population, setPopulation] = useState(String(grid.population))
  const [managerIds, setManagerIds] = useState<string[]>(grid.managerIds)
  const [search, setSearch] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const nameOf = (id: string) => managers.find((m) => m.id === id)?.nickname ?? id

  const q = search.trim()
  const candidates = managers
    .filter((m) => !managerIds.includes(m.id) && (!q || m.nickname.includes(q) || m.id.includes(q)))
    .slice(0, q ? MAX_CANDIDATES : FIRST_CANDIDATES)

  const save = async () => {
    const input = {
      id: grid.id,
      reason,
      ...(name.trim() !== grid.name ? { name } : {}),
      ...(population.trim() !== String(grid.population) ? { population: population.trim() === '' ? Number.NaN : Number(population) } : {}),
      ...(managerIds.join() !== grid.managerIds.join() ? { managerIds } : {})
    }
    const parsed = saveGridInput.safeParse(input)
    if (!parsed.success) {
      const next: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'reason')
        next[key] ??= issue.message
      }
      setErrors(next)
      return
    }
    if (Object.keys(input).length === 2) {
      setFailure('没有修改任何内容：请改动名称、常住人口或网格员后再保存')
      return
    }
    setErrors({})
    const who = managerIds.map(nameOf).join('、') || '无'
    const { confirm } = await Taro.showModal({
      title: '保存网格修改',
      content: `${name.trim()}：常住人口 ${population.trim()}，网格员 ${who}。保存后，这个网格的新上报立即派给第一位网格员。`,
      confirmText: '保存'
    })
    if (!confirm) return
    setBusy(true)
    setFailure(null)
    try {
      const saved = await call('admin', 'saveGrid', parsed.data)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved(saved)
    } catch (e) {
      setFailure(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='card gr-editor' id='grid-editor' data-grid={grid.id}>
      <View className='row'>
        <View className='gr-card-title spacer'>修改网格</View>
        <Button className='btn-small plain' id='editor-cancel' onClick={onCancel}>返回列表</Button>
      </View>
      <View className='gr-hint'>编码 {grid.code} · {grid.street} · {grid.community}（边界和编码随网格文件导入，这里不改）</View>
      <FormField prefix='gr' name='name' label='网格名称' required error={errors.name}>
        <Input className='gr-input' id='editor-name' value={name} maxlength={60} onInput={(e) => { setName(e.detail.value); setErrors({ ...errors, name: '' }) }} />
      </FormField>
      <FormField prefix='gr' name='population' label='常住人口' error={errors.population} hint='参与率、志愿者注册率以它为基数'>
        <Input className='gr-input' id='editor-population' type='number' value={population} onInput={(e) => { setPopulation(e.detail.value); setErrors({ ...errors, population: '' }) }} />
      </FormField>
      <FormField prefix='gr' name='managerIds' label='网格员' error={errors.managerIds} hint={`第一位接收新上报；最多 ${MAX_GRID_MANAGERS} 位`}>
        <View className='gr-chips' id='editor-managers'>
          {managerIds.length === 0 && <Text className='tag orange'>暂无网格员：这里的上报会转文明办分拣</Text>}
          {managerIds.map((id, i) => (
            <View key={id} className='gr-chip on gr-manager' data-manager={id}>
              <Text>{i === 0 ? `${nameOf(id)}（接收上报）` : nameOf(id)}</Text>
              <View className='gr-chip-x' ariaRole='button' ariaLabel={`移除网格员 ${nameOf(id)}`} onClick={() => setManagerIds(managerIds.filter((m) => m !== id))}>×</View>
            </View>
          ))}
        </View>
        <Input className='gr-input gr-manager-search' id='editor-manager-search' value={search} placeholder='搜索网格员姓名，点一下添加' onInput={(e) => setSearch(e.detail.value)} />
        <View className='gr-candidates' id='editor-candidates'>
          {candidates.map((m) => (
            <View key={m.id} className='gr-candidate' data-candidate={m.id} ariaRole='button' onClick={() => { setManagerIds([...managerIds, m.id]); setSearch('') }}>
              <Text className='gr-candidate-name'>＋ {m.nickname}</Text>
              <Text className='muted'>负责 {m.gridIds.length} 个网格</Text>
            </View>
          ))}
          {candidates.length === 0 && <View className='gr-hint'>{managers.length === 0 ? '还没有网格员：请先在「人员与角色」中授予网格员角色' : '没有找到，换个名字试试'}</View>}
        </View>
      </FormField>
      <FormField prefix='gr' name='reason' label='修改原因' required error={errors.reason} hint='会记入操作记录'>
        <Textarea className='gr-textarea small' id='editor-reason' value={reason} maxlength={MAX_GRID_REASON} placeholder='例如：新任网格员到岗'
          onInput={(e) => { setReason(e.detail.value); setErrors({ ...errors, reason: '' }) }} />
      </FormField>
      {failure && <View className='error-text gr-problem' id='editor-failure' ariaRole='alert'>{failure}</View>}
      <Button className={`btn-primary${busy ? ' gr-busy' : ''}`} id='editor-save' disabled={busy} onClick={() => void save()}>{busy ? '正在保存…' : '保存'}</Button>
    </View>
  )
}
