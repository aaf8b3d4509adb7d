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
