import { DEFAULT_OPEN311_LIMITS, partnerUser, type Open311Limits } from '../../core/open311/keys'
import { readPost } from '../../core/open311/post'
import { param, parseRequestQuery, tooManyResults, type Params } from '../../core/open311/query'
import { serviceNotice } from '../../core/open311/requests'
import {
  CONTENT_TYPES, createdBody, definitionBody, errorsBody, requestsBody, servicesBody
} from '../../core/open311/serialize'
import { serviceCategory, serviceDefinition, serviceList } from '../../core/open311/services'
import type { Open311Format } from '../../core/open311/types'
import { reportInput } from '../../core/schemas'
import { parseTicketNumber, ticketNumber } from '../../core/tickets/number'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { isStoreError } from '../ports/errors'
import { submitReport } from '../handlers/submit-report'
import { withCurrentSettings } from '../settings-source'
import { checkKey } from './keys'
import { ticketsFor, toRequests, TooManyResults, type MediaUrls } from './read'

/**
 * Open311 GeoReport v2 over HTTP, for the local gateway and the CloudBase HTTP function alike: one request in, one
 * answer out, in the spec's JSON or XML and its error format (`[{ code, description }]`, `<errors><error>…`).
 *
 *   GET  …/v2/services.{json,xml}            reportable categories
 *   GET  …/v2/services/{code}.{json,xml}     a category's attributes
 *   GET  …/v2/requests.{json,xml}            tickets (filters, 90-day window, ≤ 1,000 or 400)
 *   POST …/v2/requests.{json,xml}            file a report as the key's partner (form-encoded, api_key)
 *   GET  …/v2/requests/{id}.{json,xml}       one ticket by its number
 *
 * Reads need no key (the spec's); a key sent with a read is checked and counted like any other call. Whatever comes
 * before `/v2/` is the mount point (`/open311` on the gateway, the HTTP access path on CloudBase).
 */

export interface Open311HttpRequest {
  method: string
  path: string
  /** The query string's arguments in order (URLSearchParams entries). */
  query: Params
  /** The raw body (POST: application/x-www-form-urlencoded). */
  body: string
  contentType: string | undefined
}

export interface Open311HttpResponse {
  status: number
  contentType: string
  body: string
  headers?: Record<string, string>
}

export interface Open311Options {
  limits?: Open311Limits
  /** Photo URLs; default: the gateway's `/files/<id>` under deps.publicBaseUrl. */
  mediaUrls?: MediaUrls
}

const ROUTE = /\/v2\/(services|requests)(?:\/([^/]+))?\.(json|xml)$/

const gatewayMedia = (deps: Deps): MediaUrls => async (ids) =>
  new Map(ids.map((id) => [id, `${deps.publicBaseUrl}/files/${encodeURIComponent(id)}`]))

function answer (format: Open311Format, status: number, body: string, headers?: Record<string, string>): Open311HttpResponse {
  return headers ? { status, contentType: CONTENT_TYPES[format], body, headers } : { status, contentType: CONTENT_TYPES[format], body }
}

function fail (format: Open311Format, status: number, description: string, headers?: Record<string, string>): Open311HttpResponse {
  return answer(format, status, errorsBody([{ code: status, description }], format), headers)
}

const STATUS_OF: Partial<Record<AppError['code'], number>> = { VALIDATION: 400, NOT_FOUND: 404, RATE_LIMITED: 429, FORBIDDEN: 403, CONFLICT: 409 }

export async function open311 (request: Open311HttpRequest, deps: Deps, options: Open311Options = {}): Promise<Open311HttpResponse> {
  const m = ROUTE.exec(request.path)
  const format: Open311Format = m ? m[3] as Open311Format : /\.xml$/i.test(request.path) ? 'xml' : 'json'
  if (!m) return fail(format, 404, '没有这个接口：GeoReport v2 的地址形如 /open311/v2/services.json、/open311/v2/requests.xml')
  const [, resource, rawId] = m
  let id: string | undefined
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId)
  } catch {
    return fail(format, 404, '网址里有无效的 % 转义，请检查网址后再试')
  }
  const method = request.method === 'HEAD' ? 'GET' : request.method
  const allowed = resource === 'requests' && id === undefined ? 'GET, HEAD, POST' : 'GET, HEAD'
  if (!allowed.split(', ').includes(method)) return fail(format, 405, `这个地址只支持 ${allowed.replace(', HEAD', '')}`, { allow: allowed })

  try {
    if (method === 'POST') return await create(request, deps, options, format)
    const key = param(request.query, 'api_key')
    if (key !== undefined) {
      const checked = await checkKey(deps, key, options.limits ?? DEFAULT_OPEN311_LIMITS)
      if (!checked.ok) return fail(format, checked.status, checked.description, checked.retryAfterS ? { 'retry-after': String(checked.retryAfterS) } : undefined)
    }
    if (resource === 'services') return await services(deps, format, id)
    return await requests(request, deps, options, format, id)
  } catch (e) {
    if (e instanceof TooManyResults) return answer(format, 400, errorsBody([tooManyResults()], format))
    if (e instanceof AppError) {
      const status = STATUS_OF[e.code] ?? 400
      const retry = e.code === 'RATE_LIMITED' ? retryAfter(e.details, deps.clock.now()) : undefined
      return fail(format, status, e.message, retry ? { 'retry-after': retry } : undefined)
    }
    if (isStoreError(e) && e.code === 'READ_LIMIT') return answer(format, 400, errorsBody([tooManyResults()], format))
    console.error('[open311] unexpected error', e)
    return fail(format, 500, '服务暂时不可用，请稍后再试')
  }
}

function retryAfter (details: unknown, nowIso: string): string | undefined {
  const at = (details as { retryAt?: unknown } | undefined)?.retryAt
  if (typeof at !== 'string') return undefined
  return String(Math.max(1, Math.ceil((Date.parse(at) - Date.parse(nowIso)) / 1000)))
}

async function services (deps: Deps, format: Open311Format, code: string | undefined): Promise<Open311HttpResponse> {
  const dir = await deps.directory.get()
  if (code === undefined) return answer(format, 200, servicesBody(serviceList(dir.categories), format))
  const category = serviceCategory(dir.categories, code)
  if (!category) return fail(format, 404, `没有这个 service_code「${code.slice(0, 40)}」，或该类别已停用：可用的编号见 GET services.json`)
  return answer(format, 200, definitionBody(serviceDefinition(category), format))
}

async function requests (request: Open311HttpRequest, deps: Deps, options: Open311Options, format: Open311Format, id: string | undefined): Promise<Open311HttpResponse> {
  const media = options.mediaUrls ?? gatewayMedia(deps)
  if (id !== undefined) {
    const number = parseTicketNumber(id)
    const found = number ? await ticketsFor(deps, { kind: 'ids', numbers: [number] }) : []
    if (found.length === 0) return fail(format, 404, `没有编号为「${id.slice(0, 40)}」的服务请求：编号形如 261201-7K3Q`)
    return answer(format, 200, requestsBody(await toRequests(deps, found, media), format))
  }
  const dir = await deps.directory.get()
  const known = new Set(dir.categories.filter((c) => c.level === 2).map((c) => c.code))
  const parsed = parseRequestQuery(request.query, deps.clock.now(), known)
  if (!parsed.ok) return answer(format, parsed.error.code, errorsBody([parsed.error], format))
  const tickets = await ticketsFor(deps, parsed.query)
  return answer(format, 200, requestsBody(await toRequests(deps, tickets, media), format))
}

const FORM_RE = /^application\/x-www-form-urlencoded\s*(;|$)/i

/**
 * POST requests: the key first (403; 429 past its minute), then the arguments (400, unknown service 404), then the
 * report goes through the app's own filing (reports.submit's use case: content check, routing, quotas per reporter,
 * one unit of work) as the key's system user.
 */
async function create (request: Open311HttpRequest, deps: Deps, options: Open311Options, format: Open311Format): Promise<Open311HttpResponse> {
  if (!FORM_RE.test(request.contentType ?? '')) {
    return fail(format, 400, '请以 application/x-www-form-urlencoded 格式提交（Content-Type，GeoReport v2 的规定）')
  }
  // Form fields after the query's, so a field sent in both places is read from the form.
  const params: Params = [...request.query, ...new URLSearchParams(request.body)]
  const secret = param(params, 'api_key')
  if (secret === undefined) return fail(format, 403, '缺少 api_key：提交服务请求需要文明办发给你的对接密钥')
  const checked = await checkKey(deps, secret, options.limits ?? DEFAULT_OPEN311_LIMITS)
  if (!checked.ok) return fail(format, checked.status, checked.description, checked.retryAfterS ? { 'retry-after': String(checked.retryAfterS) } : undefined)

  const dir = await deps.directory.get()
  const read = readPost(params, dir.categories, dir.grids)
  if (!read.ok) return answer(format, read.error.code, errorsBody([read.error], format))
  const { draft } = read
  const input = reportInput.safeParse({
    clientRequestId: deps.ids.next('o311'),
    categoryId: draft.category.id,
    description: draft.description,
    location: draft.location,
    address: draft.address,
    photos: [],
    anonymous: false
  })
  if (!input.success) {
    const issue = input.error.issues[0]
    return fail(format, 400, `${issue?.message ?? '填写的内容有误'}${issue?.path.length ? `（${fieldName(String(issue.path[0]))}）` : ''}`)
  }

  const key = checked.key
  // The key's system user is written before the key (keys.ts issueKey); should it ever be missing, it is made again.
  let user = await deps.store.getUser(key.userId)
  if (!user) {
    user = partnerUser(key.id, key.name, key.userId, key.createdAt)
    await deps.store.putUser(user)
  }
  // Quotas as the office set them now (calls here do not pass the router, which does this for every action).
  const { ticket } = await submitReport(await withCurrentSettings(deps), user, input.data)
  const gridName = ticket.gridId ? dir.gridsById.get(ticket.gridId)?.name ?? null : null
  return answer(format, 200, createdBody([{
    service_request_id: ticketNumber(ticket),
    service_notice: serviceNotice(ticket, draft.category, gridName),
    account_id: null
  }], format))
}

/** The report field a schema message is about, as the partner named it. */
function fieldName (field: string): string {
  return ({ description: 'description', address: 'address_string', location: 'lat/long' } as Record<string, string>)[field] ?? field
}
