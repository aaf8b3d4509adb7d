import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `npm start` as a newcomer runs it: one line per stage, and stopping it stops the gateway and frees the port. */
describe('npm start (scripts/start.js)', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'start-web-'))
  const dataDir = mkdtempSync(join(tmpdir(), 'start-data-'))
  afterAll(() => {
    rmSync(webRoot, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('skips a fresh build, starts the gateway, and on SIGTERM stops it so the port is free again', async () => {
    // A build newer than every source: start.js must not rebuild (and must not touch dist/).
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>文明共建</title>')
    const later = new Date(Date.now() + 24 * 3_600_000)
    utimesSync(join(webRoot, 'index.html'), later, later)
    const child = spawn(process.execPath, [join(__dirname, 'start.js')], {
      env: { ...process.env, TARO_OUTPUT_ROOT: webRoot, DATA_DIR: dataDir, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
        if (m) resolve(Number(m[1]))
      })
      child.on('exit', () => reject(new Error(`start.js exited early:\n${out}`)))
    })
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200)

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const lines = out.split('\n').filter(Boolean)
    expect(lines[0]).toBe('① H5 页面：已是最新，跳过构建')
    expect(lines[1]).toMatch(/^② 正在启动本地网关/)
    expect(lines.some((l) => l.includes('按 Ctrl+C 停止'))).toBe(true)
    expect(lines[lines.length - 1]).toBe('已停止。')
    // The gateway is gone with it: its port can be taken again.
    await new Promise<void>((resolve, reject) => {
      const s = createServer().once('error', reject).listen(port, '127.0.0.1', () => s.close(() => resolve()))
    })
  }, 90_000)
})
