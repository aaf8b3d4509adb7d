import * as tcb from '@cloudbase/node-sdk'

/**
 * The one typed seam over @cloudbase/node-sdk. The SDK's own types are loose (`any` results, commands as
 * classes); every `any` of this adapter lives in this file, and the rest speaks `Db`.
 */
export type CloudbaseApp = ReturnType<typeof tcb.init>

/** An SDK command (`_.lt(…)`, `_.inc(…)`, `_.or(…)`): opaque, only ever handed back to the SDK. */
export interface Command { readonly __cloudbaseCommand: true }
export type Scalar = string | number | boolean | null
/** A query condition: `{ field: value | command }` or a logic command. */
export type Cond = { readonly [field: string]: Scalar | Command } | Command
export type Doc = Record<string, unknown>
export type Dir = 'asc' | 'desc'

export interface Commands {
  lt (v: Scalar): Command
  lte (v: Scalar): Command
  gt (v: Scalar): Command
  gte (v: Scalar): Command
  /** `$ne`: as in MongoDB, `neq(null)` matches only documents where the field is there and not null. */
  neq (v: Scalar): Command
  in (vs: readonly Scalar[]): Command
  and (conds: readonly Cond[]): Command
  or (conds: readonly Cond[]): Command
  inc (n: number): Command
  /** Append to an array field (`$push` with `$each`). */
  push (v: Scalar): Command
  /** Replace the field as a whole (no merge into nested objects). */
  set (v: unknown): Command
}

export interface Db {
  readonly _: Commands
  /** `where(and(conds)).orderBy(…).limit(limit).get()`; one request, so `limit` ≤ 1000. */
  find (coll: string, conds: readonly Cond[], order: ReadonlyArray<[string, Dir]>, limit: number): Promise<Doc[]>
  findById (coll: string, id: string): Promise<Doc | null>
  /** `where(and(conds)).count()`. */
  count (coll: string, conds: readonly Cond[]): Promise<number>
  /** `add({ _id: id, ...data })`; false when a document with that `_id` already exists. */
  insert (coll: string, id: string, data: object): Promise<boolean>
  /** One `add([...])` request; any failure (duplicates too) throws. */
  insertMany (coll: string, docs: ReadonlyArray<{ _id: string }>): Promise<void>
  /** `doc(id).set(data)`: create or replace the whole document. */
  replace (coll: string, id: string, data: object): Promise<void>
  /** `where(cond).update(data)`: the number of documents it changed (0 = the condition no longer held). */
  update (coll: string, cond: Cond, data: Record<string, unknown>): Promise<number>
  /**
   * `where({ _id: id }).updateAndReturn(data)`: one atomic update of that one document, which comes back as it
   * is after the update; null when there is no such document. (The SDK has it on queries only, not on `doc(id)`.)
   */
  updateAndReturn (coll: string, id: string, data: Record<string, unknown>): Promise<Doc | null>
  /** Test environments only: remove every document of a collection. */
  removeAll (coll: string): Promise<number>
  /** Create a collection; false when it already exists. */
  createCollection (coll: string): Promise<boolean>
}

/** A failed SDK call; `code` is the SDK's (e.g. DATABASE_PERMISSION_DENIED) and is part of the message. */
export class CloudbaseError extends Error {
  constructor (readonly code: string, message: string, readonly requestId?: string) {
    super(message)
    this.name = 'CloudbaseError'
  }
}

export const DUPLICATE_CODE = 'DATABASE_DUPLICATE_WRITE'
const ALREADY_EXISTS_CODE = 'DATABASE_COLLECTION_ALREADY_EXIST'

export function isDuplicate (e: unknown): boolean {
  return e instanceof CloudbaseError &&
    (e.code === DUPLICATE_CODE || /E11000 duplicate key/i.test(e.message))
}

/* eslint-disable @typescript-eslint/no-explicit-any */
function toError (what: string, raw: any): CloudbaseError {
  const code = String(raw?.code ?? raw?.errCode ?? 'UNKNOWN')
  const message = String(raw?.message ?? raw?.errMsg ?? raw)
  return new CloudbaseError(code, `CloudBase ${what} failed: ${code} ${message}`, raw?.requestId)
}

/** Run one SDK call: thrown errors and `{ code }` answers (throwOnCode off) both become CloudbaseError. */
async function call (what: string, run: () => Promise<any>): Promise<any> {
  let res: any
  try {
    res = await run()
  } catch (e) {
    throw toError(what, e)
  }
  if (res && res.code) throw toError(what, res)
  return res
}

export function createDb (app: CloudbaseApp, prefix = ''): Db {
  const sdk: any = app.database()
  const cmd: any = sdk.command
  const col = (c: string): any => sdk.collection(prefix + c)
  const where = (c: string, conds: readonly Cond[]): any =>
    conds.length === 0 ? col(c) : col(c).where(conds.length === 1 ? conds[0] : cmd.and([...conds]))

  const _: Commands = {
    lt: (v) => cmd.lt(v),
    lte: (v) => cmd.lte(v),
    gt: (v) => cmd.gt(v),
    gte: (v) => cmd.gte(v),
    neq: (v) => cmd.neq(v),
    in: (vs) => cmd.in([...vs]),
    and: (conds) => cmd.and([...conds]),
    or: (conds) => cmd.or([...conds]),
    inc: (n) => cmd.inc(n),
    push: (v) => cmd.push(v),
    set: (v) => cmd.set(v)
  }

  return {
    _,
    async find (c, conds, order, limit) {
      let q = where(c, conds)
      for (const [field, dir] of order) q = q.orderBy(field, dir)
      const res = await call(`get ${prefix}${c}`, () => q.limit(limit).get())
      return res.data as Doc[]
    },
    async findById (c, id) {
      const res = await call(`get ${prefix}${c}/${id}`, () => col(c).where({ _id: id }).limit(1).get())
      return (res.data[0] as Doc | undefined) ?? null
    },
    async count (c, conds) {
      const res = await call(`count ${prefix}${c}`, () => where(c, conds).count())
      return Number(res.total ?? 0)
    },
    async insert (c, id, data) {
      try {
        await call(`add ${prefix}${c}/${id}`, () => col(c).add({ ...data, _id: id }))
        return true
      } catch (e) {
        if (isDuplicate(e)) return false
        throw e
      }
    },
    async insertMany (c, docs) {
      if (docs.length === 0) return
      await call(`add ${docs.length} to ${prefix}${c}`, () => col(c).add([...docs]))
    },
    async replace (c, id, data) {
      const { _id: _ignored, ...rest } = data as Doc
      await call(`set ${prefix}${c}/${id}`, () => col(c).doc(id).set(rest))
    },
    async update (c, cond, data) {
      const res = await call(`update ${prefix}${c}`, () => col(c).where(cond).update(data))
      return Number(res.updated ?? 0)
    },
    async updateAndReturn (c, id, data) {
      const res = await call(`updateAndReturn ${prefix}${c}/${id}`, () => col(c).where({ _id: id }).updateAndReturn(data))
      return (res.doc as Doc | null | undefined) ?? null
    },
    async removeAll (c) {
      const res = await call(`remove ${prefix}${c}`, () => col(c).where({ _id: cmd.exists(true) }).remove())
      return Number(res.deleted ?? 0)
    },
    async createCollection (c) {
      try {
        await call(`create ${prefix}${c}`, () => sdk.createCollection(prefix + c))
        return true
      } catch (e) {
        if (e instanceof CloudbaseError && e.code === ALREADY_EXISTS_CODE) return false
        throw e
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A stored document back to its entity: drop the database's own fields. */
export function fromDoc<T> (doc: Doc): T {
  const { _id: _ignoredId, _openid: _ignoredOpenid, ...entity } = doc
  return entity as T
}
