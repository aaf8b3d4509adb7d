import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { identityFromSystem } from './timer'
import { createGateway } from './http'
import { devLoginMode } from './identity'
import { openLocalApp } from './compose'
import { open311 } from '../open311/handler'

/**
 * `npm start`: one process on 127.0.0.1 serving the H5 app, the API, photos and the dev login. Bound to any other
 * address (HOST=0.0.0.0), the dev login is off unless WENMING_DEV_LOGIN=1: the scan sign-in is the way in.
 */
async function main (): Promise<void> {
  const port = Number(process.env.PORT ?? 8787)
  const host = process.env.HOST ?? '127.0.0.1'
  const dataDir = resolve(process.env.DATA_DIR ?? '.data')
  const webRoot = resolve(process.env.WEB_ROOT ?? 'dist/h5')
  if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`PORT=${process.env.PORT} 不是有效端口号：请设置 0–65535 之间的数字，例如 PORT=8787 npm start。`)

  let app: Awaited<ReturnType<typeof openLocalApp>>
  try {
    app = await openLocalApp({ dataDir })
  } catch (e) {
    const err = e as Error & { code?: string }
    fatal(err.code === 'STORE_DAMAGED' ? err.message : `无法打开数据目录 ${dataDir}：${err.message}`)
  }
  if (!existsSync(resolve(webRoot, 'index.html'))) console.warn(`注意：${webRoot} 里还没有 H5 构建，请先运行 npm run build:h5。`)

  const deps = app.deps
  const devLogin = devLoginMode(host, process.env)
  const server = createGateway({
    routers: app.routers, store: app.store, files: app.files, webRoot, open311: (r) => open311(r, deps), devLogin: devLogin !== 'off', clock: deps.clock,
    sessionIdleHours: async () => (await deps.settingsSource.current()).settings.sessionIdleHours
  })
  server.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') fatal(`端口 ${port} 已被占用：请关闭占用它的程序，或换一个端口，例如 PORT=${port + 1} npm start。`)
    if (e.code === 'EACCES') fatal(`没有权限使用端口 ${port}：请换一个 1024 以上的端口，例如 PORT=8787 npm start。`)
    fatal(`网关启动失败：${e.message}`)
  })
  server.listen(port, host, () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    // Certificates printed from here point their QR code at this gateway, unless told the public address.
    if (!process.env.WENMING_PUBLIC_URL) app.deps.publicBaseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`
    console.log(`${app.seeded ? '已创建演示数据（长沙市雨花区）。' : '使用已有数据。'}数据目录：${dataDir}`)
    const shown = host.includes(':') ? `[${host}]` : host
    console.log(`文明共建 已启动：http://${shown}:${actual}/${devLogin === 'off' ? '（演示登录已关闭：网关不在本机地址上，请用小程序「我的 → 扫码登录电脑版」登录）' : ''}`)
    if (devLogin === 'forced') {
      console.warn([
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        `警告：演示登录已在 ${shown} 上开启（WENMING_DEV_LOGIN=1）。`,
        '能访问这个地址的任何人都能以任一演示账号（包括文明办管理员）登录并操作数据。',
        '只在自己可信的网络里这样做；用完请去掉 WENMING_DEV_LOGIN=1 再启动，或改回 HOST=127.0.0.1。',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        ''
      ].join('\n'))
    }
  })

  // The local stand-in for the cloud timer trigger: every 5 minutes, as the deployed config.json schedules it.
  const sweep = () => { void app.routers.timer({ action: 'sweep' }, identityFromSystem()).catch(() => undefined) }
  const timer = setInterval(sweep, 5 * 60_000)
  sweep()

  const stop = () => {
    clearInterval(timer)
    server.close()
    void app.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function fatal (sentence: string): never {
  console.error(sentence)
  process.exit(1)
}

void main()
