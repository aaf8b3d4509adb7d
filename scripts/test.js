#!/usr/bin/env node
// `npm test`: typecheck → layer check → jest → weapp build → WeChat's compiler and code-quality check (and each page
// run from the compiled weapp in Node) → h5 build → end-to-end in Chromium.
// Stops at the first failing step. Ends with one plain line "tests: N passed, N failed" over jest, weapp check and e2e.
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
  console.log(`━━ ${name}: ${ok ? (res.notRun ? 'DID NOT RUN' : 'ok') : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
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

// miniprogram-ci is installed on first use into a cache folder (scripts/miniprogram-ci.ts). When it cannot be
// (no registry), say so loudly instead of passing; CI sets WEAPP_CHECK_REQUIRED, so there it fails instead.
const weappJson = join(mkdtempSync(join(os.tmpdir(), 'weapp-check-')), 'results.json')
step('weapp: WeChat compiler, code quality, pages run in Node', () => {
  const dir = process.env.WEAPP_DIR || process.env.TARO_OUTPUT_ROOT || join('dist', 'weapp')
  const res = npx(['tsx', 'scripts/weapp-check.ts', dir, '--json', weappJson])
  const r = existsSync(weappJson) ? JSON.parse(readFileSync(weappJson, 'utf8')) : null
  if (r && !r.ran) {
    console.log('\n' + '!'.repeat(78))
    console.log('!! WEAPP CHECK DID NOT RUN: miniprogram-ci (WeChat\'s compiler) could not be installed or loaded:')
    for (const line of String(r.reason).split('\n').slice(0, 6)) console.log(`!!   ${line}`)
    console.log('!! The weapp build was NOT checked. .ci/run installs it first, so CI always runs it.')
    console.log('!'.repeat(78))
    return { status: process.env.WEAPP_CHECK_REQUIRED ? 1 : 0, notRun: true }
  }
  if (r) {
    passed += r.passed
    failed += r.failed
  }
  return res
})

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
