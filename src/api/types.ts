import type { ErrorCode, Result } from '../../core/errors'

/** A failed call as the pages see it: a stable code and a Chinese message to show. */
export class ApiError extends Error {
  constructor (readonly code: ErrorCode | 'NETWORK', message: string, readonly details?: unknown) {
    super(message)
  }
}

/** Sends `{ action, ...payload }` to one cloud function and returns its Result. */
export type Transport = (fn: string, event: Record<string, unknown>) => Promise<Result<unknown>>

export const NETWORK_MESSAGE = '网络不通，请检查网络后重试'

/** Shown instead of the server's "请先登录后再操作": the shared loading parts turn it into the sign-in prompt. */
export const SIGN_IN_MESSAGE = '请先登录'

/** True when a failed call means "nobody is signed in" (the visitor should sign in, not retry). */
export function isSignInNeeded (e: unknown): boolean {
  return e instanceof ApiError && e.code === 'UNAUTHENTICATED'
}

/** The message to show for a failed call: one constant for "sign in first", the server's words otherwise. */
export function errorText (e: unknown): string {
  if (isSignInNeeded(e)) return SIGN_IN_MESSAGE
  return e instanceof Error ? e.message : String(e)
}
