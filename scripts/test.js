#!/usr/bin/env node
// `npm test`: typecheck → layer check → jest → weapp build → h5 build → end-to-end in Chromium.
// Stops at the first failing step. Ends with one plain line "tests: N passed, N failed" over jest + e2e tests.
const { spawnSync } = require('node:child_process')
const { existsSync, readFileSync, mkdtempSync, readdirSync } = require('node:fs')
const { join } = require('node:path')
const os = require('node:os')

const { findChromium } = require('./chromium')

const npx = (args, extraEnv = {}) => spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } })
let passed = 0
let failed = 0

function step (name, run) {
  const t0 = Date.now()
  console.log(`\n━━ ${name} ━━`)
  const res = run()
  const ok = res.status === 0
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  if (!ok) {
    console.log(`\ntests: ${passed} passed, ${Math.max(failed, 1)} failed`)
    process.exit(res.status || 1)
  }
}

step('typecheck', () => npx(['tsc', '--noEmit', '-p', 'tsconfig.json']))
step('layer check', () => npx(['depcruise', 'core', 'server', 'src', 'cloudfunctions', 'scripts', '--config', '.dependency-cruiser.js']))

const jestOut = join(mkdtempSync(join(os.tmpdir(), 'jest-')), 'results.json')
step('jest (core, server, pages)', () => {
  const res = npx(['jest', '--ci', '--json', `--outputFile=${jestOut}`])
  if (existsSync(jestOut)) {
    const r = JSON.parse(readFileSync(jestOut, 'utf8'))
    passed += r.numPassedTests
    failed += r.numFailedTests
  }
  return res
})

step('build weapp (production)', () => npx(['taro', 'build', '--type', 'weapp']))
step('build h5', () => npx(['taro', 'build', '--type', 'h5']))

const chromium = findChromium()
if (!chromium) {
  console.log('\n' + '!'.repeat(78))
  console.log('!! END-TO-END TESTS DID NOT RUN: no Chromium found (install the Debian package `chromium`,')
  console.log('!! or set CHROMIUM_PATH). .ci/run installs it, so CI always runs them.')
  console.log('!'.repeat(78))
} else {
  step('end-to-end (H5 in headless Chromium)', () => {
    const files = readdirSync('e2e').filter((f) => f.endsWith('.e2e.ts')).map((f) => join('e2e', f))
    const res = spawnSync('npx', ['tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      stdio: ['inherit', 'pipe', 'inherit'], env: { ...process.env, CHROMIUM_PATH: chromium }
    })
    const out = res.stdout.toString()
    process.stdout.write(out)
    passed += Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0)
    failed += Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0)
    return res
  })
}

console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
