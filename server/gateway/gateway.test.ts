import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { readExif } from '../photos/exif'
import { FIXTURE_GPS, phoneJpeg } from '../photos/testing/fixtures'
import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

let gw: LoopbackGateway
let base: string
let web: string
let admin: string
let citizen: string

beforeAll(async () => {
  gw = await startLoopbackGateway()
  base = gw.base
  web = gw.webRoot
  admin = await gw.login('u-admin')
  citizen = await gw.login('u-citizen')
})
afterAll(() => gw.close())

const post = (path: string, body: unknown, token?: string) => fetch(`${base}${path}`, {
  method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }
})

describe('local gateway', () => {
  it('serves the API with the dev-login identity', async () => {
    const res = await post('/api/users', { action: 'me' }, admin)
    expect(await res.json()).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
    const anon = await post('/api/users', { action: 'me' })
    expect(await anon.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('lists one demo account per role and signs in as one', async () => {
    const list = await (await fetch(`${base}/dev/users`)).json() as { ok: true; data: { users: Array<{ id: string; roles: string[] }> } }
    expect(list.ok).toBe(true)
    for (const role of ['citizen', 'volunteer', 'organizer', 'grid_manager', 'admin']) {
      expect(list.data.users.some((u) => u.roles.includes(role))).toBe(true)
    }
    const login = await post('/dev/login', { userId: 'u-grid' })
    expect(login.status).toBe(200)
    const body = await login.json() as { ok: true; data: { token: string; user: { id: string } } }
    expect(body).toMatchObject({ ok: true, data: { user: { id: 'u-grid' } } })
    // A random session token, not the account's openid.
    expect(body.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(body.data.token).not.toContain('dev-grid')
    expect(await (await post('/api/users', { action: 'me' }, body.data.token)).json()).toMatchObject({ ok: true, data: { user: { id: 'u-grid' } } })
  })

  it('answers a failed dev login in the one shape: unknown account NOT_FOUND, bad input VALIDATION', async () => {
    const unknown = await post('/dev/login', { userId: 'u-resident-001' })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个演示账号，请从列表里选一个' } })
    const broken = await fetch(`${base}/dev/login`, { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect(await broken.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } })
    const missing = await post('/dev/login', {})
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('does not expose the scheduler or unknown functions over HTTP', async () => {
    expect(await (await post('/api/timer', { action: 'sweep' }, admin)).json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    const unknown = await post('/api/nothing', {})
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('answers broken JSON with VALIDATION', async () => {
    const res = await fetch(`${base}/api/users`, { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } })
  })

  it('answers a malformed percent-escape in the path with 400 VALIDATION, not INTERNAL', async () => {
    const res = await fetch(`${base}/%`)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '网址里有无效的 % 转义，请检查网址后再试' } })
  })

  it('answers a JSON body over 1 MB with 413 and closes the connection, instead of dropping it', async () => {
    const huge = JSON.stringify({ action: 'me', filler: 'x'.repeat(2 * 1024 * 1024) })
    const res = await fetch(`${base}/api/users`, { method: 'POST', body: huge, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } })
    expect(res.status).toBe(413)
    expect(res.headers.get('connection')).toBe('close')
    expect(await res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容太大（超过 1 MB），请删减后再试' } })
    expect(await (await post('/api/users', { action: 'me' }, admin)).json()).toMatchObject({ ok: true })
  })

  it('answers an unknown /api path, an unknown demo route and a wrong method in the one shape', async () => {
    const cases: Array<[string, RequestInit, number, string]> = [
      ['/api/users/extra', { method: 'POST', body: '{}' }, 404, 'NOT_FOUND'],
      ['/api/', { method: 'GET' }, 404, 'NOT_FOUND'],
      ['/dev/nothing', { method: 'GET' }, 404, 'NOT_FOUND'],
      ['/api/users', { method: 'GET' }, 405, 'VALIDATION'],
      ['/dev/login', { method: 'GET' }, 405, 'VALIDATION'],
      ['/files/f-nothing', { method: 'GET' }, 404, 'NOT_FOUND']
    ]
    for (const [path, init, status, code] of cases) {
      const res = await fetch(`${base}${path}`, init)
      expect([path, res.status]).toEqual([path, status])
      expect(await res.json()).toEqual({ ok: false, error: { code, message: expect.stringMatching(/[\u4e00-\u9fff]/) } })
    }
  })

  it('stores an uploaded photo resized, without EXIF, with a thumbnail; refuses non-images and anonymous uploads', async () => {
    const input = await phoneJpeg({ width: 3000, height: 2000, gps: FIXTURE_GPS })
    expect(readExif((await sharp(input).metadata()).exif).hasGps).toBe(true)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(input)], { type: 'image/jpeg' }), 'a.jpg')
    const res = await fetch(`${base}/api/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${citizen}` } })
    const body = await res.json() as { ok: true; data: { fileId: string; url: string } }
    expect(body.ok).toBe(true)
    const full = await fetch(`${base}${body.data.url}`)
    expect(full.headers.get('content-type')).toBe('image/jpeg')
    const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata()
    expect(Math.max(meta.width!, meta.height!)).toBe(1600)
    expect(meta.exif).toBeUndefined()
    const thumb = await sharp(Buffer.from(await (await fetch(`${base}${body.data.url}?thumb=1`)).arrayBuffer())).metadata()
    expect(Math.max(thumb.width!, thumb.height!)).toBeLessThanOrEqual(256)

    const text = new FormData()
    text.append('file', new Blob(['hello, not an image'], { type: 'image/png' }), 'a.png')
    const refused = await fetch(`${base}/api/upload`, { method: 'POST', body: text, headers: { authorization: `Bearer ${citizen}` } })
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await fetch(`${base}/api/upload`, { method: 'POST', body: form })).status).toBe(401)
  }, 30_000)

  it('serves the H5 app for any other path', async () => {
    const res = await fetch(`${base}/some/route`)
    expect(await res.text()).toContain('文明共建')
    expect((await fetch(`${base}/files/../../etc/passwd`)).status).not.toBe(500)
  })
})

describe('gateway start-up failures say what to do in one sentence', () => {
  const run = (env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
    env: { ...process.env, WEB_ROOT: web, ...env }, encoding: 'utf8', timeout: 60_000
  })

  it('names a port already in use and how to pick another', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as AddressInfo).port
    const res = run({ PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'gw-')) })
    await new Promise((r) => blocker.close(r))
    expect(res.status).toBe(1)
    expect(res.stderr.trim()).toBe(`端口 ${port} 已被占用：请关闭占用它的程序，或换一个端口，例如 PORT=${port + 1} npm start。`)
  }, 60_000)

  it('names a damaged data file and how to rebuild it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'))
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'wenming.sqlite'), 'this is not a database at all, just some text that is long enough'.repeat(100))
    const res = run({ PORT: '0', DATA_DIR: dir })
    expect(res.status).toBe(1)
    expect(res.stderr.trim().split('\n')).toHaveLength(1)
    expect(res.stderr).toMatch(/数据文件损坏.*删除/)
  }, 60_000)
})
