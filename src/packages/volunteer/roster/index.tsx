import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { DEFAULT_SETTINGS } from '../../../../core/settings'
import { cancelEventRefusal, recordRefusal } from '../../../../core/volunteer/events'
import { cancelEventInput, servedCountInput } from '../../../../core/volunteer/schemas'
import type { RosterEntry, RosterView } from '../../../../core/volunteer/views'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { KIND_LABELS, PHASE_LABELS, PHASE_TAGS, eventPhase, whenText } from '../organize/event-format'
import { EntryCard } from './entry'
import { saveWorkbook } from '../../../utils/save-file'
import './index.css'

type Tab = 'signed' | 'waiting' | 'attendance'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'signed', label: '已报名' }, { key: 'waiting', label: '候补' }, { key: 'attendance', label: '签到情况' }
]
const SEATED: ReadonlyArray<RosterEntry['attendance']> = ['booked', 'in', 'out', 'no_show']
const { checkinEarlyMinutes, checkoutLateMinutes } = DEFAULT_SETTINGS.volunteer
const CODE_HOURS = `签到码在活动开始前 ${checkinEarlyMinutes} 分钟开放，到活动结束后 ${checkoutLateMinutes} 分钟为止`

/** Checked out with hours computed and not yet confirmed: what 全部确认 confirms as computed. */
const awaitsConfirm = (e: RosterEntry) => e.attendance === 'out' && e.signup.earnedHours !== null && e.signup.hoursConfirmedAt === null

function Bar ({ id, label, value, of }: { id: string; label: string; value: number; of: number }) {
  const share = of > 0 ? Math.min(1, value / of) : 0
  return (
    <View className='rs-bar' id={id} ariaLabel={`${label} ${value}/${of}`}>
      <View className='row rs-bar-head'>
        <Text className='rs-bar-label'>{label}</Text>
        <View className='spacer' />
        <Text className='rs-bar-value'>{value}<Text className='rs-bar-of'>/{of}</Text></Text>
      </View>
      <View className='rs-track' aria-hidden='true'><View className='rs-fill' style={{ width: `${share * 100}%` }} /></View>
    </View>
  )
}

/**
 * 报名名单: who signed up and who waits, then who came — with the organiser's steps: mark attendance, confirm hours
 * (one by one or all at once), show the check-in code, export the list, record people served, cancel the event.
 */
export default function Roster () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data, loading, error, reload } = useAction(() => call('volunteer', 'roster', { id }), [id])
  const [tab, setTab] = useState<Tab | null>(null)
  const [panel, setPanel] = useState<'cancel' | 'served' | null>(null)
  const [reason, setReason] = useState('')
  const [served, setServed] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [progress, setProgress] = useState<{ done: number; of: number; failed: string[] } | null>(null)

  // Coming back from the code screen or the form: the counts and the event may have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })

  const view: RosterView | null = data
  const now = Date.now()
  const nowIso = new Date(now).toISOString()
  const e = view?.event
  const phase = e ? eventPhase(e, now) : null
  // The server's own rules: attendance and hours from the start; cancelling until the end; edits before the start.
  const canMark = !!e && recordRefusal(e, nowIso) === null
  const canCancel = !!e && e.status === 'published' && cancelEventRefusal(e, nowIso) === null
  const canEdit = !!e && e.status !== 'cancelled' && Date.parse(e.startAt) > now
  const codeShown = !!view && (phase === 'published' || (phase === 'ended' && view.codeOpen))
  // From the check-in window on, the organiser sees who came first.
  const current: Tab = tab ?? ((view?.codeOpen || canMark) ? 'attendance' : 'signed')

  const run = async (key: string, work: () => Promise<string | null>) => {
    if (busy) return
    setBusy(key)
    try {
      const done = await work()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      void Taro.showModal({ title: '没有成功', content: errorText(err), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(null)
    }
  }

  const showCode = () => {
    if (!view) return
    if (!view.codeOpen) {
      void Taro.showToast({ title: CODE_HOURS, icon: 'none', duration: 3000 })
      return
    }
    void Taro.navigateTo({ url: pageUrl(PAGES.checkinCode, { id }) })
  }

  const publish = () => run('publish', async () => {
    const { confirm } = await Taro.showModal({ title: '发布这个活动？', content: '发布后志愿者就能看到并报名。', confirmText: '发布', cancelText: '再想想' })
    if (!confirm) return null
    await call('volunteer', 'publishEvent', { id })
    await reload()
    return '已发布'
  })

  const exportRoster = () => run('export', async () => {
    const file = await call('volunteer', 'exportRoster', { id })
    const how = await saveWorkbook(file)
    return how === 'downloaded' ? `已下载 ${file.rows} 人` : `已导出 ${file.rows} 人`
  })

  const submitServed = () => {
    const count = Number(served.trim())
    if (served.trim() === '' || Number.isNaN(count)) { setFormError('请填写服务群众人次（数字）'); return }
    const parsed = servedCountInput.safeParse({ id, servedCount: count })
    if (!parsed.success) { setFormError(parsed.error.issues[0].message); return }
    setFormError(null)
    return run('served', async () => {
      await call('volunteer', 'recordServed', parsed.data)
      setPanel(null)
      await reload()
      return '已记录服务人次'
    })
  }

  const submitCancel = () => {
    const parsed = cancelEventInput.safeParse({ id, reason })
    if (!parsed.success) { setFormError(parsed.error.issues[0].message); return }
    setFormError(null)
    return run('cancel', async () => {
      const people = view?.counts.confirmed ?? 0
      const { confirm } = await Taro.showModal({
        title: '确定取消这个活动？',
        content: `将通知所有报名和候补的人（已报名 ${people} 人），释放全部名额。取消后不能恢复。`,
        confirmText: '取消活动',
        cancelText: '不取消',
        confirmColor: '#c93030'
      })
      if (!confirm) return null
      const res = await call('volunteer', 'cancelEvent', parsed.data)
      setPanel(null)
      setReason('')
      await reload()
      return `已取消，已通知 ${res.told} 人`
    })
  }

  const confirmAll = () => run('all', async () => {
    const todo = (view?.entries ?? []).filter(awaitsConfirm)
    if (todo.length === 0) return null
    const { confirm } = await Taro.showModal({
      title: `确认 ${todo.length} 人的时长？`,
      content: '按签到签退计算的信用时长确认，确认后计入志愿者的服务记录。需要调整的请单独确认。',
      confirmText: '全部确认',
      cancelText: '再想想'
    })
    if (!confirm) return null
    const failed: string[] = []
    setProgress({ done: 0, of: todo.length, failed })
    // One at a time: each is its own write, and the organiser sees how far it got.
    for (const [i, entry] of todo.entries()) {
      try {
        await call('volunteer', 'confirmHours', { eventId: id, userId: entry.signup.userId })
      } catch (err) {
        failed.push(`${entry.name}（${errorText(err)}）`)
      }
      setProgress({ done: i + 1 - failed.length, of: todo.length, failed: [...failed] })
    }
    await reload()
    return failed.length ? null : `已确认 ${todo.length} 人`
  })

  const entries = view?.entries ?? []
  const listed = (t: Tab) => {
    if (t === 'waiting') return entries.filter((x) => x.attendance === 'waiting' || x.attendance === 'offered')
    if (t === 'attendance') return entries.filter((x) => SEATED.includes(x.attendance))
    return [...entries.filter((x) => SEATED.includes(x.attendance)), ...entries.filter((x) => x.attendance === 'gone')]
  }
  const shownEntries = listed(current)
  const pendingAll = entries.filter(awaitsConfirm).length

  return (
    <PageShell className='roster'>
      <StatusView signInReason='登录后可以查看报名名单' loading={loading && !view} error={view ? null : error} onRetry={reload}>
        {view && e && phase && (
          <View id='roster' data-phase={phase}>
            <View className='card rs-event'>
              <View className='row'>
                <Text className={`tag ${PHASE_TAGS[phase]}`} id='roster-status'>{PHASE_LABELS[phase]}</Text>
                <Text className={`tag ${e.kind === 'training' ? 'blue' : ''}`}>{KIND_LABELS[e.kind]}</Text>
              </View>
              <View className='rs-title' id='roster-title'>{e.title}</View>
              <View className='rs-line'>{whenText(e)}</View>
              <View className='rs-line'>{e.address}</View>
              {phase === 'cancelled' && e.cancelReason && <View className='rs-line error-text'>取消原因：{e.cancelReason}</View>}
              {e.servedCount !== null && <View className='rs-line' id='served-count'>服务群众 {e.servedCount} 人次</View>}
            </View>

            <View className='card rs-counts' id='roster-counts'>
              <Bar id='bar-confirmed' label='已报名' value={view.counts.confirmed} of={e.capacity} />
              <Bar id='bar-checked-in' label='已签到' value={view.counts.checkedIn} of={view.counts.confirmed} />
              <View className='rs-figures' id='roster-figures'>
                候补 {view.counts.waitlisted} 人{view.counts.offered ? ` · 补位待确认 ${view.counts.offered} 人` : ''} · 已签退 {view.counts.checkedOut} 人 · 缺席 {view.counts.noShow} 人 · 时长待确认 {view.counts.pendingHours} 人
              </View>
            </View>

            <View className='rs-actions-bar'>
              {codeShown && <View className={`btn-primary rs-act ${view.codeOpen ? '' : 'rs-act-off'}`} id='show-code' ariaRole='button' onClick={showCode}>显示签到码</View>}
              {phase === 'draft' && <View className='btn-primary rs-act' id='publish-event' ariaRole='button' onClick={() => void publish()}>发布活动</View>}
              {canEdit && <View className='btn-plain rs-act' id='edit-event' ariaRole='button' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.eventEdit, { id }) })}>编辑活动</View>}
              {phase !== 'draft' && <View className={`btn-plain rs-act ${busy === 'export' ? 'rs-busy' : ''}`} id='export-roster' ariaRole='button' onClick={() => void exportRoster()}>{busy === 'export' ? '正在导出…' : '导出名单'}</View>}
              {phase === 'ended' && <View className='btn-plain rs-act' id='record-served' ariaRole='button' onClick={() => { setPanel('served'); setServed(e.servedCount === null ? '' : String(e.servedCount)); setFormError(null) }}>填写服务人次</View>}
              {canCancel && <View className='btn-plain rs-act rs-warn' id='cancel-event' ariaRole='button' onClick={() => { setPanel('cancel'); setFormError(null) }}>取消活动</View>}
            </View>
            {codeShown && !view.codeOpen && <View className='rs-hint' id='code-hint'>{CODE_HOURS}。</View>}

            {panel === 'served' && (
              <View className='card rs-panel' id='served-panel'>
                <View className='rs-panel-title'>服务群众人次</View>
                <View className='rs-panel-hint'>本次活动服务了多少人次（如：咨询、陪伴、劝导的人数），计入年度报告。</View>
                <Input className='rs-input rs-input-wide' id='served-input' type='number' value={served} placeholder='例如：120' ariaLabel='服务群众人次' onInput={(x) => setServed(x.detail.value)} />
                {formError && <View className='error-text rs-form-error' id='served-error' ariaRole='alert'>{formError}</View>}
                <View className='row rs-form-actions'>
                  <View className='btn-small plain' ariaRole='button' onClick={() => setPanel(null)}>取消</View>
                  <View className='btn-small' id='served-submit' ariaRole='button' onClick={() => void submitServed()}>保存</View>
                </View>
              </View>
            )}
            {panel === 'cancel' && (
              <View className='card rs-panel' id='cancel-panel'>
                <View className='rs-panel-title'>取消活动</View>
                <View className='rs-panel-hint'>所有报名和候补的人都会收到通知和取消原因，名额全部释放。</View>
                <Textarea className='rs-reason' id='cancel-reason' value={reason} maxlength={200} placeholder='取消原因，例如：暴雨预警，活动改期另行通知' ariaLabel='取消原因' onInput={(x) => setReason(x.detail.value)} />
                {formError && <View className='error-text rs-form-error' id='cancel-error' ariaRole='alert'>{formError}</View>}
                <View className='row rs-form-actions'>
                  <View className='btn-small plain' ariaRole='button' onClick={() => setPanel(null)}>不取消了</View>
                  <View className='btn-small rs-danger' id='cancel-submit' ariaRole='button' onClick={() => void submitCancel()}>{busy === 'cancel' ? '请稍候…' : '确认取消'}</View>
                </View>
              </View>
            )}

            <View className='tabs rs-tabs' ariaRole='tablist'>
              {TABS.map(({ key, label }) => (
                <View key={key} className={`tab ${current === key ? 'on' : ''}`} ariaRole='tab' aria-selected={current === key ? 'true' : 'false'} data-tab={key} onClick={() => setTab(key)}>
                  {label}（{listed(key).length}）
                </View>
              ))}
            </View>

            {current === 'attendance' && pendingAll > 0 && canMark && (
              <View className='card rs-bulk'>
                <View className='row'>
                  <View className='rs-bulk-text'>{pendingAll} 人已签退，时长待确认</View>
                  <View className={`btn-small ${busy === 'all' ? 'rs-busy' : ''}`} id='confirm-all' ariaRole='button' onClick={() => void confirmAll()}>全部确认</View>
                </View>
              </View>
            )}
            {progress && (
              <View className='card rs-progress' id='confirm-all-progress' aria-live='polite'>
                已确认 {progress.done}/{progress.of}
                {progress.failed.length > 0 && <View className='error-text'>未成功 {progress.failed.length} 人：{progress.failed.join('；')}</View>}
              </View>
            )}

            <View className='cells rs-list' id={`list-${current}`}>
              {shownEntries.length === 0
                ? <View className='status inline rs-empty'>{current === 'waiting' ? '没有人在候补' : '还没有人报名'}</View>
                : shownEntries.map((x, i) => (
                  <EntryCard
                    key={x.signup.id} entry={x} event={e} detailed={current === 'attendance'} canMark={canMark}
                    position={current === 'waiting' ? i + 1 : undefined} onDone={reload}
                  />
                ))}
            </View>
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
