import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../core/api'
import type { Result } from '../../core/errors'
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings'
import { openLocalApp, type LocalApp } from '../gateway/compose'
import type { Clock, Ids } from '../ports/clock'
import type { ContentCheck } from '../ports/content-check'
import type { Identity } from '../deps'

export const TEST_NOW = '2026-11-20T02:00:00.000Z'

/** A clock tests move by hand. */
export function manualClock (start = TEST_NOW): Clock & { set (iso: string): void; advanceHours (h: number): void } {
  let now = start
  return {
    now: () => now,
    set: (iso) => { now = iso },
    advanceHours: (h) => { now = new Date(Date.parse(now) + h * 3_600_000).toISOString() }
  }
}

export function sequentialIds (): Ids {
  let n = 0
  return { next: (prefix) => `${prefix}-test-${String(++n).padStart(6, '0')}` }
}

export interface TestApp extends LocalApp {
  clock: ReturnType<typeof manualClock>
  /** Call an action as the user with this openid (the platform-vouched identity). */
  as (openid: string): Caller
  anonymous: Caller
  system: Caller
}

export type Caller = <F extends FunctionName, N extends ActionName<F>>(fn: F, action: N, input: ActionInput<F, N> | Record<string, unknown>) => Promise<Result<ActionOutput<F, N>>>

/** The demo city in an in-memory SQLite store, seeded as `npm start` seeds it, with a manual clock. */
export async function openTestApp (opts: { seed?: boolean; settings?: Partial<Settings>; contentCheck?: ContentCheck } = {}): Promise<TestApp> {
  const clock = manualClock()
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings }
  const app = await openLocalApp({ dataDir: null, clock, ids: sequentialIds(), seed: opts.seed, settings, contentCheck: opts.contentCheck })
  const caller = (identity: Identity): Caller => (fn, action, input) =>
    app.routers[fn]({ action, ...input }, identity) as never
  return {
    ...app,
    clock,
    as: (openid) => caller({ kind: 'user', openid }),
    anonymous: caller({ kind: 'anonymous' }),
    system: caller({ kind: 'system' })
  }
}

/** The data of a successful Result, or a thrown error naming the failure (keeps tests short). */
export function ok<T> (r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}
