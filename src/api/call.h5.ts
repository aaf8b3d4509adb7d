import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { Result } from '../../core/errors'
import { cloudbase } from './cloudbase-sdk'
import { NETWORK_MESSAGE, type Transport } from './types'

// The gateway's pages forbid eval (Content-Security-Policy without 'unsafe-eval'). zod probes for it with
// `new Function` when its first object schema is made, and the browser reports that probe as a violation even though
// zod catches it: say up front that it must not compile parsers (a phone's forms do not need the speed). This module
// is among app.ts's first imports, before anything that builds a schema.
z.config({ jitless: true })

/**
 * H5: the local gateway on the same origin, with the session token it handed out (dev login or the desk's scan
 * sign-in), sent as `Authorization: Bearer <token>`. The gateway finds the session by the token's hash.
 */
const TOKEN_KEY = 'wm.devToken'

export function getDevToken (): string | null {
  return Taro.getStorageSync(TOKEN_KEY) || null
}

export function setDevToken (token: string | null): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  else Taro.removeStorageSync(TOKEN_KEY)
}

const gatewayTransport: Transport = async (fn, event) => {
  const token = getDevToken()
  try {
    const res = await Taro.request<Result<unknown>>({
      url: `/api/${fn}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      timeout: 15_000
    })
    if (res.data && typeof res.data === 'object' && 'ok' in res.data) return res.data
    return { ok: false, error: { code: 'INTERNAL', message: `服务返回异常（${res.statusCode}），请稍后再试` } }
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } }
  }
}

/**
 * The build for CloudBase's static hosting (TARO_APP_BACKEND=cloudbase) calls the functions through the SDK instead
 * (src/api/cloudbase.ts); there the token above is kept only to know that a desk session is to be ended on sign-out.
 */
export const transport: Transport = cloudbase ? cloudbase.transport : gatewayTransport

export const platform = 'h5' as const

export function initPlatform (): void {}
