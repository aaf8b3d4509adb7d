import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../core/pages'
import { ROLE_LABELS, type Role } from '../../../core/types'
import { call } from '../../api'
import { devLoginAvailable, listDemoUsers, type DemoUser } from '../../api/dev'
import { useSession } from '../../store/session'
import './index.css'

const AREAS: Array<{ role: Role; title: string; desc: string; url: string }> = [
  { role: 'citizen', title: '消息', desc: '上报进展、待办提醒', url: pageUrl(PAGES.messages) },
  { role: 'citizen', title: '我的随手拍', desc: '查看上报进度，核查并评价', url: pageUrl(PAGES.myReports) },
  { role: 'citizen', title: '问卷调查', desc: '知晓率、支持率、满意率调查', url: pageUrl(PAGES.survey) },
  { role: 'volunteer', title: '志愿活动', desc: '报名活动和培训', url: pageUrl(PAGES.events) },
  { role: 'grid_manager', title: '网格待办', desc: '本网格的案卷', url: pageUrl(PAGES.gridInbox) },
  { role: 'admin', title: '分拣台', desc: '未落入网格或无人负责的案卷', url: pageUrl(PAGES.adminTriage) }
]

export default function Me () {
  const { me, status, error, load, loginAs, logout } = useSession()
  const [demo, setDemo] = useState<DemoUser[]>([])
  const [demoError, setDemoError] = useState<string | null>(null)

  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    void load().then(() => call('users', 'messages', { limit: 1 })).then((m) => {
      setUnread(m.unread)
      if (m.unread > 0) void Taro.setTabBarBadge({ index: 2, text: String(Math.min(99, m.unread)) }).catch(() => undefined)
      else void Taro.removeTabBarBadge({ index: 2 }).catch(() => undefined)
    }, () => setUnread(0))
  })
  useEffect(() => {
    if (!devLoginAvailable) return
    listDemoUsers().then(setDemo, (e: Error) => setDemoError(e.message))
  }, [])

  return (
    <View className='page me'>
      <View className='profile'>
        <View className='avatar'>{me ? me.nickname.slice(0, 1) : '?'}</View>
        <View className='cell-body'>
          <View className='nickname' id='me-name'>{me ? me.nickname : status === 'loading' ? '正在登录…' : '未登录'}</View>
          <View className='roles' id='me-roles'>
            {me?.roles.map((r) => <Text key={r} className='tag green' data-role={r}>{ROLE_LABELS[r]}</Text>)}
          </View>
          {status === 'error' && <Text className='error-text'>{error}</Text>}
        </View>
      </View>

      {me && (
        <View className='cells'>
          {AREAS.filter((a) => me.roles.includes(a.role)).map((a) => (
            <View key={a.url} className='cell' onClick={() => Taro.navigateTo({ url: a.url })}>
              <View className='cell-body'>
                <View className='cell-title'>{a.title}{a.title === '消息' && unread > 0 && <Text className='badge-inline'>{unread}</Text>}</View>
                <View className='cell-desc'>{a.desc}</View>
              </View>
              <Text className='cell-arrow'>›</Text>
            </View>
          ))}
        </View>
      )}

      {devLoginAvailable && (
        <View className='dev-login'>
          <View className='section-title'>本地演示登录（仅本地网关提供）</View>
          {demoError && <View className='card error-text'>{demoError}</View>}
          <View className='cells'>
            {demo.map((u) => (
              <View key={u.id} className={`cell demo-user ${me?.id === u.id ? 'current' : ''}`} data-user={u.id} onClick={() => void loginAs(u.id)}>
                <View className='cell-body'>
                  <View className='cell-title'>{u.nickname}</View>
                  <View className='cell-desc'>{u.roles.map((r) => ROLE_LABELS[r]).join(' · ')}</View>
                </View>
                <Text className='cell-arrow'>{me?.id === u.id ? '当前' : '登录'}</Text>
              </View>
            ))}
          </View>
          {me && <View className='cells'><View className='cell logout' onClick={logout}><View className='cell-body error-text'>退出登录</View></View></View>}
        </View>
      )}
    </View>
  )
}
