import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { REFRESH_BEFORE_MS, SIGNIN_TTL_MS, type SignInRequestView } from '../../../../core/signin'
import { ApiError, call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { QrCode } from '../../../components/qr-code'
import { useSession } from '../../../store/session'
import { openUrl } from '../../../utils/navigate'
import './index.css'

/** After a failure the network may come back: try again this soon (a refusal with a time waits for that instead). */
const RETRY_MS = 5_000

type Phase =
  | { kind: 'loading' }
  | { kind: 'waiting'; scanned: boolean }
  | { kind: 'signing' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

/** When a refusal says to try again (RATE_LIMITED's `retryAt`), in ms from now; else the usual retry. */
function retryDelay (e: unknown): number {
  const at = e instanceof ApiError ? (e.details as { retryAt?: string } | undefined)?.retryAt : undefined
  const wait = at ? Date.parse(at) - Date.now() : NaN
  return Number.isFinite(wait) && wait > 0 ? Math.min(wait + 250, 60_000) : RETRY_MS
}

const browserDescription = (): string => (typeof navigator !== 'undefined' ? navigator.userAgent : '')

/**
 * 登录 (the desk, H5): a QR code holding a one-time sign-in request. The office worker scans it with the
 * mini-program (我的 → 扫码登录电脑版) and confirms there; this page polls, and once confirmed becomes that person
 * and opens 分拣台 (or the page that asked for a sign-in). The code is renewed before it expires, with a countdown.
 */
export default function DeskSignIn () {
  // On the phone this page has nothing to sign in (WeChat signs the person in): it says where to open it instead.
  // Parenthesised: the page tests' transformer rewrites the name to `TARO_ENV_JEST || TARO_ENV`, which needs them.
  const weapp = (process.env.TARO_ENV) === 'weapp'
  const [request, setRequest] = useState<SignInRequestView | null>(null)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [left, setLeft] = useState<number | null>(null)
  const [warning, setWarning] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const alive = useRef(true)
  /** This browser's clock when the code stops being confirmable (its own clock: the server's may differ). */
  const deadline = useRef(0)
  const scanned = useRef(false)

  const later = (ms: number, f: () => void) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(f, ms)
  }

  const signedIn = useCallback(async (token: string) => {
    setPhase({ kind: 'signing' })
    const session = useSession.getState()
    await session.signInWithToken(token)
    const s = useSession.getState()
    if (!alive.current) return
    if (s.status !== 'ready' || !s.me) {
      setPhase({ kind: 'failed', message: s.error ?? '登录没有完成，请刷新二维码后重新扫码' })
      return
    }
    void Taro.showToast({ title: `已登录：${s.me.nickname}`, icon: 'success' })
    const back = s.returnTo && !s.returnTo.includes(PAGES.deskSignIn) ? s.returnTo : null
    s.setReturnTo(null)
    if (back) void openUrl(back)
    else if (s.me.roles.includes('admin')) void Taro.redirectTo({ url: pageUrl(PAGES.adminTriage) })
    else void Taro.switchTab({ url: pageUrl(PAGES.me) })
  }, [])

  const fresh = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    scanned.current = false
    setPhase({ kind: 'loading' })
    setWarning(null)
    try {
      const r = await call('auth', 'request', { userAgent: browserDescription() })
      if (!alive.current) return
      deadline.current = Date.now() + SIGNIN_TTL_MS
      setRequest(r)
      setPhase({ kind: 'waiting', scanned: false })
      later(r.pollEveryMs, () => { void poll(r) })
    } catch (e) {
      if (!alive.current) return
      setRequest(null)
      setPhase({ kind: 'failed', message: errorText(e) })
      later(retryDelay(e), () => { void fresh() })
    }
    // poll and fresh call each other through timers only; both are stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const poll = useCallback(async (r: SignInRequestView): Promise<void> => {
    const remaining = deadline.current - Date.now()
    // A new code shortly before this one expires, so the one on screen can always be scanned; not while a phone is
    // showing this one to its owner (they are about to confirm it).
    if (remaining <= 0 || (remaining < REFRESH_BEFORE_MS && !scanned.current)) return fresh()
    try {
      const answer = await call('auth', 'poll', { requestId: r.requestId, secret: r.secret })
      if (!alive.current) return
      setWarning(null)
      switch (answer.state) {
        case 'pending':
          scanned.current = answer.scanned
          setPhase({ kind: 'waiting', scanned: answer.scanned })
          return later(r.pollEveryMs, () => { void poll(r) })
        case 'confirmed':
          return signedIn(answer.token)
        case 'cancelled':
          return setPhase({ kind: 'cancelled' })
        default:
          return fresh()
      }
    } catch (e) {
      if (!alive.current) return
      if (e instanceof ApiError && e.code === 'NOT_FOUND') return fresh()
      setWarning(e instanceof ApiError && e.code === 'RATE_LIMITED' ? e.message : `${errorText(e)}，正在重试`)
      later(retryDelay(e), () => { void poll(r) })
    }
  }, [fresh, signedIn])

  useEffect(() => {
    alive.current = true
    if (!weapp) void fresh()
    return () => {
      alive.current = false
      if (timer.current) clearTimeout(timer.current)
    }
  }, [fresh, weapp])

  // The countdown under the code: whole seconds until it can no longer be confirmed.
  useEffect(() => {
    if (!request) { setLeft(null); return }
    const tick = () => setLeft(Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000)))
    tick()
    const t = setInterval(tick, 1000)
    return () => clearInterval(t)
  }, [request])

  if (weapp) {
    return (
      <PageShell className='desk-signin'>
        <View className='status' id='signin-weapp'>
          <View className='status-title'>这是电脑上的登录页</View>
          <View className='status-desc'>请在电脑浏览器中打开文明共建网页版，再用本小程序「我的 → 扫码登录电脑版」扫描屏幕上的二维码。</View>
        </View>
      </PageShell>
    )
  }

  const waiting = phase.kind === 'waiting' ? phase : null
  return (
    <PageShell className='desk-signin'>
      <View className='ds-card' id='signin-card' data-phase={phase.kind} data-scanned={waiting?.scanned ? '1' : '0'}>
        <View className='ds-title'>扫码登录电脑版</View>
        <View className='ds-main'>
          <View className='ds-side'>
            <View className='ds-steps'>
              <Text className='ds-step'>1. 在手机上打开「文明共建」微信小程序</Text>
              <Text className='ds-step'>2. 点「我的 → 扫码登录电脑版」，扫描这里的二维码</Text>
              <Text className='ds-step'>3. 在手机上核对信息，点「确认登录」</Text>
            </View>
            <View className='ds-note'>二维码只能使用一次，约 2 分钟内有效；登录后长时间不用会自动退出。不在自己的电脑上，用完请在「我的」里退出登录。</View>
          </View>
          <View className='ds-center'>
            {(phase.kind !== 'cancelled' && phase.kind !== 'failed') && (
              <>
                <View className={`ds-code${waiting?.scanned ? ' ds-code-scanned' : ''}`}>
                  {request && (phase.kind === 'waiting' || phase.kind === 'signing')
                    ? <QrCode text={request.qr} size={440} label='电脑版登录二维码，请用文明共建小程序扫码' />
                    : <View className='ds-code-empty' aria-hidden='true' />}
                  {waiting?.scanned && (
                    <View className='ds-overlay' id='signin-scanned' ariaRole='status'>
                      <Text className='ds-overlay-title'>已扫码，请在手机上确认</Text>
                      <Text className='ds-overlay-desc'>在手机上点「确认登录」后，这里会自动进入</Text>
                    </View>
                  )}
                </View>

                <View className='ds-status' id='signin-status' aria-live='polite'>
                  {phase.kind === 'loading' && '正在生成二维码…'}
                  {phase.kind === 'signing' && '已确认，正在登录…'}
                  {waiting && !waiting.scanned && (left !== null && left > 0
                    ? <><Text className='ds-seconds'>{left}</Text> 秒后二维码失效，届时自动刷新</>
                    : '正在刷新二维码…')}
                  {waiting?.scanned && left !== null && left > 0 && `请在 ${left} 秒内在手机上确认`}
                </View>
              </>
            )}
            {phase.kind === 'cancelled' && (
              <View className='ds-message' id='signin-cancelled'>
                <View className='ds-message-text'>已在手机上取消登录。如需登录，请刷新二维码后重新扫码。</View>
                <Button className='btn-primary' id='signin-refresh' onClick={() => void fresh()}>刷新二维码</Button>
              </View>
            )}
            {phase.kind === 'failed' && (
              <View className='ds-message' id='signin-error' ariaRole='alert'>
                <View className='ds-message-text error-text'>{phase.message}</View>
                <Button className='btn-primary' id='signin-retry' onClick={() => void fresh()}>重新获取二维码</Button>
              </View>
            )}
            {warning && <View className='ds-warn error-text' id='signin-warning' ariaRole='alert'>{warning}</View>}
            {waiting && (
              <View className='ds-refresh-line'>
                <View className='ds-link' id='signin-refresh-now' ariaRole='button' onClick={() => void fresh()}>二维码看不清？换一个</View>
              </View>
            )}
          </View>
        </View>
      </View>
    </PageShell>
  )
}
