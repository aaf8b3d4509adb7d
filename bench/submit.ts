import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ringCentroid } from '../core/routing'
import { buildGrids } from '../server/seed/grids'
import type { BenchResult } from './types'

const CLIENTS = 32
const USERS = 2_000
const PER_USER = 5 // under the 10-an-hour limit, so every submit does the full work

/** The gateway as `npm start` runs it, in its own process with a fresh SQLite file. */
async function startGateway (): Promise<{ port: number; stop: () => Promise<void>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'wenming-bench-'))
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(__dirname, '..', 'server/gateway/main.ts')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'], detached: true
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
    dir,
    stop: async () => {
      child.removeAllListeners('exit')
      const gone = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid!, 'SIGTERM')
      await gone
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function post (agent: Agent, port: number, fn: string, body: unknown, openid: string): Promise<{ ok: boolean; code?: string }> {
  const data = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/${fn}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, authorization: `Dev ${openid}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const r = JSON.parse(Buffer.concat(chunks).toString()) as { ok: boolean; error?: { code: string } }
        resolve({ ok: r.ok, code: r.error?.code })
      })
    })
    req.on('error', reject)
    req.end(data)
  })
}

/** reports.submit through the gateway over loopback: 32 concurrent clients, photo-less reports, SQLite store. */
export async function benchSubmit (): Promise<BenchResult[]> {
  const gw = await startGateway()
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  try {
    const points = buildGrids().map((g) => ringCentroid(g.polygon)!)
    const users = Array.from({ length: USERS }, (_, i) => `bench-${i}`)
    // Register the users first (a first call creates the citizen), so the timed part is only submits.
    for (let i = 0; i < users.length; i += CLIENTS) await Promise.all(users.slice(i, i + CLIENTS).map((u) => post(agent, gw.port, 'users', { action: 'me' }, u)))
    const jobs = users.flatMap((u, i) => Array.from({ length: PER_USER }, (_, k) => ({ u, n: i * PER_USER + k })))
    const warm = jobs.splice(0, 500)
    const run = async (list: typeof jobs, latencies: number[]) => {
      let next = 0
      let failures = 0
      await Promise.all(Array.from({ length: CLIENTS }, async () => {
        while (next < list.length) {
          const { u, n } = list[next++]
          const t0 = process.hrtime.bigint()
          const r = await post(agent, gw.port, 'reports', {
            action: 'submit', clientRequestId: `bench-req-${n}-xxxx`, categoryId: 'cat-E02-01', description: '灯箱上贴满小广告',
            location: points[n % points.length]
          }, u)
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6)
          if (!r.ok) failures++
        }
      }))
      return failures
    }
    await run(warm, [])
    const latencies: number[] = []
    const t0 = process.hrtime.bigint()
    const failures = await run(jobs, latencies)
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    latencies.sort((a, b) => a - b)
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d
    return [
      { name: 'reports.submit_per_s', value: round(jobs.length / seconds, 0), unit: 'req/s', note: `${jobs.length} submits from ${USERS} users by ${CLIENTS} concurrent keep-alive clients over loopback, gateway in its own process, SQLite (WAL) store; ${failures} failed; target ≥ 500/s` },
      { name: 'reports.submit_p99_ms', value: round(p(0.99), 1), unit: 'ms', note: `p50 ${round(p(0.5))} ms, p95 ${round(p(0.95))} ms, max ${round(latencies[latencies.length - 1])} ms; target ≤ 50 ms` }
    ]
  } finally {
    agent.destroy()
    await gw.stop()
  }
}
