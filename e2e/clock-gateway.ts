import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openLocalApp } from '../server/gateway/compose'
import { createGateway } from '../server/gateway/http'
import type { Clock } from '../server/ports/clock'

/**
 * The gateway as `npm start` composes it, with one difference for end-to-end tests of things that take hours
 * (a volunteer's check-in, check-out and the hours between): the clock port reads an offset in milliseconds from
 * E2E_CLOCK_FILE, which the test moves forward together with the browser's clock. Everything else is the real
 * product: SQLite store, handlers, H5 build.
 */
const file = process.env.E2E_CLOCK_FILE
if (!file) throw new Error('E2E_CLOCK_FILE is required')
const clock: Clock = { now: () => new Date(Date.now() + Number(readFileSync(file, 'utf8') || 0)).toISOString() }

async function main (): Promise<void> {
  const app = await openLocalApp({ dataDir: resolve(process.env.DATA_DIR ?? '.data-e2e'), clock })
  // Bound to loopback below, so the dev login is on, as for npm start. Sessions keep real time (the system clock):
  // the test jumps a day in seconds, and someone who used the app a moment ago has not been idle for that day.
  const server = createGateway({ routers: app.routers, store: app.store, files: app.files, webRoot: resolve(process.env.WEB_ROOT ?? 'dist/h5'), devLogin: true,
    sessionIdleHours: async () => (await app.deps.settingsSource.current()).settings.sessionIdleHours
  })
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address()
    const port = typeof addr === 'object' && addr ? addr.port : 0
    app.deps.publicBaseUrl = `http://127.0.0.1:${port}`
    console.log(`文明共建 已启动：http://127.0.0.1:${port}/`)
  })
  process.on('SIGTERM', () => { server.close(); void app.close().finally(() => process.exit(0)) })
}

void main()
