import type { Identity } from '../deps'

/** The scheduler's identity: only code in this process can hold it, never an HTTP caller. */
export const identityFromSystem = (): Identity => ({ kind: 'system' })
