import { View, Text, Textarea, Button, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { MAX_NOTE, deferInput } from '../../../../core/schemas'
import { missingInput } from '../../../../core/tickets/apply'
import { RATING_OPTIONS } from '../../../../core/tickets/labels'
import type { Rating } from '../../../../core/types'
import type { TicketAction } from '../../../../core/tickets/workflow'
import type { DispatchOptionView, MergeCandidateView, TicketView } from '../../../../core/views'
import { call, errorText } from '../../../api'
import { PhotoPicker, type PhotoList } from '../../../components/photo-picker'
import { DispatchPicker } from '../../../components/ticket-dispatch-picker'
import { MergePicker } from '../../../components/ticket-merge-picker'
import '../../../components/ticket-ui.css'
import type { DraftPhoto } from '../../../store/report-draft'
import { dayText, deferDays, endOfChinaDay } from './defer-dates'

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

/** Steps that first ask a question of their own, then send: each with its own words, never a shared "说明" box. */
type Prompted = 'handBack' | 'rejectFix' | 'refer' | 'reject' | 'closeUnable' | 'reopen' | 'urge'

interface Prompt {
  button: string
  title: string
  placeholder: string
  submit: string
  /** A sentence under the title: what happens next. */
  hint?: string
  warn?: boolean
}

const PROMPTS: Record<Prompted, Prompt> = {
  handBack: { button: '退回', title: '退回文明办重新分派', placeholder: '为什么退回？例如：不在本网格范围、属于物业管理', submit: '确认退回', hint: '文明办会重新派遣给合适的网格员或部门。' },
  rejectFix: { button: '未解决，返工', title: '哪里还没有解决？', placeholder: '请写下还存在的问题，例如：还有一半小广告没撕掉', submit: '提交，请网格员返工', hint: '网格员会看到你写的内容，重新处理。' },
  refer: { button: '转办', title: '转其他部门办理', placeholder: '转给哪个部门、为什么？例如：属供电公司设施，已转供电公司', submit: '确认转办并关闭', hint: '本案卷将关闭，上报人和关注者会收到通知。', warn: true },
  reject: { button: '驳回', title: '驳回为无效上报', placeholder: '驳回的原因，例如：照片与描述不符', submit: '确认驳回', hint: '本案卷将关闭，上报人会收到通知和原因。', warn: true },
  closeUnable: { button: '无法处理', title: '无法处理，结案', placeholder: '无法处理的原因，例如：产权不明，无法处置', submit: '确认结案', hint: '本案卷将关闭，上报人和关注者会收到通知和原因。', warn: true },
  reopen: { button: '问题又出现了', title: '问题又出现了？', placeholder: '请说说现在的情况（可不填）', submit: '重新打开', hint: '案卷会回到网格员手中返工。' },
  urge: { button: '督办', title: '督办：提醒处理人尽快办理', placeholder: '想对处理人说的话（可不填），例如：请今天下班前处理完', submit: '发送督办', hint: '处理人会收到消息，督办记入办理过程和超期统计。' }
}

const PROMPT_ORDER: Prompted[] = ['urge', 'handBack', 'rejectFix', 'refer', 'reject', 'closeUnable', 'reopen']

type Panel = Prompted | 'merge' | 'defer'

/** 缓办's reason: the schema's limit, counted in the box as the person types. */
const DEFER_REASON_MAX = 200

const NOTE_MAX = MAX_NOTE

function NoteBox ({ value, onInput, placeholder, label, max = NOTE_MAX, id }: { value: string; onInput: (v: string) => void; placeholder: string; label: string; max?: number; id?: string }) {
  return (
    <View>
      <Textarea className='tk-note note-input' {...(id ? { id } : {})} value={value} maxlength={max} placeholder={placeholder} ariaLabel={label} onInput={(e) => onInput(e.detail.value)} />
      <View className='tk-count'>{value.length}/{max} 字</View>
    </View>
  )
}

function ActButton ({ label, onTap, off = false, kind = '', id }: { label: string; onTap: () => void; off?: boolean; kind?: '' | 'plain' | 'warn'; id?: string }) {
  return (
    <Button className={`tk-btn ${kind} ${off ? 'is-off' : ''}`} {...(id ? { id } : {})} {...(off ? { disabled: true } : {})} onClick={onTap}>{label}</Button>
  )
}

/** The steps this person may take on this ticket now (the server decided them: `ticket.actions`, `ticket.mayUrge`, `ticket.mayDefer`). */
export function TicketActions ({ ticket, onDone }: { ticket: TicketView; onDone: () => Promise<void> }) {
  const can = (a: TicketAction) => ticket.actions.includes(a)
  const [panel, setPanel] = useState<Panel | null>(null)
  const [promptNote, setPromptNote] = useState('')
  const [formNote, setFormNote] = useState('')
  const [rating, setRating] = useState<Rating | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const after = usePhotoList()
  const [dispatchTo, setDispatchTo] = useState<DispatchOptionView | null>(null)
  const [deferDay, setDeferDay] = useState('')

  const mayDefer = ticket.mayDefer === true
  const prompts = PROMPT_ORDER.filter((p) => (p === 'urge' ? ticket.mayUrge === true : can(p)))
  if (ticket.actions.length === 0 && prompts.length === 0 && !mayDefer) return null

  const open = (p: Panel | null) => {
    setPanel(p)
    setPromptNote('')
    setError(null)
    if (p === 'defer') setDeferDay(deferDays(ticket.deadline, Date.now()).initial)
  }

  /** Send one step and reload; a refusal shows the server's words, and a CONFLICT reloads too (the ticket moved on). */
  const run = async (request: () => Promise<unknown>, toast: string) => {
    setBusy(true)
    setError(null)
    try {
      await request()
      setPanel(null)
      setPromptNote('')
      setFormNote('')
      void Taro.showToast({ title: toast, icon: 'success' })
      await onDone()
    } catch (e) {
      setError(errorText(e))
      if ((e as { code?: string }).code === 'CONFLICT') await onDone()
    } finally {
      setBusy(false)
    }
  }

  /** Send one step; the same check as the server first (core's missingInput), so a gap is named before anything is sent. */
  const send = async (what: TicketAction | 'urge', note: string, extra: Record<string, unknown> = {}) => {
    if (what === 'urge') {
      await run(() => call('tickets', 'urge', { id: ticket.id, expectedVersion: ticket.version, note }), '已督办')
      return
    }
    const missing = missingInput(what, { note, afterPhotos: [], ...extra }, ticket)
    if (missing) { setError(missing); return }
    await run(() => call('tickets', 'act', { id: ticket.id, transition: what, expectedVersion: ticket.version, note, ...extra }), '已提交')
  }

  /** 缓办 to the end of the picked day in China; the server's own schema first, so a short reason is named before sending. */
  const sendDefer = async () => {
    const parsed = deferInput.safeParse({ id: ticket.id, expectedVersion: ticket.version, until: endOfChinaDay(deferDay), reason: promptNote })
    if (!parsed.success) { setError(parsed.error.issues[0]?.message ?? '请检查缓办日期和原因'); return }
    await run(() => call('tickets', 'defer', parsed.data), '已缓办')
  }

  const uploading = after.photos.some((p) => p.status !== 'done')
  const afterIds = after.photos.flatMap((p) => (p.fileId ? [p.fileId] : []))
  const errorLine = error && <View className='tk-error error-text' id='act-error' ariaRole='alert'>{error}</View>

  const verify = (can('confirmFixed') || can('rejectFix')) && (
    <View className='act-verify'>
      <View className='act-title'>问题解决了吗？请核查并评价</View>
      <View className='rating-row' ariaRole='radiogroup' ariaLabel='评价'>
        {RATING_OPTIONS.map((r) => (
          <View key={r.value} className={`rating ${rating === r.value ? 'on' : ''}`} data-rating={r.value} ariaRole='radio' aria-checked={rating === r.value ? 'true' : 'false'}
            onClick={() => setRating(r.value)}>{r.icon} {r.label}</View>
        ))}
      </View>
    </View>
  )

  if (panel === 'merge') {
    return (
      <View className='card actions-card' id='ticket-actions'>
        <MergePicker ticketId={ticket.id} busy={busy}
          onMerge={(c: MergeCandidateView) => void send('merge', '', { mergedInto: c.id })} onCancel={() => open(null)} />
        {errorLine}
      </View>
    )
  }

  if (panel === 'defer') {
    const now = Date.now()
    const days = deferDays(ticket.deadline, now)
    return (
      <View className='card actions-card' id='ticket-actions'>
        <View className='act-prompt' data-prompt='defer'>
          <View className='act-title'>缓办：延长处理时限</View>
          <View className='tk-hint'>现在的时限是 {dayText(ticket.deadline, now)}。处理人和上报人会收到新的日期和原因；每件案卷只能缓办一次，最晚可到 {dayText(days.end, now)}。</View>
          {days.open
            ? (
              <View>
                <View className='tk-subtitle'>缓办到哪一天</View>
                <Picker mode='date' value={deferDay} start={days.start} end={days.end} onChange={(e) => { setDeferDay(String(e.detail.value)); setError(null) }}>
                  <View className='tk-field defer-date' id='defer-date' ariaRole='button' ariaLabel={`缓办到：${dayText(deferDay, now)}，点按更改`}>{dayText(deferDay, now)} 当天内办完 ▾</View>
                </Picker>
                <View className='tk-subtitle'>缓办原因</View>
                <NoteBox id='defer-reason' value={promptNote} onInput={setPromptNote} placeholder='为什么需要更多时间？例如：需等待维修资金到位' label='缓办原因' max={DEFER_REASON_MAX} />
              </View>
              )
            : <View className='tk-error error-text'>原时限已接近最长缓办期限，不能再缓办；请督办处理人或结案。</View>}
          {errorLine}
          <View className='btn-row'>
            <ActButton id='defer-submit' label='确认缓办' off={busy || !days.open} onTap={() => void sendDefer()} />
            <ActButton label='取消' kind='plain' onTap={() => open(null)} />
          </View>
        </View>
      </View>
    )
  }

  if (panel) {
    const p = PROMPTS[panel]
    const ratingExtra = panel === 'rejectFix' && rating ? { rating } : {}
    return (
      <View className='card actions-card' id='ticket-actions'>
        {panel === 'rejectFix' && verify}
        <View className='act-prompt' data-prompt={panel}>
          <View className='act-title'>{p.title}</View>
          {p.hint && <View className='tk-hint'>{p.hint}</View>}
          <NoteBox value={promptNote} onInput={setPromptNote} placeholder={p.placeholder} label={p.title} max={panel === 'urge' ? 200 : NOTE_MAX} />
          {errorLine}
          <View className='btn-row'>
            <ActButton id='prompt-submit' label={p.submit} kind={p.warn ? 'warn' : ''} off={busy} onTap={() => void send(panel, promptNote, ratingExtra)} />
            <ActButton label='取消' kind='plain' onTap={() => open(null)} />
          </View>
        </View>
      </View>
    )
  }

  const main: ReactNode[] = []
  if (can('accept')) main.push(<ActButton key='accept' label='受理' off={busy} onTap={() => void send('accept', '')} />)
  if (can('resolve')) main.push(<ActButton key='resolve' label='提交处理结果' off={busy || uploading || afterIds.length === 0} onTap={() => void send('resolve', formNote, { afterPhotos: afterIds })} />)
  if (can('confirmFixed')) main.push(<ActButton key='confirmFixed' label='确认已解决' off={busy} onTap={() => void send('confirmFixed', formNote, rating ? { rating } : {})} />)
  if (can('dispatch')) {
    main.push(<ActButton key='dispatch' label='派遣' off={busy || !dispatchTo} onTap={() => { if (dispatchTo) void send('dispatch', '', { assigneeId: dispatchTo.managerId, gridId: dispatchTo.gridId }) }} />)
  }
  const secondary: ReactNode[] = prompts.map((p) => <ActButton key={p} label={PROMPTS[p].button} kind='plain' off={busy} onTap={() => open(p)} />)
  // The office's own steps lead: 督办, 缓办, then 合并重复, before the steps that close or hand back.
  let lead = prompts.includes('urge') ? 1 : 0
  if (mayDefer) secondary.splice(lead++, 0, <ActButton key='defer' id='defer-open' label='缓办' kind='plain' off={busy} onTap={() => open('defer')} />)
  if (can('merge')) secondary.splice(lead, 0, <ActButton key='merge' label='合并重复' kind='plain' off={busy} onTap={() => open('merge')} />)

  return (
    <View className='card actions-card' id='ticket-actions'>
      {verify}
      {can('confirmFixed') && <NoteBox value={formNote} onInput={setFormNote} placeholder='还想说点什么（可不填）' label='评价说明' />}
      {can('resolve') && (
        <View className='act-resolve'>
          <View className='act-title'>提交处理结果</View>
          <View className='tk-hint'>至少一张处理后的照片，并写明做了什么</View>
          <PhotoPicker list={after} label='处理后照片' />
          <NoteBox value={formNote} onInput={setFormNote} placeholder='处理说明，例如：已铲除小广告并清洗墙面' label='处理说明' />
        </View>
      )}
      {can('dispatch') && <DispatchPicker ticketId={ticket.id} value={dispatchTo} onChange={setDispatchTo} />}
      {errorLine}
      {main.length > 0 && <View className='btn-row act-main'>{main}</View>}
      {secondary.length > 0 && <View className='btn-row act-more'>{secondary}</View>}
      {!can('confirmFixed') && !can('accept') && <Text className='tk-hint act-foot'>每一步都会记入办理过程，并通知相关的人</Text>}
    </View>
  )
}
