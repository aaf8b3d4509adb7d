/**
 * The production weapp build through WeChat's own tools, offline: the compiler DevTools' upload uses (miniprogram-ci
 * getCompiledResult: throws on what WeChat would refuse) and DevTools' 代码质量 check (checkCodeQuality), then each
 * page's first screen run from the compiled files in Node (scripts/testing/weapp-pages.ts).
 *
 *   tsx scripts/weapp-check.ts [weapp build folder] [--json results.json] [--out compiled folder] [--no-pages]
 *   tsx scripts/weapp-check.ts --install        only make sure miniprogram-ci is in its cache folder
 *
 * The folder defaults to $WEAPP_DIR, else dist/weapp. One line per test; exit 1 on any red item or compile error,
 * 3 when the check could not run at all (miniprogram-ci not installable), with the reason in the JSON.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import vm from 'node:vm'
import { CheckUnavailable, ensureMiniprogramCi, loadMiniprogramCi, miniprogramCiDir, offlineProject, type QualityItem } from './miniprogram-ci'
import { compiledSizes, judgeQuality, packageSizes, type PackageSize, type Verdict } from './weapp-quality'

export interface WeappCheckResult {
  ran: boolean
  reason?: string
  passed: number
  failed: number
  installSeconds?: number
  compileSeconds?: number
  compiledFiles?: number
  /** PACKAGE_SIZE_LIMIT's detail: bytes per package as the check counts them (the build's files). */
  checkSizes?: PackageSize[]
  /** The compiled files an upload would send, per package. */
  compiledSizes?: PackageSize[]
  items?: QualityItem[]
  pages?: { passed: number; failed: number; ran: boolean }
}

const root = join(__dirname, '..')
const log = (line: string) => { process.stdout.write(`${line}\n`) }

interface Args { dir: string; json?: string; out?: string; pages: boolean; installOnly: boolean }

function parseArgs (argv: string[]): Args {
  const args: Args = { dir: process.env.WEAPP_DIR || join(root, 'dist', 'weapp'), pages: true, installOnly: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') args.json = argv[++i]
    else if (a === '--out') args.out = argv[++i]
    else if (a === '--no-pages') args.pages = false
    else if (a === '--install') args.installOnly = true
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`)
    else args.dir = a
  }
  return { ...args, dir: resolve(args.dir) }
}

/** Runs `fn` with the package's console chatter kept aside; returns it with fn's result (or error). */
async function quietly<T> (fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; output: string[]; errors: unknown[][] }> {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug }
  const output: string[] = []
  const errors: unknown[][] = []
  const keep = (...a: unknown[]) => { output.push(a.map((x) => x instanceof Error ? x.message : String(x)).join(' ')) }
  Object.assign(console, { log: keep, info: keep, warn: keep, debug: keep, error: (...a: unknown[]) => { errors.push(a); keep(...a) } })
  try {
    return { value: await fn(), output, errors }
  } catch (error) {
    return { error, output, errors }
  } finally {
    Object.assign(console, saved)
  }
}

/** The compiler's message with its code and file, without the code frames (they quote whole minified lines). */
function describeError (e: unknown): string {
  const { message, code, path } = (e instanceof Error ? e : new Error(String(e))) as Error & { code?: unknown; path?: unknown }
  const lines = message.trim().split('\n').filter((l) => l.trim() && !/^\s*>?\s*\d*\s*\|/.test(l)).slice(0, 6).map((l) => l.length > 160 ? `${l.slice(0, 160)}…` : l)
  return `${lines.join('\n    ')}${code !== undefined ? ` (code ${String(code)}${path ? `, ${String(path)}` : ''})` : ''}`
}

function walk (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])
}

/** The compiler names the file of a JSON or WXML error but not of a JS syntax error: find those ourselves. */
function jsSyntaxErrors (dir: string): string[] {
  return walk(dir).filter((f) => f.endsWith('.js')).flatMap((f) => {
    try {
      new vm.Script(readFileSync(f, 'utf8'), { filename: relative(dir, f) })
      return []
    } catch (e) {
      return [`${relative(dir, f)}: ${(e as Error).message.split('\n')[0].slice(0, 160)}`]
    }
  })
}

/**
 * The build must carry the repo's project.config.json (Taro copies it, with miniprogramRoot './'): the compiler and
 * the compression items read their settings from there, so a build older than a settings change would mislead.
 */
function buildProblem (dir: string): string | null {
  if (!existsSync(join(dir, 'app.json'))) return `no weapp build at ${dir} (run: npx taro build --type weapp)`
  const built = join(dir, 'project.config.json')
  if (!existsSync(built)) return `${built} is missing: not a Taro weapp build`
  const want = (JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { setting?: unknown }).setting
  const have = (JSON.parse(readFileSync(built, 'utf8')) as { setting?: unknown }).setting
  if (JSON.stringify(want) !== JSON.stringify(have)) return `${built} has other settings than project.config.json: the build is older than a settings change, rebuild it`
  return null
}

function writeFiles (dir: string, files: Record<string, string | Buffer>): void {
  rmSync(dir, { recursive: true, force: true })
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), body)
  }
}

async function check (args: Args): Promise<WeappCheckResult> {
  const ciDir = miniprogramCiDir()
  let installSeconds: number
  try {
    installSeconds = ensureMiniprogramCi(ciDir, log)
  } catch (e) {
    if (e instanceof CheckUnavailable) return { ran: false, reason: e.message, passed: 0, failed: 0 }
    throw e
  }
  if (args.installOnly) {
    log(`miniprogram-ci ready in ${ciDir}${installSeconds ? '' : ' (already installed)'}`)
    return { ran: true, passed: 0, failed: 0, installSeconds }
  }

  const verdicts: Verdict[] = []
  const problem = buildProblem(args.dir)
  if (problem) {
    log(`✗ build: ${problem}`)
    return { ran: true, passed: 0, failed: 1, installSeconds }
  }

  const loaded = await quietly(async () => loadMiniprogramCi(ciDir))
  if (!loaded.value) return { ran: false, reason: `miniprogram-ci in ${ciDir} does not load: ${describeError(loaded.error)}`, passed: 0, failed: 0 }
  const ci = loaded.value
  ci.locales.setLocale('zh')
  const project = offlineProject(ci, args.dir)

  // The upload's compile with the project's own settings (es6/enhance, minified, minifyWXML, minifyWXSS …). Offline it
  // logs "get white ext list fail" (the list of extra file types an account may upload) and uses the built-in list.
  const t0 = Date.now()
  const compiled = await quietly(() => ci.getCompiledResult({ project, setting: { useProjectConfig: true } }))
  const compileSeconds = Math.round((Date.now() - t0) / 100) / 10
  const files = compiled.value
  if (!files) {
    verdicts.push({ name: 'compile', ok: false, line: `✗ compile (WeChat's compiler, as an upload): ${describeError(compiled.error)}` })
    for (const s of jsSyntaxErrors(args.dir)) verdicts.push({ name: 'compile', ok: false, line: `  ✗ ${s}` })
    if (process.env.WEAPP_CHECK_VERBOSE) compiled.output.forEach((l) => log(`  | ${l}`))
  } else {
    verdicts.push({ name: 'compile', ok: true, line: `✓ compile (WeChat's compiler, as an upload): ${Object.keys(files).length} files in ${compileSeconds} s` })
  }

  const quality = await quietly(() => ci.checkCodeQuality(project))
  const items = quality.value ?? []
  if (quality.error) verdicts.push({ name: 'checkCodeQuality', ok: false, line: `✗ checkCodeQuality: ${describeError(quality.error)}` })
  const crashed = quality.errors.filter((a) => a.some((x) => x instanceof Error)).map((a) => a.map((x) => x instanceof Error ? x.message : String(x)).join(' '))
  verdicts.push(...judgeQuality(items, crashed))
  for (const v of verdicts) log(v.line)

  const appJson = JSON.parse(readFileSync(join(args.dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root)
  const result: WeappCheckResult = {
    ran: true,
    passed: verdicts.filter((v) => v.ok).length,
    failed: verdicts.filter((v) => !v.ok).length,
    installSeconds,
    compileSeconds,
    compiledFiles: files ? Object.keys(files).length : 0,
    checkSizes: packageSizes(items),
    compiledSizes: files ? compiledSizes(files, subRoots) : undefined,
    items
  }
  if (files) {
    const out = args.out ? resolve(args.out) : `${args.dir}-compiled`
    writeFiles(out, files)
    log(`  compiled files written to ${out}`)
    if (args.pages) result.pages = runPages(out)
    if (result.pages) {
      result.passed += result.pages.passed
      result.failed += result.pages.ran ? result.pages.failed : 1
    }
  }
  return result
}

/** The pages run in a process of their own: miniprogram-ci leaves file watchers and workers behind in this one. */
function runPages (compiledDir: string): WeappCheckResult['pages'] {
  const json = join(mkdtempSync(join(tmpdir(), 'weapp-pages-')), 'pages.json')
  const res = spawnSync('npx', ['tsx', join(__dirname, 'testing', 'weapp-pages.ts'), compiledDir, '--json', json], { stdio: 'inherit', cwd: root })
  if (!existsSync(json) || !statSync(json).size) {
    log(`✗ pages in Node: the runner ended (status ${res.status ?? res.signal}) without results`)
    return { passed: 0, failed: 1, ran: false }
  }
  return { ...(JSON.parse(readFileSync(json, 'utf8')) as { passed: number; failed: number }), ran: true }
}

async function main (): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const result = await check(args)
  if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n')
  if (!result.ran) {
    log(`weapp check DID NOT RUN: ${result.reason}`)
    process.exit(3)
  }
  if (!args.installOnly) log(`weapp check: ${result.passed} passed, ${result.failed} failed`)
  // miniprogram-ci keeps a file watcher open: end the process rather than wait for it.
  process.exit(result.failed ? 1 : 0)
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
