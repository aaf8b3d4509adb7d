import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sessionIdOf, openSession } from '../session-token'
import { openLocalApp } from './compose'
import { devLoginMode, isLoopbackHost, tokenFrom } from './identity'
import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/**
 * Who the gateway believes is calling: only a live session found by its token's hash. A name in a header, a made-up
 * token, an ended or expired session is anonymous and creates nobody; the dev login lives only on loopback.
 */

const me = async (base: string, authorization?: string) => (await fetch(`${base}/api/users`, {
  method: 'POST', body: '{"action":"me"}', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }
})).json() as Promise<{ ok: boolean; data?: { user: { id: string } }; error?: { code: string } }>

const devLogin = (base: string, userId: string) => fetch(`${base}/dev/login`, {
  method: 'POST', body: JSON.stringify({ userId }), headers: { 'content-type': 'application/json' }
})

describe('where the dev login is on', () => {
  it('counts 127.0.0.0/8, ::1 and localhost as loopback, nothing else', () => {
    for (const h of ['127.0.0.1', '127.3.2.1', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect([h, isLoopbackHost(h)]).toEqual([h, true])
    }
    for (const h of ['0.0.0.0', '::', '', '192.168.1.20', '10.0.0.1', 'fd00::1', '::ffff:10.0.0.1', '128.0.0.1', 'example.com', '127.0.0.1.example.com']) {
      expect([h, isLoopbackHost(h)]).toEqual([h, false])
    }
  })

  it('is on for loopback, off elsewhere unless WENMING_DEV_LOGIN=1', () => {
    expect(devLoginMode('127.0.0.1', {})).toBe('loopback')
    expect(devLoginMode('0.0.0.0', {})).toBe('off')
    expect(devLoginMode('0.0.0.0', { WENMING_DEV_LOGIN: 'true' })).toBe('off')
    expect(devLoginMode('0.0.0.0', { WENMING_DEV_LOGIN: '1' })).toBe('forced')
  })

  it('reads the token from Bearer, and from Dev as its alias; nothing else', () => {
    const t = 'A'.repeat(43)
    expect(tokenFrom({ headers: { authorization: `Bearer ${t}` } })).toBe(t)
    expect(tokenFrom({ headers: { authorization: `Dev ${t}` } })).toBe(t)
    expect(tokenFrom({ headers: { authorization: 'Bearer ../../etc' } })).toBeNull()
    expect(tokenFrom({ headers: { authorization: `Basic ${t}` } })).toBeNull()
    expect(tokenFrom({ headers: {} })).toBeNull()
  })
})

describe('sessions on a loopback gateway', () => {
  let gw: LoopbackGateway
  beforeEach(async () => { gw = await startLoopbackGateway() })
  afterEach(() => gw.close())

  it('hands out a random token for a stored session, never the openid', async () => {
    const token = await gw.login('u-admin')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const stored = await gw.app.store.getSession(sessionIdOf(token))
    expect(stored).toMatchObject({ kind: 'dev', userId: 'u-admin', endedAt: null, createdAt: gw.app.clock.now() })
    expect(Date.parse(stored!.expiresAt) - Date.parse(stored!.createdAt)).toBe(8 * 3_600_000)
    // The token itself is nowhere in the store: only its hash.
    expect(await gw.app.store.getSession(token)).toBeNull()
    expect(await me(gw.base, `Bearer ${token}`)).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
    expect(await me(gw.base, `Dev ${token}`)).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
  })

  it('a dev session lasts as long unused as the office\'s setting says', async () => {
    const short = await startLoopbackGateway({ settings: { sessionIdleHours: 2 } })
    try {
      const token = await short.login('u-grid')
      const s = (await short.app.store.getSession(sessionIdOf(token)))!
      expect(Date.parse(s.expiresAt) - Date.parse(s.createdAt)).toBe(2 * 3_600_000)
      short.app.clock.advanceHours(3)
      expect((await me(short.base, `Bearer ${token}`)).error?.code).toBe('UNAUTHENTICATED')
    } finally {
      await short.close()
    }
  })

  it('an openid, an unknown name or a made-up token in the header is anonymous and creates no user', async () => {
    const forged = ['Dev dev-admin', 'Dev dev-someone-new-0001', 'Bearer dev-someone-new-0002', `Bearer ${'x'.repeat(43)}`, 'Dev seed-admin-2']
    for (const h of forged) expect([h, (await me(gw.base, h)).error?.code]).toEqual([h, 'UNAUTHENTICATED'])
    expect(await gw.app.store.getUserByOpenid('dev-someone-new-0001')).toBeNull()
    expect(await gw.app.store.getUserByOpenid('dev-someone-new-0002')).toBeNull()
    expect(await gw.app.store.getUserByOpenid('x'.repeat(43))).toBeNull()
  })

  it('refuses the dev login for a person who is not a seeded demo account, and opens no session', async () => {
    const res = await devLogin(gw.base, 'u-admin-2')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await gw.app.store.listSessions({ userId: 'u-admin-2', limit: 10 })).items).toEqual([])
    expect((await devLogin(gw.base, 'u-nobody')).status).toBe(404)
  })

  it('an expired session is anonymous; use keeps it alive, recorded at most once a minute', async () => {
    const token = await gw.login('u-citizen')
    const id = sessionIdOf(token)
    const opened = (await gw.app.store.getSession(id))!
    gw.app.clock.advanceHours(7)
    expect((await me(gw.base, `Bearer ${token}`)).ok).toBe(true)
    const touched = (await gw.app.store.getSession(id))!
    expect(touched.lastSeenAt).toBe(gw.app.clock.now())
    expect(Date.parse(touched.expiresAt)).toBe(Date.parse(opened.expiresAt) + 7 * 3_600_000)
    // A second call in the same minute writes nothing.
    gw.app.clock.set(new Date(Date.parse(gw.app.clock.now()) + 30_000).toISOString())
    expect((await me(gw.base, `Bearer ${token}`)).ok).toBe(true)
    expect(await gw.app.store.getSession(id)).toEqual(touched)
    // Idle past the 8 hours: gone, and it stays gone.
    gw.app.clock.advanceHours(8)
    expect((await me(gw.base, `Bearer ${token}`)).error?.code).toBe('UNAUTHENTICATED')
    expect(await gw.app.store.getSession(id)).toEqual(touched)
  })

  it('/dev/logout ends that session only; an ended session is anonymous', async () => {
    const first = await gw.login('u-grid')
    const second = await gw.login('u-grid')
    const out = await fetch(`${gw.base}/dev/logout`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` } })
    expect(await out.json()).toEqual({ ok: true, data: { ended: true } })
    expect(await gw.app.store.getSession(sessionIdOf(first))).toMatchObject({ endReason: 'signout', endedAt: gw.app.clock.now() })
    expect((await me(gw.base, `Bearer ${first}`)).error?.code).toBe('UNAUTHENTICATED')
    expect(await me(gw.base, `Bearer ${second}`)).toMatchObject({ ok: true, data: { user: { id: 'u-grid' } } })
    // Ended elsewhere (我的 → 桌面登录, a revoked role): the same.
    await gw.app.store.endSession(sessionIdOf(second), gw.app.clock.now(), 'role_revoked')
    expect((await me(gw.base, `Bearer ${second}`)).error?.code).toBe('UNAUTHENTICATED')
    const again = await fetch(`${gw.base}/dev/logout`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` } })
    expect(await again.json()).toEqual({ ok: true, data: { ended: false } })
  })

  it('an upload needs a live session too', async () => {
    const form = new FormData()
    form.append('file', new Blob(['not really'], { type: 'image/jpeg' }), 'a.jpg')
    const res = await fetch(`${gw.base}/api/upload`, { method: 'POST', body: form, headers: { authorization: 'Dev dev-citizen' } })
    expect(res.status).toBe(401)
  })
})

describe('a gateway with the dev login off (as when bound beyond this machine)', () => {
  let gw: LoopbackGateway
  beforeAll(async () => { gw = await startLoopbackGateway({ devLogin: false }) })
  afterAll(() => gw.close())

  it('answers /dev/* with 404 saying how to sign in instead', async () => {
    for (const [path, init] of [['/dev/login', { method: 'POST', body: '{"userId":"u-admin"}', headers: { 'content-type': 'application/json' } }], ['/dev/users', {}], ['/dev/logout', { method: 'POST' }]] as const) {
      const res = await fetch(`${gw.base}${path}`, init)
      expect([path, res.status]).toEqual([path, 404])
      const body = await res.json() as { ok: false; error: { code: string; message: string } }
      expect(body.error.code).toBe('NOT_FOUND')
      expect(body.error.message).toMatch(/演示登录已关闭.*扫码登录/)
    }
    expect((await gw.app.store.listSessions({ userId: 'u-admin', limit: 10 })).items).toEqual([])
  })

  it('does not honour a dev session, but honours a desk session (the scan sign-in)', async () => {
    const at = gw.app.clock.now()
    const dev = await openSession(gw.app.store, { kind: 'dev', userId: 'u-admin', roles: ['citizen', 'admin'], userAgent: 'test', at, idleHours: 8 })
    const desk = await openSession(gw.app.store, { kind: 'desk', userId: 'u-admin', roles: ['citizen', 'admin'], userAgent: 'test', at, idleHours: 8 })
    expect((await me(gw.base, `Bearer ${dev.token}`)).error?.code).toBe('UNAUTHENTICATED')
    expect((await me(gw.base, `Dev ${dev.token}`)).error?.code).toBe('UNAUTHENTICATED')
    expect(await me(gw.base, `Bearer ${desk.token}`)).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
  })
})

/** The machine's first non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address
const onLan = lanAddress ? describe : describe.skip

onLan(`npm start's gateway bound to this machine's network address (${lanAddress ?? 'none'})`, () => {
  let dataDir: string
  let webRoot: string
  let devToken: string
  let deskToken: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gw-lan-'))
    webRoot = mkdtempSync(join(tmpdir(), 'gw-lan-web-'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>文明共建</title>')
    // A dev session someone opened while the gateway was on loopback, and a desk session from the scan sign-in.
    const app = await openLocalApp({ dataDir })
    const at = app.deps.clock.now()
    devToken = (await openSession(app.store, { kind: 'dev', userId: 'u-admin', roles: ['citizen', 'admin'], userAgent: 'test', at, idleHours: 8 })).token
    deskToken = (await openSession(app.store, { kind: 'desk', userId: 'u-admin', roles: ['citizen', 'admin'], userAgent: 'test', at, idleHours: 8 })).token
    await app.close()
  }, 60_000)
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(webRoot, { recursive: true, force: true })
  })

  /** main.ts in its own process on the network address; resolves once it printed where it listens. */
  async function startMain (env: Record<string, string>): Promise<{ base: string; out: string; err: string; stop (): Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
      env: { ...process.env, WENMING_DEV_LOGIN: '', HOST: lanAddress!, PORT: '0', DATA_DIR: dataDir, WEB_ROOT: webRoot, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stderr!.on('data', (d: Buffer) => { err += d.toString() })
    const base = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString()
        const m = /已启动：(http:\/\/[\d.]+:\d+)\//.exec(out)
        if (m) resolve(m[1])
      })
      child.once('exit', (code) => reject(new Error(`gateway exited ${code}: ${out}${err}`)))
    })
    return {
      base,
      get out () { return out },
      get err () { return err },
      stop: async () => {
        const gone = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await gone
      }
    }
  }

  it('says the dev login is off, refuses it and the dev session, and still lets the desk session in', async () => {
    const gw = await startMain({})
    try {
      expect(gw.base).toContain(lanAddress)
      expect(gw.out).toMatch(/已启动：\S+（演示登录已关闭/)
      const login = await devLogin(gw.base, 'u-admin')
      expect(login.status).toBe(404)
      expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(/演示登录已关闭/)
      expect((await me(gw.base, `Dev ${devToken}`)).error?.code).toBe('UNAUTHENTICATED')
      expect((await me(gw.base, `Bearer ${devToken}`)).error?.code).toBe('UNAUTHENTICATED')
      expect((await me(gw.base, 'Dev dev-admin')).error?.code).toBe('UNAUTHENTICATED')
      expect(await me(gw.base, `Bearer ${deskToken}`)).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
    } finally {
      await gw.stop()
    }
  }, 90_000)

  it('with WENMING_DEV_LOGIN=1 turns it on with a loud warning', async () => {
    const gw = await startMain({ WENMING_DEV_LOGIN: '1' })
    try {
      expect(gw.out).not.toContain('演示登录已关闭')
      expect(await me(gw.base, `Bearer ${devToken}`)).toMatchObject({ ok: true, data: { user: { id: 'u-admin' } } })
      expect((await devLogin(gw.base, 'u-grid')).status).toBe(200)
      // The warning goes to stderr, a pipe of its own: read it once it has arrived.
      for (let i = 0; i < 100 && !gw.err.includes('警告'); i++) await new Promise((r) => setTimeout(r, 50))
      expect(gw.err).toMatch(/警告：演示登录已在 .* 上开启（WENMING_DEV_LOGIN=1）/)
    } finally {
      await gw.stop()
    }
  }, 90_000)
})
