import nock from 'nock'

/**
 * Test double of the CloudBase database HTTP API (`POST https://<env>.tcb-api.tencentcloudapi.com/admin`),
 * answering what @cloudbase/node-sdk 3.18.3 sends, with the reply shapes its source expects:
 * - database.getDocument    → { data: { list: [JSON of each doc], limit, offset }, requestId }
 * - database.insertDocument → { data: { insertedIds }, requestId }
 * - database.modifyDocument → { data: { updated, matched, upsert_id }, requestId }
 * - database.modifyAndReturnDoc (a query's updateAndReturn) → { data: { updated, doc: JSON of the first matching
 *   document after the update, or null when none matched }, requestId }
 * - database.removeDocument → { data: { deleted }, requestId }
 * - database.calculateDocument (count) → { data: { total }, requestId }
 * - errors                  → { code, message, requestId } (the SDK throws them as TcbError)
 * It evaluates the EJSON query/update subset the adapter uses ($eq $ne $lt $lte $gt $gte $in $exists $and $or;
 * $set $inc $push), with MongoDB's meaning of null ({ f: null } and $ne null treat a missing field as null), and
 * records every request for assertions.
 * Each request is answered in one synchronous step, so an update (`$inc` included) is atomic as it is on the service.
 *
 * Storage, as SDK 3.18.3's storage module sends it (the same endpoint), with the files held in memory:
 * - storage.getUploadMetadata { path } → { data: { url, token, authorization, fileId, cosFileId } }; the SDK then PUTs
 *   the bytes to `url` (answered here: COS's empty body) — the file exists from that PUT on
 * - storage.batchGetDownloadUrl { file_list: [{ fileid }] } → { data: { download_list: [{ fileID, tempFileURL, code }] } }
 *   (code STORAGE_FILE_NONEXIST for a missing file); the SDK then GETs `tempFileURL` (answered here with the bytes)
 * - storage.batchDeleteFile { fileid_list } → { data: { delete_list: [{ fileID, code }] } }
 * And WeChat's open APIs: wx.api { apiName, requestData (JSON) } → { data: { responseData: JSON } }, answered by
 * `openApi` (default: mediaCheckAsync accepts with a fresh trace_id, msgSecCheck passes).
 */
type Doc = Record<string, unknown>

export interface Call {
  action: string
  collection: string
  queryType?: string
  query?: Doc
  data?: unknown
  order?: Array<[string, number]>
  limit?: number
  offset?: number
  multi?: boolean
  merge?: boolean
  upsert?: boolean
}

interface Reply { data?: unknown; code?: string; message?: string; requestId: string }

/** EJSON (canonical) → plain values: {"$numberInt":"5"} → 5. */
export function decodeEjson (v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeEjson)
  if (v && typeof v === 'object') {
    const o = v as Doc
    for (const k of ['$numberInt', '$numberLong', '$numberDouble']) if (k in o) return Number(o[k])
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decodeEjson(x)]))
  }
  return v
}

const parse = (s: unknown): unknown => (typeof s === 'string' ? decodeEjson(JSON.parse(s)) : decodeEjson(s))
const isOps = (c: unknown): c is Doc => !!c && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).every((k) => k.startsWith('$'))
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const get = (doc: Doc, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Doc)[k] : undefined), doc)

function cmp (a: unknown, b: unknown): number {
  if (typeof a !== typeof b || (typeof a !== 'string' && typeof a !== 'number')) return NaN
  return (a as string | number) < (b as string | number) ? -1 : (a === b ? 0 : 1)
}

/** MongoDB equality: an array matches a value it contains, and null matches null or a missing field. */
function eq (val: unknown, x: unknown): boolean {
  if (x === null) return val === null || val === undefined
  return Array.isArray(val) && !Array.isArray(x) ? val.some((v) => same(v, x)) : same(val, x)
}

function fieldMatch (val: unknown, cond: unknown): boolean {
  if (!isOps(cond)) return eq(val, cond)
  return Object.entries(cond).every(([op, x]) => {
    switch (op) {
      case '$eq': return eq(val, x)
      case '$ne': return !eq(val, x)
      case '$lt': return cmp(val, x) < 0
      case '$lte': return cmp(val, x) <= 0
      case '$gt': return cmp(val, x) > 0
      case '$gte': return cmp(val, x) >= 0
      case '$in': return (x as unknown[]).some((y) => eq(val, y))
      case '$exists': return (val !== undefined) === x
      default: throw new Error(`fake CloudBase: unsupported query operator ${op}`)
    }
  })
}

export function matches (doc: Doc, query: Doc): boolean {
  return Object.entries(query).every(([k, c]) => {
    if (k === '$and') return (c as Doc[]).every((q) => matches(doc, q))
    if (k === '$or') return (c as Doc[]).some((q) => matches(doc, q))
    return fieldMatch(get(doc, k), c)
  })
}

function setPath (doc: Doc, path: string, value: unknown): void {
  const keys = path.split('.')
  let o = doc
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Doc
  o[keys[keys.length - 1]] = value
}

function applyUpdate (doc: Doc, update: Doc): Doc {
  const out = structuredClone(doc)
  for (const [op, fields] of Object.entries(update)) {
    for (const [path, v] of Object.entries(fields as Doc)) {
      if (op === '$set') setPath(out, path, v)
      else if (op === '$inc') setPath(out, path, Number(get(out, path) ?? 0) + Number(v))
      else if (op === '$push') setPath(out, path, [...((get(out, path) as unknown[] | undefined) ?? []), ...(v as { $each: unknown[] }).$each])
      else throw new Error(`fake CloudBase: unsupported update operator ${op}`)
    }
  }
  return out
}

export class FakeCloudbase {
  readonly calls: Call[] = []
  private readonly collections = new Map<string, Map<string, Doc>>()
  private readonly faults: Array<{ action: string; code: string; message: string }> = []
  /** Requests still answered before every later one fails (a cloud function that died); null = no cut. */
  private answeredBeforeCut: number | null = null
  private readonly hooks: Array<{ action: string; run: (call: Call) => void }> = []
  private seq = 0
  private readonly files = new Map<string, Buffer>()
  /** Answers wx.api calls: (apiName, request body) → the API's answer. */
  openApi: (apiName: string, body: Doc) => unknown = (apiName) => (apiName === 'security.mediaCheckAsync'
    ? { errcode: 0, errmsg: 'ok', trace_id: `trace-${++this.seq}` }
    : { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } })

  constructor (readonly env = 'test-env') {}

  /** The storage bucket's host (COS): where the SDK PUTs uploads and GETs downloads. */
  get storageHost (): string {
    return `https://${this.env}-1250000000.cos.ap-shanghai.myqcloud.com`
  }

  /** A stored file's id, as CloudBase writes them: `cloud://<env>.<bucket>/<path>`. */
  fileIdOf (path: string): string {
    return `cloud://${this.env}.7465-${this.env}-1250000000/${path}`
  }

  private pathOf (fileId: string): string | null {
    const prefix = this.fileIdOf('')
    return fileId.startsWith(prefix) ? fileId.slice(prefix.length) : null
  }

  /** Put a file straight into storage (as the phone's wx.cloud.uploadFile would); returns its file id. */
  putFile (path: string, bytes: Uint8Array): string {
    this.files.set(path, Buffer.from(bytes))
    return this.fileIdOf(path)
  }

  /** A stored file's bytes, or undefined. */
  file (fileId: string): Buffer | undefined {
    const path = this.pathOf(fileId)
    return path === null ? undefined : this.files.get(path)
  }

  /** Every stored file's id, sorted. */
  fileIds (): string[] {
    return [...this.files.keys()].map((p) => this.fileIdOf(p)).sort()
  }

  /** COS: the SDK's PUT of an upload's bytes, and its GET of a download URL. */
  cos (method: string, path: string, body?: Buffer): { status: number; body: Buffer | string } {
    const key = decodeURIComponent(path.split('?')[0].replace(/^\//, ''))
    if (method === 'PUT') {
      this.files.set(key, body ?? Buffer.alloc(0))
      return { status: 200, body: '' }
    }
    const bytes = this.files.get(key)
    return bytes ? { status: 200, body: bytes } : { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>' }
  }

  private storage (action: string, raw: Doc): Omit<Reply, 'requestId'> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = String(raw.path)
        return { data: { url: `${this.storageHost}/${encodeURIComponent(path)}`, token: 'fake-token', authorization: 'fake-auth', fileId: this.fileIdOf(path), cosFileId: `cos-${path}`, download_url: '' } }
      }
      case 'storage.batchGetDownloadUrl': {
        const list = (raw.file_list as Array<{ fileid: string }>).map(({ fileid }) => {
          const path = this.pathOf(fileid)
          return path !== null && this.files.has(path)
            ? { fileID: fileid, tempFileURL: `${this.storageHost}/${path}?sign=fake`, code: 'SUCCESS' }
            : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
        })
        return { data: { download_list: list } }
      }
      case 'storage.batchDeleteFile': {
        const list = (raw.fileid_list as string[]).map((fileID) => {
          const path = this.pathOf(fileID)
          const had = path !== null && this.files.delete(path)
          return { fileID, code: had ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
        })
        return { data: { delete_list: list } }
      }
      default:
        return { code: 'INVALID_ACTION', message: `fake CloudBase does not answer ${action}` }
    }
  }

  private col (name: string): Map<string, Doc> {
    let c = this.collections.get(name)
    if (!c) this.collections.set(name, (c = new Map()))
    return c
  }

  /** Put documents straight into a collection (`_id` = their `id` unless given). */
  seed (collection: string, docs: readonly object[]): void {
    const col = this.col(collection)
    for (const d of docs as Doc[]) col.set(String(d._id ?? d.id), { _id: d._id ?? d.id, ...structuredClone(d) })
  }

  docs (collection: string): Doc[] {
    return [...this.col(collection).values()].map((d) => structuredClone(d))
  }

  /** The next request with this action answers with an error code. */
  failNext (action: string, code: string, message = 'simulated failure'): void {
    this.faults.push({ action, code, message })
  }

  /** Run `run` once just before the next request with this action is answered (another writer racing in). */
  beforeNext (action: string, run: (call: Call) => void): void {
    this.hooks.push({ action, run })
  }

  /**
   * Answer the next `n` requests, then fail every later one with DATABASE_REQUEST_FAILED until `heal()`: the
   * process stopped after its n-th request, so whatever it meant to send next never arrives.
   */
  cutAfter (n: number): void {
    this.answeredBeforeCut = n
  }

  heal (): void {
    this.answeredBeforeCut = null
  }

  actions (): string[] {
    return this.calls.map((c) => `${c.action} ${c.collection}`)
  }

  handle (raw: Doc): Reply {
    const requestId = `fake-${++this.seq}`
    const action = String(raw.action)
    if (action.startsWith('storage.') || action === 'wx.api') {
      this.calls.push({ action, collection: '', data: raw })
      if (action === 'storage.getUploadMetadata' || action === 'storage.batchGetDownloadUrl' || action === 'storage.batchDeleteFile') {
        return { ...this.storage(action, raw), requestId }
      }
      const answer = this.openApi(String(raw.apiName), raw.requestData ? JSON.parse(String(raw.requestData)) as Doc : {})
      return { data: { responseData: JSON.stringify(answer) }, requestId }
    }
    const call: Call = {
      action: String(raw.action),
      collection: String(raw.collectionName ?? ''),
      queryType: raw.queryType as string | undefined,
      query: raw.query === undefined ? undefined : parse(raw.query) as Doc,
      data: raw.data === undefined ? undefined : (Array.isArray(raw.data) ? raw.data.map(parse) : parse(raw.data)),
      order: raw.order === undefined ? undefined : Object.entries(parse(raw.order) as Record<string, number>),
      limit: raw.limit as number | undefined,
      offset: raw.offset as number | undefined,
      multi: raw.multi as boolean | undefined,
      merge: raw.merge as boolean | undefined,
      upsert: raw.upsert as boolean | undefined
    }
    if (this.answeredBeforeCut !== null) {
      if (this.answeredBeforeCut === 0) return { code: 'DATABASE_REQUEST_FAILED', message: 'simulated crash: request never sent', requestId }
      this.answeredBeforeCut--
    }
    this.calls.push(call)
    const hook = this.hooks.findIndex((h) => h.action === call.action)
    if (hook >= 0) this.hooks.splice(hook, 1)[0].run(call)
    const fault = this.faults.findIndex((f) => f.action === call.action)
    if (fault >= 0) {
      const { code, message } = this.faults.splice(fault, 1)[0]
      return { code, message, requestId }
    }
    return { ...this.answer(call), requestId }
  }

  private answer (call: Call): Omit<Reply, 'requestId'> {
    if (call.action === 'database.addCollection') {
      if (this.collections.has(call.collection)) return { code: 'DATABASE_COLLECTION_ALREADY_EXIST', message: 'collection exists' }
      this.col(call.collection)
      return { data: {} }
    }
    const col = this.col(call.collection)
    const found = () => [...col.values()].filter((d) => matches(d, call.query ?? {}))
    switch (call.action) {
      case 'database.getDocument': {
        const order = call.order ?? []
        const sorted = found().sort((a, b) => {
          for (const [k, dir] of order) {
            const c = cmp(get(a, k), get(b, k))
            if (c) return c * dir
          }
          return 0
        })
        const offset = call.offset ?? 0
        const list = sorted.slice(offset, offset + (call.limit ?? 100)).map((d) => JSON.stringify(d))
        return { data: { list, limit: call.limit ?? 100, offset } }
      }
      case 'database.insertDocument': {
        const insertedIds: string[] = []
        for (const d of call.data as Doc[]) {
          const id = String(d._id)
          if (col.has(id)) {
            return { code: 'DATABASE_DUPLICATE_WRITE', message: `E11000 duplicate key error collection: ${call.collection} index: _id_ dup key: { _id: "${id}" }` }
          }
          col.set(id, d)
          insertedIds.push(id)
        }
        return { data: { insertedIds } }
      }
      case 'database.modifyDocument': {
        const hits = call.multi ? found() : found().slice(0, 1)
        if (hits.length === 0 && call.upsert) {
          const id = String((call.query as Doc)._id)
          col.set(id, { ...(call.data as Doc), _id: id })
          return { data: { updated: 0, matched: 0, upsert_id: id } }
        }
        let updated = 0
        for (const d of hits) {
          const next = call.merge ? applyUpdate(d, call.data as Doc) : { ...(call.data as Doc), _id: d._id }
          if (!same(next, d)) updated++
          col.set(String(d._id), next)
        }
        return { data: { updated, matched: hits.length, upsert_id: null } }
      }
      case 'database.modifyAndReturnDoc': {
        const [hit] = found()
        if (!hit) return { data: { updated: 0, doc: null } }
        const next = applyUpdate(hit, call.data as Doc)
        col.set(String(hit._id), next)
        return { data: { updated: same(next, hit) ? 0 : 1, doc: JSON.stringify(next) } }
      }
      case 'database.calculateDocument':
        return { data: { total: found().length } }
      case 'database.removeDocument': {
        const hits = found()
        for (const d of hits) col.delete(String(d._id))
        return { data: { deleted: hits.length } }
      }
      default:
        return { code: 'INVALID_ACTION', message: `fake CloudBase does not answer ${call.action}` }
    }
  }
}

/**
 * nock hands a reply function a binary request body hex-encoded (any body that is not valid UTF-8, as a JPEG never is).
 * Only uploads are PUT here, so a body that reads as hex is taken as hex.
 */
const bodyBytes = (body: unknown): Buffer =>
  Buffer.isBuffer(body) ? body : typeof body === 'string' && /^(?:[0-9a-f]{2})+$/i.test(body) ? Buffer.from(body, 'hex') : Buffer.from(String(body ?? ''))

/** Route every database, storage and open-API request for `env` to `fake`, and its bucket's uploads and downloads. Call `nock.cleanAll()` after the test. */
export function interceptCloudbase (fake: FakeCloudbase, env = fake.env): nock.Scope {
  nock(fake.storageHost).persist()
    .put(/.*/).reply((uri, body) => { const r = fake.cos('PUT', uri, bodyBytes(body)); return [r.status, r.body] })
    .get(/.*/).reply((uri) => { const r = fake.cos('GET', uri); return [r.status, r.body] })
  return nock(`https://${env}.tcb-api.tencentcloudapi.com`)
    .persist()
    .post((uri) => uri.startsWith(`/admin?env=${env}&`))
    .reply(200, (_uri, body) => fake.handle((typeof body === 'string' ? JSON.parse(body) : body) as Doc))
}
