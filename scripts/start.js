#!/usr/bin/env node
// `npm start`: build the H5 app when it is missing or older than its sources, then run the local gateway.
const { spawnSync, spawn } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join } = require('node:path')

function newest (dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const index = join('dist', 'h5', 'index.html')
const stale = !existsSync(index) || Math.max(newest('src'), newest('core')) > statSync(index).mtimeMs
if (stale) {
  console.log('正在构建 H5 页面（首次约 30 秒）…')
  const res = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (res.status !== 0) {
    console.error('H5 构建失败：请查看上面的错误，或运行 npm run build:h5 查看完整输出。')
    process.exit(1)
  }
}
const child = spawn('npx', ['tsx', 'server/gateway/main.ts'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
