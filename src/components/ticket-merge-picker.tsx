import { View, Text, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { distanceLabel } from '../../core/tickets/labels'
import { MERGE_NEAR_M } from '../../core/tickets/merge'
import type { MergeCandidateView } from '../../core/views'
import { call, errorText } from '../api'
import { dateTime } from '../utils/format'
import { useAction } from '../utils/use-action'
import { StateTag } from './ticket-card'
import './ticket-ui.css'

/** Asks before merging; where the two differ (category, place) it says how, and the office must confirm that. */
export async function confirmMerge (c: MergeCandidateView): Promise<boolean> {
  const doubtful = c.differences.length > 0
  const r = await Taro.showModal(doubtful
    ? { title: '这两件可能不是同一问题', content: `${c.differences.join('；')}。确定仍要合并到 ${c.number} 吗？`, confirmText: '仍要合并', confirmColor: '#c62828', cancelText: '再看看' }
    : { title: `合并到 ${c.number}？`, content: '本案卷将作为重复上报关闭，上报人和关注者改为关注原案卷，并收到通知。', confirmText: '合并', confirmColor: '#06773b' })
  return r.confirm
}

function CandidateRow ({ c, on, onPick }: { c: MergeCandidateView; on: boolean; onPick: () => void }) {
  const off = c.refusal !== null
  return (
    <View className={`tk-option merge-candidate ${on ? 'on' : ''} ${off ? 'off' : ''} ${c.differences.length > 0 ? 'doubt' : ''}`} data-candidate={c.id} ariaRole='radio' aria-checked={on ? 'true' : 'false'}
      aria-disabled={off ? 'true' : 'false'} ariaLabel={`${c.number}，${c.categoryName}，${c.description}`} onClick={() => { if (!off) onPick() }}>
      <View className='tk-radio' aria-hidden='true'>{on ? '●' : ''}</View>
      <View className='tk-option-body'>
        <View className='tk-option-title'>
          <Text className='tk-number'>{c.number}</Text>
          <Text className='tk-option-cat'>{c.categoryName}</Text>
          <StateTag state={c.state} />
        </View>
        <View className='tk-option-text'>{c.description}</View>
        <View className='tk-option-desc'>{c.gridName ?? '未落入网格'}{c.address ? ` · ${c.address}` : ''} · 相距 {distanceLabel(c.distanceM)} · {dateTime(c.createdAt)} 上报{c.followers ? ` · ${c.followers} 人关注` : ''}</View>
        {c.differences.map((d) => <View key={d} className='tk-warn'>⚠ {d}</View>)}
        {c.refusal && <View className='tk-refusal'>不能合并：{c.refusal}</View>}
      </View>
    </View>
  )
}

/**
 * 合并: the office picks the original among open reports of the same kind nearby, or finds one by its number, and
 * confirms (spelling out any difference in category or place) before the duplicate is closed into it.
 */
export function MergePicker ({ ticketId, busy, onMerge, onCancel }: { ticketId: string; busy: boolean; onMerge: (c: MergeCandidateView) => void; onCancel: () => void }) {
  const nearby = useAction(() => call('tickets', 'mergeCandidates', { id: ticketId }), [ticketId])
  const [number, setNumber] = useState('')
  const [found, setFound] = useState<MergeCandidateView[] | null>(null)
  const [searching, setSearching] = useState(false)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [picked, setPicked] = useState<MergeCandidateView | null>(null)

  const search = async () => {
    if (!number.trim()) { setSearchError('请输入原案卷的编号'); return }
    setSearching(true)
    setSearchError(null)
    try {
      const r = await call('tickets', 'mergeCandidates', { id: ticketId, number })
      setFound(r.candidates)
      if (r.candidates.length === 0) setSearchError(`没有编号为 ${number.trim()} 的案卷`)
      else if (r.candidates.length === 1 && r.candidates[0].refusal === null) setPicked(r.candidates[0])
    } catch (e) {
      setSearchError(errorText(e))
    } finally {
      setSearching(false)
    }
  }

  const merge = async () => {
    if (!picked) return
    if (await confirmMerge(picked)) onMerge(picked)
  }

  const near = nearby.data?.candidates ?? []
  return (
    <View className='tk-picker merge-picker act-prompt' id='merge-picker' data-prompt='merge'>
      <View className='act-title'>合并为重复上报</View>
      <View className='tk-hint'>选出与本案卷是同一问题的原案卷。合并后本案卷关闭，上报人和关注者改为关注原案卷，并收到通知。</View>
      <View className='tk-subtitle'>附近 {MERGE_NEAR_M} 米内同类、未结案的案卷</View>
      {nearby.loading && !nearby.data && <View className='tk-hint'>正在查找…</View>}
      {nearby.error && <View className='tk-hint error-text'>{nearby.error}</View>}
      {nearby.data && near.length === 0 && <View className='tk-hint' id='merge-none'>附近没有同类、未结案的案卷。如确知原案卷，可按编号查找。</View>}
      <View className='tk-options' id='merge-nearby' ariaRole='radiogroup' ariaLabel='附近的案卷'>
        {near.map((c) => <CandidateRow key={c.id} c={c} on={picked?.id === c.id} onPick={() => setPicked(c)} />)}
      </View>
      <View className='tk-subtitle'>按编号查找</View>
      <View className='tk-search-row'>
        <Input className='tk-input merge-number' value={number} placeholder='原案卷编号，例如 261201-7K3Q' ariaLabel='原案卷编号' maxlength={32}
          onInput={(e) => setNumber(e.detail.value)} onConfirm={() => void search()} />
        <Button className={`tk-btn plain tk-btn-search ${searching ? 'is-off' : ''}`} {...(searching ? { disabled: true } : {})} onClick={() => void search()}>查找</Button>
      </View>
      {searchError && <View className='error-text tk-hint' id='merge-search-error'>{searchError}</View>}
      {found && found.length > 0 && (
        <View className='tk-options' id='merge-found' ariaRole='radiogroup' ariaLabel='按编号找到的案卷'>
          {found.map((c) => <CandidateRow key={c.id} c={c} on={picked?.id === c.id} onPick={() => setPicked(c)} />)}
        </View>
      )}
      <View className='btn-row'>
        <Button className={`tk-btn ${busy || !picked ? 'is-off' : ''}`} id='merge-submit' {...(busy || !picked ? { disabled: true } : {})} onClick={() => void merge()}>
          {picked ? `合并到 ${picked.number}` : '请先选出原案卷'}
        </Button>
        <Button className='tk-btn plain' onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}
