import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { FUNCTION_NAMES, type FunctionName } from '../../core/api'
import type { Result } from '../../core/errors'
import { AppError } from '../errors'
import type { FileStore } from '../ports/files'
import type { Store } from '../ports/store'
import type { Router } from '../router'
import { identityFrom } from './identity'
import { serveStatic } from './static'
import { receivePhoto } from './upload'

export interface GatewayOptions {
  routers: Record<FunctionName, Router>
  store: Store
  files: FileStore
  /** The H5 build to serve (dist/h5). */
  webRoot: string
}

const MAX_JSON_BYTES = 1024 * 1024
/** The scheduler's function is not callable over HTTP: the gateway runs it on its own timer. */
const HTTP_FUNCTIONS = new Set<string>(FUNCTION_NAMES.filter((f) => f !== 'timer'))

function sendJson (res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readJson (req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_JSON_BYTES) {
        reject(new AppError('VALIDATION', '请求内容太大'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {})
      } catch {
        reject(new AppError('VALIDATION', '请求内容不是有效的 JSON'))
      }
    })
    req.on('error', reject)
  })
}

const failure = (e: unknown): Result<never> => ({
  ok: false,
  error: e instanceof AppError ? e.toBody() : new AppError('INTERNAL').toBody()
})

/** The local gateway: the H5 app, the API (same routers as the cloud functions), photos, and the dev login. */
export function createGateway (opts: GatewayOptions): Server {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname

    if (req.method === 'POST' && path === '/api/upload') {
      const who = identityFrom(req)
      if (who.kind !== 'user') return sendJson(res, 401, failure(new AppError('UNAUTHENTICATED')))
      try {
        const fileId = await receivePhoto(req, opts.files, who.openid)
        return sendJson(res, 200, { ok: true, data: { fileId, url: `/files/${fileId}` } })
      } catch (e) {
        return sendJson(res, 400, failure(e))
      }
    }

    const api = /^\/api\/([a-z]+)$/.exec(path)
    if (api) {
      if (req.method !== 'POST') return sendJson(res, 405, failure(new AppError('VALIDATION', '请用 POST 调用接口')))
      const fn = api[1]
      if (!HTTP_FUNCTIONS.has(fn)) return sendJson(res, 404, failure(new AppError('UNKNOWN_ACTION', `没有这个云函数：${fn}`)))
      let body: unknown
      try {
        body = await readJson(req)
      } catch (e) {
        return sendJson(res, 400, failure(e))
      }
      const result = await opts.routers[fn as FunctionName](body, identityFrom(req))
      return sendJson(res, 200, result)
    }

    const file = /^\/files\/([\w-]+)$/.exec(path)
    if (file && req.method === 'GET') {
      const found = await opts.files.read(file[1], url.searchParams.get('thumb') === '1' ? 'thumb' : 'full')
      if (!found) return sendJson(res, 404, failure(new AppError('NOT_FOUND', '图片不存在')))
      res.writeHead(200, { 'content-type': found.contentType, 'cache-control': 'private, max-age=86400' })
      res.end(Buffer.from(found.bytes))
      return
    }

    if (path === '/dev/users' && req.method === 'GET') {
      const page = await opts.store.listUsers({ limit: 100 })
      const users = page.items.filter((u) => u.openid.startsWith('dev-')).map(({ id, nickname, roles }) => ({ id, nickname, roles }))
      return sendJson(res, 200, { users })
    }
    if (path === '/dev/login' && req.method === 'POST') {
      const body = await readJson(req).catch(() => ({})) as { userId?: unknown }
      const user = typeof body.userId === 'string' ? await opts.store.getUser(body.userId) : null
      if (!user || !user.openid.startsWith('dev-')) return sendJson(res, 404, { error: '没有这个演示账号' })
      return sendJson(res, 200, { token: user.openid, user: { id: user.id, nickname: user.nickname, roles: user.roles } })
    }

    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.webRoot, path, res)
    sendJson(res, 405, failure(new AppError('VALIDATION', '不支持的请求方式')))
  }

  return createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[gateway] unexpected error', e)
      if (!res.headersSent) sendJson(res, 500, failure(e))
      else res.end()
    })
  })
}
