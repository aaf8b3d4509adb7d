import { View, Text, Input, Textarea, Picker, Switch } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { VOLUNTEER_TOPICS, type EventKind, type VolunteerEvent, type VolunteerTopic } from '../../../../core/types'
import { MAX_EVENT_CAPACITY } from '../../../../core/volunteer/schemas'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { KIND_LABELS, chinaDate, eventPhase } from '../organize/event-format'
import { blankForm, checkForm, deadlineFor, formOf, type EventForm, type FieldErrors, type FieldKey } from './form'
import { FormField } from '../../../components/form-field'
import { goBackOr } from '../../../utils/navigate'
import './index.css'

const KINDS: EventKind[] = ['service', 'training']

function Field ({ label, name, errors, required = false, hint, children }: { label: string; name: FieldKey; errors: FieldErrors; required?: boolean; hint?: string; children: ReactNode }) {
  return <FormField prefix='ed' name={name} label={label} error={errors[name]} required={required} hint={hint}>{children}</FormField>
}

/** Back to where it was opened from; to its list when opened by its address. */
const leave = () => { void goBackOr(PAGES.organize) }

/**
 * 发布活动 / 编辑活动 (`?id=` edits): the event form, checked with the server's own schema before sending. A new event
 * is saved as a draft; 保存并发布 saves and then publishes it. A published event stays published when edited.
 */
export default function EditEvent () {
  const { params } = useRouter()
  const id = params.id ?? ''
  // The roster action reads the whole event for its organiser, drafts included.
  const existing = useAction(async () => (id ? (await call('volunteer', 'roster', { id })).event : null), [id])
  const [form, setForm] = useState<EventForm>(() => blankForm(Date.now()))
  const [savedId, setSavedId] = useState<string | null>(id || null)
  const [status, setStatus] = useState<VolunteerEvent['status']>('draft')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const e = existing.data
    if (!e) return
    setForm(formOf(e))
    setStatus(e.status)
    void Taro.setNavigationBarTitle({ title: '编辑活动' }).catch(() => undefined)
  }, [existing.data])

  const set = (patch: Partial<EventForm>, ...fields: FieldKey[]) => {
    setForm((f) => {
      const next = { ...f, ...patch }
      return next.deadlineFollowsStart && (patch.date !== undefined || patch.start !== undefined) ? { ...next, ...deadlineFor(next.date, next.start) } : next
    })
    if (fields.length) setErrors((e) => { const n = { ...e }; for (const k of fields) delete n[k]; return n })
  }

  const toggleTraining = (t: VolunteerTopic) => set({
    requiredTrainings: form.requiredTrainings.includes(t) ? form.requiredTrainings.filter((x) => x !== t) : [...form.requiredTrainings, t]
  }, 'requiredTrainings')

  const capacity = Number(form.capacity)
  const step = (d: number) => {
    const base = Number.isFinite(capacity) ? Math.round(capacity) : 0
    set({ capacity: String(Math.min(MAX_EVENT_CAPACITY, Math.max(1, base + d))) }, 'capacity')
  }

  const chooseLocation = async () => {
    try {
      const at = form.location
      const r = await Taro.chooseLocation(at ? { longitude: at.lng, latitude: at.lat } : {})
      const place = r.name || r.address || null
      set({ location: { lng: r.longitude, lat: r.latitude }, placeName: place, ...(form.address.trim() === '' && place ? { address: place } : {}) }, 'location', 'address')
    } catch (e) {
      if (/cancel/i.test(String((e as { errMsg?: string }).errMsg ?? (e as Error).message ?? ''))) return
      void Taro.showToast({ title: '这里打不开地图选点，可以不选位置，只填集合地点', icon: 'none', duration: 3000 })
    }
  }

  const save = async (publish: boolean) => {
    if (busy) return
    const checked = checkForm(form, savedId)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFailure(null)
      void Taro.showToast({ title: checked.first, icon: 'none' })
      return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      const saved = await call('volunteer', 'saveEvent', checked.input)
      // Kept, so a retry after a failed publish edits this draft instead of creating another.
      setSavedId(saved.id)
      setStatus(saved.status)
      if (publish && saved.status === 'draft') {
        try {
          await call('volunteer', 'publishEvent', { id: saved.id })
        } catch (e) {
          setFailure(`已存为草稿，但没有发布成功：${errorText(e)}`)
          return
        }
      }
      void Taro.showToast({ title: publish ? '已发布' : saved.status === 'published' ? '已保存修改' : '已存为草稿', icon: 'success' })
      if (publish) void Taro.redirectTo({ url: pageUrl(PAGES.roster, { id: saved.id }) })
      else leave()
    } catch (e) {
      setFailure(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const loaded = existing.data
  const phase = loaded ? eventPhase(loaded, Date.now()) : null
  // As the server holds it (core/volunteer/events saveRefusal): no edits once cancelled or begun.
  const lockedBy = phase === 'cancelled' ? '活动已取消，不能再修改。' : loaded && Date.parse(loaded.startAt) <= Date.now() ? '活动已开始，不能再修改。活动结束后可以在名单页填写服务人次。' : null
  const locked = lockedBy !== null
  const today = chinaDate(new Date().toISOString())
  const topicIndex = form.topic ? VOLUNTEER_TOPICS.indexOf(form.topic) : 0

  return (
    <PageShell className='edit-event'>
      <StatusView signInReason='登录后可以发布志愿活动' loading={!!id && existing.loading && !loaded} error={loaded ? null : existing.error} onRetry={existing.reload}>
        {locked
          ? (
            <View className='status' id='edit-locked'>
              <View className='status-message'>{lockedBy}</View>
              <View className='status-actions'><View className='btn-plain' ariaRole='button' onClick={leave}>返回</View></View>
            </View>
            )
          : (
            <View id='event-form'>
              {status === 'published' && <View className='ed-note' id='edit-published-note'>这个活动已发布，保存后志愿者会看到修改后的内容。</View>}
              <View className='card'>
                <Field label='活动类型' name='kind' errors={errors} required>
                  <View className='ed-segments' ariaRole='radiogroup' ariaLabel='活动类型'>
                    {KINDS.map((k) => (
                      <View
                        key={k} id={`kind-${k}`} data-kind={k} className={`ed-segment ${form.kind === k ? 'on' : ''}`} ariaRole='radio'
                        aria-checked={form.kind === k ? 'true' : 'false'} onClick={() => set({ kind: k }, 'kind', 'requiredTrainings')}
                      >{KIND_LABELS[k]}</View>
                    ))}
                  </View>
                </Field>
                <Field label='活动名称' name='title' errors={errors} required>
                  <Input className='ed-input' id='event-title-input' value={form.title} maxlength={60} placeholder='例如：香樟路社区垃圾分类宣传' ariaLabel='活动名称' onInput={(e) => set({ title: e.detail.value }, 'title')} />
                </Field>
                <Field label='服务领域' name='topic' errors={errors} required>
                  <Picker mode='selector' range={[...VOLUNTEER_TOPICS]} value={topicIndex} onChange={(e) => set({ topic: VOLUNTEER_TOPICS[Number(e.detail.value)] ?? null }, 'topic')}>
                    <View className={`ed-input ed-picker ${form.topic ? '' : 'ed-placeholder'}`} id='event-topic' ariaRole='button' ariaLabel={`服务领域：${form.topic ?? '请选择'}`}>{form.topic ?? '请选择'} ▾</View>
                  </Picker>
                </Field>
                <Field label='服务对象' name='servingTarget' errors={errors} hint='为谁服务，例如：社区高龄老人'>
                  <Input className='ed-input' id='event-serving-input' value={form.servingTarget} maxlength={40} placeholder='可不填' ariaLabel='服务对象' onInput={(e) => set({ servingTarget: e.detail.value }, 'servingTarget')} />
                </Field>
                <Field label='活动说明' name='description' errors={errors}>
                  <Textarea className='ed-textarea' id='event-description-input' value={form.description} maxlength={1000} placeholder='做什么、要带什么、注意事项' ariaLabel='活动说明' onInput={(e) => set({ description: e.detail.value }, 'description')} />
                  <View className='ed-count'>{form.description.length}/1000 字</View>
                </Field>
              </View>

              <View className='card'>
                <Field label='集合地点' name='address' errors={errors} required>
                  <Input className='ed-input' id='event-address-input' value={form.address} maxlength={120} placeholder='例如：香樟路社区服务中心门口' ariaLabel='集合地点' onInput={(e) => set({ address: e.detail.value }, 'address')} />
                </Field>
                <Field label='地图位置' name='location' errors={errors} hint='选好位置，志愿者可以在活动地点定位签到；不选也可以，只用二维码签到。'>
                  <View className='row ed-location'>
                    <View className='ed-location-text' id='location-text'>{form.location ? `已选：${form.placeName ?? '地图上的位置'}` : '未选择'}</View>
                    {form.location && <View className='btn-small plain' id='clear-location' ariaRole='button' ariaLabel='清除地图位置' onClick={() => set({ location: null, placeName: null }, 'location')}>清除</View>}
                    <View className='btn-small plain ed-choose' id='choose-location' ariaRole='button' onClick={() => void chooseLocation()}>选择位置</View>
                  </View>
                </Field>
              </View>

              <View className='card'>
                <Field label='活动日期' name='startAt' errors={errors} required>
                  <Picker mode='date' value={form.date} start={today} onChange={(e) => set({ date: String(e.detail.value) }, 'startAt', 'endAt', 'cancelDeadline')}>
                    <View className='ed-input ed-picker' id='event-date' ariaRole='button' ariaLabel={`活动日期：${form.date}`}>{form.date} ▾</View>
                  </Picker>
                </Field>
                <View className='row ed-times'>
                  <View className='ed-time'>
                    <View className='ed-label'>开始时间</View>
                    <Picker mode='time' value={form.start} onChange={(e) => set({ start: String(e.detail.value) }, 'startAt', 'endAt', 'cancelDeadline')}>
                      <View className='ed-input ed-picker' id='event-start' ariaRole='button' ariaLabel={`开始时间：${form.start}`}>{form.start} ▾</View>
                    </Picker>
                  </View>
                  <Text className='ed-to' aria-hidden='true'>至</Text>
                  <View className='ed-time'>
                    <View className='ed-label'>结束时间</View>
                    <Picker mode='time' value={form.end} onChange={(e) => set({ end: String(e.detail.value) }, 'endAt')}>
                      <View className='ed-input ed-picker' id='event-end' ariaRole='button' ariaLabel={`结束时间：${form.end}`}>{form.end} ▾</View>
                    </Picker>
                  </View>
                </View>
                {errors.endAt && <View className='ed-error error-text' id='error-endAt' ariaRole='alert'>{errors.endAt}</View>}
                <Field label='取消报名截止' name='cancelDeadline' errors={errors} hint={form.deadlineFollowsStart ? '默认活动开始前 24 小时；截止后志愿者不能自行取消' : '截止后志愿者不能自行取消'}>
                  <View className='row ed-times'>
                    <Picker mode='date' value={form.deadlineDate} onChange={(e) => set({ deadlineDate: String(e.detail.value), deadlineFollowsStart: false }, 'cancelDeadline')}>
                      <View className='ed-input ed-picker' id='deadline-date' ariaRole='button' ariaLabel={`取消截止日期：${form.deadlineDate}`}>{form.deadlineDate} ▾</View>
                    </Picker>
                    <Picker mode='time' value={form.deadlineTime} onChange={(e) => set({ deadlineTime: String(e.detail.value), deadlineFollowsStart: false }, 'cancelDeadline')}>
                      <View className='ed-input ed-picker ed-deadline-time' id='deadline-time' ariaRole='button' ariaLabel={`取消截止时间：${form.deadlineTime}`}>{form.deadlineTime} ▾</View>
                    </Picker>
                  </View>
                </Field>
              </View>

              <View className='card'>
                <Field label='名额' name='capacity' errors={errors} required>
                  <View className='row ed-stepper'>
                    <View className='ed-step' id='capacity-minus' ariaRole='button' ariaLabel='减少 1 个名额' onClick={() => step(-1)}>−</View>
                    <Input className='ed-input ed-capacity' id='capacity-input' type='number' value={form.capacity} ariaLabel='名额（人）' onInput={(e) => set({ capacity: e.detail.value }, 'capacity')} />
                    <View className='ed-step' id='capacity-plus' ariaRole='button' ariaLabel='增加 1 个名额' onClick={() => step(1)}>＋</View>
                    <Text className='ed-unit'>人</Text>
                  </View>
                </Field>
                <View className='cell ed-switch-cell'>
                  <View className='cell-body'>
                    <View className='cell-title'>名额满后允许候补</View>
                    <View className='cell-desc'>有人取消时，按候补顺序通知补位</View>
                  </View>
                  <Switch id='waitlist-switch' checked={form.waitlistEnabled} color='#06773b' ariaLabel='名额满后允许候补' onChange={(e) => set({ waitlistEnabled: e.detail.value })} />
                </View>
              </View>

              {form.kind === 'service' && (
                <View className='card'>
                  <Field label='报名需要的培训' name='requiredTrainings' errors={errors} hint={form.requiredTrainings.length ? `已选 ${form.requiredTrainings.length} 项：只有完成这些培训（在有效期内）的志愿者能报名` : '不选则所有志愿者都能报名'}>
                    <View className='ed-chips' id='required-trainings'>
                      {VOLUNTEER_TOPICS.map((t) => {
                        const on = form.requiredTrainings.includes(t)
                        return (
                          <View key={t} className={`ed-chip ${on ? 'on' : ''}`} data-training={t} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggleTraining(t)}>
                            {on ? '✓ ' : ''}{t}
                          </View>
                        )
                      })}
                    </View>
                  </Field>
                </View>
              )}

              {failure && <View className='card error-text' id='edit-error' ariaRole='alert'>{failure}</View>}
              <View className='ed-bar'>
                {status === 'published'
                  ? <View className={`btn-primary ed-save ${busy ? 'ed-busy' : ''}`} id='save-event' ariaRole='button' onClick={() => void save(false)}>{busy ? '正在保存…' : '保存修改'}</View>
                  : (
                    <>
                      <View className={`btn-plain ed-save ${busy ? 'ed-busy' : ''}`} id='save-draft' ariaRole='button' onClick={() => void save(false)}>保存草稿</View>
                      <View className={`btn-primary ed-save ${busy ? 'ed-busy' : ''}`} id='save-publish' ariaRole='button' onClick={() => void save(true)}>{busy ? '请稍候…' : '保存并发布'}</View>
                    </>
                    )}
              </View>
            </View>
            )}
      </StatusView>
    </PageShell>
  )
}
