import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { FUNCTION_NAMES, type FunctionName } from '../../core/api'
import type { ErrorCode, Result } from '../../core/errors'
import { DEV_SESSION_IDLE_HOURS } from '../../core/sessions'
import { GRID_CALL_MAX_BYTES } from '../../core/grid-schemas'
import { AppError } from '../errors'
import { systemClock } from '../adapters/system'
import type { Clock } from '../ports/clock'
import type { FileStore } from '../ports/files'
import type { Store } from '../ports/store'
import type { Router } from '../router'
import type { CallOrigin } from '../deps'
import { openSession } from '../session-token'
import { identityFrom, sessionFrom, type IdentityDeps } from './identity'
import { serveStatic } from './static'
import { receivePhoto } from './upload'
import { verifyPage } from './verify-page'
import { serveOpen311, type Open311Endpoint } from './open311-route'
import type { VerifyView } from '../../core/volunteer/views'

export interface GatewayOptions {
  routers: Record<FunctionName, Router>
  store: Store
  files: FileStore
  /** The H5 build to serve (dist/h5). */
  webRoot: string
  /** Open311 GeoReport v2 under /open311/v2/ (server/open311); absent: those paths are 404. */
  open311?: Open311Endpoint
  /**
   * The dev login (/dev/* and its sessions): on only while bound to loopback or explicitly enabled (main.ts
   * devLoginMode). Off, /dev/* answers 404 and a dev session's token is anonymous.
   */
  devLogin: boolean
  /** Sessions' time (the app's clock port; default the system clock). */
  clock?: Clock
  /** How long a new dev session lasts unused: the office's setting (sessionIdleHours); default 8 hours. */
  sessionIdleHours?: () => Promise<number>
}

const MAX_JSON_BYTES = 1024 * 1024
/**
 * The office's calls may carry a grid file: as much as CloudBase's callFunction takes (6 MB, GRID_CALL_MAX_BYTES),
 * so a file that imports on the gateway imports in the mini-program too, and one that does not fails alike.
 */
const MAX_ADMIN_JSON_BYTES = GRID_CALL_MAX_BYTES
/**
 * After answering a request whose body is still arriving, read and drop at most this much more, for at most this
 * long, before closing: closing with unread bytes resets the connection and the client loses the answer.
 */
const LINGER_BYTES = 16 * 1024 * 1024
const LINGER_MS = 10_000
/** The scheduler's function is not callable over HTTP: the gateway runs it on its own timer. */
const HTTP_FUNCTIONS = new Set<string>(FUNCTION_NAMES.filter((f) => f !== 'timer'))
const JSON_TYPE = 'application/json; charset=utf-8'

/** A failure of the gateway itself, before any action runs: the HTTP status it is answered with. */
class HttpFailure extends AppError {
  constructor (readonly status: number, code: ErrorCode, message?: string, readonly headers: Record<string, string> = {}) {
    super(code, message)
  }
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, UNKNOWN_ACTION: 404,
  CONFLICT: 409, CAPACITY_FULL: 409, RATE_LIMITED: 429, INTERNAL: 500
}

const statusOf = (e: unknown): number => e instanceof HttpFailure ? e.status : e instanceof AppError ? STATUS[e.code] ?? 400 : 500

const failure = (e: unknown): Result<never> => ({
  ok: false,
  error: e instanceof AppError ? e.toBody() : new AppError('INTERNAL').toBody()
})

const tooLarge = (max = MAX_JSON_BYTES) => new HttpFailure(413, 'VALIDATION', `请求内容太大（超过 ${Math.round(max / 1024 / 1024)} MB），请删减后再试`)
const wrongMethod = (allow: 'POST' | 'GET') => allow === 'POST'
  ? new HttpFailure(405, 'VALIDATION', '请用 POST 调用接口', { allow: 'POST' })
  : new HttpFailure(405, 'VALIDATION', '不支持的请求方式，这里只能用 GET 打开', { allow: 'GET, HEAD' })
const notFound = () => new HttpFailure(404, 'NOT_FOUND', '没有这个接口，请检查网址后再试')
const devLoginOff = () => new HttpFailure(404, 'NOT_FOUND',
  '演示登录已关闭（网关不在本机地址上运行）：请在手机上打开文明共建小程序，用「我的 → 扫码登录电脑版」扫码登录。')

/** Sockets the gateway already answered outside a response (a request it could not parse). */
const answeredRaw = new WeakSet<object>()

function bodyPending (req: IncomingMessage): boolean {
  return !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0)
}

/** The one answer shape. If the request's body is still arriving: answer now, drop the rest (bounded), then close. */
function sendJson (req: IncomingMessage, res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed || answeredRaw.has(res.socket ?? {})) return
  const text = JSON.stringify(body)
  const pending = bodyPending(req)
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...(pending ? { connection: 'close' } : {}),
    ...headers
  })
  if (!pending) {
    res.end(text)
    return
  }
  res.write(text)
  let dropped = 0
  const end = () => {
    clearTimeout(timer)
    req.off('data', drop)
    if (!res.writableEnded) res.end()
  }
  const drop = (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > LINGER_BYTES) end()
  }
  const timer = setTimeout(end, LINGER_MS)
  timer.unref()
  req.unpipe()
  req.on('data', drop)
  req.once('end', end)
  req.once('close', end)
  req.resume()
}

const sendFailure = (req: IncomingMessage, res: ServerResponse, e: unknown) =>
  sendJson(req, res, statusOf(e), failure(e), e instanceof HttpFailure ? e.headers : {})

function readJson (req: IncomingMessage, max = MAX_JSON_BYTES): Promise<unknown> {
  const type = req.headers['content-type']
  if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
    return Promise.reject(new HttpFailure(415, 'VALIDATION', '请以 JSON 格式发送请求（Content-Type: application/json）'))
  }
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.reject(tooLarge(max))
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onCut)
      req.off('close', onCut)
    }
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= max) chunks.push(c)
      else {
        stop()
        reject(tooLarge(max))
      }
    }
    const onEnd = () => {
      stop()
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {})
      } catch {
        reject(new HttpFailure(400, 'VALIDATION', '请求内容不是有效的 JSON'))
      }
    }
    // the client went away or broke the framing mid-body: nobody may be left to read this, but say it plainly
    const onCut = () => {
      stop()
      reject(new HttpFailure(400, 'VALIDATION', '请求没有发送完整，请重试'))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onCut)
    req.on('close', onCut)
  })
}

/** The path the client asked for, the same path decoded for the file system, and the query. */
function parseTarget (target: string): { path: string; decoded: string; query: URLSearchParams } {
  let url: URL
  try {
    // origin-form ("/a?b") is what browsers send; absolute-form ("http://host/a") is allowed by HTTP/1.1 too
    url = target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target)
  } catch {
    throw new HttpFailure(400, 'VALIDATION', '网址无效，请检查网址后再试')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HttpFailure(400, 'VALIDATION', '网址无效，请检查网址后再试')
  try {
    return { path: url.pathname, decoded: decodeURIComponent(url.pathname), query: url.searchParams }
  } catch {
    throw new HttpFailure(400, 'VALIDATION', '网址里有无效的 % 转义，请检查网址后再试')
  }
}

const isPost = (req: IncomingMessage) => req.method === 'POST'
const isGet = (req: IncomingMessage) => req.method === 'GET' || req.method === 'HEAD'

/** The caller's address (the socket's: the gateway is reached directly) and browser, for the desk sign-in's limits. */
const originOf = (req: IncomingMessage): CallOrigin => ({
  ip: req.socket.remoteAddress ?? '',
  userAgent: String(req.headers['user-agent'] ?? '').slice(0, 500)
})

/** The local gateway: the H5 app, the API (same routers as the cloud functions), photos, and the dev login. */
export function createGateway (opts: GatewayOptions): Server {
  const clock = opts.clock ?? systemClock
  const who: IdentityDeps = { store: opts.store, clock, devLogin: opts.devLogin }
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, decoded, query } = parseTarget(req.url ?? '/')

    if (path === '/api/upload') {
      if (!isPost(req)) throw wrongMethod('POST')
      const caller = await identityFrom(req, who)
      if (caller.kind !== 'user') throw new AppError('UNAUTHENTICATED')
      const fileId = await receivePhoto(req, opts.files, caller.openid)
      return sendJson(req, res, 200, { ok: true, data: { fileId, url: `/files/${fileId}` } })
    }

    if (path === '/api' || path.startsWith('/api/')) {
      const fn = /^\/api\/([a-z]+)$/.exec(path)?.[1]
      if (!fn) throw notFound()
      if (!isPost(req)) throw wrongMethod('POST')
      if (!HTTP_FUNCTIONS.has(fn)) throw new HttpFailure(404, 'UNKNOWN_ACTION', `没有这个云函数：${fn.slice(0, 40)}`)
      const body = await readJson(req, fn === 'admin' ? MAX_ADMIN_JSON_BYTES : MAX_JSON_BYTES)
      // The session comes along (auth.signOut ends the one this call came through), and where the call came from.
      const { identity, session } = await sessionFrom(req, who)
      const caller = identity.kind === 'user' && session ? { ...identity, sessionId: session.id } : identity
      // An action's own failures travel inside the Result, as from the cloud function: the HTTP call itself succeeded.
      return sendJson(req, res, 200, await opts.routers[fn as FunctionName](body, caller, originOf(req)))
    }

    if (path.startsWith('/files/')) {
      if (!isGet(req)) throw wrongMethod('GET')
      const id = /^\/files\/([\w-]+)$/.exec(path)?.[1]
      const found = id ? await opts.files.read(id, query.get('thumb') === '1' ? 'thumb' : 'full') : null
      if (!found) throw new HttpFailure(404, 'NOT_FOUND', '图片不存在或已被删除')
      res.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'private, max-age=86400' })
      res.end(Buffer.from(found.bytes))
      return
    }

    // The public verification page a certificate's QR code opens; /v/?n=&c= is its form.
    if (path === '/v' || path.startsWith('/v/')) {
      if (!isGet(req)) throw wrongMethod('GET')
      const number = (decoded.slice(3) || query.get('n') || '').trim().slice(0, 40)
      const code = (query.get('c') ?? '').trim().toUpperCase().slice(0, 12)
      const result = number || code
        ? await opts.routers.volunteer({ action: 'verifyCertificate', number, code }, { kind: 'anonymous' }) as Result<VerifyView>
        : null
      const html = verifyPage(number, code, result)
      res.writeHead(result && !result.ok ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'" })
      res.end(req.method === 'HEAD' ? undefined : html)
      return
    }

    // Open311 GeoReport v2 for partner systems: the spec's formats and status codes, not the { ok } shape.
    if (path === '/open311' || path.startsWith('/open311/')) {
      if (!opts.open311) throw notFound()
      return serveOpen311(req, res, opts.open311, path, query)
    }

    // Bound beyond this machine, the dev login would let anyone on the network be the office: it is not there at all.
    if ((path === '/dev' || path.startsWith('/dev/')) && !opts.devLogin) throw devLoginOff()
    if (path === '/dev/users') {
      if (!isGet(req)) throw wrongMethod('GET')
      const page = await opts.store.listUsers({ limit: 100 })
      const users = page.items.filter((u) => u.openid.startsWith('dev-')).map(({ id, nickname, roles }) => ({ id, nickname, roles }))
      return sendJson(req, res, 200, { ok: true, data: { users } })
    }
    if (path === '/dev/login') {
      if (!isPost(req)) throw wrongMethod('POST')
      const body = await readJson(req)
      const userId = body && typeof body === 'object' ? (body as { userId?: unknown }).userId : undefined
      if (typeof userId !== 'string' || !userId) throw new HttpFailure(400, 'VALIDATION', '请选择一个演示账号（userId）')
      const user = await opts.store.getUser(userId)
      if (!user || !user.openid.startsWith('dev-')) throw new HttpFailure(404, 'NOT_FOUND', '没有这个演示账号，请从列表里选一个')
      // A random token for a session that expires, never the openid itself: knowing a name is not being that person.
      const { token } = await openSession(opts.store, {
        kind: 'dev', userId: user.id, roles: user.roles, userAgent: req.headers['user-agent'] ?? '', at: clock.now(),
        idleHours: opts.sessionIdleHours ? await opts.sessionIdleHours() : DEV_SESSION_IDLE_HOURS
      })
      return sendJson(req, res, 200, { ok: true, data: { token, user: { id: user.id, nickname: user.nickname, roles: user.roles } } })
    }
    if (path === '/dev/logout') {
      if (!isPost(req)) throw wrongMethod('POST')
      const { session } = await sessionFrom(req, who)
      const ended = session?.kind === 'dev' ? await opts.store.endSession(session.id, clock.now(), 'signout') : null
      return sendJson(req, res, 200, { ok: true, data: { ended: ended !== null } })
    }
    if (path === '/dev' || path.startsWith('/dev/')) throw notFound()

    if (!isGet(req)) throw wrongMethod('GET')
    return serveStatic(opts.webRoot, decoded, req, res)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!(e instanceof AppError)) console.error('[gateway] unexpected error', e)
      if (res.headersSent) res.destroy()
      else sendFailure(req, res, e)
    })
  })

  // Requests Node cannot parse (huge headers, a broken request line or body framing) never reach the handler:
  // answer them in the same shape instead of Node's bare status line.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (answeredRaw.has(socket)) return // the parser repeats its error for every later chunk while we linger
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    answeredRaw.add(socket)
    const [status, message] = err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, '请求头太大，请清除本站的 Cookie 后再试']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, '请求发送超时，请检查网络后重试']
        : [400, '请求格式不对，无法读取，请刷新页面后再试']
    const text = JSON.stringify(failure(new AppError('VALIDATION', message)))
    socket.end([
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      `content-type: ${JSON_TYPE}`,
      `content-length: ${Buffer.byteLength(text)}`,
      'cache-control: no-store',
      'connection: close',
      '',
      text
    ].join('\r\n'))
    let dropped = 0
    const close = () => {
      clearTimeout(timer)
      socket.destroy()
    }
    const timer = setTimeout(close, LINGER_MS)
    timer.unref()
    socket.on('data', (chunk: Buffer) => {
      dropped += chunk.length
      if (dropped > LINGER_BYTES) close()
    })
    socket.once('end', close)
    socket.once('close', () => clearTimeout(timer))
    socket.resume()
  })

  return server
}
