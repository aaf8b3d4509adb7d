import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ringCentroid } from '../core/routing'
import type { User } from '../core/types'
import { openLocalApp } from '../server/gateway/compose'
import { buildGrids } from '../server/seed/grids'
import type { BenchResult } from './types'

const CLIENTS = 32
const USERS = 2_000
const PER_USER = 5 // under the 10-an-hour limit, so every submit does the full work

interface Server { port: number; stop: () => Promise<void> }

/**
 * The gateway as `npm start` runs it, in its own process with a fresh SQLite file. The bench's many callers are
 * made beforehand as demo accounts (`dev-bench-…`, citizens) through the store in that data folder, so each can sign
 * in by the dev login like the seeded ones — the gateway itself has no switch for benchmarks.
 */
export async function startGateway (opts: { citizens?: readonly string[] } = {}): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'wenming-bench-'))
  if (opts.citizens?.length) {
    const app = await openLocalApp({ dataDir: dir })
    const createdAt = app.deps.clock.now()
    for (const name of opts.citizens) {
      const user: User = { id: benchUserId(name), openid: `dev-${name}`, nickname: '压测用户', roles: ['citizen'], gridIds: [], createdAt }
      await app.store.putUser(user)
    }
    await app.close()
  }
  const server = await startProcess(join(__dirname, '..', 'server/gateway/main.ts'), { PORT: '0', DATA_DIR: dir })
  return { port: server.port, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }) } }
}

/** The user id of a bench caller made by startGateway({ citizens }): `bench-7` is u-bench-7, openid dev-bench-7. */
export const benchUserId = (name: string) => `u-${name}`

/** Sign each in by the dev login (`u-admin`, or a bench caller's id), some at a time: their session tokens, by id. */
export async function signIn (agent: Agent, port: number, userIds: readonly string[], atOnce = 32): Promise<Map<string, string>> {
  const tokens = new Map<string, string>()
  for (let i = 0; i < userIds.length; i += atOnce) {
    await Promise.all(userIds.slice(i, i + atOnce).map(async (id) => {
      const r = await send(agent, port, '/dev/login', { userId: id })
      if (!r.ok) throw new Error(`dev login as ${id} failed: ${r.code}`)
      tokens.set(id, (r.data as { token: string }).token)
    }))
  }
  return tokens
}

/** A TypeScript server script in its own process; resolves with the port it prints. */
export async function startProcess (script: string, env: Record<string, string>): Promise<Server> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.on('exit', (code) => reject(new Error(`gateway exited ${code}`)))
  })
  return {
    port,
    stop: async () => {
      child.removeAllListeners('exit')
      const gone = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid!, 'SIGTERM')
      await gone
    }
  }
}

/** One API call with a session token from signIn. */
export function post (agent: Agent, port: number, fn: string, body: unknown, token: string): Promise<{ ok: boolean; code?: string; data?: any }> {
  return send(agent, port, `/api/${fn}`, body, token)
}

function send (agent: Agent, port: number, path: string, body: unknown, token?: string): Promise<{ ok: boolean; code?: string; data?: any }> {
  const data = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const r = JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean; data?: unknown; error?: { code: string } }
        resolve({ ok: r.ok, code: r.error?.code, data: r.data })
      })
    })
    req.on('error', reject)
    req.end(data)
  })
}

/** `u`: the caller's session token (any name for the bare ceiling server, which reads no header). */
interface Job { u: string; n: number }
const submitBody = (points: Array<{ lng: number; lat: number }>, n: number) => ({
  action: 'submit', clientRequestId: `bench-req-${n}-xxxx`, categoryId: 'cat-E02-01', description: '灯箱上贴满小广告', location: points[n % points.length]
})

/** Every job once, CLIENTS at a time over keep-alive connections; latencies in ms and the failures. */
async function burst (agent: Agent, port: number, list: readonly Job[], body: (n: number) => unknown): Promise<{ latencies: number[]; failures: number; seconds: number }> {
  let next = 0
  let failures = 0
  const latencies: number[] = []
  const t0 = process.hrtime.bigint()
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (next < list.length) {
      const { u, n } = list[next++]
      const t = process.hrtime.bigint()
      const r = await post(agent, port, 'reports', body(n), u)
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
      if (!r.ok) failures++
    }
  }))
  return { latencies: latencies.sort((a, b) => a - b), failures, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }
}

export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

/**
 * reports.submit through the gateway over loopback: 32 concurrent clients, photo-less reports, SQLite store; and, in
 * the same run with the same client, the bare-HTTP ceiling of this machine, so the figure reads as a share of it.
 */
export async function benchSubmit (): Promise<BenchResult[]> {
  const points = buildGrids().map((g) => ringCentroid(g.polygon)!)
  const users = Array.from({ length: USERS }, (_, i) => `bench-${i}`)
  const jobs: Job[] = users.flatMap((u, i) => Array.from({ length: PER_USER }, (_, k) => ({ u, n: i * PER_USER + k })))
  const warm = jobs.splice(0, 500)

  const ceiling = await startProcess(join(__dirname, 'ceiling-server.ts'), {})
  const bare = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  let top: Awaited<ReturnType<typeof burst>>
  try {
    await burst(bare, ceiling.port, warm, (n) => submitBody(points, n))
    top = await burst(bare, ceiling.port, jobs, (n) => submitBody(points, n))
  } finally {
    bare.destroy()
    await ceiling.stop()
  }

  const gw = await startGateway({ citizens: users })
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  try {
    // Sign everyone in first, so the timed part is only submits.
    const tokens = await signIn(agent, gw.port, users.map(benchUserId), CLIENTS)
    const asToken = (list: readonly Job[]) => list.map((j) => ({ ...j, u: tokens.get(benchUserId(j.u))! }))
    await burst(agent, gw.port, asToken(warm), (n) => submitBody(points, n))
    const r = await burst(agent, gw.port, asToken(jobs), (n) => submitBody(points, n))
    const perS = jobs.length / r.seconds
    const ceilingPerS = jobs.length / top.seconds
    const p = (q: number) => quantile(r.latencies, q)
    return [
      { name: 'http.ceiling_per_s', value: round(ceilingPerS, 0), unit: 'req/s', note: `bare Node HTTP server in its own process (read JSON body, answer JSON), same ${CLIENTS} keep-alive clients and ${jobs.length} requests, same run; p99 ${round(quantile(top.latencies, 0.99))} ms` },
      { name: 'reports.submit_per_s', value: round(perS, 0), unit: 'req/s', note: `${jobs.length} submits from ${USERS} users by ${CLIENTS} concurrent keep-alive clients over loopback, gateway in its own process, SQLite (WAL) store; ${r.failures} failed; target ≥ 500/s` },
      { name: 'reports.submit_share_of_ceiling', value: round(perS / ceilingPerS, 3), unit: 'ratio', note: `reports.submit_per_s ÷ http.ceiling_per_s in the same run; target ≥ 0.25` },
      { name: 'reports.submit_p99_ms', value: round(p(0.99), 1), unit: 'ms', note: `p50 ${round(p(0.5))} ms, p95 ${round(p(0.95))} ms, max ${round(r.latencies[r.latencies.length - 1])} ms; target ≤ 40 ms` }
    ]
  } finally {
    agent.destroy()
    await gw.stop()
  }
}
