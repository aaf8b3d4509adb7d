import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckinCodeView } from '../../../../core/volunteer/views'
import { call, errorText, SIGN_IN_MESSAGE } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { QrCode } from '../../../components/qr-code'
import { StatusView } from '../../../components/status-view'
import { goBackOrHome } from '../../../utils/navigate'
import './index.css'

/** Into the next period, so the code fetched is the new one even if the phone's clock runs a little fast. */
const AFTER_ROTATION_MS = 500
const RETRY_MS = 5_000

/**
 * When to fetch the next code: at refreshAt by this phone's clock; a clock far off the server's (refreshAt already
 * past, or further off than a period) falls back to once a period, which keeps a valid code on screen either way
 * (a code is accepted in its own period and the next).
 */
export function refreshDelay (code: Pick<CheckinCodeView, 'refreshAt' | 'rotateSeconds'>, nowMs: number): number {
  const period = code.rotateSeconds * 1000
  const wait = Date.parse(code.refreshAt) - nowMs
  return wait > 0 && wait <= period ? wait + AFTER_ROTATION_MS : period
}

/**
 * 签到码: the event's rotating check-in code, full screen for volunteers to scan. It fetches the next code when the
 * current one is due, counts down to it, and keeps the screen on while shown.
 */
export default function CheckinCode () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [code, setCode] = useState<CheckinCodeView | null>(null)
  const [title, setTitle] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [left, setLeft] = useState<number | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const alive = useRef(true)

  const load = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    try {
      const next = await call('volunteer', 'checkinCode', { id })
      if (!alive.current) return
      setCode(next)
      setError(null)
      timer.current = setTimeout(() => { void load() }, refreshDelay(next, Date.now()))
    } catch (e) {
      if (!alive.current) return
      const message = errorText(e)
      setError(message)
      const refused = (e as { code?: string }).code
      // A refusal (not open, cancelled, not yours) stays; a dropped network is tried again.
      if (refused === 'NETWORK' || refused === 'INTERNAL') timer.current = setTimeout(() => { void load() }, RETRY_MS)
      else setCode(null)
    } finally {
      if (alive.current) setLoading(false)
    }
  }, [id])

  useEffect(() => {
    alive.current = true
    void load()
    // The event's title, for the screen; the code does not wait for it.
    call('volunteer', 'event', { id }).then((e) => { if (alive.current) setTitle(e.title) }, () => undefined)
    // Guarded: H5 has no such call, and a phone may refuse it; the code still shows.
    try { void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: true })).catch(() => undefined) } catch { /* not available */ }
    return () => {
      alive.current = false
      if (timer.current) clearTimeout(timer.current)
      try { void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: false })).catch(() => undefined) } catch { /* not available */ }
    }
  }, [load, id])

  // The countdown under the code: whole seconds to the next code.
  useEffect(() => {
    if (!code) { setLeft(null); return }
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(code.refreshAt) - Date.now()) / 1000)))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [code])

  const rotate = code?.rotateSeconds ?? 30
  return (
    <PageShell className='checkin-code'>
      <StatusView signInReason='登录后可以显示签到码' loading={loading && !code && !error} error={error === SIGN_IN_MESSAGE ? error : null}>
        {code
          ? (
            <View className='cc-screen' id='checkin-screen'>
              {title && <View className='cc-title' id='checkin-title'>{title}</View>}
              <View className='cc-tell'>请志愿者打开「文明共建」扫码签到/签退</View>
              <View className='cc-code'>
                <QrCode text={code.code} size={600} label={`${title ?? '活动'}的签到二维码`} />
              </View>
              <View className='cc-countdown' id='code-countdown' aria-live='off'>
                {left !== null && left > 0 ? <><Text className='cc-seconds'>{left}</Text> 秒后刷新</> : '正在刷新…'}
              </View>
              <View className='cc-note'>二维码每 {rotate} 秒刷新，截图无效</View>
              {error && <View className='cc-warn error-text' id='code-error' ariaRole='alert'>刷新失败：{error}，正在重试</View>}
            </View>
            )
          : error && error !== SIGN_IN_MESSAGE && (
            <View className='status status-error' id='code-closed'>
              <View className='status-title'>现在不能签到</View>
              <View className='status-message error-text'>{error}</View>
              <View className='status-actions'>
                <View className='btn-plain' ariaRole='button' id='code-retry' onClick={() => { setLoading(true); void load() }}>重试</View>
                <View className='btn-plain' ariaRole='button' onClick={() => void goBackOrHome()}>返回名单</View>
              </View>
            </View>
            )}
      </StatusView>
    </PageShell>
  )
}
