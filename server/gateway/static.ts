import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { AppError } from '../errors'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf'
}

/**
 * The H5 build, with index.html for any path that is not a file (the app routes by hash).
 * `path` is already percent-decoded by the caller, which answers a malformed escape itself.
 */
export async function serveStatic (root: string, path: string, res: ServerResponse): Promise<void> {
  const wanted = normalize(join(root, path))
  let file = wanted.startsWith(root + sep) || wanted === root ? wanted : join(root, 'index.html')
  const info = await stat(file).catch(() => null)
  if (!info || info.isDirectory()) file = join(root, 'index.html')
  const exists = await stat(file).catch(() => null)
  if (!exists) {
    const body = { ok: false, error: new AppError('INTERNAL', 'H5 页面还没有构建：请运行 npm run build:h5（npm start 会自动构建）。').toBody() }
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(JSON.stringify(body))
    return
  }
  const immutable = /\.[0-9a-f]{8}\.(js|css)$/.test(file)
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  // a file that vanishes or cannot be read after stat: the status is already sent, so only cutting the answer short is honest
  createReadStream(file).on('error', () => res.destroy()).pipe(res)
}
