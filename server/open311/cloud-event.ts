import type { Params } from '../../core/open311/query'
import type { Open311HttpRequest, Open311HttpResponse } from './handler'

/**
 * CloudBase's HTTP access service hands an HTTP-triggered function the request as an event and takes the answer as
 * an integration response (docs.cloudbase.net "Access Cloud Functions via HTTP"). These two functions are that
 * adapter, so the function shell stays a few lines and the handler is the one the gateway runs.
 */
export interface CloudHttpEvent {
  path?: unknown
  httpMethod?: unknown
  headers?: unknown
  queryStringParameters?: unknown
  body?: unknown
  isBase64Encoded?: unknown
}

export interface CloudHttpResult {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: false
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The event as the handler's request; anything missing or of the wrong type reads as absent (the handler says 404). */
export function requestFromCloudEvent (event: unknown): Open311HttpRequest {
  const e: CloudHttpEvent = isRecord(event) ? event : {}
  const query: Array<[string, string]> = []
  if (isRecord(e.queryStringParameters)) {
    for (const [k, v] of Object.entries(e.queryStringParameters)) {
      for (const one of Array.isArray(v) ? v : [v]) if (typeof one === 'string') query.push([k, one])
    }
  }
  let contentType: string | undefined
  if (isRecord(e.headers)) {
    for (const [k, v] of Object.entries(e.headers)) if (k.toLowerCase() === 'content-type' && typeof v === 'string') contentType = v
  }
  const raw = typeof e.body === 'string' ? e.body : ''
  return {
    method: typeof e.httpMethod === 'string' ? e.httpMethod.toUpperCase() : 'GET',
    path: typeof e.path === 'string' ? e.path : '',
    query: query as Params,
    body: e.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw,
    contentType
  }
}

export function cloudResultOf (r: Open311HttpResponse, method: string): CloudHttpResult {
  return {
    statusCode: r.status,
    headers: { 'content-type': r.contentType, 'cache-control': 'no-store', ...r.headers },
    body: method === 'HEAD' ? '' : r.body,
    isBase64Encoded: false
  }
}
