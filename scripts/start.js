#!/usr/bin/env node
// `npm start`: build the H5 app when it is missing or older than its sources, then run the local gateway.
// One line per stage; the build's warnings are shown by content (or "none"); Ctrl+C or SIGTERM stops whatever runs
// (each child runs in its own process group and gets the signal, so nothing is left holding the port).
const { spawn } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join, resolve } = require('node:path')

const root = join(__dirname, '..')
// TARO_OUTPUT_ROOT builds elsewhere than dist/h5 (as config/index.ts does); the gateway then serves that folder.
const webRoot = process.env.TARO_OUTPUT_ROOT ? resolve(process.env.TARO_OUTPUT_ROOT) : join(root, 'dist', 'h5')
let current = null
let stopping = null

function stop (sig) {
  stopping = sig
  if (!current) process.exit(sig === 'SIGINT' ? 130 : 143)
  try { process.kill(-current.pid, sig) } catch { /* already gone */ }
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig))
// Whoever started us (npm, a terminal, a test) died without a word: stop too rather than hold the port.
const parent = process.ppid
setInterval(() => { if (process.ppid !== parent && !stopping) stop('SIGTERM') }, 1000).unref()

function run (args, onLine) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, FORCE_COLOR: '0', WEB_ROOT: process.env.WEB_ROOT ?? webRoot } })
    current = child
    const out = []
    for (const stream of [child.stdout, child.stderr]) {
      let rest = ''
      stream.on('data', (d) => {
        const lines = (rest + d.toString()).split(/\r?\n/)
        rest = lines.pop()
        for (const l of lines) { out.push(l); onLine?.(l) }
      })
      stream.on('end', () => { if (rest) { out.push(rest); onLine?.(rest) } })
    }
    child.on('exit', (code, signal) => { current = null; done({ code, signal, out }) })
  })
}

function newest (dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

// eslint-disable-next-line no-control-regex
const plain = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trimEnd()

/** webpack's "WARNING in …" blocks, each as its first line plus the names it lists. */
function warningsOf (lines) {
  const found = []
  let cur = null
  for (const raw of lines.map(plain)) {
    const m = /^WARNING in (.*)$/.exec(raw)
    if (m) { cur = [m[1]]; found.push(cur); continue }
    if (!cur) continue
    if (!raw.trim() || /^webpack \d/.test(raw)) { cur = null; continue }
    cur.push(raw.trim())
  }
  return found
}

async function build () {
  const index = join(webRoot, 'index.html')
  const sources = Math.max(...['src', 'core', 'config'].map((d) => newest(join(root, d))))
  if (existsSync(index) && sources <= statSync(index).mtimeMs) {
    console.log('① H5 页面：已是最新，跳过构建')
    return
  }
  console.log('① 正在构建 H5 页面（首次约 30 秒）…')
  const t0 = Date.now()
  const res = await run([require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'])
  if (stopping) process.exit(stopping === 'SIGINT' ? 130 : 143)
  const lines = res.out.map(plain).filter((l) => l && !/Webpack [█░▓ ]|^\s*(- |› |babel-loader|import loader|LoaderPlugin|s \d)/.test(l))
  if (res.code !== 0) {
    console.error('H5 构建失败，构建输出的最后部分：')
    for (const l of lines.slice(-40)) console.error(`  ${l}`)
    console.error('完整输出：npm run build:h5')
    process.exit(1)
  }
  const warnings = warningsOf(res.out)
  console.log(`   构建完成（${((Date.now() - t0) / 1000).toFixed(0)} 秒），警告：${warnings.length ? `${warnings.length} 条` : '无'}`)
  for (const [first, ...rest] of warnings) {
    const items = rest.filter((l) => !/^(This can impact web performance\.|Assets:|Entrypoints:)$/.test(l))
    console.log(`   · ${first}${items.length ? `\n     ${items.join('，')}` : ''}`)
  }
}

async function main () {
  await build()
  console.log('② 正在启动本地网关（首次会创建演示数据）…')
  const res = await run(['--import', 'tsx', join(root, 'server/gateway/main.ts')], (line) => {
    console.log(`   ${line}`)
    if (/已启动：http/.test(line)) console.log('   在浏览器打开上面的地址；按 Ctrl+C 停止（数据保留在数据目录里）。')
  })
  if (stopping) {
    console.log('已停止。')
    process.exit(0)
  }
  process.exit(res.code ?? 1)
}

void main()
