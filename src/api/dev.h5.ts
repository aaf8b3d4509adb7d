import Taro from '@tarojs/taro'
import type { Result } from '../../core/errors'
import type { Role } from '../../core/types'
import { setDevToken } from './call'
import { ApiError, NETWORK_MESSAGE } from './types'

/** The local gateway's dev login: pick a seeded demo user. It does not exist in deployed functions. */
export interface DemoUser {
  id: string
  nickname: string
  roles: Role[]
}

export const devLoginAvailable = true

export async function listDemoUsers (): Promise<DemoUser[]> {
  try {
    const res = await Taro.request<Result<{ users: DemoUser[] }>>({ url: '/dev/users', method: 'GET' })
    return res.data?.ok ? res.data.data.users : []
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

export async function devLogin (userId: string): Promise<void> {
  const res = await Taro.request<Result<{ token: string }>>({ url: '/dev/login', method: 'POST', data: { userId }, header: { 'content-type': 'application/json' } })
  const body = res.data as Result<{ token: string }> | null
  if (!body?.ok) throw new ApiError(body?.error?.code ?? 'UNAUTHENTICATED', body?.error?.message ?? '登录失败，请重试')
  setDevToken(body.data.token)
}

export function devLogout (): void {
  setDevToken(null)
}
