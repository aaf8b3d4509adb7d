import { View, Text, Textarea, Picker, Input, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { RATING_OPTIONS } from '../../../../core/tickets/labels'
import type { Rating } from '../../../../core/types'
import type { TicketAction } from '../../../../core/tickets/workflow'
import type { TicketView } from '../../../../core/views'
import { call } from '../../../api'
import { PhotoPicker, type PhotoList } from '../../../components/photo-picker'
import type { DraftPhoto } from '../../../store/report-draft'

/** A local photo list for after-photos (the report draft keeps its own, persisted). */
function usePhotoList (): PhotoList {
  const [photos, setPhotos] = useState<DraftPhoto[]>([])
  return {
    photos,
    addPhoto: (p) => { setPhotos((xs) => [...xs, p]); return true },
    updatePhoto: (key, patch) => setPhotos((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x))),
    removePhoto: (key) => setPhotos((xs) => xs.filter((x) => x.key !== key))
  }
}

/** The steps this person may take on this ticket now (the server decided them: `ticket.actions`). */
export function TicketActions ({ ticket, onDone }: { ticket: TicketView; onDone: () => Promise<void> }) {
  const can = (a: TicketAction) => ticket.actions.includes(a)
  const [note, setNote] = useState('')
  const [rating, setRating] = useState<Rating | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const after = usePhotoList()
  const [managers, setManagers] = useState<Array<{ id: string; nickname: string; gridIds: string[] }>>([])
  const [assignee, setAssignee] = useState<string | null>(null)
  const [original, setOriginal] = useState('')

  useEffect(() => {
    if (can('dispatch')) call('admin', 'managers', {}).then(setManagers, () => setManagers([]))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticket.id, ticket.state])

  if (ticket.actions.length === 0) return null

  const act = async (transition: TicketAction, extra: Record<string, unknown> = {}, confirm?: string) => {
    if (confirm) {
      const ok = await Taro.showModal({ title: confirm, content: note ? `说明：${note}` : '', confirmColor: '#07c160' })
      if (!ok.confirm) return
    }
    setBusy(true)
    setError(null)
    try {
      await call('tickets', 'act', { id: ticket.id, transition, expectedVersion: ticket.version, note, ...extra })
      setNote('')
      void Taro.showToast({ title: '已提交', icon: 'success' })
      await onDone()
    } catch (e) {
      setError((e as Error).message)
      if ((e as { code?: string }).code === 'CONFLICT') await onDone()
    } finally {
      setBusy(false)
    }
  }

  const uploading = after.photos.some((p) => p.status !== 'done')
  const afterIds = after.photos.flatMap((p) => (p.fileId ? [p.fileId] : []))

  return (
    <View className='card actions-card' id='ticket-actions'>
      {(can('confirmFixed') || can('rejectFix')) && (
        <View className='act-verify'>
          <View className='act-title'>问题解决了吗？请核查并评价</View>
          <View className='rating-row'>
            {RATING_OPTIONS.map((r) => <View key={r.value} className={`rating ${rating === r.value ? 'on' : ''}`} data-rating={r.value} onClick={() => setRating(r.value)}>{r.icon} {r.label}</View>)}
          </View>
        </View>
      )}
      {can('resolve') && (
        <View className='act-resolve'>
          <View className='act-title'>处理结果（至少一张处理后照片）</View>
          <PhotoPicker list={after} label='处理后照片' />
        </View>
      )}
      {can('dispatch') && (
        <Picker mode='selector' range={managers.map((m) => `${m.nickname}（${m.gridIds.length} 个网格）`)} onChange={(e) => setAssignee(managers[Number(e.detail.value)]?.id ?? null)}>
          <View className='picker-field' id='dispatch-picker'>{assignee ? `派遣给：${managers.find((m) => m.id === assignee)?.nickname}` : '选择网格员 ›'}</View>
        </Picker>
      )}
      {can('merge') && <Input className='picker-field' value={original} placeholder='重复时填写原案卷编号' onInput={(e) => setOriginal(e.detail.value.trim())} />}
      <Textarea className='note-input' value={note} maxlength={500} placeholder='说明（退回、返工、驳回、转办时必填）' onInput={(e) => setNote(e.detail.value)} />
      {error && <View className='error-text' id='act-error'>{error}</View>}
      <View className='btn-row'>
        {can('accept') && <Button className='btn-small' disabled={busy} onClick={() => void act('accept')}>受理</Button>}
        {can('resolve') && <Button className='btn-small' disabled={busy || uploading || afterIds.length === 0} onClick={() => void act('resolve', { afterPhotos: afterIds })}>提交处理结果</Button>}
        {can('confirmFixed') && <Button className='btn-small' disabled={busy} onClick={() => void act('confirmFixed', rating ? { rating } : {})}>确认已解决</Button>}
        {can('rejectFix') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('rejectFix', rating ? { rating } : {}, '确认未解决，退回返工？')}>未解决，返工</Button>}
        {can('dispatch') && <Button className='btn-small' disabled={busy || !assignee} onClick={() => void act('dispatch', { assigneeId: assignee })}>派遣</Button>}
        {can('merge') && <Button className='btn-small plain' disabled={busy || !original} onClick={() => void act('merge', { mergedInto: original }, '合并为重复上报？')}>合并</Button>}
        {can('handBack') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('handBack', {}, '退回文明办重新分派？')}>退回</Button>}
        {can('refer') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('refer', {}, '转其他部门并关闭案卷？')}>转办</Button>}
        {can('reject') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('reject', {}, '驳回为无效上报？')}>驳回</Button>}
        {can('closeUnable') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('closeUnable', {}, '确认无法处理并结案？')}>无法处理</Button>}
        {can('reopen') && <Button className='btn-small plain' disabled={busy} onClick={() => void act('reopen', {}, '问题又出现了，重新打开？')}>重新打开</Button>}
      </View>
      {!can('confirmFixed') && !can('accept') && <Text className='muted'>每一步都会记入办理过程，并通知相关的人</Text>}
    </View>
  )
}
