import { View, Text, Switch, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../core/pages'
import { reportInput } from '../../../core/schemas'
import { STATE_LABELS } from '../../../core/tickets/workflow'
import type { GcjPoint } from '../../../core/types'
import type { LocateView, NearbyView, TicketView } from '../../../core/views'
import { ApiError, call, isSignInNeeded } from '../../api'
import { CategoryPicker } from '../../components/category-picker'
import { GridMap, type PickDetail } from '../../components/grid-map'
import { PhotoPicker } from '../../components/photo-picker'
import { ReportDescription } from '../../components/report-description'
import { PageShell } from '../../components/page-shell'
import { SignInPrompt } from '../../components/sign-in-prompt'
import { StatusView } from '../../components/status-view'
import { useReportDraft } from '../../store/report-draft'
import { useSession } from '../../store/session'
import { useAction } from '../../utils/use-action'
import { NearbyPanel } from './nearby'
import './index.css'

/** 随手拍: what (category, photos, words) and where (map or device) — the draft survives leaving the page or the app. */
export default function Report () {
  const { data, loading, error, reload } = useAction(async () => {
    const [categories, map] = await Promise.all([call('reports', 'categories', {}), call('reports', 'gridMap', {})])
    return { categories, map }
  })
  const draft = useReportDraft()
  // A visitor may look and fill in (the draft is kept), but is told at once that sending needs signing in.
  const signedOut = useSession((s) => s.status === 'signedOut')
  // null while looking the point up; 'failed' when the lookup could not answer (the server routes it on submit anyway).
  const [where, setWhere] = useState<LocateView | null | 'failed' | 'signIn'>(null)
  const [nearby, setNearby] = useState<NearbyView[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<TicketView | null>(null)
  // How far the point may be off (a tap's scale, a GPS fix) and the place's name when it was searched: not
  // part of the saved draft, so a restored point searches with the category's own radius.
  const [picked, setPicked] = useState<PickDetail | null>(null)
  const toleranceM = picked?.uncertaintyM ?? 0
  const category = data?.categories.find((c) => c.id === draft.categoryId) ?? null

  // Who will handle this point, and what is already reported near it.
  useEffect(() => {
    const p = draft.point
    if (!p) return
    let live = true
    setWhere(null)
    call('reports', 'locate', p).then((w) => { if (live) setWhere(w) }, (e: unknown) => { if (live) setWhere(isSignInNeeded(e) ? 'signIn' : 'failed') })
    if (draft.categoryId) call('reports', 'nearby', { categoryId: draft.categoryId, location: p, toleranceM }).then((n) => { if (live) setNearby(n) }, () => undefined)
    else setNearby([])
    return () => { live = false }
  }, [draft.point?.lng, draft.point?.lat, draft.categoryId, toleranceM])

  const pick = (p: GcjPoint, detail: PickDetail) => { setFormError(null); setPicked(detail); draft.set({ point: p }) }
  const useDevice = async () => {
    try {
      const loc = await Taro.getLocation({ type: 'gcj02' })
      // The fix's own accuracy radius is how far off it may be (the server caps how much that widens a search).
      const accuracy = Number.isFinite(loc.accuracy) && loc.accuracy > 0 ? Math.min(Math.round(loc.accuracy), 10_000) : 0
      pick({ lng: loc.longitude, lat: loc.latitude }, { uncertaintyM: accuracy })
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
      ...(picked?.placeName ? { address: picked.placeName.slice(0, 120) } : {}),
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
      setPicked(null)
      // The form was scrolled down to 提交: the short done screen starts at the top, its check mark in view.
      void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
    } catch (e) {
      // The draft and its request id stay: submitting again after a bad network files the report once.
      const retryAt = e instanceof ApiError && e.code === 'RATE_LIMITED' ? (e.details as { retryAt?: string } | undefined)?.retryAt : undefined
      if (isSignInNeeded(e)) setFormError('请先登录再提交：填写的内容已保存为草稿，登录后回到这里即可提交')
      else setFormError(retryAt ? `${(e as Error).message}（${new Date(retryAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })} 后可再上报）` : (e as Error).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <PageShell className='report'>
        <View className='card report-done-card' id='report-done' data-ticket={done.id}>
          <View className='done-icon' ariaRole='img' ariaLabel='提交成功'><View className='done-check' /></View>
          <View className='done-title'>已提交，感谢参与！</View>
          <View className='done-line'>{STATE_LABELS[done.state]}{done.gridName ? ` · ${done.gridName}` : ''}</View>
          <View className='done-line'>{done.state === 'triage' ? '位置不在网格内，文明办会尽快分派' : '网格员会在处理时限内处理，进展会通知你'}</View>
          <Button className='btn-plain done-btn' onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: done.id }) })}>查看进度</Button>
          <Button className='btn-primary done-btn' onClick={() => setDone(null)}>再拍一个</Button>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className='report'>
      <StatusView loading={loading} error={error} onRetry={reload}>
        {signedOut && <SignInPrompt inline reason='登录后才能上报问题，现在填写的内容会保存为草稿' />}
        <View className='section-title'>1. 问题类别</View>
        <View className='card'>
          <CategoryPicker categories={data?.categories ?? []} value={draft.categoryId} onChange={(c) => draft.set({ categoryId: c.id, anonymous: draft.anonymous && c.allowAnonymous })} />
        </View>
        <View className='section-title'>2. 现场照片（1–4 张）</View>
        <View className='card'><PhotoPicker list={draft} /></View>
        <View className='section-title'>3. 问题位置</View>
        <View className='card'>
          <GridMap
            grids={data?.map.grids ?? []} roads={data?.map.roads} places={data?.map.places}
            value={draft.point} onPick={pick} uncertaintyM={draft.point ? toleranceM : null} highlightGridId={where && typeof where === 'object' ? where.grid?.id ?? null : null}
          />
          <View className='loc-row'>
            <View className='loc-btn' id='use-device' ariaRole='button' onClick={() => void useDevice()}>📍 使用当前位置</View>
          </View>
          {draft.point && (
            <View className='report-where' id='report-where'>
              {where === null ? '正在确定所属网格…' : where === 'signIn' ? '登录后显示所属网格和处理人'
                : where === 'failed' ? '暂时无法确定所属网格，提交后会按位置自动分派' : where.grid
                ? <Text>{where.grid.name} · {where.handledBy === 'grid' ? `网格员 ${where.managerNames.join('、')} 处理` : '该网格暂无网格员，由文明办分派'}</Text>
                : <Text>不在任何网格内，提交后由文明办分派</Text>}
            </View>
          )}
        </View>
        <NearbyPanel items={nearby} onFollowed={(id, followers) => setNearby((xs) => xs.map((x) => (x.id === id ? { ...x, following: true, followers } : x)))} />
        <View className='section-title'>4. 问题描述</View>
        <View className='card'>
          <ReportDescription value={draft.description} onChange={(description) => draft.set({ description })} />
        </View>
        {category?.allowAnonymous && (
          <View className='cells'><View className='cell'><View className='cell-body'>匿名上报<View className='cell-desc'>处理人看不到你的身份</View></View><Switch checked={draft.anonymous} color='#07c160' onChange={(e) => draft.set({ anonymous: e.detail.value })} /></View></View>
        )}
        {formError && <View className='card report-error' id='report-error' ariaRole='alert'>{formError}</View>}
        <View className='submit-bar'>
          <Button className='btn-primary' id='report-submit' loading={submitting} disabled={submitting} onClick={() => void submit()}>提交</Button>
          <View className='draft-hint'>未提交的内容会自动保存为草稿</View>
        </View>
      </StatusView>
    </PageShell>
  )
}
