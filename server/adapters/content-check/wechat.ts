import type { CheckVerdict, ContentCheck } from '../../ports/content-check'

/**
 * WeChat content security 2.0 through an injected open-API caller (wx-server-sdk `cloud.openapi` in CloudBase,
 * or an HTTPS call with an access token). What the adapter relies on, as documented by WeChat:
 *
 * - security.msgSecCheck (POST /wxa/msg_sec_check): body { content, version: 2, scene (1 资料, 2 评论, 3 论坛,
 *   4 社交日志), openid (must have used the mini-program in the last 2 h) }, content ≤ 2,500 characters.
 *   Answer { errcode, errmsg, trace_id, result: { suggest: 'pass' | 'review' | 'risky', label }, detail: [...] };
 *   label 100 正常, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗,
 *   20013 版权, 21000 其他. errcode 87014 = risky content (the 1.0 answer; cloud calls throw it as errCode).
 *   developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html
 * - security.mediaCheckAsync (POST /wxa/media_check_async): body { media_url, media_type: 2 (image),
 *   version: 2, scene, openid }; answers { errcode: 0, errmsg, trace_id } at once, and pushes the verdict to the
 *   message-push endpoint within 30 minutes as an event { Event: 'wxa_media_check', appid, trace_id, version: 2,
 *   result: { suggest, label }, detail: [...] } (label sometimes a string, "100"); a download failure pushes
 *   { errcode: -1008, errmsg: '下载错误…' } instead. media_url must be downloadable from the internet.
 *   developers.weixin.qq.com/minigame/dev/api-backend/wxa-sec-check/api_mediacheckasync.md, and pushes quoted in
 *   the WeChat developer community (answers there: match pushes by trace_id; the push never echoes media_url).
 * - Cloud calls (wx-server-sdk) take the same bodies but answer camelCase (errCode, errMsg, traceId) and reject
 *   on a non-zero errCode, so both spellings and both channels (answer or thrown error) are read here.
 *
 * Failing closed: a check that fails (network, quota, bad token, unknown answer) is 'review', never 'pass',
 * because a civic app must not publish unchecked text; a person decides instead. Only 87014 or 'risky' reject.
 */

export type OpenApiCaller = (api: string, body: object) => Promise<any>

export interface WechatContentCheckOptions {
  callOpenApi: OpenApiCaller
  /** msgSecCheck / mediaCheckAsync scene: 1 资料, 2 评论, 3 论坛, 4 社交日志. Default 1. */
  scene?: 1 | 2 | 3 | 4
  /**
   * Told the trace_id of every accepted image submission: the wxa_media_check push carries only the trace_id,
   * so whoever stores the photo must keep trace_id → fileId to apply the verdict later.
   */
  onImageSubmitted?: (submission: { fileId: string; traceId: string; openid: string }) => void | Promise<void>
  /** Told about every failed call (they all end as 'review'); default: ignored. */
  onError?: (api: string, error: unknown) => void
}

export const MSG_SEC_CHECK = 'security.msgSecCheck'
export const MEDIA_CHECK_ASYNC = 'security.mediaCheckAsync'
/** msgSecCheck's limit on content length, in characters. */
export const MAX_TEXT_CHARS = 2500
const RISKY_CONTENT = 87014

const SEVERITY: Record<CheckVerdict, number> = { pass: 0, review: 1, reject: 2 }
const worst = (a: CheckVerdict, b: CheckVerdict): CheckVerdict => (SEVERITY[b] > SEVERITY[a] ? b : a)

/** WeChat's suggest → our verdict; anything unexpected needs a person. */
export function verdictFromSuggest (suggest: unknown): CheckVerdict {
  if (suggest === 'pass') return 'pass'
  if (suggest === 'risky') return 'reject'
  return 'review'
}

const errorCode = (x: any): number | undefined => {
  const code = x?.errcode ?? x?.errCode
  return code === undefined || code === null ? undefined : Number(code)
}

export class WechatCheckError extends Error {
  constructor (readonly api: string, readonly code: number | undefined, readonly answer: unknown) {
    super(`${api} failed${code === undefined ? '' : ` (errcode ${code})`}`)
  }
}

export function createWechatContentCheck (opts: WechatContentCheckOptions): ContentCheck {
  const scene = opts.scene ?? 1
  const failed = (api: string, error: unknown): CheckVerdict => {
    opts.onError?.(api, error)
    return errorCode(error) === RISKY_CONTENT ? 'reject' : 'review'
  }

  async function checkChunk (content: string, openid: string): Promise<CheckVerdict> {
    try {
      const answer = await opts.callOpenApi(MSG_SEC_CHECK, { content, version: 2, scene, openid })
      const code = errorCode(answer)
      if (code === RISKY_CONTENT) return 'reject'
      const suggest = answer?.result?.suggest
      if ((code !== undefined && code !== 0) || suggest === undefined) {
        return failed(MSG_SEC_CHECK, new WechatCheckError(MSG_SEC_CHECK, code, answer))
      }
      return verdictFromSuggest(suggest)
    } catch (e) {
      return failed(MSG_SEC_CHECK, e)
    }
  }

  return {
    async checkText (text, ctx) {
      if (text.trim() === '') return 'pass' // nothing to check; WeChat answers 44002 for empty content
      const chars = Array.from(text) // code points, so a chunk never splits a character
      let verdict: CheckVerdict = 'pass'
      for (let i = 0; i < chars.length && verdict !== 'reject'; i += MAX_TEXT_CHARS) {
        verdict = worst(verdict, await checkChunk(chars.slice(i, i + MAX_TEXT_CHARS).join(''), ctx.openid))
      }
      return verdict
    },

    async submitImage (fileId, url, ctx) {
      try {
        const answer = await opts.callOpenApi(MEDIA_CHECK_ASYNC, { media_url: url, media_type: 2, version: 2, scene, openid: ctx.openid })
        const code = errorCode(answer)
        const traceId = answer?.trace_id ?? answer?.traceId
        if ((code !== undefined && code !== 0) || typeof traceId !== 'string') {
          return { verdict: failed(MEDIA_CHECK_ASYNC, new WechatCheckError(MEDIA_CHECK_ASYNC, code, answer)), traceId: null }
        }
        await opts.onImageSubmitted?.({ fileId, traceId, openid: ctx.openid })
        return { verdict: 'review' as const, traceId } // pending until the wxa_media_check push arrives
      } catch (e) {
        return { verdict: failed(MEDIA_CHECK_ASYNC, e), traceId: null }
      }
    }
  }
}

/** The wxa_media_check push (2.0 shape; the 1.0 fields isrisky/status_code are read too). */
export interface MediaCheckEvent {
  Event?: string
  MsgType?: string
  appid?: string
  trace_id?: string
  version?: number
  result?: { suggest?: string; label?: number | string }
  detail?: Array<{ strategy?: string; errcode?: number; suggest?: string; label?: number | string; prob?: number }>
  errcode?: number
  errmsg?: string
  isrisky?: number
  status_code?: number
}

/** The trace_id and verdict of a wxa_media_check push, or null when the event is not one. */
export function readMediaCheckEvent (event: unknown): { traceId: string; verdict: CheckVerdict } | null {
  const e = event as MediaCheckEvent | null
  if (!e || e.Event !== 'wxa_media_check' || typeof e.trace_id !== 'string') return null
  return { traceId: e.trace_id, verdict: verdictFromMediaCheckEvent(e) }
}

/**
 * The verdict a wxa_media_check push carries: result.suggest pass/review/risky → pass/review/reject.
 * A failed check (errcode ≠ 0, e.g. -1008 "could not download") or an unreadable event → 'review'.
 */
export function verdictFromMediaCheckEvent (event: MediaCheckEvent): CheckVerdict {
  if (!event || event.Event !== 'wxa_media_check') return 'review'
  const code = errorCode(event)
  if (code !== undefined && code !== 0) return 'review'
  if (event.result?.suggest !== undefined) return verdictFromSuggest(event.result.suggest)
  // 1.0 push: isrisky 0/1, status_code -1008 (4294966288 as unsigned) when the url could not be downloaded
  if (event.status_code !== undefined && event.status_code !== 0) return 'review'
  if (event.isrisky === 1) return 'reject'
  if (event.isrisky === 0) return 'pass'
  return 'review'
}
