import type { AuditEntry } from '../../core/audit'
import type { Session } from '../../core/sessions'
import type { SignInPatch, SignInRequest, SignInState } from '../../core/signin'

/** The phone's confirmation of a desk sign-in, written as one unit (core/signin.ts). */
export interface SignInConfirmation {
  requestId: string
  /** state 'confirmed', who, the session, the sealed token. */
  patch: SignInPatch
  /** The desk session it opens (kind 'desk'). */
  session: Session
  /** The audit list's record of the sign-in (kind 'signin'). */
  audit: AuditEntry
}

/**
 * Desk sign-in requests (core/signin.ts), by their public id. Every change of state is a compare-and-set on the state
 * read, so of two phones confirming at once, or two polls picking up at once, exactly one wins.
 */
export interface SignInStore {
  /** Store a new request; an id already there is left as it is (ids are 128 random bits). */
  addSignInRequest (r: SignInRequest): Promise<void>
  getSignInRequest (id: string): Promise<SignInRequest | null>
  /** Apply `patch` only if the request is still in state `from`: the request after, or null (nothing written) if not. */
  moveSignInRequest (id: string, from: SignInState, patch: SignInPatch): Promise<SignInRequest | null>
  /**
   * pending → confirmed, the desk session and the audit entry together (one transaction where the store has them):
   * the request after, or null, and nothing written, if it was no longer pending.
   */
  confirmSignIn (c: SignInConfirmation): Promise<SignInRequest | null>
}
