import { z } from 'zod'
import type { ActionName, ActionOutput, ApiContract, FunctionName } from '../core/api'
import type { Result } from '../core/errors'
import type { Role, User } from '../core/types'
import { AppError } from './errors'
import type { CallOrigin, Deps, Identity } from './deps'
import { resolveCaller } from './caller'
import { isStoreError, type StoreError } from './ports/errors'
import { withCurrentSettings } from './settings-source'

z.config(z.locales.zhCN())

/** Who may call an action: listed roles (deny by default), any signed-in user, anyone, or only the scheduler. */
export type Access = { roles: readonly Role[] } | 'signedIn' | 'public' | 'system'

export interface Ctx {
  deps: Deps
  /** The signed-in caller; null only for 'public' and 'system' actions. */
  user: User | null
  /** The session the call came through (a desk's or the dev login's), null for WeChat's own OPENID and for nobody. */
  sessionId: string | null
  /** The caller's address and browser as the platform reports them. */
  origin: CallOrigin
}

export interface ActionDef<I extends z.ZodType, O> {
  input: I
  access: Access
  run (ctx: Ctx, input: z.output<I>): Promise<O>
}

export type ActionsOf<F extends FunctionName> = {
  [N in ActionName<F>]: ActionDef<z.ZodType, ActionOutput<F, N>>
}

/** Declare one action; keeps the input schema and the handler's parameter in step. */
export function action<I extends z.ZodType, O> (def: ActionDef<I, O>): ActionDef<I, O> {
  return def
}

export type Router = (event: unknown, identity: Identity, origin?: CallOrigin) => Promise<Result<unknown>>

const NO_ORIGIN: CallOrigin = { ip: '', userAgent: '' }

/** `{ action, ...payload }` → validate → authorize → handler, answered in the one Result shape. */
export function createRouter<F extends FunctionName> (fn: F, actions: ActionsOf<F>, deps: Deps): Router {
  const table = actions as Record<string, ActionDef<z.ZodType, unknown>>
  return async (event, identity, origin = NO_ORIGIN) => {
    try {
      const { action: name, ...payload } = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>
      const def = typeof name === 'string' && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined
      if (!def) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${fn}.${String(name)}`)
      const user = await authorize(def.access, identity, deps)
      const parsed = def.input.safeParse(payload)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        throw new AppError('VALIDATION', issues[0] ? `${issues[0].message}${issues[0].path ? `（${issues[0].path}）` : ''}` : undefined, issues)
      }
      // The settings as they stand now, read per call: a change the office saved applies to the very next call.
      const sessionId = identity.kind === 'user' ? identity.sessionId ?? null : null
      return { ok: true, data: await def.run({ deps: await withCurrentSettings(deps), user, sessionId, origin }, parsed.data) }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() }
      if (isStoreError(e)) return { ok: false, error: fromStoreError(fn, e).toBody() }
      console.error(`[${fn}] unexpected error`, e)
      return { ok: false, error: new AppError('INTERNAL').toBody() }
    }
  }
}

/** An adapter's deliberate refusal as the caller's answer; a guard that stopped a read is also logged. */
function fromStoreError (fn: string, e: StoreError): AppError {
  switch (e.code) {
    case 'INVALID_CURSOR': return new AppError('VALIDATION', '分页参数无效，请从第一页重新加载')
    case 'NOT_FOUND': return new AppError('NOT_FOUND', e.message)
    case 'READ_LIMIT':
      console.error(`[${fn}] read stopped at its guard: ${e.message}`, e.details ?? '')
      return new AppError('LIMIT_EXCEEDED', e.message, e.details)
  }
}

async function authorize (access: Access, identity: Identity, deps: Deps): Promise<User | null> {
  if (access === 'system') {
    if (identity.kind !== 'system') throw new AppError('FORBIDDEN')
    return null
  }
  if (identity.kind !== 'user') {
    if (access === 'public') return null
    throw new AppError('UNAUTHENTICATED')
  }
  const user = await resolveCaller(identity.openid, deps)
  if (access === 'public' || access === 'signedIn') return user
  if (!access.roles.some((r) => user.roles.includes(r))) throw new AppError('FORBIDDEN')
  return user
}

export type { ApiContract }
