import Taro from '@tarojs/taro'
import type { Result } from '../../core/errors'
import type { Role } from '../../core/types'
import { getDevToken, setDevToken } from './call'
import { cloudbase } from './cloudbase-sdk'
import { ApiError, NETWORK_MESSAGE } from './types'

/** The local gateway's dev login: pick a seeded demo user. It does not exist in deployed functions. */
export interface DemoUser {
  id: string
  nickname: string
  roles: Role[]
}

/** The build for CloudBase has no gateway behind it: no demo accounts, the scan sign-in only (packages/account/signin). */
export const devLoginAvailable = !cloudbase

export async function listDemoUsers (): Promise<DemoUser[]> {
  if (cloudbase) return []
  try {
    const res = await Taro.request<Result<{ users: DemoUser[] }>>({ url: '/dev/users', method: 'GET' })
    return res.data?.ok ? res.data.data.users : []
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

/**
 * Whether this gateway offers the dev login at all: bound beyond this machine it answers /dev/* with 404, and the
 * desk signs in by scanning instead (packages/account/signin). A gateway out of reach counts as on (nothing to say).
 */
export async function devLoginOn (): Promise<boolean> {
  if (cloudbase) return false
  try {
    return (await Taro.request({ url: '/dev/users', method: 'GET' })).statusCode !== 404
  } catch {
    return true
  }
}

export async function devLogin (userId: string): Promise<void> {
  if (cloudbase) throw new ApiError('UNAUTHENTICATED', '网页版请扫码登录：用手机小程序「我的 → 扫码登录电脑版」扫描登录页的二维码')
  const res = await Taro.request<Result<{ token: string }>>({ url: '/dev/login', method: 'POST', data: { userId }, header: { 'content-type': 'application/json' } })
  const body = res.data as Result<{ token: string }> | null
  if (!body?.ok) throw new ApiError(body?.error?.code ?? 'UNAUTHENTICATED', body?.error?.message ?? '登录失败，请重试')
  // Switching demo accounts: the previous one's session ends rather than lingering until it expires.
  devLogout()
  setDevToken(body.data.token)
}

/** Forget the token here and end its session on the gateway (best effort: an unreachable gateway lets it expire). */
export function devLogout (): void {
  const token = getDevToken()
  setDevToken(null)
  // CloudBase: forget its login here too (the desk session was ended by auth.signOut just before, session.logout).
  if (cloudbase) {
    void cloudbase.signOut()
    return
  }
  if (!token) return
  void Promise.resolve()
    .then(() => Taro.request({ url: '/dev/logout', method: 'POST', data: {}, header: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }))
    .catch(() => undefined)
}
