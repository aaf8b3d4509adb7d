import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { EventView } from '../../../../core/views'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import './index.css'

const SIGNUP_LABEL = { confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消' } as const

/** 志愿活动: upcoming events with seats left; a signup takes a seat atomically on the server. */
export default function Events () {
  const { data, loading, error, reload } = useAction(() => call('volunteer', 'events', { limit: 50 }))
  const [busy, setBusy] = useState<string | null>(null)

  const signup = async (e: EventView) => {
    setBusy(e.id)
    try {
      const res = await call('volunteer', 'signup', { eventId: e.id })
      Taro.showToast({ title: res.outcome === 'waitlisted' ? '已进入候补' : '报名成功', icon: 'success' })
      await reload()
    } catch (err) {
      Taro.showToast({ title: (err as Error).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='page events'>
      <StatusView loading={loading} error={error} empty={data?.items.length === 0} emptyText='近期没有活动' onRetry={reload}>
        {data?.items.map((e) => {
          const left = Math.max(0, e.capacity - e.taken)
          return (
            <View key={e.id} className='card event'>
              <View className='row'>
                <Text className={`tag ${e.kind === 'training' ? 'blue' : 'green'}`}>{e.kind === 'training' ? '培训' : '服务'}</Text>
                <Text className='event-title'>{e.title}</Text>
              </View>
              <View className='muted event-line'>{dayjs(e.startAt).format('M月D日 HH:mm')}–{dayjs(e.endAt).format('HH:mm')} · {e.address}</View>
              <View className='seats'><View className='seats-fill' style={{ width: `${Math.min(100, (e.taken / e.capacity) * 100)}%` }} /></View>
              <View className='row'>
                <Text className='muted'>已报 {e.taken}/{e.capacity}{left === 0 ? (e.waitlistEnabled ? ' · 可候补' : ' · 已满') : ` · 剩 ${left} 个名额`}</Text>
                <View className='spacer' />
                {e.mySignup
                  ? <Text className='tag green'>{SIGNUP_LABEL[e.mySignup.status]}</Text>
                  : <View className={`btn-small ${busy === e.id ? 'plain' : ''}`} onClick={() => busy || void signup(e)}>{left === 0 && e.waitlistEnabled ? '候补' : '报名'}</View>}
              </View>
            </View>
          )
        })}
      </StatusView>
    </View>
  )
}
