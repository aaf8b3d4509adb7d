import Taro from '@tarojs/taro'
import type { Result } from '../../core/errors'
import { NETWORK_MESSAGE, type Transport } from './types'

/** WeChat: cloud functions; the platform adds the caller's OPENID, so no token is sent. */
export const transport: Transport = async (fn, event) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: event })
    return res.result as Result<unknown>
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } }
  }
}

export function getDevToken (): string | null { return null }
export function setDevToken (_token: string | null): void {}

export const platform = 'weapp' as const

export function initPlatform (): void {
  // The env id is set at deploy time (see README: 部署到 CloudBase); DYNAMIC_CURRENT_ENV picks the bound one.
  Taro.cloud.init({ env: (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV, traceUser: true })
}
