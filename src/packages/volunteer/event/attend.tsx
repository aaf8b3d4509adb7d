import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { attendInput } from '../../../../core/schemas'
import { DEFAULT_SETTINGS } from '../../../../core/settings'
import type { AttendMethod } from '../../../../core/types'
import type { EventView } from '../../../../core/views'
import { call, errorText } from '../../../api'
import { hoursText } from '../events/event-text'

const MINUTE = 60_000
const BY: Record<AttendMethod, string> = { qr: '扫码', position: '定位', organizer: '组织者登记' }

/** Whether the check-in/out buttons show now: from 30 min before the start to 1 h after the end (the server's window). */
export function attendanceOpen (e: Pick<EventView, 'startAt' | 'endAt'>, nowMs: number): boolean {
  const v = DEFAULT_SETTINGS.volunteer
  return nowMs >= Date.parse(e.startAt) - v.checkinEarlyMinutes * MINUTE && nowMs <= Date.parse(e.endAt) + v.checkoutLateMinutes * MINUTE
}

/** Whether this person's attendance card shows at all: a confirmed seat, and the window is on or something is recorded. */
export function showsAttendance (e: EventView, nowMs: number): boolean {
  const s = e.mySignup
  if (!s || s.status !== 'confirmed' || e.status !== 'published') return false
  return attendanceOpen(e, nowMs) || s.checkInAt !== null || s.noShow || s.manualHours !== null || nowMs > Date.parse(e.endAt)
}

type AttendPayload = { code: string } | { eventId: string; location: { lng: number; lat: number } }

/**
 * 签到 / 签退 for a volunteer holding a confirmed seat: scan the organiser's code (WeChat's camera), type it (the
 * browser has no camera API), or check in by position at the event; then the times and the hours, which count
 * only once the organiser confirms them.
 */
export function Attendance ({ event: e, nowMs, onDone }: { event: EventView; nowMs: number; onDone: () => Promise<void> | void }) {
  const s = e.mySignup!
  const [busy, setBusy] = useState(false)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const out = s.checkInAt !== null
  const mode: 'in' | 'out' = out ? 'out' : 'in'
  const word = out ? '签退' : '签到'
  const open = attendanceOpen(e, nowMs) && s.checkOutAt === null && !s.noShow && (out || nowMs <= Date.parse(e.endAt))

  const attend = async (payload: AttendPayload) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    try {
      const res = mode === 'in' ? await call('volunteer', 'checkIn', payload) : await call('volunteer', 'checkOut', payload)
      setCode('')
      Taro.showToast({ title: res.mode === 'in' ? '签到成功' : '签退成功', icon: 'success' })
      await onDone()
    } catch (err) {
      setFailure(errorText(err))
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the camera: nothing to say
    }
    await attend({ code: text })
  }

  const locate = async () => {
    if (busy) return
    let loc: { longitude: number; latitude: number }
    try {
      loc = await Taro.getLocation({ type: 'gcj02' })
    } catch {
      setFailure('无法获取你的位置：请在手机设置里允许微信使用定位，或扫码' + word)
      return
    }
    await attend({ eventId: e.id, location: { lng: loc.longitude, lat: loc.latitude } })
  }

  const typed = async () => {
    // The code branch of the server's schema: its own message, not the union's.
    const parsed = attendInput.options[0].safeParse({ code })
    if (!parsed.success) { setCodeError(parsed.error.issues[0].message); return }
    setCodeError(null)
    await attend({ code: parsed.data.code })
  }

  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  const weapp = (process.env.TARO_ENV) === 'weapp'
  const h5 = (process.env.TARO_ENV) === 'h5'
  const time = (iso: string | null, by: AttendMethod | null) => (iso ? `${dayjs(iso).format('HH:mm')}${by ? `（${BY[by]}）` : ''}` : '—')
  const earned = s.earnedHours
  const confirmed = s.hoursConfirmedAt !== null

  return (
    <View className='card ed-attend' id='attendance' data-mode={mode}>
      <View className='ed-section-title'>签到和服务时长</View>
      {s.noShow
        ? <View className='ed-warn' id='attendance-no-show'>组织者把你记为缺席。如果你其实到场了，可以在「我的志愿」里申诉。</View>
        : (
          <View className='ed-facts'>
            <View className='ed-fact'><Text className='ed-label'>签到</Text><Text className='ed-value' id='checkin-time'>{time(s.checkInAt, s.checkInBy)}</Text></View>
            <View className='ed-fact'><Text className='ed-label'>签退</Text><Text className='ed-value' id='checkout-time'>{time(s.checkOutAt, s.checkOutBy)}</Text></View>
            {(earned !== null || s.manualHours !== null) && (
              <View className='ed-fact'>
                <Text className='ed-label'>时长</Text>
                <Text className='ed-value' id='attendance-hours'>
                  {earned !== null ? `${hoursText(earned)} 小时` : ''}
                  {s.manualHours !== null ? `${earned !== null ? ' + ' : ''}补录 ${hoursText(s.manualHours)} 小时` : ''}
                  <Text className={`ed-hours-state ${confirmed ? 'ok' : 'wait'}`}>{confirmed ? ' · 已确认，计入总时长' : ' · 待组织者确认'}</Text>
                </Text>
              </View>
            )}
          </View>
          )}
      {!open && !s.noShow && s.checkInAt === null && nowMs > Date.parse(e.endAt) && (
        <View className='ed-note' id='attendance-missed'>活动已结束，你没有签到。如果你参加了，请联系组织者补录时长。</View>
      )}
      {!open && s.checkOutAt === null && s.checkInAt !== null && nowMs > Date.parse(e.endAt) && (
        <View className='ed-note'>签退时间已过，请联系组织者补录时长。</View>
      )}
      {open && (
        <View className='ed-attend-actions'>
          <View className='ed-note'>{out ? '服务结束时请扫组织者出示的二维码签退，时长按签到到签退的时间计算。' : '到达活动地点后，扫组织者出示的二维码签到。'}</View>
          {!h5 && (
            <View className={`ed-btn ed-btn-go ${busy ? 'busy' : ''}`} id='checkin-scan-button' data-mode={mode} ariaRole='button' onClick={() => void scan()}>
              {busy ? '请稍候…' : `扫码${word}`}
            </View>
          )}
          {!weapp && (
            <View className='ed-code'>
              <Input className='ed-input' id='checkin-code-input' value={code} placeholder='输入签到码' ariaLabel={`输入组织者给出的${word}码`}
                onInput={(ev) => setCode(ev.detail.value)} onConfirm={() => void typed()} />
              <View className={`ed-btn ed-btn-go ed-code-btn ${busy ? 'busy' : ''}`} id='checkin-code-submit' data-mode={mode} ariaRole='button' onClick={() => void typed()}>{word}</View>
            </View>
          )}
          {codeError && <View className='error-text ed-field-error' id='checkin-code-error'>{codeError}</View>}
          {e.location
            ? (
              <View className={`ed-btn ed-btn-plain ${busy ? 'busy' : ''}`} id='checkin-locate-button' data-mode={mode} ariaRole='button' onClick={() => void locate()}>
                定位{word}（需在活动地点附近）
              </View>
              )
            : <View className='ed-note'>本活动没有标注地点，请扫码{word}。</View>}
        </View>
      )}
      {failure && <View className='error-text ed-failure' id='attendance-error' aria-live='polite'>{failure}</View>}
    </View>
  )
}
