import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../core/errors'

/** A failure a person can act on: a stable code and a Chinese message. */
export class AppError extends Error {
  constructor (readonly code: ErrorCode, message?: string, readonly details?: unknown) {
    super(message ?? ERROR_CODES[code])
  }

  toBody (): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}
