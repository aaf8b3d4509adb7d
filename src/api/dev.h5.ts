import Taro from '@tarojs/taro'
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
    const res = await Taro.request<{ users: DemoUser[] }>({ url: '/dev/users', method: 'GET' })
    return res.data.users ?? []
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE)
  }
}

export async function devLogin (userId: string): Promise<void> {
  const res = await Taro.request<{ token?: string; error?: string }>({ url: '/dev/login', method: 'POST', data: { userId }, header: { 'content-type': 'application/json' } })
  if (!res.data.token) throw new ApiError('UNAUTHENTICATED', res.data.error ?? '登录失败，请重试')
  setDevToken(res.data.token)
}

export function devLogout (): void {
  setDevToken(null)
}
