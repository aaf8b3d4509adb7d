import type { ErrorBody, Result } from '../../core/errors'
import { thumbIdOf } from '../../core/photo-ids'
import { ApiError, NETWORK_MESSAGE, type Transport } from './types'

/**
 * The H5 build for CloudBase (`TARO_APP_BACKEND=cloudbase`, config/index.ts): the same cloud functions the
 * mini-program calls, through @cloudbase/js-sdk instead of wx.cloud. The browser is signed in to CloudBase
 * anonymously until the desk's scan sign-in is confirmed (auth.request and auth.poll are public actions); the confirmed
 * poll carries a custom-login ticket (server/cloud/custom-login.ts), and from then on every call carries our user id,
 * which the functions map to the person while their desk session lives. Photos go as on the phone: to storage
 * (`uploads/`), then through the `photos` function, whose id alone a report accepts.
 *
 * The SDK is loaded on first use (its own chunk, src/api/cloudbase-sdk.ts) and only in this build; a test hands in a
 * fake of the few SDK calls below — the edge this module owns. Failures come back in the shapes the gateway's
 * transport gives: a Result with a Chinese message that says what to do.
 */

// ── the part of @cloudbase/js-sdk 3.x this app uses ──────────────────────────────────────────────────────────────

export interface CloudbaseAuth {
  /** The stored login (anonymous or custom), or null. */
  getLoginState (): Promise<unknown>
  /** Resolves `{ data, error }`: an error is answered, not thrown. */
  signInAnonymously (): Promise<unknown>
  /** 3.x's form of `customAuthProvider().signIn(ticket)` (which it keeps, deprecated). */
  signInWithCustomTicket (getTicket: () => Promise<string>): Promise<unknown>
  signOut (): Promise<unknown>
}

export interface CloudbaseApp {
  auth (options?: { persistence: 'local' | 'session' | 'none' }): CloudbaseAuth
  /** Resolves `{ result }`, or `{ code, message }` when CloudBase refuses the call. */
  callFunction (options: { name: string; data?: Record<string, unknown> }): Promise<{ result?: unknown; code?: string; message?: string }>
  uploadFile (options: { cloudPath: string; filePath: Blob; onUploadProgress?: (e: { loaded: number; total: number }) => void }): Promise<{ fileID?: string; code?: string; message?: string }>
}

export interface CloudbaseSdk {
  init (config: { env: string; region?: string; timeout?: number }): CloudbaseApp
}

// ── what the pages see when something fails ──────────────────────────────────────────────────────────────────────

const ASK_ADMIN = '请联系管理员'
export const CLOUDBASE_MESSAGES = {
  anonymousOff: `网页版暂时不能使用：云开发环境没有开启匿名登录。${ASK_ADMIN}在云开发控制台「身份认证 → 登录方式」开启匿名登录`,
  customOff: `电脑登录没有完成：云开发环境没有开启自定义登录。${ASK_ADMIN}在云开发控制台「身份认证 → 登录方式」开启后，刷新二维码重新扫码`,
  ticketRefused: '电脑登录没有完成：云开发没有接受这次的登录凭证，请刷新二维码后重新扫码',
  noTicket: `电脑登录没有完成：云开发没有签发登录凭证（云函数 auth 缺少自定义登录私钥）。${ASK_ADMIN}，然后刷新二维码重新扫码`,
  missingFunction: (fn: string) => `网页版要用的云函数「${fn}」还没有部署，${ASK_ADMIN}运行 npm run deploy`,
  refused: `网页版连接云开发失败，请稍后再试；一直这样请${ASK_ADMIN}（检查这个网址是否在云开发「安全域名」里）`,
  badAnswer: '服务返回异常，请稍后再试',
  uploadFailed: '照片上传失败，请重试'
} as const

/** The error's words, however the SDK shaped it (Error, `{ code, msg }`, `{ error, error_description }`, a JSON string). */
function textOf (e: unknown): string {
  if (e instanceof Error) return `${e.name} ${e.message} ${String((e as { code?: unknown }).code ?? '')}`
  if (typeof e === 'object' && e !== null) {
    try { return JSON.stringify(e) } catch { return String(e) }
  }
  return String(e)
}

/** A browser offline, a request that never got an answer, the SDK's chunk not loaded: the network, not CloudBase. */
const NETWORKISH = /unreachable|network|timeout|timed out|failed to fetch|load failed|chunkloaderror|loading chunk|err_internet|err_connection|err_name|statusCode"?\s*:\s*0\b|offline/i
function offline (e: unknown): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || NETWORKISH.test(textOf(e))
}
const providerOff = (e: unknown): boolean => /provider_not_enabled|登录方式未开启/i.test(textOf(e))
const functionMissing = (e: unknown): boolean => /FUNCTION_NOT_FOUND|ResourceNotFound\.Function|FunctionName.*not.*exist/i.test(textOf(e))

/** A Result as the function answered it (the SDK parses JSON answers; a string one is parsed here). */
function resultOf (raw: unknown): Result<unknown> | null {
  let value = raw
  if (typeof value === 'string') {
    try { value = JSON.parse(value) } catch { return null }
  }
  return value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean' ? value as Result<unknown> : null
}

// ── the client ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface CloudbaseClientOptions {
  env: string
  /** Empty for ap-shanghai. */
  region?: string
  load (): Promise<CloudbaseSdk>
  /** A picked photo's path (a blob: URL on H5) as the file to upload. */
  readFile? (path: string): Promise<Blob>
}

export interface UploadHandle {
  done: Promise<{ fileId: string; url: string }>
  abort (): void
}

export interface CloudbaseClient {
  transport: Transport
  uploadPhoto (filePath: string, onProgress: (percent: number) => void): UploadHandle
  /** Forget the CloudBase login here (the desk session itself ends through auth.signOut first). */
  signOut (): Promise<void>
}

/** Thrown inside the client with the answer to give; turned into a Result (or ApiError) at its edge. */
class Answer extends Error {
  constructor (readonly body: ErrorBody) { super(body.message) }
}

/** The share of the progress bar the upload itself fills; the rest is the photos function's work (as on the phone). */
const UPLOADED = 80

async function readBlobUrl (path: string): Promise<Blob> {
  const res = await fetch(path)
  if (!res.ok) throw new Answer({ code: 'VALIDATION', message: '找不到要上传的照片，请重新选择' })
  return res.blob()
}

export function createCloudbaseClient (o: CloudbaseClientOptions): CloudbaseClient {
  let started: Promise<{ app: CloudbaseApp; auth: CloudbaseAuth }> | null = null
  let anonymous: Promise<void> | null = null

  /** The SDK, loaded and initialised once (a failed load is tried again on the next call). */
  const sdk = (): Promise<{ app: CloudbaseApp; auth: CloudbaseAuth }> => {
    started ??= o.load().then((cloudbase) => {
      const app = cloudbase.init({ env: o.env, ...(o.region ? { region: o.region } : {}), timeout: 15_000 })
      // Kept across reloads like the gateway's token: the desk stays signed in until it signs out or the session ends.
      return { app, auth: app.auth({ persistence: 'local' }) }
    }).catch((e: unknown) => {
      started = null
      throw new Answer({ code: 'INTERNAL', message: offline(e) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.refused })
    })
    return started
  }

  /** Signed in to CloudBase somehow: the stored login, else an anonymous one (one attempt at a time). */
  const signedIn = async (): Promise<CloudbaseApp> => {
    const { app, auth } = await sdk()
    if (await auth.getLoginState().catch(() => null)) return app
    anonymous ??= (async () => {
      let failure: unknown = null
      try {
        const res = await auth.signInAnonymously() as { error?: unknown } | undefined
        failure = res?.error ?? null
      } catch (e) {
        failure = e
      }
      if (failure) {
        throw new Answer({ code: 'INTERNAL', message: providerOff(failure) ? CLOUDBASE_MESSAGES.anonymousOff : offline(failure) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.refused })
      }
    })().finally(() => { anonymous = null })
    await anonymous
    return app
  }

  /** One call to one function; CloudBase's refusals and the network's failures as Answers. */
  const invoke = async (name: string, data: Record<string, unknown>): Promise<Result<unknown>> => {
    const app = await signedIn()
    let res: Awaited<ReturnType<CloudbaseApp['callFunction']>>
    try {
      res = await app.callFunction({ name, data })
    } catch (e) {
      throw new Answer({ code: 'INTERNAL', message: functionMissing(e) ? CLOUDBASE_MESSAGES.missingFunction(name) : offline(e) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.refused })
    }
    if (res && res.result === undefined && res.code) {
      throw new Answer({ code: 'INTERNAL', message: functionMissing(res) ? CLOUDBASE_MESSAGES.missingFunction(name) : CLOUDBASE_MESSAGES.refused })
    }
    const result = resultOf(res?.result)
    if (!result) throw new Answer({ code: 'INTERNAL', message: CLOUDBASE_MESSAGES.badAnswer })
    return result
  }

  /** The desk's confirmed poll: become that person in CloudBase before the page asks who it is. */
  const takeTicket = async (answer: Record<string, unknown>): Promise<void> => {
    const ticket = answer.ticket
    if (typeof ticket !== 'string' || !ticket) throw new Answer({ code: 'INTERNAL', message: CLOUDBASE_MESSAGES.noTicket })
    const { auth } = await sdk()
    try {
      await auth.signInWithCustomTicket(async () => ticket)
    } catch (e) {
      throw new Answer({ code: 'INTERNAL', message: providerOff(e) ? CLOUDBASE_MESSAGES.customOff : offline(e) ? `${NETWORK_MESSAGE}，然后刷新二维码重新扫码` : CLOUDBASE_MESSAGES.ticketRefused })
    }
  }

  /** Calls under way: a sign-out waits for them, so auth.signOut still goes out as the person it ends. */
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p)).catch(() => undefined)
    return p
  }

  const transport: Transport = (fn, event) => track(send(fn, event))

  const send = async (fn: string, event: Record<string, unknown>): Promise<Result<unknown>> => {
    try {
      const result = await invoke(fn, event)
      if (fn === 'auth' && event.action === 'poll' && result.ok && (result.data as { state?: unknown } | null)?.state === 'confirmed') {
        await takeTicket(result.data as Record<string, unknown>)
      }
      return result
    } catch (e) {
      return { ok: false, error: e instanceof Answer ? e.body : { code: 'INTERNAL', message: offline(e) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.refused } }
    }
  }

  const uploadPhoto = (filePath: string, onProgress: (percent: number) => void): UploadHandle => {
    let aborted = false
    const done = (async () => {
      try {
        const blob = await (o.readFile ?? readBlobUrl)(filePath)
        const app = await signedIn()
        const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.jpg`
        const file = typeof File === 'function' && !(blob instanceof File) ? new File([blob], name, { type: blob.type || 'image/jpeg' }) : blob
        let uploaded: Awaited<ReturnType<CloudbaseApp['uploadFile']>>
        try {
          uploaded = await app.uploadFile({
            cloudPath: `uploads/${name}`,
            filePath: file,
            onUploadProgress: (p) => { if (p.total > 0) onProgress((p.loaded * UPLOADED) / p.total) }
          })
        } catch (e) {
          throw new Answer({ code: 'INTERNAL', message: offline(e) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.uploadFailed })
        }
        if (!uploaded?.fileID) throw new Answer({ code: 'INTERNAL', message: CLOUDBASE_MESSAGES.uploadFailed })
        if (aborted) throw new Answer({ code: 'INTERNAL', message: '已取消上传' })
        onProgress(UPLOADED + 10)
        // The photos function answers a bare Result (it is no action router), like every other function's.
        const answer = await invoke('photos', { fileId: uploaded.fileID }) as Result<{ fileId: string }>
        if (!answer.ok) throw new Answer(answer.error)
        onProgress(100)
        return { fileId: answer.data.fileId, url: photoUrl(answer.data.fileId) }
      } catch (e) {
        if (e instanceof Answer) throw new ApiError(e.body.code === 'INTERNAL' && e.body.message === NETWORK_MESSAGE ? 'NETWORK' : e.body.code, e.body.message, e.body.details)
        throw new ApiError('NETWORK', offline(e) ? NETWORK_MESSAGE : CLOUDBASE_MESSAGES.uploadFailed)
      }
    })()
    return { done, abort: () => { aborted = true } }
  }

  const signOut = async (): Promise<void> => {
    if (!started) return
    await Promise.allSettled([...inFlight])
    const { auth } = await started.catch(() => ({ auth: null }))
    await auth?.signOut().catch(() => undefined)
  }

  return { transport, uploadPhoto, signOut }
}

// ── stored photos ────────────────────────────────────────────────────────────────────────────────────────────────

/** Where CloudBase serves a stored file to everyone (storage is READONLY): `https://<bucket>.tcb.qcloud.la/<path>`. */
export const STORAGE_READ_SUFFIX = '.tcb.qcloud.la'

/**
 * A stored photo's address for <Image> (thumbnails beside it, core/photo-ids.ts). A browser cannot open `cloud://`
 * ids as WeChat does: `cloud://<env>.<bucket>/<path>` is read from the bucket's public host. Anything else (a picked
 * photo's blob: URL, an https address) is shown as it is.
 */
export function photoUrl (fileId: string, thumb = false): string {
  const id = (thumb && thumbIdOf(fileId)) || fileId
  const m = /^cloud:\/\/[^./]+\.([^/]+)\/(.+)$/.exec(id)
  return m ? `https://${m[1]}${STORAGE_READ_SUFFIX}/${m[2].split('/').map(encodeURIComponent).join('/')}` : id
}
