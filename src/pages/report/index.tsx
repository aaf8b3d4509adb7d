import { View, Text, Textarea, Picker, Switch, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { ringCentroid } from '../../../core/routing'
import { reportInput } from '../../../core/schemas'
import { STATE_LABELS } from '../../../core/tickets/workflow'
import type { Category, GcjPoint } from '../../../core/types'
import type { LocateView, TicketView } from '../../../core/views'
import { call } from '../../api'
import { StatusView } from '../../components/status-view'
import { useAction } from '../../utils/use-action'
import './index.css'

const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

export default function Report () {
  const { data, loading, error, reload } = useAction(async () => {
    const [categories, map] = await Promise.all([call('reports', 'categories', {}), call('reports', 'gridMap', {})])
    return { categories, grids: map.grids }
  })
  const [group, setGroup] = useState<string | null>(null)
  const [category, setCategory] = useState<Category | null>(null)
  const [description, setDescription] = useState('')
  const [point, setPoint] = useState<GcjPoint | null>(null)
  const [where, setWhere] = useState<LocateView | null>(null)
  const [anonymous, setAnonymous] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const [submitting, setSubmitting] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const [done, setDone] = useState<TicketView | null>(null)

  const groups = useMemo(() => (data?.categories ?? []).filter((c) => c.level === 1), [data])
  const items = useMemo(() => (data?.categories ?? []).filter((c) => c.level === 2 && c.parentCode === group), [data, group])

  const choosePoint = async (p: GcjPoint) => {
    setPoint(p)
    setWhere(null)
    try { setWhere(await call('reports', 'locate', p)) } catch (e) { setFormError((e as Error).message) }
  }

  const useDevice = async () => {
    try {
      const loc = await Taro.getLocation({ type: 'gcj02' })
      await choosePoint({ lng: loc.longitude, lat: loc.latitude })
    } catch {
      setFormError('无法获取定位：请在设置中允许位置权限，或在下方选择网格')
    }
  }

  const submit = async () => {
    setFormError(null)
    const parsed = reportInput.safeParse({ clientRequestId: requestId, categoryId: category?.id ?? '', description, location: point ?? undefined, anonymous })
    if (!category) return setFormError('请选择问题类别')
    if (!point) return setFormError('请确定问题位置')
    if (!parsed.success) return setFormError(parsed.error.issues[0]?.message ?? '请检查填写的内容')
    setSubmitting(true)
    try {
      const res = await call('reports', 'submit', parsed.data)
      setDone(res.ticket)
      setDescription('')
      setRequestId(newRequestId())
    } catch (e) {
      setFormError((e as Error).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <View className='page report'>
        <View className='card done' id='report-done'>
          <View className='done-title'>已提交，感谢参与！</View>
          <View className='muted'>案卷状态：{STATE_LABELS[done.state]}{done.gridName ? ` · ${done.gridName}` : ''}</View>
          <Button className='btn-primary done-btn' onClick={() => setDone(null)}>再拍一个</Button>
        </View>
      </View>
    )
  }

  return (
    <View className='page report'>
      <StatusView loading={loading} error={error} onRetry={reload}>
        <View className='section-title'>问题类别</View>
        <View className='card chips'>
          {groups.map((g) => (
            <Text key={g.id} className={`chip ${group === g.code ? 'on' : ''}`} onClick={() => { setGroup(g.code); setCategory(null) }}>{g.icon} {g.name}</Text>
          ))}
        </View>
        {group && (
          <View className='card chips' id='category-items'>
            {items.map((c) => (
              <Text key={c.id} className={`chip ${category?.id === c.id ? 'on' : ''}`} data-category={c.id} onClick={() => setCategory(c)}>{c.icon} {c.name}</Text>
            ))}
          </View>
        )}
        <View className='section-title'>问题描述</View>
        <View className='card'>
          <Textarea className='desc' value={description} maxlength={500} placeholder='简单描述一下看到的问题' onInput={(e) => setDescription(e.detail.value)} />
        </View>
        <View className='section-title'>问题位置（GCJ-02）</View>
        <View className='card'>
          <View className='row'>
            <View className='btn-small plain' onClick={() => void useDevice()}>📍 使用当前位置</View>
            <View className='spacer' />
            <Picker mode='selector' range={(data?.grids ?? []).map((g) => g.name)} onChange={(e) => {
              const g = data?.grids[Number(e.detail.value)]
              const c = g && ringCentroid(g.polygon)
              if (c) void choosePoint(c)
            }}>
              <View className='btn-small plain'>选择网格</View>
            </Picker>
          </View>
          {point && (
            <View className='where muted' id='report-where'>
              {point.lng.toFixed(5)}, {point.lat.toFixed(5)}
              {where && (where.grid ? ` · ${where.grid.name} · ${where.handledBy === 'grid' ? `网格员 ${where.managerNames.join('、')}` : '转文明办分拣'}` : ' · 不在任何网格内，将转文明办分拣')}
            </View>
          )}
        </View>
        {category?.allowAnonymous && (
          <View className='cells'><View className='cell'><View className='cell-body'>匿名上报（处理人看不到你的身份）</View><Switch checked={anonymous} color='#07c160' onChange={(e) => setAnonymous(e.detail.value)} /></View></View>
        )}
        {formError && <View className='card error-text' id='report-error'>{formError}</View>}
        <View className='submit-bar'>
          <Button className='btn-primary' loading={submitting} disabled={submitting} onClick={() => void submit()}>提交</Button>
        </View>
      </StatusView>
    </View>
  )
}
