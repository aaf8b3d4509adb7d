import { createHmac, timingSafeEqual } from 'node:crypto'
import { codeAge, formatCode, parseCode, periodEndsAt, periodOf, signedMessage, type CheckinCode } from '../core/volunteer/checkin-code'
import { AppError } from './errors'

/**
 * The rotating check-in code's signature. Each event's secret is derived from the deployment's key and the event
 * id (HMAC(key, "checkin:" + eventId)), so it never needs storing and never leaves the server; the code for a
 * period is HMAC(eventSecret, "<eventId>.<period>"), 22 base64url characters.
 */

function keyOrFail (key: string | null): string {
  if (!key) {
    console.error('[volunteer] WENMING_CHECKIN_KEY is not set: check-in codes cannot be made or checked')
    throw new AppError('INTERNAL', '签到服务尚未配置，请联系管理员')
  }
  return key
}

function sign (key: string, eventId: string, period: number): string {
  const secret = createHmac('sha256', key).update(`checkin:${eventId}`).digest()
  return createHmac('sha256', secret).update(signedMessage(eventId, period)).digest('base64url').slice(0, 22)
}

export function currentCode (key: string | null, eventId: string, nowIso: string, rotateSeconds: number): { code: string; refreshAt: string } {
  const period = periodOf(nowIso, rotateSeconds)
  return { code: formatCode({ eventId, period, signature: sign(keyOrFail(key), eventId, period) }), refreshAt: periodEndsAt(period, rotateSeconds) }
}

/** The event a scanned code is for, or a refusal a person can act on: not ours, forged, or out of date. */
export function verifyCode (key: string | null, text: string, nowIso: string, rotateSeconds: number): CheckinCode {
  const c = parseCode(text)
  if (c === null) throw new AppError('VALIDATION', '这不是文明共建的签到二维码，请扫描组织者手机上的签到码')
  const expected = Buffer.from(sign(keyOrFail(key), c.eventId, c.period))
  const given = Buffer.from(c.signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FORBIDDEN', '签到码无效，请扫描组织者手机上当前显示的二维码')
  const age = codeAge(c, nowIso, rotateSeconds)
  if (age === 'stale') throw new AppError('CONFLICT', '签到码已过期（二维码定时更新，截图无效），请扫描组织者手机上最新的二维码')
  if (age === 'future') throw new AppError('FORBIDDEN', '签到码无效，请检查手机时间后重新扫码')
  return c
}
