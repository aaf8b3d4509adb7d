import { get, Agent } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asEffects, recountAll } from '../core/indicators/recount'
import { aTicket } from '../core/testing/builders'
import { createSqliteStore } from '../server/adapters/sqlite'
import { buildDemoCity } from '../server/seed/demo'
import { quantile, round, startProcess } from './submit'
import type { BenchResult } from './types'

const RESULTS = 1_000
const CALLS = 200

/**
 * Open311 GET requests.json answering 1,000 service requests, over loopback to the gateway in its own process (SQLite
 * store): the city's grids and categories, and 1,000 tickets filed within one hour ten days ago — the window asked.
 */
export async function benchOpen311 (): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wenming-open311-'))
  const now = Date.now()
  const city = buildDemoCity(new Date(now).toISOString())
  const store = createSqliteStore({ file: join(dir, 'wenming.sqlite') })
  await store.putGrids(city.grids)
  await store.putCategories(city.categories)
  for (const u of city.users) await store.putUser(u)
  const from = now - 10 * 86_400_000
  const leaf = city.categories.filter((c) => c.level === 2)
  const tickets = Array.from({ length: RESULTS }, (_, i) => {
    const g = city.grids[i % city.grids.length]
    const c = leaf[i % leaf.length]
    return aTicket({
      id: `o311-${i}`, clientRequestId: `o311-${i}`, reporterId: city.users[0].id,
      gridId: g.id, categoryId: c.id, state: i % 3 === 0 ? 'fixed' : 'dispatched', createdAt: new Date(from + i * 3_000).toISOString()
    })
  })
  const codeOf = new Map(city.grids.map((g) => [g.id, g.code]))
  await store.importTickets(tickets, [], asEffects(recountAll({ surveys: new Map(), responses: [], tickets, signups: [], volunteers: [], gridCodeOf: (id) => codeOf.get(id ?? '') ?? null })))
  await store.close()

  const server = await startProcess(join(__dirname, '..', 'server/gateway/main.ts'), { PORT: '0', DATA_DIR: dir })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
  const path = `/open311/v2/requests.json?start_date=${encodeURIComponent(iso(from))}&end_date=${encodeURIComponent(iso(from + 3_600_000))}`
  const call = () => new Promise<{ status: number; count: number; bytes: number }>((resolve, reject) => {
    get({ host: '127.0.0.1', port: server.port, path, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        const parsed = JSON.parse(body.toString()) as unknown[]
        resolve({ status: res.statusCode ?? 0, count: Array.isArray(parsed) ? parsed.length : 0, bytes: body.length })
      })
    }).on('error', reject)
  })
  try {
    const first = await call()
    if (first.status !== 200 || first.count !== RESULTS) throw new Error(`Open311 bench: expected ${RESULTS} requests, got ${first.status} with ${first.count}`)
    const times: number[] = []
    for (let i = 0; i < CALLS; i++) {
      const t0 = process.hrtime.bigint()
      await call()
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
    times.sort((a, b) => a - b)
    return [{
      name: 'open311.requests_p99_ms', value: round(quantile(times, 0.99), 1), unit: 'ms',
      note: `GET requests.json answering ${RESULTS.toLocaleString('en')} service requests (${round(first.bytes / 1024, 0)} KB) over loopback, gateway in its own process, SQLite; ${CALLS} calls one at a time, median ${round(quantile(times, 0.5), 1)} ms`
    }]
  } finally {
    agent.destroy()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
