import type { Result } from '../../core/errors'
import type { Transport } from '../api/types'

type Handler = (event: Record<string, unknown>) => Result<unknown>

/** A transport for page tests: answers per "fn.action", records every call. The network edge only. */
export function fakeTransport (handlers: Record<string, Handler>) {
  const calls: Array<{ fn: string; event: Record<string, unknown> }> = []
  const transport: Transport = async (fn, event) => {
    calls.push({ fn, event })
    const h = handlers[`${fn}.${String(event.action)}`]
    return h ? h(event) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: `no fake for ${fn}.${String(event.action)}` } }
  }
  return { transport, calls }
}

export const rate = (numerator: number, denominator: number) => ({
  value: denominator ? numerator / denominator : null, numerator, denominator, ci95: null
})

/** Wait (bounded by tries, not time) until `check` holds: event handlers here run their calls asynchronously. */
export async function until (check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!check()) throw new Error('condition never held')
}
