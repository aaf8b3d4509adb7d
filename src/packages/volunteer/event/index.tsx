import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { DEFAULT_SETTINGS } from '../../../../core/settings'
import type { EventView } from '../../../../core/views'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { KIND_LABELS, countdownText, dayTime, distanceText, placesText, requirements, whenText } from '../events/event-text'
import { Attendance, attendanceOpen, showsAttendance } from './attend'
import './index.css'

/** The clock the page shows from: every second while an offer counts down, every half minute otherwise. */
function useNow (fast: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), fast ? 1000 : 30_000)
    return () => clearInterval(timer)
  }, [fast])
  return now
}

/**
 * 活动详情: every fact of the event (time, place, area, whom it serves, organiser, requirements and whether I meet
 * them, places drawn), and the one step this person can take now (the server's choice); during the event a
 * confirmed volunteer checks in and out here and sees the hours.
 */
export default function EventDetail () {
  const id = useRouter()?.params?.id ?? ''
  const { data: e, loading, error, reload } = useAction(() => call('volunteer', 'event', { id }), [id])
  const now = useNow(e?.choice === 'offered')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const run = async (work: () => Promise<string>) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    try {
      Taro.showToast({ title: await work(), icon: 'success' })
      await reload()
    } catch (err) {
      // Refusals name what is missing (a training, a lapsed offer): kept on screen, not in a toast that goes.
      setFailure(errorText(err))
      await reload()
    } finally {
      setBusy(false)
    }
  }

  const signup = (ev: EventView) => run(async () => {
    const res = await call('volunteer', 'signup', { eventId: ev.id })
    if (res.outcome === 'duplicate') return '你已报名过'
    if (res.outcome === 'waitlisted') return res.waitlistPosition ? `已候补第 ${res.waitlistPosition} 位` : '已进入候补'
    return '报名成功'
  })

  const accept = (ev: EventView) => run(async () => {
    await call('volunteer', 'acceptOffer', { eventId: ev.id })
    return '已确认参加'
  })

  const cancel = async (ev: EventView) => {
    if (busy) return
    const kind = ev.choice === 'waitlisted' ? 'wait' : ev.choice === 'offered' ? 'offer' : 'seat'
    const words = {
      wait: { title: '取消候补？', content: '取消后将不再为你保留候补位置。', confirmText: '取消候补', done: '已取消候补' },
      offer: { title: '放弃这个名额？', content: '名额会马上让给下一位候补的志愿者。', confirmText: '放弃名额', done: '已放弃名额' },
      seat: { title: '取消报名？', content: '取消后名额会让给其他志愿者，之后仍可再报名。', confirmText: '取消报名', done: '已取消报名' }
    }[kind]
    const { confirm } = await Taro.showModal({ title: words.title, content: words.content, confirmText: words.confirmText, cancelText: '再想想', confirmColor: '#c93030' })
    if (!confirm) return
    await run(async () => {
      await call('volunteer', 'cancel', { eventId: ev.id })
      return words.done
    })
  }

  const go = (url: string) => () => void Taro.navigateTo({ url })

  const button = (elId: string, label: string, onClick: () => void, style: 'go' | 'wait' | 'plain' | 'danger' = 'go') => (
    <View className={`ed-btn ed-btn-${style} ${busy ? 'busy' : ''}`} id={elId} ariaRole='button' onClick={onClick}>{busy && style !== 'plain' ? '请稍候…' : label}</View>
  )

  const cancelButton = (ev: EventView, label: string) => {
    if (ev.canCancel) return <View className='ed-btn ed-btn-plain ed-btn-cancel' id='cancel-button' ariaRole='button' onClick={() => void cancel(ev)}>{label}</View>
    // Once it has begun there is nothing to cancel or tell.
    if (now >= Date.parse(ev.startAt)) return null
    return <View className='ed-note'>已过取消截止时间（{dayTime(ev.cancelDeadline)}），如不能参加请联系组织者。</View>
  }

  const action = (ev: EventView) => {
    switch (ev.choice) {
      case 'signup':
        return <>{button('signup-button', '报名', () => void signup(ev))}<View className='ed-note'>取消截止 {dayTime(ev.cancelDeadline)}，之前可随时取消。</View></>
      case 'waitlist':
        return (
          <>
            <View className='ed-state ed-state-wait'>名额已满，可以加入候补</View>
            <View className='ed-note'>已有 {ev.waitlistLength} 人候补。有人取消时按候补顺序通知，你确认后即可参加。</View>
            {button('signup-button', '加入候补', () => void signup(ev), 'wait')}
          </>
        )
      case 'waitlisted':
        return (
          <>
            <View className='ed-state ed-state-wait' id='waitlist-position'>候补中{ev.waitlistPosition ? `：你排在第 ${ev.waitlistPosition} 位` : ''}</View>
            <View className='ed-note'>有人取消时会按顺序通知你，到时请在规定时间内确认。</View>
            {cancelButton(ev, '取消候补')}
          </>
        )
      case 'offered': {
        const deadline = ev.mySignup?.offerExpiresAt ?? null
        const left = deadline ? countdownText(deadline, now) : null
        if (deadline && !left) return <View className='ed-warn' id='offer-lapsed'>确认时间已过（{dayTime(deadline)}），名额已让给下一位候补。</View>
        return (
          <>
            <View className='ed-state ed-state-wait'>有名额空出，为你保留着</View>
            <View className='ed-countdown' id='offer-countdown' aria-live='off'>{left ? `${left}` : ''}{deadline ? `（截止 ${dayTime(deadline)}）` : ''}</View>
            <View className='ed-note'>逾期未确认，名额会让给下一位候补的志愿者。</View>
            {button('accept-offer-button', '确认参加', () => void accept(ev))}
            {ev.canCancel && cancelButton(ev, '放弃名额')}
          </>
        )
      }
      case 'confirmed': {
        const notYet = !attendanceOpen(ev, now) && now < Date.parse(ev.startAt)
        return (
          <>
            <View className='ed-state' id='signed-up'>{now < Date.parse(ev.endAt) ? '✓ 你已报名，请准时参加' : '✓ 你报名了这次活动'}</View>
            {notYet && <View className='ed-note'>活动开始前 {DEFAULT_SETTINGS.volunteer.checkinEarlyMinutes} 分钟起可以在这里签到。</View>}
            {cancelButton(ev, '取消报名')}
          </>
        )
      }
      case 'register':
        return (
          <>
            <View className='ed-note'>报名活动需要先注册成为志愿者，只需填写姓名、手机号和所在社区。</View>
            {button('register-button', '去注册志愿者', go(pageUrl(PAGES.volunteerRegister)))}
          </>
        )
      case 'training':
        return (
          <>
            <View className='ed-warn'>报名本活动需要先完成「{ev.missingTrainings.join('」「')}」培训（有效期内）。</View>
            {button('training-button', '先报名培训', go(pageUrl(PAGES.events, { kind: 'training', topic: ev.missingTrainings[0] })))}
          </>
        )
      case 'closed':
        return ev.status === 'cancelled'
          ? <View className='ed-warn' id='event-closed'>活动已取消{ev.cancelReason ? `：${ev.cancelReason}` : ''}</View>
          : <View className='ed-notice' id='event-closed'>报名已截止</View>
      case 'full':
        return <View className='ed-notice' id='event-full'>名额已满，本活动不设候补</View>
      case 'organizing':
        return (
          <>
            <View className='ed-note'>这是你组织的活动。</View>
            {button('organize-button', '管理我组织的活动', go(pageUrl(PAGES.organize)), 'plain')}
          </>
        )
    }
  }

  const taken = e ? Math.min(100, (e.taken / Math.max(1, e.capacity)) * 100) : 0
  const distance = e ? distanceText(e.distanceM) : null

  return (
    <PageShell className='event-detail'>
      <StatusView signInReason='登录后可以查看活动详情，志愿者可以报名' loading={loading && !e} error={e ? null : error} onRetry={reload}>
        {e && (
          <View id='event-detail' data-choice={e.choice}>
            <View className='card'>
              <View className='ed-head'>
                <Text className={`ed-kind ${e.kind === 'training' ? 'training' : ''}`}>{KIND_LABELS[e.kind]}</Text>
                <Text className='ed-topic'>{e.topic}</Text>
                {e.status === 'cancelled' && <Text className='tag red'>已取消</Text>}
              </View>
              <View className='ed-title' id='event-title'>{e.title}</View>
              <View className='ed-facts'>
                <View className='ed-fact'><Text className='ed-label'>时间</Text><Text className='ed-value' id='event-when'>{whenText(e)}</Text></View>
                <View className='ed-fact'><Text className='ed-label'>地点</Text><Text className='ed-value' id='event-place'>{e.address}{distance ? ` · ${distance}` : ''}</Text></View>
                <View className='ed-fact'><Text className='ed-label'>领域</Text><Text className='ed-value'>{e.topic}</Text></View>
                {e.servingTarget && <View className='ed-fact'><Text className='ed-label'>服务对象</Text><Text className='ed-value' id='event-target'>{e.servingTarget}</Text></View>}
                <View className='ed-fact'><Text className='ed-label'>组织者</Text><Text className='ed-value' id='event-organizer'>{e.organizerName}</Text></View>
              </View>
              {e.description && <View className='ed-desc' id='event-description'>{e.description}</View>}
            </View>

            <View className='card' id='event-requirements'>
              <View className='ed-section-title'>报名要求</View>
              {e.requiredTrainings.length === 0
                ? <View className='ed-note'>没有培训要求，志愿者都可以报名。</View>
                : requirements(e).map((r) => {
                  const judged = e.choice !== 'register' && e.choice !== 'organizing'
                  return (
                    <View key={r.topic} className={`ed-req ${judged ? (r.met ? 'met' : 'unmet') : ''}`} data-requirement={r.topic} data-met={judged ? String(r.met) : undefined}>
                      需完成「{r.topic}」培训（有效期内）{judged ? (r.met ? ' — ✓ 已具备' : ' — ✗ 未具备') : ''}
                    </View>
                  )
                })}
            </View>

            <View className='card' id='event-places'>
              <View className='ed-section-title'>名额</View>
              <View className='ed-bar' ariaRole='img' ariaLabel={`已报 ${e.taken} 人，共 ${e.capacity} 个名额`}>
                <View className={`ed-bar-fill ${e.placesLeft <= 0 ? 'full' : ''}`} style={{ width: `${taken}%` }} />
              </View>
              <View className='ed-places-text' id='event-places-text'>{placesText(e)}</View>
              <View className='ed-note'>{e.waitlistEnabled ? `候补 ${e.waitlistLength} 人` : '本活动不设候补'} · 取消截止 {dayTime(e.cancelDeadline)}</View>
            </View>

            <View className='card ed-action' id='event-action' data-choice={e.choice}>
              {action(e)}
              {failure && <View className='error-text ed-failure' id='action-error' aria-live='polite'>{failure}</View>}
            </View>

            {showsAttendance(e, now) && <Attendance event={e} nowMs={now} onDone={reload} />}
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
