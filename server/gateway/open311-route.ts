import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Open311HttpRequest, Open311HttpResponse } from '../open311/handler'

/** The gateway's Open311 endpoint (/open311/v2/…): bound to the app's deps by the composition root. */
export type Open311Endpoint = (request: Open311HttpRequest) => Promise<Open311HttpResponse>

/** A form body is a few fields: more than this is not a service request. */
const MAX_FORM_BYTES = 64 * 1024

/** Past this much, stop reading and close: nobody sends a megabyte of form fields in good faith. */
const MAX_DRAIN_BYTES = 1024 * 1024

/**
 * The body as text, at most MAX_FORM_BYTES; null when it is longer (the caller answers 413). A longer body is read
 * and dropped up to MAX_DRAIN_BYTES first, so the client is not reset before it reads the answer.
 */
function readText (req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size <= MAX_FORM_BYTES) chunks.push(c)
      else if (size > MAX_DRAIN_BYTES) {
        req.off('data', onData)
        resolve(null)
      }
    }
    req.on('data', onData)
    req.on('end', () => resolve(size > MAX_FORM_BYTES ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
    // the client went away mid-body: nobody is left to read an answer, but the handler must not wait forever
    req.on('close', () => resolve(null))
  })
}

/**
 * Adapt one HTTP request to the Open311 handler and write its answer as it is: the handler speaks the spec's status
 * codes and formats, not the gateway's `{ ok, error }` shape (partner systems read GeoReport v2, not our API).
 */
export async function serveOpen311 (req: IncomingMessage, res: ServerResponse, endpoint: Open311Endpoint, path: string, query: URLSearchParams): Promise<void> {
  const body = req.method === 'POST' ? await readText(req) : ''
  const answer: Open311HttpResponse = body === null
    ? { status: 413, contentType: 'application/json; charset=utf-8', body: JSON.stringify([{ code: 413, description: `请求内容太大（超过 ${MAX_FORM_BYTES / 1024} KB）` }]) }
    : await endpoint({ method: req.method ?? 'GET', path, query: [...query], body, contentType: req.headers['content-type'] })
  res.writeHead(answer.status, {
    'content-type': answer.contentType,
    'content-length': String(Buffer.byteLength(answer.body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(body === null ? { connection: 'close' } : {}),
    ...answer.headers
  })
  res.end(req.method === 'HEAD' ? undefined : answer.body)
}
