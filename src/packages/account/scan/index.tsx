import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { SignInDescribeView } from '../../../../core/signin'
import { ROLE_LABELS } from '../../../../core/types'
import { call, errorText, SIGN_IN_MESSAGE } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { goBackOrHome } from '../../../utils/navigate'
import { scanDeskCode } from '../../../utils/scan-desk'
import './index.css'

const hhmm = (iso: string): string => {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

type Outcome = { kind: 'confirmed'; browser: string; officeRights: boolean } | { kind: 'cancelled' } | null

/**
 * 确认登录电脑版 (the phone): who is about to be signed in — this person — and what asks: the browser, when, until
 * when. 确认登录 signs that computer in as this person (with their roles); 取消 tells the computer no.
 */
export default function ScanSignIn () {
  const { params } = useRouter()
  const qr = decodeURIComponent(params.qr ?? '')
  const { data, loading, error, reload } = useAction(() => call('auth', 'describe', { qr }), [qr])
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [left, setLeft] = useState<number | null>(null)

  useEffect(() => {
    if (!data) return
    // The phone's clock against the server's expiry: good enough for a hint (the server decides).
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(data.expiresAt) - Date.now()) / 1000)))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [data])

  const confirm = async () => {
    setBusy(true)
    setActionError(null)
    try {
      const done = await call('auth', 'confirm', { qr })
      setOutcome({ kind: 'confirmed', browser: done.browser, officeRights: done.officeRights })
      void Taro.showToast({ title: '已登录电脑版', icon: 'success' })
    } catch (e) {
      setActionError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    setBusy(true)
    setActionError(null)
    try {
      await call('auth', 'cancel', { qr })
      setOutcome({ kind: 'cancelled' })
      void Taro.showToast({ title: '已取消登录', icon: 'none' })
    } catch {
      // Expired or already used: nothing to cancel, nothing signs in.
      setOutcome({ kind: 'cancelled' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className='scan-signin'>
      <StatusView loading={loading} error={error} onRetry={reload} signInReason='登录后才能确认电脑版登录'>
        {outcome?.kind === 'confirmed' && (
          <View className='status' id='scan-done'>
            <View className='status-title'>已登录电脑版</View>
            <View className='status-desc'>{outcome.browser} 已登录为你的账号{outcome.officeRights ? '，可以在电脑上使用文明办的功能' : ''}。不用时请在电脑上退出，或在「我的 → 桌面登录」里退出。</View>
            <View className='status-actions'>
              <Button className='btn-primary' id='scan-back' onClick={() => void goBackOrHome()}>完成</Button>
              <Button className='btn-plain' onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.deskSessions) })}>查看桌面登录</Button>
            </View>
          </View>
        )}
        {outcome?.kind === 'cancelled' && (
          <View className='status' id='scan-cancelled'>
            <View className='status-title'>已取消</View>
            <View className='status-desc'>电脑没有登录。如需登录，请在电脑上刷新二维码后重新扫码。</View>
            <View className='status-actions'>
              <Button className='btn-plain' onClick={() => void goBackOrHome()}>返回</Button>
            </View>
          </View>
        )}
        {!outcome && data && <Describe data={data} left={left} busy={busy} error={actionError} onConfirm={() => void confirm()} onCancel={() => void cancel()} />}
      </StatusView>
      {!loading && error && error !== SIGN_IN_MESSAGE && (
        <View className='sc-rescan'>
          <Button className='btn-primary' id='scan-again' onClick={() => void scanDeskCode('redirect')}>重新扫码</Button>
        </View>
      )}
    </PageShell>
  )
}

function Describe ({ data, left, busy, error, onConfirm, onCancel }: { data: SignInDescribeView; left: number | null; busy: boolean; error: string | null; onConfirm: () => void; onCancel: () => void }) {
  const expired = left !== null && left <= 0
  return (
    <View className='sc-body' id='scan-describe'>
      <View className='sc-device' aria-hidden='true'>💻</View>
      <View className='sc-lead'>电脑上的「文明共建」将登录为</View>
      <View className='sc-person' id='scan-person'>
        <View className='sc-avatar' aria-hidden='true'>{data.user.nickname.slice(0, 1)}</View>
        <View className='sc-name'>{data.user.nickname}</View>
        <View className='sc-roles'>{data.user.roles.map((r) => <Text key={r} className='tag green' data-role={r}>{ROLE_LABELS[r]}</Text>)}</View>
      </View>
      {!data.officeRights && <View className='sc-plain card' id='scan-no-office'>你没有文明办的权限：电脑上只能使用你自己的功能（如查看上报进度）。</View>}

      <View className='cells sc-facts'>
        <View className='cell'>
          <View className='cell-body'><View className='cell-title'>电脑浏览器</View></View>
          <Text className='sc-fact' id='scan-browser'>{data.browser}</Text>
        </View>
        <View className='cell'>
          <View className='cell-body'><View className='cell-title'>二维码生成于</View></View>
          <Text className='sc-fact' id='scan-time'>今天 {hhmm(data.requestedAt)}</Text>
        </View>
        <View className='cell'>
          <View className='cell-body'><View className='cell-title'>有效期</View></View>
          <Text className={`sc-fact${expired ? ' error-text' : ''}`} id='scan-expiry'>{expired ? '已过期，请重新扫码' : left !== null ? `还剩 ${left} 秒` : ''}</Text>
        </View>
      </View>

      <View className='sc-warn'>只在你本人正坐在这台电脑前时才确认。如果是别人发给你的二维码，请点「取消」。</View>
      {error && <View className='sc-error error-text' id='scan-error' ariaRole='alert'>{error}</View>}
      <View className='sc-actions'>
        <Button className='btn-primary' id='scan-confirm' disabled={busy || expired} loading={busy} onClick={onConfirm}>确认登录</Button>
        <Button className='btn-plain' id='scan-cancel' disabled={busy} onClick={onCancel}>取消</Button>
      </View>
    </View>
  )
}
