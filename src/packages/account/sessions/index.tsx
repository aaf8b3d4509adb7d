import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { DeskSessionView } from '../../../../core/signin'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useSession } from '../../../store/session'
import { usePaged } from '../../../utils/use-paged'
import { scanDeskCode } from '../../../utils/scan-desk'
import './index.css'

const p2 = (n: number) => String(n).padStart(2, '0')
const day = (d: Date): string => `${d.getMonth() + 1}月${d.getDate()}日`
const when = (iso: string): string => {
  const d = new Date(iso)
  return `${day(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`
}
/** The last use, with its day only when it is not the day of the sign-in. */
const lastUse = (s: DeskSessionView): string => {
  const a = new Date(s.createdAt)
  const b = new Date(s.lastSeenAt)
  return day(a) === day(b) ? `${p2(b.getHours())}:${p2(b.getMinutes())}` : when(s.lastSeenAt)
}

/**
 * 桌面登录: the computers signed in as me (scan sign-ins, and locally the dev login's), newest first, live or ended,
 * each live one with 退出 (asked first). Ending the one this browser uses signs this browser out.
 */
export default function DeskSessions () {
  const list = usePaged((cursor) => call('auth', 'sessions', { cursor, limit: 20 }))
  const [ending, setEnding] = useState<string | null>(null)
  const [ended, setEnded] = useState<Record<string, DeskSessionView>>({})
  const logout = useSession((s) => s.logout)

  useDidShow(() => { void list.load(null) })

  const end = async (s: DeskSessionView) => {
    const { confirm } = await Taro.showModal({
      title: s.current ? '退出这台电脑？' : '退出这个登录？',
      content: s.current ? '退出后这个浏览器需要重新扫码登录。' : `${s.browser} 将立即退出，需要重新扫码才能再登录。`,
      confirmText: '退出',
      confirmColor: '#c92a2a'
    })
    if (!confirm) return
    setEnding(s.id)
    try {
      const after = await call('auth', 'endSession', { id: s.id })
      setEnded((m) => ({ ...m, [s.id]: after }))
      void Taro.showToast({ title: '已退出', icon: 'success' })
      if (s.current) logout()
    } catch (e) {
      void Taro.showToast({ title: errorText(e), icon: 'none' })
    } finally {
      setEnding(null)
    }
  }

  const items = list.items.map((s) => ended[s.id] ?? s)
  const first = items.length === 0
  return (
    <PageShell className='desk-sessions'>
      <View className='dk-intro'>在电脑上扫码登录后，这里列出每一台电脑。不认识的登录，请点「退出」。</View>
      {(process.env.TARO_ENV) === 'weapp' && (
        <View className='cells'>
          <View className='cell' id='sessions-scan' ariaRole='button' onClick={() => void scanDeskCode()}>
            <View className='cell-body'>
              <View className='cell-title'>扫码登录电脑版</View>
              <View className='cell-desc'>扫描电脑浏览器上「文明共建」登录页的二维码</View>
            </View>
            <Text className='cell-arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      )}
      <StatusView signInReason='登录后可以查看和退出电脑上的登录' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}
        empty={first} emptyText='还没有在电脑上登录过' emptyHint='在电脑浏览器打开文明共建网页版，用本小程序「我的 → 扫码登录电脑版」扫码即可登录。'>
        <View className='cells' id='sessions-list'>
          {items.map((s) => (
            <View key={s.id} className='cell dk-row' data-session={s.id} data-live={s.live ? '1' : '0'}>
              <View className='cell-body'>
                <View className='cell-title'>{s.browser}</View>
                <View className='cell-desc'>{when(s.createdAt)} 登录，最近使用 {lastUse(s)}</View>
                <View className='dk-state'>
                  <Text className={`dk-status ${s.live ? 'dk-live' : ''}`}>{s.live ? '使用中' : s.ended}</Text>
                  {s.current && <Text className='tag green dk-tag'>本机</Text>}
                  {s.kind === 'dev' && <Text className='tag dk-tag'>演示登录</Text>}
                </View>
              </View>
              {s.live && (
                <Button className='btn-small plain dk-end' disabled={ending === s.id} loading={ending === s.id}
                  ariaLabel={`退出 ${s.browser} 的登录`} onClick={() => void end(s)}>退出</Button>
              )}
            </View>
          ))}
        </View>
        {list.next && <Button className='btn-plain dk-more' disabled={list.loading} onClick={() => void list.load(list.next)}>{list.loading ? '正在加载…' : '加载更多'}</Button>}
      </StatusView>
    </PageShell>
  )
}
