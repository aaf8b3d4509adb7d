import { ok, openTestApp, type TestApp } from '../testing/app'
import { cloudResultOf, requestFromCloudEvent } from './cloud-event'
import { open311 } from './handler'

/** The CloudBase HTTP function's adapter: the platform's event in, an integration response out, the same handler between. */

let app: TestApp
beforeAll(async () => { app = await openTestApp() })
afterAll(() => app.close())

const run = async (event: unknown) => {
  const request = requestFromCloudEvent(event)
  return cloudResultOf(await open311(request, app.deps), request.method)
}

describe('CloudBase HTTP event → Open311 handler', () => {
  it('reads path, method, query (arrays too), the content type in any case and a base64 body', () => {
    const body = Buffer.from('service_code=E02-01&lat=28.1', 'utf8').toString('base64')
    expect(requestFromCloudEvent({
      path: '/open311/v2/requests.json', httpMethod: 'post', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      queryStringParameters: { api_key: 'k', status: ['open', 'closed'], junk: 5 }, body, isBase64Encoded: true
    })).toEqual({
      method: 'POST', path: '/open311/v2/requests.json', query: [['api_key', 'k'], ['status', 'open'], ['status', 'closed']],
      body: 'service_code=E02-01&lat=28.1', contentType: 'application/x-www-form-urlencoded'
    })
  })

  it('answers a GET as an integration response with the spec\'s body and content type', async () => {
    const r = await run({ path: '/open311/v2/services.xml', httpMethod: 'GET', headers: {}, queryStringParameters: {}, body: '', isBase64Encoded: false })
    expect(r).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' }, isBase64Encoded: false })
    expect(r.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service>/)
    const head = await run({ path: '/open311/v2/services.json', httpMethod: 'HEAD' })
    expect(head).toMatchObject({ statusCode: 200, body: '' })
  })

  it('files a base64 form POST with a key, and refuses one without', async () => {
    const { secret } = ok(await app.as('dev-admin')('admin', 'createOpen311Key', { name: '云函数测试' }))
    const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString()).toString('base64')
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
    const refused = await run({ path: '/open311/v2/requests.json', httpMethod: 'POST', headers, body: form({ service_code: 'E02-01' }), isBase64Encoded: true })
    expect(refused.statusCode).toBe(403)
    expect(JSON.parse(refused.body)).toEqual([{ code: 403, description: expect.stringContaining('缺少 api_key') }])
    const filed = await run({ path: '/open311/v2/requests.json', httpMethod: 'POST', headers, body: form({ api_key: secret, service_code: 'E02-01', lat: '28.1', long: '112.99' }), isBase64Encoded: true })
    expect(filed.statusCode).toBe(200)
    expect(JSON.parse(filed.body)).toEqual([{ service_request_id: expect.stringMatching(/^\d{6}-[0-9A-Z]{4}$/), service_notice: expect.any(String), account_id: null }])
  })

  it('answers anything that is not an HTTP event, or a broken path, 404 in the spec\'s format', async () => {
    for (const event of [null, 'services.json', { action: 'me' }, { path: 42 }]) {
      const r = await run(event)
      expect(r.statusCode).toBe(404)
      expect(JSON.parse(r.body)).toEqual([{ code: 404, description: expect.any(String) }])
    }
    const broken = await run({ path: '/open311/v2/services/%E4%B8.json', httpMethod: 'GET' })
    expect(broken.statusCode).toBe(404)
    expect(JSON.parse(broken.body)[0].description).toContain('% 转义')
  })
})
