import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../core/api'
import { transport as platformTransport } from './call'
import { notifySignedOut } from './signed-out'
import { ApiError, type Transport } from './types'

let transport: Transport = platformTransport

/** Tests swap the transport at the edge; pages never do. */
export function setTransport (t: Transport): void {
  transport = t
}

/** Call one action of one cloud function, typed by the shared contract. Throws ApiError on failure. */
export async function call<F extends FunctionName, N extends ActionName<F>> (
  fn: F, action: N, input: ActionInput<F, N>
): Promise<ActionOutput<F, N>> {
  const result = await transport(fn, { action, ...(input as Record<string, unknown>) })
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') notifySignedOut()
    throw new ApiError(result.error.code, result.error.message, result.error.details)
  }
  return result.data as ActionOutput<F, N>
}

export { ApiError, SIGN_IN_MESSAGE, errorText, isSignInNeeded } from './types'
export { onSignedOut } from './signed-out'
