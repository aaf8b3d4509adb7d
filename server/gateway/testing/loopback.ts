import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Settings } from '../../../core/settings'
import { openTestApp, type TestApp } from '../../testing/app'
import { createGateway } from '../http'

/** Test support: a real gateway on 127.0.0.1 over the seeded in-memory app, and a raw HTTP/1.1 client for it. */
export interface LoopbackGateway {
  app: TestApp
  base: string
  port: number
  webRoot: string
  /** Sign in as a seeded demo account through /dev/login; the session token to send as `Authorization: Bearer`. */
  login (userId: string): Promise<string>
  close (): Promise<void>
}

export interface LoopbackOptions {
  /** The dev login's switch (GatewayOptions.devLogin); default on, as on loopback. */
  devLogin?: boolean
  /** Where to listen (default 127.0.0.1): a test may bind the machine's network address instead. */
  host?: string
  /** Settings over the defaults (as openTestApp takes them). */
  settings?: Partial<Settings>
}

export async function startLoopbackGateway (opts: LoopbackOptions = {}): Promise<LoopbackGateway> {
  const webRoot = mkdtempSync(join(tmpdir(), 'web-'))
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>文明共建</title>')
  const app = await openTestApp({ settings: opts.settings })
  const server = createGateway({
    routers: app.routers, store: app.store, files: app.files, webRoot, devLogin: opts.devLogin ?? true, clock: app.clock,
    sessionIdleHours: async () => (await app.deps.settingsSource.current()).settings.sessionIdleHours
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((r) => server.listen(0, host, r))
  const port = (server.address() as AddressInfo).port
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    app,
    base,
    port,
    webRoot,
    login: async (userId) => {
      const res = await fetch(`${base}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }), headers: { 'content-type': 'application/json' } })
      const body = await res.json() as { ok: boolean; data?: { token: string }; error?: { message: string } }
      if (!body.ok || !body.data) throw new Error(`dev login as ${userId} refused: ${body.error?.message ?? res.status}`)
      return body.data.token
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await app.close()
    }
  }
}

export interface RawAnswer {
  status: number
  headers: Record<string, string>
  text: string
}

/**
 * Send these exact bytes and read one answer (framed by Content-Length, chunks, or the connection closing). Rejects
 * when the connection ends or is reset before a whole answer arrived — what a browser shows as a network error.
 */
export function rawRequest (port: number, head: string, body?: Buffer | string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let got = Buffer.alloc(0)
    let done = false
    const parse = (closed: boolean): RawAnswer | null => {
      const end = got.indexOf('\r\n\r\n')
      if (end < 0) return null
      const [statusLine, ...lines] = got.subarray(0, end).toString('latin1').split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const at = line.indexOf(':')
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
      }
      const answer = (bytes: Buffer) => ({ status: Number(statusLine.split(' ')[1]), headers, text: bytes.toString('utf8') })
      const rest = got.subarray(end + 4)
      if (headers['content-length'] !== undefined) {
        const length = Number(headers['content-length'])
        return rest.length >= length ? answer(rest.subarray(0, length)) : null
      }
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        const parts: Buffer[] = []
        let at = 0
        for (;;) {
          const eol = rest.indexOf('\r\n', at)
          if (eol < 0) return null
          const size = parseInt(rest.subarray(at, eol).toString('latin1'), 16)
          if (size === 0) return answer(Buffer.concat(parts))
          if (rest.length < eol + 2 + size + 2) return null
          parts.push(rest.subarray(eol + 2, eol + 2 + size))
          at = eol + 2 + size + 2
        }
      }
      return closed ? answer(rest) : null
    }
    const finish = (answer: RawAnswer) => {
      done = true
      resolve(answer)
      socket.destroy()
    }
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk])
      const answer = parse(false)
      if (answer) finish(answer)
    })
    socket.on('error', (e) => { if (!done) reject(e) })
    socket.on('end', () => {
      const answer = done ? null : parse(true)
      if (answer) finish(answer)
    })
    socket.on('close', () => { if (!done) reject(new Error(`connection closed without a whole answer; got ${JSON.stringify(got.toString('latin1').slice(0, 200))}`)) })
    // A server that answers early may reset the connection while this is still being written: that is the
    // failure the tests look for, reported through 'error'/'close' above once no answer arrived.
    socket.write(head)
    if (body !== undefined) socket.write(body)
  })
}
