import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { STATE_LABELS } from '../../../core/tickets/workflow'
import type { NearbyView } from '../../../core/views'
import { call } from '../../api'

/** Already reported nearby: following (+1) tells the handler more people care, and you hear how it ends. */
export function NearbyPanel ({ items, onFollowed }: { items: NearbyView[]; onFollowed: (id: string, followers: number) => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  if (items.length === 0) return null
  const follow = async (n: NearbyView) => {
    setBusy(n.id)
    try {
      const r = await call('reports', 'follow', { id: n.id })
      onFollowed(n.id, r.followers)
      void Taro.showToast({ title: '已关注，进展会通知你', icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
  return (
    <View className='card nearby' id='nearby'>
      <View className='nearby-title'>附近已有 {items.length} 条同类上报，是同一个问题吗？</View>
      {items.map((n) => (
        <View key={n.id} className='nearby-item' data-ticket={n.id}>
          <View className='cell-body'>
            <View className='nearby-desc'>{n.description}</View>
            <View className='nearby-meta'>相距约 {n.distanceM} 米 · {STATE_LABELS[n.state]} · {n.followers} 人关注</View>
          </View>
          {n.mine ? <Text className='tag'>我的上报</Text> : n.following
            ? <Text className='tag green'>已关注</Text>
            : <View className='nearby-follow' ariaRole='button' ariaLabel={`关注这条上报：${n.description}`} onClick={() => busy || void follow(n)}>+1 关注</View>}
        </View>
      ))}
      <View className='nearby-foot'>不是同一个问题？继续填写并提交即可</View>
    </View>
  )
}
