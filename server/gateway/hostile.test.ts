import { ERROR_CODES } from '../../core/errors'
import { rawRequest, startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/** Requests a careless or hostile client may send, as raw bytes: each must get an answer in the one shape. */
let gw: LoopbackGateway
/** The cases are written before anyone signed in: each names a session as a placeholder, filled in when sent. */
const tokens: Record<string, string> = {}
beforeAll(async () => {
  gw = await startLoopbackGateway()
  tokens.ADMIN_TOKEN = await gw.login('u-admin')
  tokens.CITIZEN_TOKEN = await gw.login('u-citizen')
})
const signed = (head: string) => head.replace(/ADMIN_TOKEN|CITIZEN_TOKEN/g, (k) => tokens[k])
afterAll(() => gw.close())

const HOST = 'Host: 127.0.0.1\r\n'
const post = (path: string, body: string, headers = 'Content-Type: application/json\r\n') =>
  ({ head: `POST ${path} HTTP/1.1\r\n${HOST}${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`, body })
const get = (target: string, headers = '') => ({ head: `GET ${target} HTTP/1.1\r\n${HOST}${headers}\r\n` })
const admin = 'Content-Type: application/json\r\nAuthorization: Bearer ADMIN_TOKEN\r\n'

interface Case { name: string; head: string; body?: string; status: number; code: keyof typeof ERROR_CODES }

const cases: Case[] = [
  { name: 'a lone % in the path', ...get('/%'), status: 400, code: 'VALIDATION' },
  { name: 'a cut-off UTF-8 escape', ...get('/pages/%E4%B8'), status: 400, code: 'VALIDATION' },
  { name: 'a non-hex escape after /files/', ...get('/files/%zz'), status: 400, code: 'VALIDATION' },
  { name: 'a request target that is not a path', ...get('nonsense'), status: 400, code: 'VALIDATION' },
  { name: 'JSON cut off', ...post('/api/users', '{"action":', admin), status: 400, code: 'VALIDATION' },
  { name: 'bytes that are not text', ...post('/api/users', '\u0000\u00ff\u0001', admin), status: 400, code: 'VALIDATION' },
  { name: 'JSON sent as text/plain', ...post('/api/users', '{"action":"me"}', 'Content-Type: text/plain\r\nAuthorization: Bearer ADMIN_TOKEN\r\n'), status: 415, code: 'VALIDATION' },
  { name: 'JSON sent as a form', ...post('/dev/login', 'userId=u-grid', 'Content-Type: application/x-www-form-urlencoded\r\n'), status: 415, code: 'VALIDATION' },
  { name: 'an upload that is not multipart', ...post('/api/upload', '{}', 'Content-Type: application/json\r\nAuthorization: Bearer CITIZEN_TOKEN\r\n'), status: 400, code: 'VALIDATION' },
  { name: 'an anonymous upload', ...post('/api/upload', 'x'.repeat(100_000), 'Content-Type: multipart/form-data; boundary=x\r\n'), status: 401, code: 'UNAUTHENTICATED' },
  { name: 'a 2 MB JSON body', ...post('/api/users', JSON.stringify({ action: 'me', filler: 'x'.repeat(2 * 1024 * 1024) }), admin), status: 413, code: 'VALIDATION' },
  { name: 'a Content-Length announcing 2 GB', head: `POST /api/users HTTP/1.1\r\n${HOST}${admin}Content-Length: 2000000000\r\n\r\n`, body: '{"action":"me"}', status: 413, code: 'VALIDATION' },
  { name: 'a 2 MB chunked JSON body', head: `POST /api/users HTTP/1.1\r\n${HOST}${admin}Transfer-Encoding: chunked\r\n\r\n`, body: `200000\r\n${'x'.repeat(0x200000)}\r\n0\r\n\r\n`, status: 413, code: 'VALIDATION' },
  { name: 'a dev login for an unknown account', ...post('/dev/login', '{"userId":"u-resident-001"}'), status: 404, code: 'NOT_FOUND' },
  { name: 'a dev login with a userId that is not text', ...post('/dev/login', '{"userId":{"$ne":null}}'), status: 400, code: 'VALIDATION' },
  { name: 'an unknown function', ...post('/api/nothing', '{}', admin), status: 404, code: 'UNKNOWN_ACTION' },
  { name: 'the scheduler over HTTP', ...post('/api/timer', '{"action":"sweep"}', admin), status: 404, code: 'UNKNOWN_ACTION' },
  { name: 'an unknown action', ...post('/api/users', '{"action":"dropTables"}', admin), status: 200, code: 'UNKNOWN_ACTION' },
  { name: 'a JSON array instead of an event', ...post('/api/users', '[1,2,3]', admin), status: 200, code: 'UNKNOWN_ACTION' },
  { name: 'a forged identity header', ...post('/api/users', '{"action":"me"}', 'Content-Type: application/json\r\nAuthorization: Dev ../../etc/passwd\r\n'), status: 200, code: 'UNAUTHENTICATED' },
  { name: 'an openid in the old Dev header', ...post('/api/users', '{"action":"me"}', 'Content-Type: application/json\r\nAuthorization: Dev dev-admin\r\n'), status: 200, code: 'UNAUTHENTICATED' },
  { name: 'a made-up bearer token', ...post('/api/users', '{"action":"me"}', `Content-Type: application/json\r\nAuthorization: Bearer ${'A'.repeat(43)}\r\n`), status: 200, code: 'UNAUTHENTICATED' },
  { name: 'an unknown /api path', ...post('/api/users/me', '{}', admin), status: 404, code: 'NOT_FOUND' },
  { name: 'GET on a function', ...get('/api/users'), status: 405, code: 'VALIDATION' },
  { name: 'DELETE on the app', head: `DELETE / HTTP/1.1\r\n${HOST}\r\n`, status: 405, code: 'VALIDATION' },
  { name: 'an unknown photo', ...get('/files/f-nothing'), status: 404, code: 'NOT_FOUND' },
  { name: 'a 64 KB header', ...get('/', `Cookie: ${'a'.repeat(64 * 1024)}\r\n`), status: 431, code: 'VALIDATION' },
  { name: 'a request line that is not HTTP', head: 'HELLO THERE\r\n\r\n', status: 400, code: 'VALIDATION' },
  { name: 'a Content-Length that is not a number', head: `POST /api/users HTTP/1.1\r\n${HOST}Content-Length: lots\r\n\r\n`, status: 400, code: 'VALIDATION' },
  { name: 'both Content-Length and chunked', head: `POST /api/users HTTP/1.1\r\n${HOST}${admin}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n`, body: '0\r\n\r\n', status: 400, code: 'VALIDATION' },
  { name: 'a broken chunk', head: `POST /api/users HTTP/1.1\r\n${HOST}${admin}Transfer-Encoding: chunked\r\n\r\n`, body: 'zz\r\n{}\r\n0\r\n\r\n', status: 400, code: 'VALIDATION' }
]

describe('the gateway answers hostile requests in the one shape and keeps serving', () => {
  it.each(cases)('$name → $status $code', async ({ head, body, status, code }) => {
    const answer = await rawRequest(gw.port, signed(head), body)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    const json = JSON.parse(answer.text) as { ok: unknown; error?: { code: string; message: string } }
    expect(json.ok).toBe(false)
    expect(Object.keys(ERROR_CODES)).toContain(json.error?.code)
    expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/)
    expect({ status: answer.status, code: json.error?.code }).toEqual({ status, code })

    const normal = await fetch(`${gw.base}/api/users`, { method: 'POST', body: '{"action":"me"}', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.ADMIN_TOKEN}` } })
    expect(await normal.json()).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
  })
})
