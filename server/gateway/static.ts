import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { AppError } from '../errors'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf'
}

/** Text compresses to a third or less; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg'])
/** Larger text files are streamed as they are rather than held in memory (the H5 build has none). */
const MAX_COMPRESS_BYTES = 8 * 1024 * 1024

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/**
 * The pages' content security policy: scripts, styles, images and calls from this origin only; images also from the
 * page itself (blob: for a photo just taken, data: for pictures drawn in the page); no eval, no plugins; never framed.
 * Taro's H5 index.html carries one inline script (the rem size): it is allowed by its hash, taken from the file.
 */
function pagePolicy (inlineScriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((h) => ` '${h}'`).join('')}`,
    // Taro's components and React set style attributes and inject <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    // blob: is the photo just picked: Taro's H5 upload reads it back by XHR before sending it.
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ')
}

/** The hashes of a page's inline scripts, for its policy. */
function inlineScriptHashes (html: string): string[] {
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`)
  }
  return hashes
}

/** One file as served: its validators and, for text, its bytes and compressed forms (made once per file version). */
interface Prepared {
  version: string
  etag: string
  lastModified: string
  mtimeSeconds: number
  size: number
  raw: Buffer | null
  gzip: Buffer | null
  /** Brotli at its best takes a second for the largest bundle: made in the background; gzip answers until then. */
  br: Buffer | null
  brReady: Promise<Buffer | null> | null
  policy: string | null
}

const prepared = new Map<string, Promise<Prepared>>()
/** The H5 build has under a hundred files; this many means old builds' files are being kept. */
const MAX_PREPARED_FILES = 1000
/** Brotli jobs one at a time, so the thread pool stays free for the file reads of other requests. */
let brotliQueue: Promise<unknown> = Promise.resolve()

function brotliLater (bytes: Buffer): Promise<Buffer | null> {
  const job = brotliQueue.then(() => brotliAsync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }
  }))
  brotliQueue = job.catch(() => undefined)
  return job.then((b) => b, () => null)
}

async function prepare (file: string, info: { size: number; mtimeMs: number }, version: string): Promise<Prepared> {
  const ext = extname(file)
  // Weak: the compressed and plain forms of one file version carry the same tag (they decode to the same bytes).
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  const mtimeSeconds = Math.floor(info.mtimeMs / 1000)
  const base = { version, etag, lastModified: new Date(mtimeSeconds * 1000).toUTCString(), mtimeSeconds, size: info.size }
  if (!COMPRESSIBLE.has(ext) || info.size > MAX_COMPRESS_BYTES) return { ...base, raw: null, gzip: null, br: null, brReady: null, policy: null }
  const raw = await readFile(file)
  const zipped = await gzipAsync(raw, { level: 9 })
  const entry: Prepared = {
    ...base,
    raw,
    gzip: zipped.length < raw.length ? zipped : null,
    br: null,
    brReady: null,
    policy: ext === '.html' ? pagePolicy(inlineScriptHashes(raw.toString('utf8'))) : null
  }
  entry.brReady = brotliLater(raw).then((b) => {
    entry.br = b && b.length < raw.length ? b : null
    return entry.br
  })
  return entry
}

/** The file's prepared form for its current version (size and mtime): a rebuilt file is prepared again. */
function preparedFor (file: string, info: { size: number; mtimeMs: number }): Promise<Prepared> {
  const version = `${info.size}:${info.mtimeMs}`
  const known = prepared.get(file)
  if (known) {
    return known.then((p) => {
      if (p.version === version) return p
      if (prepared.get(file) === known) prepared.delete(file)
      return preparedFor(file, info)
    })
  }
  const made = prepare(file, info, version)
  // Rebuilds (dev:h5 --watch) leave the old hashed names behind: start afresh rather than keep them all.
  if (prepared.size >= MAX_PREPARED_FILES) prepared.clear()
  prepared.set(file, made)
  made.catch(() => { if (prepared.get(file) === made) prepared.delete(file) })
  return made
}

/** The encodings a client takes, by `Accept-Encoding` (q=0 refuses one; `*` stands for any not named). */
export function acceptedEncodings (header: string | undefined): { br: boolean; gzip: boolean } {
  const q = new Map<string, number>()
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qp ? Number(qp.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
  }
  const takes = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  return { br: takes('br'), gzip: takes('gzip') || takes('x-gzip') }
}

/** If-None-Match (weak comparison) wins over If-Modified-Since, as HTTP says. */
function notModified (req: IncomingMessage, p: Prepared): boolean {
  const inm = req.headers['if-none-match']
  if (inm !== undefined) {
    const tags = inm.split(',').map((t) => t.trim())
    const bare = (t: string) => t.replace(/^W\//, '')
    return tags.includes('*') || tags.some((t) => bare(t) === bare(p.etag))
  }
  const ims = req.headers['if-modified-since']
  if (ims === undefined) return false
  const since = Date.parse(ims)
  return Number.isFinite(since) && p.mtimeSeconds * 1000 <= since
}

/**
 * The H5 build, with index.html for any path that is not a file (the app routes by hash). Text is sent compressed
 * (brotli or gzip, as the client accepts), every file with validators, and a matching validator gets 304.
 * `path` is already percent-decoded by the caller, which answers a malformed escape itself.
 */
export async function serveStatic (root: string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const wanted = normalize(join(root, path))
  let file = wanted.startsWith(root + sep) || wanted === root ? wanted : join(root, 'index.html')
  let info = await stat(file).catch(() => null)
  if (!info || info.isDirectory()) {
    file = join(root, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info || !info.isFile()) {
    const body = { ok: false, error: new AppError('INTERNAL', 'H5 页面还没有构建：请运行 npm run build:h5（npm start 会自动构建）。').toBody() }
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(JSON.stringify(body))
    return
  }
  const p = await preparedFor(file, info)
  const immutable = /\.[0-9a-f]{8}\.(js|css)$/.test(file)
  const headers: Record<string, string> = {
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag: p.etag,
    'last-modified': p.lastModified,
    'x-content-type-options': 'nosniff',
    ...(p.raw ? { vary: 'accept-encoding' } : {}),
    ...(p.policy ? { 'content-security-policy': p.policy, 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' } : {})
  }
  if (notModified(req, p)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream'
  if (!p.raw) {
    res.writeHead(200, { ...headers, 'content-length': String(info.size) })
    if (req.method === 'HEAD') { res.end(); return }
    // a file that vanishes or cannot be read after stat: the status is already sent, so only cutting the answer short is honest
    createReadStream(file).on('error', () => res.destroy()).pipe(res)
    return
  }
  const accepts = acceptedEncodings(req.headers['accept-encoding'])
  // Brotli once it is made; a client that takes only brotli waits for it rather than getting the plain bytes.
  const br = accepts.br ? (p.br ?? (accepts.gzip && p.gzip ? null : await p.brReady)) : null
  const [bytes, encoding] = br ? [br, 'br'] : accepts.gzip && p.gzip ? [p.gzip, 'gzip'] : [p.raw, null]
  res.writeHead(200, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': String(bytes.length) })
  res.end(req.method === 'HEAD' ? undefined : bytes)
}
