/**
 * The one way an adapter fails on purpose. The router maps each code to the caller's answer: a bad cursor is
 * the caller's fault (VALIDATION), a missing row NOT_FOUND, a read past its guard LIMIT_EXCEEDED. Anything
 * else an adapter throws is a fault of ours and answers INTERNAL.
 */
export type StoreErrorCode = 'INVALID_CURSOR' | 'NOT_FOUND' | 'READ_LIMIT'

export class StoreError extends Error {
  constructor (readonly code: StoreErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message)
    this.name = 'StoreError'
  }
}

/** True for a StoreError of any realm (jest gives each test file its own, so instanceof is not enough). */
export function isStoreError (e: unknown): e is StoreError {
  return e instanceof StoreError || (e instanceof Error && e.name === 'StoreError' && typeof (e as { code?: unknown }).code === 'string')
}
