import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { AttendMethod, VolunteerEvent } from '../../../../core/types'
import { confirmedHours, originalEarned, roundHours } from '../../../../core/volunteer/attendance'
import { confirmHoursInput } from '../../../../core/volunteer/schemas'
import type { RosterEntry } from '../../../../core/volunteer/views'
import { call, errorText } from '../../../api'
import { dateTimeText, hoursText } from '../organize/event-format'

export const ATTENDANCE_LABELS: Record<RosterEntry['attendance'], string> = {
  waiting: '候补中', offered: '已通知补位', booked: '未签到', in: '已签到', out: '已签退', no_show: '缺席', gone: '已取消'
}
const ATTENDANCE_TAGS: Record<RosterEntry['attendance'], string> = {
  waiting: 'orange', offered: 'orange', booked: '', in: 'blue', out: 'green', no_show: 'red', gone: ''
}
const BY: Record<AttendMethod, string> = { qr: '扫码', position: '定位', organizer: '组织者标记' }
const FIELD: Record<'earned' | 'manual', string> = { earned: '信用时长', manual: '补录' }

/** Hours typed by the organiser: blank is 0 for 补录; anything else as a number for the schema to judge. */
const typed = (text: string, blankIs: number | null): number => (text.trim() === '' ? (blankIs ?? Number.NaN) : Number(text))

interface HoursFormProps {
  entry: RosterEntry
  event: VolunteerEvent
  onDone: () => Promise<void>
  onClose: () => void
}

/**
 * 确认时长: 信用时长 as check-in/out computed it, which may only be lowered; 补录 for a forgotten check-out, within the
 * event's most hours; a reason for either change. Checked with the server's own rule (core confirmedHours) first.
 */
function HoursForm ({ entry, event, onDone, onClose }: HoursFormProps) {
  const s = entry.signup
  const computed = originalEarned(s)
  const hasEarned = s.checkInAt !== null && s.earnedHours !== null
  const [earnedText, setEarnedText] = useState(hasEarned ? String(s.earnedHours) : '')
  const [manualText, setManualText] = useState(s.manualHours ? String(s.manualHours) : '')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const uid = s.userId

  const earned = hasEarned ? typed(earnedText, null) : 0
  const room = Math.max(0, roundHours(entry.maxHours - (Number.isFinite(earned) ? earned : 0)))

  const submit = async () => {
    if (busy) return
    const input: { earnedHours?: number; manualHours?: number; reason?: string } = {}
    if (hasEarned && earned !== s.earnedHours) input.earnedHours = earned
    const manual = typed(manualText, 0)
    if (manual !== (s.manualHours ?? 0)) input.manualHours = manual
    if (reason.trim()) input.reason = reason.trim()
    const parsed = confirmHoursInput.safeParse({ eventId: event.id, userId: uid, ...input })
    if (!parsed.success) { setError(parsed.error.issues[0].message); return }
    const rule = confirmedHours(s, event, input, 'organizer', new Date().toISOString(), { maxHoursPerEvent: entry.maxHours })
    if (!rule.ok) { setError(rule.message); return }
    setError(null)
    setBusy(true)
    try {
      await call('volunteer', 'confirmHours', parsed.data)
      void Taro.showToast({ title: '时长已确认', icon: 'success' })
      onClose()
      await onDone()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='rs-hours-form' id={`hours-form-${uid}`}>
      <View className='rs-form-row'>
        <View className='rs-form-label'>信用时长（小时）</View>
        {hasEarned
          ? <Input className='rs-input' id={`earned-input-${uid}`} type='digit' value={earnedText} ariaLabel='信用时长（小时）' onInput={(e) => setEarnedText(e.detail.value)} />
          : <View className='rs-form-value'>未签退，没有信用时长</View>}
      </View>
      {hasEarned && <View className='rs-form-hint'>按签到签退计算为 {hoursText(computed)} 小时，只能调低，不能调高</View>}
      <View className='rs-form-row'>
        <View className='rs-form-label'>补录（小时）</View>
        <Input className='rs-input' id={`manual-input-${uid}`} type='digit' value={manualText} placeholder='0' ariaLabel='补录时长（小时）' onInput={(e) => setManualText(e.detail.value)} />
      </View>
      <View className='rs-form-hint'>忘记签退等情况可补录，最多 {hoursText(room)} 小时（本次活动每人最多记 {hoursText(entry.maxHours)} 小时）</View>
      <Textarea className='rs-reason' id={`hours-reason-${uid}`} value={reason} maxlength={200} placeholder='调低或补录时请写明原因，例如：中途离开 1 小时 / 忘记签退，现场核实到 11:30' ariaLabel='调整原因' onInput={(e) => setReason(e.detail.value)} />
      {error && <View className='error-text rs-form-error' id={`hours-error-${uid}`} ariaRole='alert'>{error}</View>}
      <View className='row rs-form-actions'>
        <View className='btn-small plain' ariaRole='button' onClick={onClose}>取消</View>
        <View className={`btn-small ${busy ? 'rs-busy' : ''}`} id={`hours-submit-${uid}`} ariaRole='button' onClick={() => void submit()}>{busy ? '请稍候…' : '确认时长'}</View>
      </View>
    </View>
  )
}

interface EntryProps {
  entry: RosterEntry
  event: VolunteerEvent
  /** 签到情况: times, hours, their history and the steps; the other tabs show who only. */
  detailed: boolean
  /** Marking attendance makes sense from the check-in window on. */
  canMark: boolean
  /** Place on the waitlist, when it waits. */
  position?: number
  onDone: () => Promise<void>
}

/** One person on the roster: who, their state, and on 签到情况 what they did and what the organiser may do. */
export function EntryCard ({ entry, event, detailed, canMark, position, onDone }: EntryProps) {
  const s = entry.signup
  const uid = s.userId
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const who = (by: string) => (by === event.organizerId ? '活动组织者' : `管理员 ${by}`)

  const mark = async (attended: boolean) => {
    if (busy) return
    if (!attended) {
      const { confirm } = await Taro.showModal({
        title: `标记${entry.name}缺席？`,
        content: '将清除其签到、签退和时长记录。志愿者可以看到并申诉。',
        confirmText: '标记缺席',
        cancelText: '再想想',
        confirmColor: '#c93030'
      })
      if (!confirm) return
    }
    setBusy(true)
    try {
      await call('volunteer', 'markAttendance', { eventId: event.id, userId: uid, attended })
      void Taro.showToast({ title: attended ? '已标记出席' : '已标记缺席', icon: 'success' })
      await onDone()
    } catch (e) {
      void Taro.showModal({ title: '没有成功', content: errorText(e), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(false)
    }
  }

  const a = entry.attendance
  const seated = a === 'booked' || a === 'in' || a === 'out' || a === 'no_show'
  const confirmed = s.hoursConfirmedAt !== null
  return (
    <View className={`rs-entry ${a === 'gone' ? 'rs-gone' : ''}`} data-entry={uid} data-attendance={a}>
      <View className='row rs-entry-head'>
        {position !== undefined && <Text className='rs-pos'>{position}</Text>}
        <View className='rs-who'>
          <Text className='rs-name'>{entry.name}</Text>
          <Text className='rs-phone'>{entry.phone}</Text>
        </View>
        <View className='spacer' />
        <Text className={`tag ${ATTENDANCE_TAGS[a]}`} data-state={a}>{ATTENDANCE_LABELS[a]}</Text>
      </View>
      {entry.volunteerNo && <View className='rs-line'>志愿者编号 {entry.volunteerNo}</View>}
      {a === 'offered' && s.offerExpiresAt && <View className='rs-line'>补位名额保留到 {dateTimeText(s.offerExpiresAt)}</View>}

      {detailed && seated && (
        <View className='rs-detail'>
          <View className='rs-line'>签到 {s.checkInAt ? `${dateTimeText(s.checkInAt)}${s.checkInBy ? `（${BY[s.checkInBy]}）` : ''}` : '—'}</View>
          <View className='rs-line'>签退 {s.checkOutAt ? `${dateTimeText(s.checkOutAt)}${s.checkOutBy ? `（${BY[s.checkOutBy]}）` : ''}` : '—'}</View>
          {a !== 'no_show' && (
            <View className='rs-line rs-hours' id={`hours-${uid}`}>
              信用时长 {hoursText(s.earnedHours)} 小时 · 补录 {hoursText(s.manualHours ?? 0)} 小时 ·{' '}
              <Text className={confirmed ? 'rs-ok' : 'rs-pending'}>{confirmed ? '✓ 已确认' : s.checkInAt ? '待确认' : '未签到'}</Text>
            </View>
          )}
          {s.adjustments.length > 0 && (
            <View className='rs-history' id={`adjustments-${uid}`}>
              {s.adjustments.map((j, i) => (
                <View key={i} className='rs-history-item'>
                  {dateTimeText(j.at)} · {who(j.by)} · {FIELD[j.field]} {hoursText(j.from ?? 0)} → {hoursText(j.to)} 小时{j.reason ? ` · 原因：${j.reason}` : ''}
                </View>
              ))}
            </View>
          )}
          {s.appeal && (
            <View className='rs-appeal' id={`appeal-${uid}`}>
              <Text className='rs-appeal-title'>志愿者申诉{s.appeal.resolvedAt ? '（已处理）' : '（待处理）'}：</Text>{s.appeal.reason}
              <View className='rs-appeal-at'>{dateTimeText(s.appeal.at)}</View>
            </View>
          )}
          {canMark && (
            <View className='row rs-actions'>
              {(a === 'booked' || a === 'no_show') && (
                <View className='btn-small plain' id={`mark-in-${uid}`} ariaRole='button' ariaLabel={`标记${entry.name}出席`} onClick={() => void mark(true)}>标记出席</View>
              )}
              {a !== 'no_show' && (
                <View className='btn-small plain rs-warn' id={`mark-absent-${uid}`} ariaRole='button' ariaLabel={`标记${entry.name}缺席`} onClick={() => void mark(false)}>标记缺席</View>
              )}
              {(a === 'in' || a === 'out') && !open && (
                <View className='btn-small' id={`confirm-hours-${uid}`} ariaRole='button' ariaLabel={`确认${entry.name}的时长`} onClick={() => setOpen(true)}>{confirmed ? '修改时长' : '确认时长'}</View>
              )}
            </View>
          )}
          {open && <HoursForm entry={entry} event={event} onDone={onDone} onClose={() => setOpen(false)} />}
        </View>
      )}
    </View>
  )
}
