import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { EventView } from '../../../../core/views'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { PageShell } from '../../../components/page-shell'
import './index.css'

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const when = (e: EventView): string => {
  const start = dayjs(e.startAt)
  return `${start.format('M月D日')} ${WEEKDAYS[start.day()]} ${start.format('HH:mm')}–${dayjs(e.endAt).format('HH:mm')}`
}

const seatsText = (e: EventView): string => {
  const left = Math.max(0, e.capacity - e.taken)
  if (left > 0) return `已报 ${e.taken}/${e.capacity} · 剩 ${left} 个名额`
  return `已报 ${e.taken}/${e.capacity} · ${e.waitlistEnabled ? '名额已满，可候补' : '名额已满'}`
}

/**
 * 志愿活动: upcoming events, each with what this person can do (the server decides: core/volunteer/event-choice).
 * A volunteer signs up, joins the waitlist or cancels; a resident sees that signing up needs a volunteer
 * registration; an organizer sees their own events with their signups; a full event without a waitlist says 已满.
 */
export default function Events () {
  const { data, loading, error, reload } = useAction(() => call('volunteer', 'events', { limit: 50 }))
  const [busy, setBusy] = useState<string | null>(null)

  const run = async (e: EventView, work: () => Promise<string>) => {
    if (busy) return
    setBusy(e.id)
    try {
      Taro.showToast({ title: await work(), icon: 'success' })
      await reload()
    } catch (err) {
      Taro.showToast({ title: (err as Error).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const signup = (e: EventView) => run(e, async () => {
    const res = await call('volunteer', 'signup', { eventId: e.id })
    return res.outcome === 'waitlisted' ? '已进入候补' : '报名成功'
  })

  const cancel = async (e: EventView) => {
    if (busy) return
    const waiting = e.choice === 'waitlisted'
    const { confirm } = await Taro.showModal({
      title: waiting ? '取消候补？' : '取消报名？',
      content: waiting ? '取消后将不再为你保留候补位置。' : '取消后名额会让给其他志愿者，之后仍可再报名。',
      confirmText: waiting ? '取消候补' : '取消报名',
      cancelText: '再想想',
      confirmColor: '#c93030'
    })
    if (!confirm) return
    await run(e, async () => {
      await call('volunteer', 'cancel', { eventId: e.id })
      return waiting ? '已取消候补' : '已取消报名'
    })
  }

  const items = data?.items ?? []
  const organizing = items.some((e) => e.choice === 'organizing')
  // The registration note is for events this person could join; an organizer's own events need none.
  const needsRegistration = !!data && !data.canSignUp && (items.length === 0 || items.some((e) => e.choice !== 'organizing'))

  const actionFor = (e: EventView) => {
    const pending = busy === e.id
    switch (e.choice) {
      case 'signup':
      case 'waitlist':
        return (
          <View
            className={`ev-btn ${e.choice === 'waitlist' ? 'ev-btn-wait' : 'ev-btn-go'} ${pending ? 'ev-btn-busy' : ''}`}
            ariaRole='button' ariaLabel={`${e.choice === 'waitlist' ? '候补报名' : '报名'}：${e.title}`}
            onClick={() => void signup(e)}
          >{pending ? '请稍候…' : e.choice === 'waitlist' ? '候补' : '报名'}</View>
        )
      case 'full':
        return <View className='ev-btn ev-btn-off' ariaRole='button' aria-disabled='true' ariaLabel={`${e.title}：名额已满`}>已满</View>
      case 'confirmed':
      case 'waitlisted':
        return <Text className={`ev-state ${e.choice === 'waitlisted' ? 'ev-state-wait' : ''}`}>{e.choice === 'waitlisted' ? '候补中' : '✓ 已报名'}</Text>
      case 'closed':
        return <Text className='ev-note'>报名已截止</Text>
      case 'register':
        return <Text className='ev-note'>志愿者可报名</Text>
      case 'organizing':
        return null
    }
  }

  return (
    <PageShell className='events'>
      {needsRegistration && (
        <View className='ev-banner' id='events-register-note'>
          <View className='ev-banner-title'>报名活动需要志愿者身份</View>
          <View className='ev-banner-text'>志愿者注册即将开放。现在就想参加的，可以联系所在社区（居委会）代为报名。</View>
        </View>
      )}
      {organizing && (
        <View className='ev-banner ev-banner-info' id='events-organizer-note'>
          <View className='ev-banner-text'>标有「我组织的」是你发布的活动，这里可以看到报名人数。</View>
        </View>
      )}
      <StatusView signInReason='登录后可以查看志愿活动，志愿者可以报名' loading={loading && !data} error={data ? null : error} empty={items.length === 0} emptyText='近期没有活动，新活动发布后会显示在这里' onRetry={reload}>
        <View id='event-list'>
          {items.map((e) => {
            const full = e.taken >= e.capacity
            return (
              <View key={e.id} className='card event' data-event={e.id} data-choice={e.choice}>
                <View className='ev-head'>
                  <Text className={`ev-kind ${e.kind === 'training' ? 'ev-kind-training' : ''}`}>{e.kind === 'training' ? '培训' : '服务'}</Text>
                  {e.choice === 'organizing' && <Text className='ev-kind ev-kind-mine'>我组织的</Text>}
                </View>
                <View className='event-title'>{e.title}</View>
                <View className='event-line'>{when(e)}</View>
                <View className='event-line'>{e.address}</View>
                <View className='seats' aria-hidden='true'>
                  <View className={`seats-fill ${full ? 'seats-full' : ''}`} style={{ width: `${Math.min(100, (e.taken / Math.max(1, e.capacity)) * 100)}%` }} />
                </View>
                <View className='ev-foot'>
                  <Text className='ev-seats'>{seatsText(e)}</Text>
                  <View className='ev-spacer' />
                  {actionFor(e)}
                </View>
                {(e.choice === 'confirmed' || e.choice === 'waitlisted') && (
                  <View className='ev-mine'>
                    {e.canCancel
                      ? <View className='ev-deadline'><View>取消截止</View><View>{dayjs(e.cancelDeadline).format('M月D日 HH:mm')}</View></View>
                      : <View className='ev-deadline'>已过取消截止时间，如不能参加请联系组织者</View>}
                    <View className='ev-spacer' />
                    {e.canCancel && (
                      <View
                        className={`ev-btn ev-btn-plain ${busy === e.id ? 'ev-btn-busy' : ''}`} ariaRole='button'
                        ariaLabel={`${e.choice === 'waitlisted' ? '取消候补' : '取消报名'}：${e.title}`} onClick={() => void cancel(e)}
                      >{busy === e.id ? '请稍候…' : e.choice === 'waitlisted' ? '取消候补' : '取消报名'}</View>
                    )}
                  </View>
                )}
              </View>
            )
          })}
        </View>
      </StatusView>
    </PageShell>
  )
}
