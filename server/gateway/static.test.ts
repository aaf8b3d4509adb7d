import { createHash } from 'node:crypto'
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { acceptedEncodings } from './static'
import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/** The H5 build as the gateway sends it: compressed text, validators, 304s, and the pages' security headers. */

let gw: LoopbackGateway
const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX = `<!doctype html><html><head><title>文明共建</title><script>${INLINE}</script><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>`
// Text like a bundle: long, repetitive enough to compress, not trivially so.
const APP_JS = Array.from({ length: 4000 }, (_, i) => `function f${i}(a){return a*${i}+"文明${i % 97}"}`).join(';\n')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)])

beforeAll(async () => {
  gw = await startLoopbackGateway()
  writeFileSync(join(gw.webRoot, 'index.html'), INDEX)
  mkdirSync(join(gw.webRoot, 'js'))
  mkdirSync(join(gw.webRoot, 'css'))
  writeFileSync(join(gw.webRoot, 'js', 'app.0123abcd.js'), APP_JS)
  writeFileSync(join(gw.webRoot, 'css', 'app.css'), 'body{margin:0}\n'.repeat(500))
  writeFileSync(join(gw.webRoot, 'logo.png'), PNG)
})
afterAll(() => gw.close())

interface Got { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET (or HEAD) without any decoding on the client's side: the bytes as they came over the wire. */
function get (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gw.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('compressed static files', () => {
  it('sends brotli or gzip as the client accepts, each decoding to the file, plain bytes otherwise', async () => {
    const plain = Buffer.from(APP_JS)
    const br = await get('/js/app.0123abcd.js', { 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).equals(plain)).toBe(true)
    expect(br.body.length).toBeLessThan(plain.length / 3)
    expect(Number(br.headers['content-length'])).toBe(br.body.length)

    const gz = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br;q=0' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).equals(plain)).toBe(true)

    // Once the brotli form is made, a browser offering both gets it.
    const both = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(both.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(both.body).equals(plain)).toBe(true)

    const none = await get('/js/app.0123abcd.js')
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.body.equals(plain)).toBe(true)
    for (const r of [br, gz, both, none]) {
      expect(r.headers.vary).toBe('accept-encoding')
      expect(r.headers['content-type']).toBe('application/javascript; charset=utf-8')
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
  })

  it('compresses the pages and styles too, not images', async () => {
    const page = await get('/', { 'accept-encoding': 'gzip' })
    expect(page.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(page.body).toString('utf8')).toBe(INDEX)
    expect(page.headers['cache-control']).toBe('no-cache')
    const css = await get('/css/app.css', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(css.body).toString('utf8')).toBe('body{margin:0}\n'.repeat(500))
    expect(css.headers['cache-control']).toBe('no-cache')
    const png = await get('/logo.png', { 'accept-encoding': 'gzip, br' })
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.body.equals(PNG)).toBe(true)
    expect(png.headers.etag).toMatch(/^W\/".+"$/)
  })

  it('answers HEAD with the headers only', async () => {
    const head = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
    expect(head.body.length).toBe(0)
  })
})

describe('validators', () => {
  it('answers 304 to a matching ETag or a date not older than the file, 200 otherwise', async () => {
    const first = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' })
    const etag = first.headers.etag as string
    const lastModified = first.headers['last-modified'] as string
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
    expect(Date.parse(lastModified)).toBe(Math.floor(statSync(join(gw.webRoot, 'js', 'app.0123abcd.js')).mtimeMs / 1000) * 1000)

    const same = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(same.status).toBe(304)
    expect(same.body.length).toBe(0)
    expect(same.headers.etag).toBe(etag)
    // The strong form of the tag and a list containing it match too (weak comparison).
    expect((await get('/js/app.0123abcd.js', { 'if-none-match': `"nope", ${etag.slice(2)}` })).status).toBe(304)
    expect((await get('/js/app.0123abcd.js', { 'if-none-match': '"nope"' })).status).toBe(200)
    expect((await get('/js/app.0123abcd.js', { 'if-modified-since': lastModified })).status).toBe(304)
    expect((await get('/js/app.0123abcd.js', { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200)
    // If-None-Match wins over If-Modified-Since.
    expect((await get('/js/app.0123abcd.js', { 'if-none-match': '"nope"', 'if-modified-since': lastModified })).status).toBe(200)
    expect((await get('/logo.png', { 'if-none-match': (await get('/logo.png')).headers.etag as string })).status).toBe(304)
    // The app's routes are index.html: its tag revalidates them all.
    const index = await get('/an/app/route')
    expect((await get('/some/route', { 'if-none-match': index.headers.etag as string })).status).toBe(304)
  })

  it('prepares a file once per version: a rebuilt file (new mtime) gets a new tag and new bytes', async () => {
    const file = join(gw.webRoot, 'css', 'theme.css')
    writeFileSync(file, 'a{color:red}\n'.repeat(200))
    // Whole seconds, so the time can be written back exactly.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)
    const atime = mtime
    utimesSync(file, atime, mtime)
    const first = await get('/css/theme.css', { 'accept-encoding': 'gzip' })
    // Same size, same mtime: the prepared copy stands (the file is not read and compressed again per request).
    writeFileSync(file, 'a{color:RED}\n'.repeat(200))
    utimesSync(file, atime, mtime)
    expect(gunzipSync((await get('/css/theme.css', { 'accept-encoding': 'gzip' })).body).toString()).toBe('a{color:red}\n'.repeat(200))
    // A build writes a new mtime: prepared again.
    utimesSync(file, atime, new Date(mtime.getTime() + 5000))
    const rebuilt = await get('/css/theme.css', { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag as string })
    expect(rebuilt.status).toBe(200)
    expect(rebuilt.headers.etag).not.toBe(first.headers.etag)
    expect(gunzipSync(rebuilt.body).toString()).toBe('a{color:RED}\n'.repeat(200))
  })
})

describe('the pages\' security headers', () => {
  it('forbids framing and allows scripts from this origin and the page\'s own inline script only', async () => {
    const page = await get('/')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    const hash = createHash('sha256').update(INLINE).digest('base64')
    expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'(;|$)`))
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("connect-src 'self'")
    // Scripts themselves need no page policy.
    expect((await get('/js/app.0123abcd.js')).headers['content-security-policy']).toBeUndefined()
  })
})

describe('Accept-Encoding', () => {
  it('reads q-values and the wildcard', () => {
    expect(acceptedEncodings(undefined)).toEqual({ br: false, gzip: false })
    expect(acceptedEncodings('gzip, deflate, br')).toEqual({ br: true, gzip: true })
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual({ br: false, gzip: true })
    expect(acceptedEncodings('*')).toEqual({ br: true, gzip: true })
    expect(acceptedEncodings('*;q=0, gzip')).toEqual({ br: false, gzip: true })
    expect(acceptedEncodings('identity')).toEqual({ br: false, gzip: false })
  })
})
