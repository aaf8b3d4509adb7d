import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { migrate } from './migrations'

export type Db = Database.Database
/** Prepared-statement cache: each distinct SQL text is prepared once per connection. */
export type Sql = (text: string) => Database.Statement<unknown[]>

export const MEMORY = ':memory:'
const BUSY_TIMEOUT_MS = 5000
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT'])

export interface StoreDamagedError extends Error {
  code: 'STORE_DAMAGED'
  file: string
}

function damaged (file: string, cause: unknown): StoreDamagedError {
  const message = `数据文件损坏或不是 SQLite 数据库：${file}。请删除该文件（或 .data 目录）后重新运行 npm start，会自动重建演示数据。` +
    ` / The data file ${file} is damaged or not an SQLite database: delete it (or the .data folder) and run npm start again to rebuild the demo data.`
  return Object.assign(new Error(message), { code: 'STORE_DAMAGED' as const, file, cause })
}

function sqliteCode (err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Open (creating the folder and file if needed), set the pragmas, migrate. A file that is not SQLite throws STORE_DAMAGED. */
export function openDatabase (file: string): Db {
  if (file !== MEMORY) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  let db: Db | undefined
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    if (file !== MEMORY) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
    }
    db.pragma('foreign_keys = ON')
    migrate(db)
    return db
  } catch (err) {
    db?.close()
    const code = sqliteCode(err)
    if (code !== undefined && DAMAGED_CODES.has(code)) throw damaged(file, err)
    throw asLocalError(err)
  }
}

/**
 * better-sqlite3 registers its SqliteError class once per process, so under Jest (one realm per test file) its errors
 * can fail `instanceof Error`. Rethrow driver errors as a local Error that keeps `code` and the original as `cause`.
 */
export function asLocalError (err: unknown): Error {
  if (err instanceof Error) return err
  const e = (err ?? {}) as { message?: unknown; code?: unknown }
  const local = new Error(typeof e.message === 'string' ? e.message : String(err))
  return Object.assign(local, { code: e.code, cause: err })
}

export function statementCache (db: Db): Sql {
  const cache = new Map<string, Database.Statement<unknown[]>>()
  return (text) => {
    let stmt = cache.get(text)
    if (stmt === undefined) {
      stmt = db.prepare(text)
      cache.set(text, stmt)
    }
    return stmt
  }
}

export function parseDoc<T> (doc: unknown): T | null {
  return typeof doc === 'string' ? JSON.parse(doc) as T : null
}

/**
 * Group commit: units of work that arrive while the event loop is busy run together in one transaction, each in
 * its own savepoint (a nested better-sqlite3 transaction), so each is still all-or-nothing on its own while the
 * batch pays for one commit. A caller's promise settles only after the batch committed: nothing is acknowledged
 * that a crash could still take back.
 */
export function groupCommit (db: Db): <A, R>(unit: (arg: A) => R) => (arg: A) => Promise<R> {
  type Pending = { run: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }
  let queue: Pending[] = []
  const runBatch = db.transaction((batch: Pending[]) => batch.map((p) => {
    try {
      return { ok: true as const, value: p.run() }
    } catch (error) {
      return { ok: false as const, error }
    }
  }))
  const flush = () => {
    const batch = queue
    queue = []
    let outcomes: ReturnType<typeof runBatch>
    try {
      outcomes = runBatch.immediate(batch)
    } catch (error) {
      for (const p of batch) p.reject(error)
      return
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)))
  }
  return (unit) => {
    const nested = db.transaction(unit)
    return (arg) => new Promise((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush)
      queue.push({ run: () => nested(arg), resolve: resolve as (v: unknown) => void, reject })
    })
  }
}
