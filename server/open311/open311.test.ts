import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Server } from 'node:http'
import { gcj02ToWgs84 } from '../../core/geo/datum'
import { keyRateBucket, type Open311Limits } from '../../core/open311/keys'
import { gridPoint } from '../../core/open311/requests'
import { aTicket } from '../../core/testing/builders'
import { ringCentroid } from '../../core/routing'
import { ticketNumber } from '../../core/tickets/number'
import type { Grid, Ticket, User } from '../../core/types'
import type { ContentCheck } from '../ports/content-check'
import { createGateway } from '../gateway/http'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { open311 } from './handler'
import { asText, parseXml, spark } from './testing/xml'

/**
 * Open311 GeoReport v2 over HTTP on the local gateway: every endpoint in JSON and XML against the spec's field
 * lists, the rejection cases, the partner's keys (console actions, hashing, revocation, rate limit) and what never
 * leaves: the reporter's id, name, openid and phone, the address they typed, the exact point.
 */

const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group']
const DEFINITION_FIELDS = ['service_code', 'attributes']
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values']
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'
]
const CREATED_FIELDS = ['service_request_id', 'service_notice', 'account_id']
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/

/** Photos whose id says "pending" wait for WeChat's verdict; the rest pass at once. */
const check: ContentCheck = {
  checkText: async () => 'pass',
  submitImage: async (fileId) => (fileId.includes('pending') ? { verdict: 'review', traceId: `trace-${fileId}` } : { verdict: 'pass', traceId: null })
}

let app: TestApp
let server: Server
let base: string
const limits: Open311Limits = { callsPerMinute: 1000 }
/** The demo key, issued through the console action. */
let secret: string
let keyId: string
/** 张阿姨's own report: photos (one pending, one passed), a typed address, an exact point. */
let mine: Ticket
let grid: Grid
const PHONE = '13912345678'
const TYPED_ADDRESS = '东塘路 12 号 3 栋 402'

interface Answer { status: number; type: string; text: string; headers: Headers }

async function get (path: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`)
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), headers: res.headers }
}

async function post (path: string, fields: Record<string, string> | Array<[string, string]>, type = 'application/x-www-form-urlencoded; charset=utf-8'): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': type } })
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), headers: res.headers }
}

const json = (a: Answer): unknown => {
  expect(a.type).toBe('application/json; charset=utf-8')
  return JSON.parse(a.text)
}

/** The XML answer as Spark JSON, after checking its content type and that it reads as XML. */
const xml = (a: Answer): unknown => {
  expect(a.type).toBe('text/xml; charset=utf-8')
  return spark(parseXml(a.text))
}

/** The same resource in both formats says the same thing. */
async function both (path: string): Promise<unknown> {
  const j = await get(`${path}.json`)
  const x = await get(`${path}.xml`)
  expect([j.status, x.status]).toEqual([200, 200])
  const data = json(j)
  expect(xml(x)).toEqual(asText(data))
  return data
}

const expectError = (a: Answer, status: number, text: string) => {
  expect(a.status).toBe(status)
  const body = a.type.startsWith('text/xml') ? xml(a) : json(a)
  const expected = a.type.startsWith('text/xml') ? [{ code: String(status), description: expect.stringContaining(text) }] : [{ code: status, description: expect.stringContaining(text) }]
  expect(body).toEqual(expected)
}

/** A GCJ-02 point of ours as a partner sends it: WGS-84 lat and long. */
const wgs = (p: { lng: number; lat: number }) => {
  const [lng, lat] = gcj02ToWgs84(p.lng, p.lat)
  return { lat: String(lat), long: String(lng) }
}

beforeAll(async () => {
  app = await openTestApp({ contentCheck: check })
  const webRoot = mkdtempSync(join(tmpdir(), 'web-'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html>')
  server = createGateway({ routers: app.routers, store: app.store, files: app.files, webRoot, open311: (r) => open311(r, app.deps, { limits }), devLogin: false })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  app.deps.publicBaseUrl = base

  const created = ok(await app.as('dev-admin')('admin', 'createOpen311Key', { name: '区12345热线' }))
  secret = created.secret
  keyId = created.key.id

  const citizen = (await app.store.getUser('u-citizen'))!
  await app.store.putUser({ ...citizen, phone: PHONE })
  grid = (await readAll((q) => app.store.listGrids(q))).find((g) => g.managerIds[0] === 'u-grid')!
  const spot = ringCentroid(grid.polygon)!
  const point = { lng: spot.lng + 0.0001234, lat: spot.lat - 0.0000567 }
  const filed = ok(await app.as('dev-citizen')('reports', 'submit', {
    clientRequestId: 'req-open311-mine-1', categoryId: 'cat-E02-01', description: '电线杆上贴满了小广告 <script>&', location: point,
    address: TYPED_ADDRESS, photos: ['f-pending-1', 'f-pass-1']
  }))
  mine = (await app.store.getTicket(filed.ticket.id))!
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  await app.close()
})

describe('GET services', () => {
  it('lists every reportable category with the spec\'s fields, the same in JSON and XML', async () => {
    const services = await both('/open311/v2/services') as Array<Record<string, unknown>>
    const dir = await app.deps.directory.get()
    expect(services.map((s) => s.service_code)).toEqual(dir.categories.filter((c) => c.level === 2 && c.active).map((c) => c.code).sort())
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort())
      expect(typeof s.metadata).toBe('boolean')
    }
    expect(services.find((s) => s.service_code === 'E05-06')).toMatchObject({ service_name: '噪音扰民', metadata: true, type: 'realtime', group: '街面秩序' })
    expect(services.find((s) => s.service_code === 'E02-01')).toMatchObject({ metadata: false })
    expect(services.find((s) => s.service_code === '0101')).toMatchObject({ metadata: true, group: '公用设施' })
    expect(new Set(services.map((s) => s.group))).toContain('市容环境（部件）')
  })

  it('defines a service\'s attributes: a required list for 噪音扰民, an optional 部件编号 for a component, none otherwise', async () => {
    const noise = await both('/open311/v2/services/E05-06') as { service_code: string; attributes: Array<Record<string, unknown>> }
    expect(Object.keys(noise).sort()).toEqual([...DEFINITION_FIELDS].sort())
    expect(noise.service_code).toBe('E05-06')
    expect(noise.attributes).toHaveLength(1)
    expect(Object.keys(noise.attributes[0]).sort()).toEqual([...ATTRIBUTE_FIELDS].sort())
    expect(noise.attributes[0]).toMatchObject({ variable: true, code: 'time_window', datatype: 'singlevaluelist', required: true, order: 2 })
    expect(noise.attributes[0].values).toEqual([{ key: 'day', name: '白天（6–22 时）' }, { key: 'night', name: '夜间（22–6 时）' }, { key: 'allday', name: '全天' }])
    const manhole = await both('/open311/v2/services/0101') as { attributes: Array<Record<string, unknown>> }
    expect(manhole.attributes.map((a) => [a.code, a.required])).toEqual([['component_id', false]])
    expect(await both('/open311/v2/services/E02-01')).toEqual({ service_code: 'E02-01', attributes: [] })
  })

  it('answers an unknown or level-1 service code 404 in the spec\'s error format', async () => {
    expectError(await get('/open311/v2/services/Z99.json'), 404, '没有这个 service_code「Z99」')
    expectError(await get('/open311/v2/services/E02.xml'), 404, '没有这个 service_code')
  })
})

describe('GET requests', () => {
  it('lists the last 90 days\' tickets newest first with the spec\'s fields, the same in JSON and XML', async () => {
    const list = await both('/open311/v2/requests') as Array<Record<string, unknown>>
    expect(list.length).toBeGreaterThan(10)
    const all = await readAll((q) => app.store.listTickets(q))
    const since = Date.parse(app.clock.now()) - 90 * 86_400_000
    expect(list).toHaveLength(all.filter((t) => Date.parse(t.createdAt) >= since).length)
    for (const r of list) {
      expect(Object.keys(r)).toEqual(REQUEST_FIELDS)
      expect(['open', 'closed']).toContain(r.status)
      for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[f]).toMatch(ISO_WITH_OFFSET)
      expect(typeof r.status_notes).toBe('string')
    }
    const times = list.map((r) => r.requested_datetime as string)
    expect([...times].sort().reverse()).toEqual(times)
    expect(list[0].service_request_id).toBe(ticketNumber(mine))
  })

  it('shows a ticket as the public sees it: the grid, its centre in WGS-84, the deadline, the department, a reviewed photo', async () => {
    const [r] = await both(`/open311/v2/requests/${ticketNumber(mine)}`) as Array<Record<string, unknown>>
    const centre = gridPoint(grid)!
    expect(r).toEqual({
      service_request_id: ticketNumber(mine), status: 'open', status_notes: '已派遣：已派遣至网格员，等待受理', service_name: '非法小广告', service_code: 'E02-01',
      description: '电线杆上贴满了小广告 <script>&', agency_responsible: '城管局', service_notice: '工作时限 72 小时',
      requested_datetime: '2026-11-20T10:00:00+08:00', updated_datetime: '2026-11-20T10:00:00+08:00', expected_datetime: '2026-11-23T10:00:00+08:00',
      address: expect.stringContaining(grid.name), address_id: grid.code, zipcode: null, lat: centre.lat, long: centre.long,
      // The first photo is still pending review: only the one that passed is shown.
      media_url: `${base}/files/f-pass-1`
    })
    expect((await get(`/open311/v2/requests/${ticketNumber(mine)}.xml`)).text).toContain('<description>电线杆上贴满了小广告 &lt;script&gt;&amp;</description>')
  })

  it('never shows a photo still under review or rejected', async () => {
    const filed = ok(await app.as('dev-volunteer')('reports', 'submit', {
      clientRequestId: 'req-open311-pending', categoryId: 'cat-E01-01', description: '路边暴露垃圾', location: ringCentroid(grid.polygon)!, photos: ['f-pending-2', 'f-pending-3']
    }))
    ok(await app.system('reports', 'photoReviewed', { traceId: 'trace-f-pending-2', verdict: 'reject' }))
    const [r] = json(await get(`/open311/v2/requests/${ticketNumber(filed.ticket)}.json`)) as Array<Record<string, unknown>>
    expect(r.media_url).toBeNull()
  })

  it('filters by service_code, status, dates and a list of ids', async () => {
    const all = json(await get('/open311/v2/requests.json')) as Array<Record<string, unknown>>
    const closed = json(await get('/open311/v2/requests.json?status=closed')) as Array<Record<string, unknown>>
    const open = json(await get('/open311/v2/requests.json?status=open')) as Array<Record<string, unknown>>
    expect(closed.length).toBeGreaterThan(0)
    expect(open.length).toBeGreaterThan(0)
    expect(closed.every((r) => r.status === 'closed') && open.every((r) => r.status === 'open')).toBe(true)
    expect(closed.length + open.length).toBe(all.length)
    expect((json(await get('/open311/v2/requests.json?status=open,closed')) as unknown[]).length).toBe(all.length)

    const ads = json(await get('/open311/v2/requests.json?service_code=E02-01')) as Array<Record<string, unknown>>
    expect(ads.length).toBe(all.filter((r) => r.service_code === 'E02-01').length)
    const two = json(await get('/open311/v2/requests.json?service_code=E02-01,E01-01')) as Array<Record<string, unknown>>
    expect(two.map((r) => r.service_request_id)).toEqual(all.filter((r) => ['E02-01', 'E01-01'].includes(r.service_code as string)).map((r) => r.service_request_id))

    const today = json(await get(`/open311/v2/requests.json?start_date=${encodeURIComponent('2026-11-20T00:00:00+08:00')}`)) as Array<Record<string, unknown>>
    expect(today.map((r) => r.requested_datetime as string).every((t) => t >= '2026-11-20T00:00:00+08:00')).toBe(true)
    expect(today.map((r) => r.service_request_id)).toContain(ticketNumber(mine))
    const before = json(await get(`/open311/v2/requests.json?end_date=${encodeURIComponent('2026-11-20T09:59:59+08:00')}`)) as Array<Record<string, unknown>>
    expect(before.map((r) => r.service_request_id)).not.toContain(ticketNumber(mine))

    const ids = [all[3].service_request_id, all[1].service_request_id] as string[]
    const picked = json(await get(`/open311/v2/requests.json?service_request_id=${ids.join(',')}&status=closed&start_date=junk`)) as Array<Record<string, unknown>>
    expect(picked.map((r) => r.service_request_id).sort()).toEqual([...ids].sort())
  })

  it('refuses bad dates, a window over 90 days, unknown filters and unknown ids', async () => {
    expectError(await get('/open311/v2/requests.json?start_date=2026-11-01'), 400, 'start_date「2026-11-01」格式不对')
    expectError(await get('/open311/v2/requests.xml?end_date=2026-13-01T00:00:00Z'), 400, 'end_date')
    expectError(await get(`/open311/v2/requests.json?start_date=${encodeURIComponent('2026-01-01T00:00:00+08:00')}`), 400, '不能超过 90 天')
    expectError(await get('/open311/v2/requests.json?start_date=2026-11-10T00:00:00Z&end_date=2026-11-01T00:00:00Z'), 400, '不能晚于 end_date')
    expectError(await get('/open311/v2/requests.json?status=pending'), 400, 'status「pending」无效')
    expectError(await get('/open311/v2/requests.json?service_code=Z99'), 400, '没有这个 service_code「Z99」')
    expectError(await get('/open311/v2/requests.json?service_request_id=abc'), 400, '不是有效的案卷编号')
    expectError(await get('/open311/v2/requests/261120-ZZZZ.json'), 404, '没有编号为「261120-ZZZZ」的服务请求')
    expectError(await get('/open311/v2/requests/not-a-number.xml'), 404, '没有编号为')
  })
})

describe('POST requests', () => {
  const valid = (o: Record<string, string> = {}): Record<string, string> => ({
    api_key: secret, service_code: 'E02-01', ...wgs(ringCentroid(grid.polygon)!), description: '公交站台贴满小广告', ...o
  })

  it('files a real report as the key\'s partner: routed to the grid\'s manager, answered with its number and notice', async () => {
    const a = await post('/open311/v2/requests.json', valid({ address_string: '公交站台旁', email: 'someone@example.com', first_name: '三', last_name: '张', phone: '13700000000', device_id: 'dev-1', account_id: 'acc-9' }))
    expect(a.status).toBe(200)
    const [created] = json(a) as Array<Record<string, unknown>>
    expect(Object.keys(created)).toEqual(CREATED_FIELDS)
    expect(created.account_id).toBeNull()
    expect(created.service_notice).toMatch(/^已派遣至.+网格员处置；责任单位：城管局，工作时限 72 小时，应于 2026年11月23日 10:00 前处理完毕。$/)
    const tickets = await readAll((q) => app.store.listTickets({ ...q, reporterId: `u-${keyId}` }))
    expect(tickets).toHaveLength(1)
    const t = tickets[0]
    expect(ticketNumber(t)).toBe(created.service_request_id)
    expect(t).toMatchObject({ state: 'dispatched', gridId: grid.id, assigneeId: 'u-grid', description: '公交站台贴满小广告', address: '公交站台旁', photos: [], anonymous: false })
    // WGS-84 in, GCJ-02 kept: the point is the grid's centre again, to well under a metre.
    expect(Math.abs(t.location.lng - ringCentroid(grid.polygon)!.lng)).toBeLessThan(1e-7)
    expect(Math.abs(t.location.lat - ringCentroid(grid.polygon)!.lat)).toBeLessThan(1e-7)
    // The partner's people are kept nowhere.
    const stored = JSON.stringify([t, ...await readAll((q) => app.store.listTicketEvents(t.id, q)), await app.store.getUser(`u-${keyId}`)])
    expect(stored).not.toMatch(/someone@example\.com|13700000000|acc-9|dev-1"/)
    expect((await app.store.listMessages({ userId: 'u-grid' })).items.some((m) => m.ticketId === t.id)).toBe(true)
    expect(json(await get(`/open311/v2/requests/${created.service_request_id}.json`))).toEqual([expect.objectContaining({ status: 'open', service_code: 'E02-01' })])
  })

  it('answers in XML, and keeps attribute values in the description', async () => {
    const a = await post('/open311/v2/requests.xml', valid({ service_code: 'E05-06', description: '夜里工地敲打', 'attribute[time_window]': 'night' }))
    expect(a.status).toBe(200)
    const [created] = xml(a) as Array<Record<string, unknown>>
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^\d{6}-[0-9A-Z]{4}$/), service_notice: expect.stringContaining('工作时限 24 小时'), account_id: null })
    const [r] = json(await get(`/open311/v2/requests/${created.service_request_id as string}.json`)) as Array<Record<string, unknown>>
    expect(r.description).toBe('夜里工地敲打（发生时段：夜间（22–6 时））')
  })

  it('places a report with only an address at the centre of the grid the address names', async () => {
    const a = await post('/open311/v2/requests.json', { api_key: secret, service_code: 'E01-01', address_string: `${grid.name} 北门` })
    expect(a.status).toBe(200)
    const [created] = json(a) as Array<{ service_request_id: string }>
    const [r] = json(await get(`/open311/v2/requests/${created.service_request_id}.json`)) as Array<Record<string, unknown>>
    expect(r).toMatchObject({ address_id: grid.code, description: '暴露垃圾' })
  })

  it('refuses: no api_key, a wrong one, no service_code, an unknown one, no location, a missing required attribute, a bad value, a long description', async () => {
    expectError(await post('/open311/v2/requests.json', { service_code: 'E02-01', lat: '28.1', long: '113' }), 403, '缺少 api_key')
    expectError(await post('/open311/v2/requests.xml', { ...valid(), api_key: 'let-me-in' }), 403, 'api_key 无效')
    expectError(await post('/open311/v2/requests.json', { ...valid(), api_key: `o311_${'A'.repeat(43)}` }), 403, 'api_key 无效')
    const { service_code: _code, ...noCode } = valid()
    expectError(await post('/open311/v2/requests.json', noCode), 400, '缺少 service_code')
    expectError(await post('/open311/v2/requests.xml', noCode), 400, '缺少 service_code')
    expectError(await post('/open311/v2/requests.json', valid({ service_code: 'Z99' })), 404, '没有这个 service_code「Z99」')
    expectError(await post('/open311/v2/requests.json', { api_key: secret, service_code: 'E02-01' }), 400, '缺少位置')
    expectError(await post('/open311/v2/requests.json', valid({ service_code: 'E05-06' })), 400, '缺少必填属性 attribute[time_window]')
    expectError(await post('/open311/v2/requests.xml', valid({ service_code: 'E05-06', 'attribute[time_window]': 'sometimes' })), 400, '「sometimes」无效')
    expectError(await post('/open311/v2/requests.json', valid({ service_code: '0101', 'attribute[component_id]': '井盖!' })), 400, '部件编号')
    expectError(await post('/open311/v2/requests.json', valid({ 'attribute[colour]': 'red' })), 400, '没有属性 attribute[colour]')
    expectError(await post('/open311/v2/requests.json', valid({ description: '长'.repeat(501) })), 400, '不能超过 500 个字')
    expectError(await post('/open311/v2/requests.json', valid(), 'application/json'), 400, 'application/x-www-form-urlencoded')
    // Nothing of these was filed.
    expect((await readAll((q) => app.store.listTickets({ ...q, reporterId: `u-${keyId}` }))).map((t) => t.description))
      .toEqual(['暴露垃圾', '夜里工地敲打（发生时段：夜间（22–6 时））', '公交站台贴满小广告'])
  })

  it('holds the report quota per partner: past reportsPerHour it answers 429 with Retry-After, in the spec\'s format', async () => {
    app.clock.advanceHours(1)
    for (let i = 0; i < app.deps.settings.reportsPerHour; i++) expect((await post('/open311/v2/requests.json', valid({ description: `第 ${i + 1} 条` }))).status).toBe(200)
    const refused = await post('/open311/v2/requests.json', valid())
    expectError(refused, 429, '上报太频繁（每小时最多 10 条）')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('API keys', () => {
  it('keeps only the hash: the console lists name and dates, never the key; the store holds no copy of it', async () => {
    const page = ok(await app.as('dev-admin')('admin', 'open311Keys', {}))
    const mineKey = page.items.find((k) => k.id === keyId)!
    expect(mineKey).toMatchObject({ name: '区12345热线', createdBy: 'u-admin', revokedAt: null, lastUsedAt: app.clock.now() })
    expect(mineKey).not.toHaveProperty('hash')
    expect(JSON.stringify(page)).not.toContain(secret)
    const stored = await app.store.listApiKeys({})
    expect(JSON.stringify(stored)).not.toContain(secret)
    expect(stored.items.find((k) => k.id === keyId)?.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('counts a key\'s calls per minute: past the limit 429 with Retry-After until the minute ends, reads included', async () => {
    const bucket = keyRateBucket(keyId, app.clock.now())
    limits.callsPerMinute = (await app.store.incrementCounter(bucket.key, 0)) + 2
    try {
      expect((await get(`/open311/v2/services.json?api_key=${secret}`)).status).toBe(200)
      expect((await get(`/open311/v2/requests.json?api_key=${secret}`)).status).toBe(200)
      const over = await get(`/open311/v2/services.xml?api_key=${secret}`)
      expectError(over, 429, `每分钟最多 ${limits.callsPerMinute} 次`)
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
      expectError(await post('/open311/v2/requests.json', { api_key: secret, service_code: 'E02-01', lat: '28.1', long: '113' }), 429, '调用太频繁')
      // Reads without a key are not a key's calls.
      expect((await get('/open311/v2/services.json')).status).toBe(200)
    } finally {
      limits.callsPerMinute = 1000
    }
  })

  it('refuses a revoked key at once, saying since when; revoking again keeps the first revocation', async () => {
    const other = ok(await app.as('dev-admin')('admin', 'createOpen311Key', { name: '邻区数字城管' }))
    expect((await get(`/open311/v2/services.json?api_key=${other.secret}`)).status).toBe(200)
    const revoked = ok(await app.as('dev-admin')('admin', 'revokeOpen311Key', { id: other.key.id }))
    expect(revoked).toMatchObject({ revokedAt: app.clock.now(), revokedBy: 'u-admin' })
    expectError(await post('/open311/v2/requests.json', { api_key: other.secret, service_code: 'E02-01', lat: '28.1', long: '113' }), 403, '已于 2026-11-20 停用')
    expectError(await get(`/open311/v2/requests.xml?api_key=${other.secret}`), 403, '停用')
    app.clock.advanceHours(1)
    expect(ok(await app.as('dev-admin')('admin', 'revokeOpen311Key', { id: other.key.id }))).toEqual(revoked)
    expect(await app.as('dev-admin')('admin', 'revokeOpen311Key', { id: 'o311k-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a refused key action changes no key (bad input, another role)', async () => {
    const before = await readAll((q) => app.store.listApiKeys(q))
    for (const name of ['', '热', 'x'.repeat(41)]) {
      expect(await app.as('dev-admin')('admin', 'createOpen311Key', { name })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await app.as('dev-grid')('admin', 'createOpen311Key', { name: '网格员自己的系统' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await app.as('dev-citizen')('admin', 'revokeOpen311Key', { id: keyId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await readAll((q) => app.store.listApiKeys(q))).toEqual(before)
  })
})

describe('what never leaves', () => {
  it('no body of any endpoint carries a reporter\'s id, name, openid or phone, the address they typed or their exact point', async () => {
    const all = await readAll((q) => app.store.listTickets(q))
    const users = await readAll((q) => app.store.listUsers(q))
    const reporters = users.filter((u: User) => all.some((t) => t.reporterId === u.id))
    expect(reporters.map((u) => u.id)).toEqual(expect.arrayContaining(['u-citizen', `u-${keyId}`]))
    const bodies: string[] = []
    for (const f of ['json', 'xml']) {
      bodies.push((await get(`/open311/v2/requests.${f}`)).text)
      bodies.push((await get(`/open311/v2/requests.${f}?status=closed`)).text)
      bodies.push((await get(`/open311/v2/requests/${ticketNumber(mine)}.${f}`)).text)
      bodies.push((await get(`/open311/v2/services.${f}`)).text)
    }
    app.clock.advanceHours(1)
    const filed = await post('/open311/v2/requests.json', { api_key: secret, service_code: 'E02-01', ...wgs(ringCentroid(grid.polygon)!) })
    expect(filed.status).toBe(200)
    bodies.push(filed.text)
    const forbidden = [
      ...reporters.flatMap((u) => [u.id, u.openid, u.nickname, ...(u.phone ? [u.phone] : [])]),
      PHONE, TYPED_ADDRESS, mine.location.lng.toFixed(6), mine.location.lat.toFixed(6)
    ]
    for (const body of bodies) {
      for (const word of forbidden) expect({ word, found: body.includes(word) }).toEqual({ word, found: false })
    }
  })
})

describe('the route', () => {
  it('answers unknown paths 404, another method 405 with Allow, HEAD without a body — all in the spec\'s error format', async () => {
    expectError(await get('/open311/v2/tokens/123.json'), 404, '没有这个接口')
    expectError(await get('/open311/v2/services.csv'), 404, '没有这个接口')
    const put = await fetch(`${base}/open311/v2/requests.json`, { method: 'DELETE' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(await put.json()).toEqual([{ code: 405, description: expect.stringContaining('GET, POST') }])
    const onService = await post('/open311/v2/services.json', { a: 'b' })
    expect(onService.status).toBe(405)
    const head = await fetch(`${base}/open311/v2/services.json`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(100)
    expect(await head.text()).toBe('')
  })

  it('refuses a form over 64 KB with 413', async () => {
    const a = await post('/open311/v2/requests.json', { api_key: secret, description: 'x'.repeat(70_000) })
    expect(a.status).toBe(413)
    expect(json(a)).toEqual([{ code: 413, description: expect.stringContaining('太大') }])
  })
})

describe('volume (runs last: adds 1,000 tickets)', () => {
  it('answers more than 1,000 matching requests with 400 asking to narrow, never the first 1,000; a narrower query answers', async () => {
    const now = Date.parse(app.clock.now())
    const many = Array.from({ length: 1000 }, (_, i) => aTicket({
      id: `t-o311-bulk-${String(i).padStart(4, '0')}`, reporterId: 'u-resident-bulk', categoryId: 'cat-E01-03', gridId: grid.id, state: 'dispatched',
      createdAt: new Date(now - 30 * 86_400_000 - i * 60_000).toISOString(), updatedAt: new Date(now - 30 * 86_400_000).toISOString()
    }))
    await app.store.importTickets(many, [])
    for (const path of ['/open311/v2/requests.json', '/open311/v2/requests.xml', '/open311/v2/requests.json?service_code=E01-03,E02-01', '/open311/v2/requests.json?status=open']) {
      expectError(await get(path), 400, '超过 1000 条')
    }
    const narrow = json(await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(new Date(now - 86_400_000).toISOString())}`)) as unknown[]
    expect(narrow.length).toBeGreaterThan(0)
    expect(narrow.length).toBeLessThan(1000)
    // Exactly the bulk's span: at most 1,000 match, and every one of them is answered.
    const from = many[many.length - 1].createdAt
    const to = many[0].createdAt
    const inSpan = (await readAll((q) => app.store.listTickets({ ...q, createdFrom: from, createdTo: new Date(Date.parse(to) + 1).toISOString() }), 5_000)).length
    expect(inSpan).toBeGreaterThanOrEqual(1000)
    const span = await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(from)}&end_date=${encodeURIComponent(to)}`)
    if (inSpan === 1000) expect((json(span) as unknown[]).length).toBe(1000)
    else expectError(span, 400, '超过 1000 条')
  })
})
