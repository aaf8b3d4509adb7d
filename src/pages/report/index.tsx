import { View, Text, Textarea, Switch, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../core/pages'
import { reportInput } from '../../../core/schemas'
import { STATE_LABELS } from '../../../core/tickets/workflow'
import type { GcjPoint } from '../../../core/types'
import type { LocateView, NearbyView, TicketView } from '../../../core/views'
import { ApiError, call } from '../../api'
import { CategoryPicker } from '../../components/category-picker'
import { GridMap } from '../../components/grid-map'
import { PhotoPicker } from '../../components/photo-picker'
import { StatusView } from '../../components/status-view'
import { useReportDraft } from '../../store/report-draft'
import { useAction } from '../../utils/use-action'
import { NearbyPanel } from './nearby'
import './index.css'

/** 随手拍: what (category, photos, words) and where (map or device) — the draft survives leaving the page or the app. */
export default function Report () {
  const { data, loading, error, reload } = useAction(async () => {
    const [categories, map] = await Promise.all([call('reports', 'categories', {}), call('reports', 'gridMap', {})])
    return { categories, grids: map.grids }
  })
  const draft = useReportDraft()
  const [where, setWhere] = useState<LocateView | null>(null)
  const [nearby, setNearby] = useState<NearbyView[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<TicketView | null>(null)
  const category = data?.categories.find((c) => c.id === draft.categoryId) ?? null

  // Who will handle this point, and what is already reported near it.
  useEffect(() => {
    const p = draft.point
    if (!p) return
    let live = true
    call('reports', 'locate', p).then((w) => { if (live) setWhere(w) }, () => { if (live) setWhere(null) })
    if (draft.categoryId) call('reports', 'nearby', { categoryId: draft.categoryId, location: p }).then((n) => { if (live) setNearby(n) }, () => undefined)
    else setNearby([])
    return () => { live = false }
  }, [draft.point?.lng, draft.point?.lat, draft.categoryId])

  const pick = (p: GcjPoint) => { setFormError(null); draft.set({ point: p }) }
  const useDevice = async () => {
    try {
      const loc = await Taro.getLocation({ type: 'gcj02' })
      pick({ lng: loc.longitude, lat: loc.latitude })
    } catch {
      setFormError('无法获取定位：请在设置中允许使用位置，或直接在地图上点选问题位置')
    }
  }

  const submit = async () => {
    setFormError(null)
    if (!category) return setFormError('请选择问题类别')
    if (!draft.point) return setFormError('请在地图上点选问题位置，或使用当前位置')
    if (draft.photos.some((p) => p.status === 'uploading')) return setFormError('照片还在上传，请稍候')
    if (draft.photos.some((p) => p.status === 'failed')) return setFormError('有照片上传失败：点击照片重试，或删除后再提交')
    const parsed = reportInput.safeParse({
      clientRequestId: draft.clientRequestId, categoryId: category.id, description: draft.description, location: draft.point,
      anonymous: draft.anonymous && category.allowAnonymous, photos: draft.photos.flatMap((p) => (p.fileId ? [p.fileId] : []))
    })
    if (!parsed.success) return setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容')
    setSubmitting(true)
    try {
      const res = await call('reports', 'submit', parsed.data)
      setDone(res.ticket)
      draft.reset()
      setWhere(null)
      setNearby([])
    } catch (e) {
      // The draft and its request id stay: submitting again after a bad network files the report once.
      const retryAt = e instanceof ApiError && e.code === 'RATE_LIMITED' ? (e.details as { retryAt?: string } | undefined)?.retryAt : undefined
      setFormError(retryAt ? `${(e as Error).message}（${new Date(retryAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })} 后可再上报）` : (e as Error).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <View className='page report'>
        <View className='card done' id='report-done' data-ticket={done.id}>
          <View className='done-icon'>✓</View>
          <View className='done-title'>已提交，感谢参与！</View>
          <View className='muted'>{STATE_LABELS[done.state]}{done.gridName ? ` · ${done.gridName}` : ''}</View>
          <View className='muted'>{done.state === 'triage' ? '位置不在网格内，文明办会尽快分派' : '网格员会在处理时限内处理，进展会通知你'}</View>
          <Button className='btn-plain done-btn' onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: done.id }) })}>查看进度</Button>
          <Button className='btn-primary done-btn' onClick={() => setDone(null)}>再拍一个</Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page report'>
      <StatusView loading={loading} error={error} onRetry={reload}>
        <View className='section-title'>1. 问题类别</View>
        <View className='card'>
          <CategoryPicker categories={data?.categories ?? []} value={draft.categoryId} onChange={(c) => draft.set({ categoryId: c.id, anonymous: draft.anonymous && c.allowAnonymous })} />
        </View>
        <View className='section-title'>2. 现场照片（最多 4 张）</View>
        <View className='card'><PhotoPicker list={draft} /></View>
        <View className='section-title'>3. 问题位置</View>
        <View className='card'>
          <GridMap grids={data?.grids ?? []} value={draft.point} onPick={pick} highlightGridId={where?.grid?.id ?? null} />
          <View className='row loc-row'>
            <View className='btn-small plain' onClick={() => void useDevice()}>📍 使用当前位置</View>
            <View className='spacer' />
            <Text className='muted'>或在地图上点选</Text>
          </View>
          {draft.point && (
            <View className='where' id='report-where'>
              {where === null ? '正在确定所属网格…' : where.grid
                ? <Text>{where.grid.name} · {where.handledBy === 'grid' ? `网格员 ${where.managerNames.join('、')} 处理` : '该网格暂无网格员，由文明办分派'}</Text>
                : <Text>不在任何网格内，提交后由文明办分派</Text>}
            </View>
          )}
        </View>
        <NearbyPanel items={nearby} onFollowed={(id, followers) => setNearby((xs) => xs.map((x) => (x.id === id ? { ...x, following: true, followers } : x)))} />
        <View className='section-title'>4. 问题描述</View>
        <View className='card'>
          <Textarea className='desc' value={draft.description} maxlength={500} placeholder='简单描述一下问题，例如：电线杆上贴满了小广告' onInput={(e) => draft.set({ description: e.detail.value })} />
          <View className='muted count'>{draft.description.length}/500</View>
        </View>
        {category?.allowAnonymous && (
          <View className='cells'><View className='cell'><View className='cell-body'>匿名上报<View className='cell-desc'>处理人看不到你的身份</View></View><Switch checked={draft.anonymous} color='#07c160' onChange={(e) => draft.set({ anonymous: e.detail.value })} /></View></View>
        )}
        {formError && <View className='card error-text' id='report-error'>{formError}</View>}
        <View className='submit-bar'>
          <Button className='btn-primary' id='report-submit' loading={submitting} disabled={submitting} onClick={() => void submit()}>提交</Button>
          <View className='muted draft-hint'>未提交的内容会自动保存为草稿</View>
        </View>
      </StatusView>
    </View>
  )
}
