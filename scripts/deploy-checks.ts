import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { ALL_COLLECTIONS } from '../server/adapters/cloudbase/collections'
import { CUSTOM_LOGIN_KEY_ENV } from '../server/cloud/custom-login'
import { CLOUD_FUNCTIONS, HTTP_FUNCTIONS, buildFunctions, functionDependencies } from './build-functions'
import { checkH5Build, type CheckedH5 } from './deploy-h5'

/**
 * Everything `npm run deploy` can check without credentials or network (`npm run deploy:check` runs only these):
 * the bundles, each function's configuration, the open-API permissions against the calls the code makes, and the
 * database's security rules and indexes against the collections the code uses. Each problem has a stable code
 * (for tests and searching) and a Chinese sentence that says what to change and where.
 */

export interface Problem { code: string; subject: string; message: string }
export interface CheckLine { section: string; subject: string; ok: boolean; text: string }
export interface CheckReport { lines: CheckLine[]; problems: Problem[] }

export interface DeployPaths {
  /** The repository: its package.json and node_modules. */
  root: string
  /** cloudfunctions/: one folder per function (index.ts, package.json, config.json). */
  functionsDir: string
  /** config/cloudbase/: cloudbaserc.json, database.rules.json, indexes.json, storage.rules.json. */
  configDir: string
}

export const defaultPaths = (root = join(__dirname, '..')): DeployPaths => ({
  root, functionsDir: join(root, 'cloudfunctions'), configDir: join(root, 'config', 'cloudbase')
})

// ── the shapes of the configuration files ────────────────────────────────────────────────────────────────────────

export interface Trigger { name: string; type: string; config: string }
/** One function in cloudbaserc.json, as the CloudBase CLI reads it (`path`: its HTTP access path). */
export interface RcFunction {
  name: string
  timeout?: number
  runtime?: string
  memorySize?: number
  installDependency?: boolean
  handler?: string
  triggers?: Trigger[]
  path?: string
  envVariables?: Record<string, string>
}
export interface Rc { version?: string; envId?: string; functionRoot?: string; functions?: RcFunction[] }
/** A function's own config.json (WeChat's format): timeout, timer triggers, cloud-call permissions. */
export interface FunctionConfig { timeout?: number; triggers?: Trigger[]; permissions?: { openapi?: string[] } }
export interface IndexKey { field: string; direction: number }
export interface IndexDef { name: string; keys: IndexKey[] }
export interface IndexFile { collections: Array<{ name: string; indexes: IndexDef[] }> }
export interface Rule { read: unknown; write: unknown }
export interface RulesFile { collections: Record<string, Rule> }
export interface StorageRule { acl: string }

// ── facts about CloudBase the checks rely on ──────────────────────────────────────────────────────────────────────

/** Node.js runtimes CloudBase functions offer (the CLI's list, @cloudbase/cli 2.12). */
export const RUNTIMES = ['Nodejs10.15', 'Nodejs12.16', 'Nodejs14.18', 'Nodejs16.13', 'Nodejs18.15', 'Nodejs20.19', 'Nodejs22.21', 'Nodejs24.11']
export const MEMORY_SIZES = [128, 256, 512, 1024, 2048]
/** Timeout range of an event function, seconds (CloudBase CLI docs: 1–60). */
export const MAX_TIMEOUT = 60
/** CloudBase allows at most 20 indexes per collection. */
export const MAX_INDEXES = 20
export const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/
/**
 * Collections a client could be allowed to read because nothing in them is personal. Clients read none today (every
 * read goes through a function); a rule that lets them read anything else fails the check.
 */
export const NON_PERSONAL = ['categories']
export const STORAGE_ACLS = ['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY']

/** The namespaces of WeChat's cloud-call open APIs (`cloud.openapi.<namespace>.<method>`). */
const OPENAPI_NAMESPACES = [
  'analysis', 'auth', 'cloudbase', 'customerServiceMessage', 'img', 'immediateDelivery', 'logistics', 'nearbyPoi', 'ocr',
  'operation', 'phonenumber', 'plugin', 'redpacketcover', 'search', 'security', 'serviceMarket', 'soter',
  'subscribeMessage', 'templateMessage', 'uniformMessage', 'updatableMessage', 'urllink', 'urlscheme', 'wxacode'
]
const OPENAPI_NAME = new RegExp(`["'\`]((?:${OPENAPI_NAMESPACES.join('|')})\\.[A-Za-z]+)["'\`]`, 'g')

/** The open-API names a bundle carries: the `'<namespace>.<method>'` literals handed to callOpenApi. */
export const openApiNamesIn = (code: string): string[] => [...new Set([...code.matchAll(OPENAPI_NAME)].map((m) => m[1]))].sort()

// ── cron (CloudBase timer triggers: seven fields) ────────────────────────────────────────────────────────────────

const CRON_FIELDS: Array<{ label: string; min: number; max: number; names?: string[] }> = [
  { label: '秒', min: 0, max: 59 },
  { label: '分', min: 0, max: 59 },
  { label: '时', min: 0, max: 23 },
  { label: '日', min: 1, max: 31 },
  { label: '月', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { label: '星期', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { label: '年', min: 1970, max: 2099 }
]

/**
 * What is wrong with a timer trigger's cron expression, or null. CloudBase's has seven fields — second minute hour
 * day month weekday year — each `*`, a number, a range `a-b`, a step `*∕n` or `a-b∕n`, or a comma list of those.
 */
export function cronProblem (expr: string): string | null {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7) return `应有 7 段（秒 分 时 日 月 星期 年），这里有 ${fields.length} 段`
  for (let i = 0; i < 7; i++) {
    const f = CRON_FIELDS[i]
    const value = (v: string): number | null => {
      const named = f.names?.indexOf(v.toUpperCase()) ?? -1
      if (named >= 0) return f.min + named
      return /^\d+$/.test(v) ? Number(v) : null
    }
    for (const part of fields[i].split(',')) {
      const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part)
      if (!m) return `第 ${i + 1} 段（${f.label}）「${fields[i]}」写法不对`
      if (m[2] !== undefined && Number(m[2]) < 1) return `第 ${i + 1} 段（${f.label}）的步长必须大于 0`
      if (m[1] === '*') continue
      const [a, b] = m[1].split('-').map(value)
      if (a === null || b === null || a < f.min || a > f.max || (b !== undefined && (b < f.min || b > f.max || b < a))) {
        return `第 ${i + 1} 段（${f.label}）「${part}」超出范围 ${f.min}–${f.max}`
      }
    }
  }
  return null
}

// ── semver, as much as engines fields use ────────────────────────────────────────────────────────────────────────

const parts = (v: string): number[] => v.split('.').map((x) => Number(x) || 0).concat([0, 0, 0]).slice(0, 3)
const compare = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** Whether a version meets an engines range: `||` alternatives of space-separated `^x.y.z`, `~`, `>=`, `>`, `<=`, `<`, `=`, `x.y.z`. */
export function satisfies (version: string, range: string): boolean {
  const v = parts(version)
  return range.split('||').some((alt) => alt.trim().split(/\s+/).filter(Boolean).every((c) => {
    const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+(?:\.\d+){0,2})/.exec(c)
    if (!m) return false
    const w = parts(m[2])
    switch (m[1]) {
      case '^': return compare(v, w) >= 0 && (w[0] > 0 ? v[0] === w[0] : v[1] === w[1])
      case '~': return compare(v, w) >= 0 && v[0] === w[0] && v[1] === w[1]
      case '>=': return compare(v, w) >= 0
      case '>': return compare(v, w) > 0
      case '<=': return compare(v, w) <= 0
      case '<': return compare(v, w) < 0
      default: return compare(v, w) === 0
    }
  }))
}

/** `Nodejs20.19` → `20.19.0`. */
export const runtimeVersion = (runtime: string): string | null => /^Nodejs(\d+\.\d+)$/.exec(runtime)?.[1].concat('.0') ?? null

// ── the checks ───────────────────────────────────────────────────────────────────────────────────────────────────

export class Collector {
  readonly report: CheckReport = { lines: [], problems: [] }
  ok (section: string, subject: string, text: string): void {
    this.report.lines.push({ section, subject, ok: true, text })
  }

  fail (section: string, subject: string, code: string, message: string): void {
    this.report.lines.push({ section, subject, ok: false, text: message })
    this.report.problems.push({ code, subject, message })
  }
}

function readJson<T> (file: string, c: Collector, section: string, subject: string): T | null {
  if (!existsSync(file)) {
    c.fail(section, subject, 'FILE_MISSING', `找不到 ${file}`)
    return null
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (e) {
    c.fail(section, subject, 'FILE_INVALID', `${file} 不是有效的 JSON：${(e as Error).message}`)
    return null
  }
}

const sameTriggers = (a: Trigger[] = [], b: Trigger[] = []): boolean =>
  JSON.stringify(a.map((t) => [t.name, t.type, t.config])) === JSON.stringify(b.map((t) => [t.name, t.type, t.config]))

/** Each function's cloudbaserc.json entry and config.json: names, runtime, timeout, memory, triggers, HTTP path, dependencies. */
export function checkFunctions (paths: DeployPaths, c: Collector, names: readonly string[] = CLOUD_FUNCTIONS): Rc | null {
  const S = '云函数配置'
  const rc = readJson<Rc>(join(paths.configDir, 'cloudbaserc.json'), c, S, 'cloudbaserc.json')
  if (!rc) return null
  if (rc.envId !== '{{env.ENV_ID}}') c.fail(S, 'cloudbaserc.json', 'ENV_ID_HARDCODED', 'cloudbaserc.json 的 envId 应保持为 {{env.ENV_ID}}：环境 ID 写在 .env.cloudbase 里，不进代码库')
  const entries = rc.functions ?? []
  const folders = existsSync(paths.functionsDir)
    ? readdirSync(paths.functionsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : []
  for (const f of folders.filter((n) => !names.includes(n))) c.fail(S, f, 'FUNCTION_UNKNOWN', `cloudfunctions/${f} 不是项目的云函数（scripts/build-functions.ts 里没有它）：删除该目录，或把它加入 CLOUD_FUNCTIONS`)
  for (const e of entries.filter((x) => !names.includes(x.name))) c.fail(S, e.name, 'RC_UNKNOWN', `cloudbaserc.json 里有函数「${e.name}」，但没有这个云函数：删除这一项`)
  const rootPkg = readJson<{ dependencies?: Record<string, string> }>(join(paths.root, 'package.json'), c, S, 'package.json')

  for (const name of names) {
    const entry = entries.find((e) => e.name === name)
    const problems: Array<[string, string]> = []
    if (!entry) {
      c.fail(S, name, 'RC_MISSING', `cloudbaserc.json 里没有函数「${name}」：在 functions 中加一项（name、timeout、runtime、installDependency、handler）`)
      continue
    }
    const dir = join(paths.functionsDir, name)
    const config = readJson<FunctionConfig>(join(dir, 'config.json'), c, S, name)
    const pkg = readJson<{ dependencies?: Record<string, string> }>(join(dir, 'package.json'), c, S, name)
    if (!existsSync(join(dir, 'index.ts'))) problems.push(['INDEX_MISSING', `cloudfunctions/${name}/index.ts 不存在`])
    if (!NAME.test(name)) problems.push(['NAME', `函数名「${name}」只能用字母、数字、- 和 _，以字母开头，最长 60 个字符`])
    if (entry.handler !== 'index.main') problems.push(['HANDLER', `handler 应为 index.main（打包后的 index.js 导出 main），现在是 ${entry.handler ?? '（未填）'}`])
    if (entry.installDependency !== true) problems.push(['INSTALL_DEPENDENCY', 'installDependency 应为 true：依赖（SDK、sharp）由云端按函数自己的 package.json 安装'])
    if (!entry.runtime || !RUNTIMES.includes(entry.runtime)) {
      problems.push(['RUNTIME', `runtime「${entry.runtime ?? '（未填）'}」不是云开发支持的运行环境（${RUNTIMES.join('、')}）`])
    }
    if (!Number.isInteger(entry.timeout) || entry.timeout! < 1 || entry.timeout! > MAX_TIMEOUT) {
      problems.push(['TIMEOUT', `timeout 应为 1–${MAX_TIMEOUT} 的整数秒，现在是 ${String(entry.timeout)}`])
    } else if (config && config.timeout !== entry.timeout) {
      problems.push(['TIMEOUT_MISMATCH', `超时在 cloudbaserc.json 是 ${entry.timeout} 秒，在 cloudfunctions/${name}/config.json 是 ${String(config.timeout)} 秒：改成一致`])
    }
    if (entry.memorySize !== undefined && !MEMORY_SIZES.includes(entry.memorySize)) problems.push(['MEMORY', `memorySize 只能是 ${MEMORY_SIZES.join('、')}（MB），现在是 ${entry.memorySize}`])

    for (const t of entry.triggers ?? []) {
      if (t.type !== 'timer') problems.push(['TRIGGER_TYPE', `触发器「${t.name}」的类型是 ${t.type}：只支持 timer（定时触发器）`])
      if (!NAME.test(t.name ?? '')) problems.push(['TRIGGER_NAME', `触发器名「${t.name}」只能用字母、数字、- 和 _，以字母开头`])
      const cron = cronProblem(String(t.config ?? ''))
      if (cron) problems.push(['TRIGGER_CRON', `定时触发器「${t.name}」的 cron「${t.config}」不对：${cron}`])
    }
    if (config && !sameTriggers(entry.triggers, config.triggers)) {
      problems.push(['TRIGGER_MISMATCH', `触发器在 cloudbaserc.json 与 cloudfunctions/${name}/config.json 中不一致：两处写成一样`])
    }

    const isHttp = (HTTP_FUNCTIONS as readonly string[]).includes(name)
    if (entry.path !== undefined && !isHttp) problems.push(['HTTP_PATH', `只有 ${HTTP_FUNCTIONS.join('、')} 通过 HTTP 访问：删除「${name}」的 path`])
    if (isHttp && (typeof entry.path !== 'string' || !/^\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(entry.path))) {
      problems.push(['HTTP_PATH', `「${name}」需要 HTTP 访问路径 path（以 / 开头，如 /${name}），现在是 ${String(entry.path)}`])
    }

    const deps = pkg?.dependencies ?? {}
    if (pkg && !deps['@cloudbase/node-sdk']) problems.push(['DEPENDENCY_SDK', `cloudfunctions/${name}/package.json 缺少 @cloudbase/node-sdk`])
    for (const [dep, range] of Object.entries(deps)) {
      const want = rootPkg?.dependencies?.[dep]
      if (want !== range) problems.push(['DEPENDENCY_VERSION', `${dep} 在 cloudfunctions/${name}/package.json 是 ${range}，在项目 package.json 是 ${want ?? '（没有）'}：云端装的应与测试用的一致`])
      const engines = readDependencyEngines(paths.root, dep)
      const version = entry.runtime ? runtimeVersion(entry.runtime) : null
      if (engines && version && !satisfies(version, engines)) {
        problems.push(['RUNTIME_ENGINES', `${dep} 需要 Node ${engines}，runtime ${entry.runtime} 不满足：换一个更新的运行环境`])
      }
    }

    if (problems.length === 0) {
      const triggers = (entry.triggers ?? []).map((t) => `，定时触发器 ${t.name}「${t.config}」`).join('')
      c.ok(S, name, `${entry.runtime}，超时 ${entry.timeout} 秒${entry.memorySize ? `，内存 ${entry.memorySize} MB` : ''}${triggers}${entry.path ? `，HTTP 访问路径 ${entry.path}` : ''}；依赖 ${Object.keys(deps).join('、')}`)
    }
    for (const [code, message] of problems) c.fail(S, name, code, message)
  }
  return rc
}

function readDependencyEngines (root: string, dep: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', dep, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node ?? null
  } catch {
    return null
  }
}

/**
 * Each bundle loads in plain Node (outside any test runner, dependencies found as CloudBase installs them) and
 * exports `main`; it requires nothing but Node's own modules and the function's dependencies; and the open APIs its
 * code can call are exactly the ones its config.json declares.
 */
export function checkBundles (paths: DeployPaths, c: Collector, built: ReadonlyArray<{ name: string; file: string; bytes: number }>): void {
  const S = '打包与权限'
  for (const b of built) {
    const code = readFileSync(b.file, 'utf8')
    const own = functionDependencies(b.name, paths.functionsDir)
    const requires = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]
    const stray = requires.filter((r) => !r.startsWith('node:') && !builtinModules.includes(r) && !own.includes(r))
    if (stray.length > 0) c.fail(S, b.name, 'BUNDLE_REQUIRE', `打包结果还需要 ${stray.join('、')}：把它加进 cloudfunctions/${b.name}/package.json，或让它被打包进去`)
    const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(typeof require(${JSON.stringify(b.file)}).main)`], {
      env: { ...process.env, NODE_PATH: join(paths.root, 'node_modules') }, encoding: 'utf8', timeout: 60_000
    })
    if (probe.stdout !== 'function') {
      c.fail(S, b.name, 'BUNDLE_LOAD', `index.js 在 Node 中加载失败或没有导出 main：${(probe.stderr || probe.error?.message || probe.stdout).trim().split('\n').slice(0, 3).join(' ')}`)
      continue
    }
    const config = readJson<FunctionConfig>(join(paths.functionsDir, b.name, 'config.json'), c, S, b.name)
    const declared = [...(config?.permissions?.openapi ?? [])].sort()
    const used = openApiNamesIn(code)
    const undeclared = used.filter((x) => !declared.includes(x))
    const unused = declared.filter((x) => !used.includes(x))
    if (undeclared.length > 0) c.fail(S, b.name, 'PERMISSION_UNDECLARED', `代码会调用 ${undeclared.join('、')}，但 cloudfunctions/${b.name}/config.json 的 permissions.openapi 没有声明`)
    if (unused.length > 0) c.fail(S, b.name, 'PERMISSION_UNUSED', `cloudfunctions/${b.name}/config.json 声明了 ${unused.join('、')}，代码并不调用：从 permissions.openapi 删掉`)
    if (undeclared.length === 0 && unused.length === 0 && stray.length === 0) {
      c.ok(S, b.name, `${(b.bytes / 1024).toFixed(1)} KB，Node 中可加载并导出 main；云调用权限 ${declared.length ? declared.join('、') : '无'}，与代码一致`)
    }
  }
}

/** Every collection the code uses has a security rule (no client writes; client reads only where nothing is personal) and its indexes. */
export function checkDatabase (paths: DeployPaths, c: Collector, collections: readonly string[] = ALL_COLLECTIONS): { rules: RulesFile | null; indexes: IndexFile | null; storage: StorageRule | null } {
  const S = '数据库与存储'
  const rules = readJson<RulesFile>(join(paths.configDir, 'database.rules.json'), c, S, 'database.rules.json')
  const indexes = readJson<IndexFile>(join(paths.configDir, 'indexes.json'), c, S, 'indexes.json')
  const storage = readJson<StorageRule>(join(paths.configDir, 'storage.rules.json'), c, S, 'storage.rules.json')
  const before = c.report.problems.length
  if (rules) {
    const ruled = Object.keys(rules.collections ?? {})
    for (const coll of collections.filter((x) => !ruled.includes(x))) c.fail(S, coll, 'RULE_MISSING', `集合 ${coll} 没有安全规则：在 database.rules.json 的 collections 里加 "${coll}": { "read": false, "write": false }`)
    for (const coll of ruled.filter((x) => !collections.includes(x))) c.fail(S, coll, 'RULE_UNKNOWN', `database.rules.json 有集合 ${coll} 的规则，但代码不用这个集合（server/adapters/cloudbase/collections.ts）：删除它`)
    for (const [coll, rule] of Object.entries(rules.collections ?? {})) {
      if (rule?.write !== false) c.fail(S, coll, 'RULE_CLIENT_WRITE', `集合 ${coll} 的规则允许客户端写入（write: ${JSON.stringify(rule?.write)}）：写入只经云函数，应为 false`)
      if (rule?.read !== false && !NON_PERSONAL.includes(coll)) c.fail(S, coll, 'RULE_CLIENT_READ', `集合 ${coll} 含个人信息，规则却允许客户端读取（read: ${JSON.stringify(rule?.read)}）：应为 false`)
    }
  }
  if (indexes) {
    const listed = (indexes.collections ?? []).map((x) => x.name)
    for (const coll of collections.filter((x) => !listed.includes(x))) c.fail(S, coll, 'INDEX_COLLECTION_MISSING', `集合 ${coll} 不在 indexes.json 中：加一项 { "name": "${coll}", "indexes": [...] }（只按 _id 读取时 indexes 为空数组）`)
    for (const coll of listed.filter((x) => !collections.includes(x))) c.fail(S, coll, 'INDEX_UNKNOWN', `indexes.json 有集合 ${coll}，但代码不用这个集合：删除它`)
    for (const coll of listed.filter((x, i) => listed.indexOf(x) !== i)) c.fail(S, coll, 'INDEX_COLLECTION_TWICE', `集合 ${coll} 在 indexes.json 中出现了两次：合并成一项`)
    for (const coll of indexes.collections ?? []) {
      const names = coll.indexes.map((i) => i.name)
      if (coll.indexes.length > MAX_INDEXES) c.fail(S, coll.name, 'INDEX_INVALID', `集合 ${coll.name} 有 ${coll.indexes.length} 个索引，云开发每个集合最多 ${MAX_INDEXES} 个`)
      for (const dup of names.filter((n, i) => names.indexOf(n) !== i)) c.fail(S, coll.name, 'INDEX_INVALID', `集合 ${coll.name} 的索引名 ${dup} 重复`)
      for (const i of coll.indexes) {
        if (!NAME.test(i.name) || !Array.isArray(i.keys) || i.keys.length === 0 ||
            i.keys.some((k) => typeof k.field !== 'string' || !/^[A-Za-z_][\w.]*$/.test(k.field) || (k.direction !== 1 && k.direction !== -1))) {
          c.fail(S, coll.name, 'INDEX_INVALID', `集合 ${coll.name} 的索引 ${i.name} 写法不对：需要 name 和 keys（field，direction 为 1 或 -1）`)
        }
      }
    }
  }
  if (storage && !STORAGE_ACLS.includes(storage.acl)) c.fail(S, 'storage', 'STORAGE_ACL', `storage.rules.json 的 acl「${storage.acl}」不对：只能是 ${STORAGE_ACLS.join('、')}`)
  if (c.report.problems.length === before && rules && indexes && storage) {
    const indexCount = (indexes.collections ?? []).reduce((n, x) => n + x.indexes.length, 0)
    c.ok(S, '数据库', `${collections.length} 个集合都有安全规则（客户端不可写、不可读个人信息）和索引定义（共 ${indexCount} 个索引）`)
    c.ok(S, '存储', `云存储权限 ${storage.acl}（所有用户可读，仅上传者和云函数可写）`)
  }
  return { rules, indexes, storage }
}

// ── the deployment's own settings: .env.cloudbase ────────────────────────────────────────────────────────────────

/** KEY=VALUE lines; `#` starts a comment; quotes around a value are dropped. */
export function parseEnvFile (text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trim().startsWith('#')) continue
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
  return out
}

export interface DeployEnv {
  envId: string
  secretId: string
  secretKey: string
  region: string | null
  /** Set on every function (server/cloud/entry.ts reads them). */
  functionEnv: Record<string, string>
  /** Set on the named function only: secrets no other function needs (the custom-login key, for auth alone). */
  perFunctionEnv: Record<string, Record<string, string>>
}

/** Variables that go to one function only, never to every function as WENMING_* otherwise do. */
export const ONE_FUNCTION_ENV: Record<string, string> = { [CUSTOM_LOGIN_KEY_ENV]: 'auth' }

/**
 * What is wrong with the custom-login private key (the JSON file 云开发控制台「身份认证 → 登录方式 → 自定义登录 →
 * 私钥下载」gives, on one line), or null. server/cloud/custom-login.ts reads the same three fields.
 */
export function customLoginKeyProblem (raw: string, envId: string): string | null {
  let key: Partial<Record<'private_key_id' | 'private_key' | 'env_id', unknown>>
  try {
    key = JSON.parse(raw) as typeof key
  } catch {
    return `${CUSTOM_LOGIN_KEY_ENV} 不是有效的 JSON：把下载的私钥文件的全部内容写成一行填入（换行保留为 \\n）`
  }
  const missing = (['private_key_id', 'private_key', 'env_id'] as const).filter((k) => typeof key[k] !== 'string' || !key[k])
  if (missing.length > 0) return `${CUSTOM_LOGIN_KEY_ENV} 缺少 ${missing.join('、')}：应是云开发控制台下载的自定义登录私钥文件的内容`
  if (!String(key.private_key).includes('PRIVATE KEY')) return `${CUSTOM_LOGIN_KEY_ENV} 的 private_key 不像私钥（应含 -----BEGIN … PRIVATE KEY-----）`
  if (envId && key.env_id !== envId) return `${CUSTOM_LOGIN_KEY_ENV} 是环境 ${String(key.env_id)} 的私钥，不是 ENV_ID ${envId} 的：请在这个环境的控制台重新下载`
  return null
}

/**
 * The variables every function gets from .env.cloudbase: those named WENMING_* or WECHAT_* (the check-in key, the
 * public address, the subscribe-message template, and whatever a later feature reads the same way).
 */
export const FUNCTION_ENV = /^(WENMING|WECHAT)_[A-Z0-9_]+$/
const PLACEHOLDER = /^(your-|请填|<)|^$/

/**
 * Reads .env.cloudbase. For a dry run (`forDeploy` false) the secrets may be empty; what is filled in is checked.
 * Returns the settings when nothing is wrong.
 */
export function checkEnvFile (vars: Record<string, string> | null, c: Collector, forDeploy: boolean, forH5 = false): DeployEnv | null {
  const S = '部署参数（.env.cloudbase）'
  if (!vars) {
    if (forDeploy) c.fail(S, '.env.cloudbase', 'ENV_FILE_MISSING', '找不到 .env.cloudbase：复制 .env.cloudbase.example 为 .env.cloudbase，填好环境 ID 和密钥')
    else c.ok(S, '.env.cloudbase', '还没有 .env.cloudbase（只有 npm run deploy 需要它：复制 .env.cloudbase.example 再填写）')
    return null
  }
  const before = c.report.problems.length
  const envId = vars.ENV_ID ?? ''
  if (PLACEHOLDER.test(envId)) {
    if (forDeploy) c.fail(S, 'ENV_ID', 'ENV_ID_MISSING', 'ENV_ID 没有填写：填云开发控制台「环境 ID」一栏的值')
  } else if (!/^[a-z][a-z0-9-]{2,62}$/.test(envId)) {
    c.fail(S, 'ENV_ID', 'ENV_ID_INVALID', `ENV_ID「${envId}」不像云开发的环境 ID（小写字母、数字和 -，如 wenming-8g3k2j1a）`)
  }
  for (const key of ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']) {
    if (forDeploy && PLACEHOLDER.test(vars[key] ?? '')) c.fail(S, key, 'SECRET_MISSING', `${key} 没有填写：在腾讯云控制台「访问管理 → API 密钥管理」新建密钥后填入`)
  }
  const key = vars.WENMING_CHECKIN_KEY ?? ''
  if (key && key.length < 32) c.fail(S, 'WENMING_CHECKIN_KEY', 'CHECKIN_KEY_SHORT', `WENMING_CHECKIN_KEY 只有 ${key.length} 个字符，至少要 32 个（可用 openssl rand -base64 32 生成）`)
  const url = vars.WENMING_PUBLIC_URL ?? ''
  if (url && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(url)) c.fail(S, 'WENMING_PUBLIC_URL', 'PUBLIC_URL_INVALID', `WENMING_PUBLIC_URL「${url}」应是 https:// 开头的网址（证书二维码指向它）`)
  const region = vars.TCB_REGION || null
  if (region && !/^ap-[a-z]+$/.test(region)) c.fail(S, 'TCB_REGION', 'REGION_INVALID', `TCB_REGION「${region}」不对，应如 ap-shanghai、ap-guangzhou`)
  // The auth function signs the desk's CloudBase login with it: without it no browser can be signed in by scanning,
  // which the web version (--h5) cannot do without.
  const loginKey = vars[CUSTOM_LOGIN_KEY_ENV] ?? ''
  const loginKeyProblem = loginKey ? customLoginKeyProblem(loginKey, PLACEHOLDER.test(envId) ? '' : envId) : null
  if (loginKeyProblem) c.fail(S, CUSTOM_LOGIN_KEY_ENV, 'CUSTOM_LOGIN_KEY_INVALID', loginKeyProblem)
  if (!loginKey && forH5) {
    c.fail(S, CUSTOM_LOGIN_KEY_ENV, 'CUSTOM_LOGIN_KEY_MISSING', `网页版要靠扫码登录，需要 ${CUSTOM_LOGIN_KEY_ENV}：云开发控制台「身份认证 → 登录方式 → 自定义登录 → 私钥下载」，把 json 文件的内容写成一行填入 .env.cloudbase`)
  }
  if (c.report.problems.length > before) return null
  const notes = [
    !key && '未设 WENMING_CHECKIN_KEY：签到会提示“签到服务尚未配置”', !url && '未设 WENMING_PUBLIC_URL：证书二维码无法验证',
    !vars.WECHAT_TEMPLATE_ID && '未设 WECHAT_TEMPLATE_ID：只发站内消息，不发订阅消息',
    !loginKey && `未设 ${CUSTOM_LOGIN_KEY_ENV}：电脑版扫码登录会提示“尚未配置”`,
    loginKey && `${CUSTOM_LOGIN_KEY_ENV} 只写入云函数 auth`
  ].filter(Boolean)
  c.ok(S, '.env.cloudbase', `环境 ${envId || '（未填）'}${region ? `（${region}）` : ''}${notes.length ? `；${notes.join('；')}` : ''}`)
  if (PLACEHOLDER.test(envId)) return null
  const functionEnv: Record<string, string> = {}
  const perFunctionEnv: Record<string, Record<string, string>> = {}
  for (const [k, v] of Object.entries(vars)) {
    if (!FUNCTION_ENV.test(k) || !v) continue
    const only = ONE_FUNCTION_ENV[k]
    if (only) perFunctionEnv[only] = { ...perFunctionEnv[only], [k]: v }
    else functionEnv[k] = v
  }
  return { envId, secretId: vars.TENCENTCLOUD_SECRETID ?? '', secretKey: vars.TENCENTCLOUD_SECRETKEY ?? '', region, functionEnv, perFunctionEnv }
}

// ── all together ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface CheckedDeployment {
  report: CheckReport
  rc: Rc | null
  rules: RulesFile | null
  indexes: IndexFile | null
  storage: StorageRule | null
  built: Array<{ name: string; file: string; bytes: number }>
  env: DeployEnv | null
  /** The web version's build, when it was checked and passed (scripts/deploy-h5.ts). */
  h5: CheckedH5 | null
}

export interface CheckOptions {
  /** Where to build the bundles (each `<outRoot>/<fn>/index.js`); null skips building and loading them. */
  outRoot: string | null
  /** .env.cloudbase's variables, or null when there is no such file. */
  envVars: Record<string, string> | null
  forDeploy: boolean
  names?: readonly string[]
  collections?: readonly string[]
  /** The web version is part of this deploy (--h5): the custom-login key becomes required. */
  forH5?: boolean
  /** Check the cloudbase H5 build in this folder (`required`: its absence is a problem, else a note). */
  h5Build?: { dir: string; required: boolean } | null
}

export async function checkDeployment (paths: DeployPaths, opts: CheckOptions): Promise<CheckedDeployment> {
  const c = new Collector()
  const names = opts.names ?? CLOUD_FUNCTIONS
  let built: CheckedDeployment['built'] = []
  if (opts.outRoot) {
    try {
      built = await buildFunctions({ outRoot: opts.outRoot, names })
      checkBundles(paths, c, built)
    } catch (e) {
      c.fail('打包与权限', 'esbuild', 'BUILD_FAILED', `云函数打包失败：${(e as Error).message.split('\n').slice(0, 4).join(' ')}`)
    }
  }
  const rc = checkFunctions(paths, c)
  const db = checkDatabase(paths, c, opts.collections ?? ALL_COLLECTIONS)
  const env = checkEnvFile(opts.envVars, c, opts.forDeploy, opts.forH5 ?? false)
  const envId = opts.envVars && !PLACEHOLDER.test(opts.envVars.ENV_ID ?? '') ? opts.envVars.ENV_ID : null
  const h5 = opts.h5Build ? checkH5Build(opts.h5Build.dir, c, { required: opts.h5Build.required, envId, region: opts.envVars?.TCB_REGION || null }) : null
  return { report: c.report, rc, ...db, built, env, h5 }
}

/** The report as the terminal shows it: sections, ✓ and ✗ lines, and a last line with the count. */
export function formatReport (report: CheckReport): string {
  const out: string[] = []
  let section = ''
  for (const l of report.lines) {
    if (l.section !== section) {
      section = l.section
      out.push('', section)
    }
    out.push(`  ${l.ok ? '✓' : '✗'} ${l.subject.padEnd(12)} ${l.text}`)
  }
  out.push('')
  out.push(report.problems.length === 0
    ? `检查通过：${report.lines.length} 项，没有问题。`
    : `检查未通过：${report.problems.length} 个问题（见上面标 ✗ 的行），改好后再运行 npm run deploy:check。`)
  return out.join('\n')
}
