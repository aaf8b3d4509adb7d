import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  checkDeployment, Collector, defaultPaths, formatReport, parseEnvFile,
  type CheckedDeployment, type DeployEnv, type DeployPaths, type IndexDef, type Rc, type Rule
} from './deploy-checks'
import { buildH5, checkH5Build, H5_BUILD_DIR, headerLines, publishH5, readHosting } from './deploy-h5'

/**
 * `npm run deploy` puts the product live on CloudBase; `npm run deploy:check` (`--dry-run`) does every part that needs
 * no credentials and stops there. In order:
 *   1. checks (scripts/deploy-checks.ts): every bundle built and loaded in plain Node, every function's configuration,
 *      permissions against the code's calls, rules and indexes for every collection — any problem stops here, exit 1;
 *   2. (deploy only) .env.cloudbase: env id, API key, the functions' environment variables;
 *   3. the CloudBase CLI (`tcb`, @cloudbase/cli) uploads each function with its configuration, environment
 *      variables, timer triggers and HTTP access path; the CLI has no database commands, so
 *   4. @cloudbase/manager-node (the library the CLI is built on) creates the collections, their missing indexes and
 *      security rules, and sets the storage permission;
 *   5. each function is invoked once, to see it load in the cloud;
 *   6. (`--h5`) the web version: built for the environment, checked, published to its static hosting
 *      (scripts/deploy-h5.ts). `--h5-only` does steps 1, 2 and 6 alone.
 * Both tools are installed on first use into a cache folder outside the repo (pinned versions, from the npm
 * registry; the CLI is one self-contained package), so nothing of them is needed for local use.
 */

export const CLI_VERSION = '2.12.10'
export const MANAGER_VERSION = '5.6.5'

export interface Args {
  dryRun: boolean
  only: string[] | null
  envFile: string
  /** Also the web version (build, check, publish to static hosting); the dry run then requires its build. */
  h5: boolean
  /** The web version alone: no function uploads, no database. */
  h5Only: boolean
  /** Where the web version is built (default dist/h5-cloudbase). */
  h5Dir: string | null
}

export function parseArgs (argv: readonly string[], root: string): Args {
  const args: Args = { dryRun: false, only: null, envFile: join(root, '.env.cloudbase'), h5: false, h5Only: false, h5Dir: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--dry-run' || a === '--check') args.dryRun = true
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    else if (a === '--env-file') args.envFile = resolve(argv[++i] ?? '')
    else if (a === '--h5') args.h5 = true
    else if (a === '--h5-only') args.h5 = args.h5Only = true
    else if (a === '--h5-dir') args.h5Dir = resolve(argv[++i] ?? '')
    else throw new Error(`不认识的参数 ${a}。用法：npm run deploy [-- --only 函数名,函数名] [-- --h5 | --h5-only] [-- --h5-dir 目录] [-- --env-file 路径]；npm run deploy:check [-- --h5]`)
  }
  if (args.h5Only && args.only) throw new Error('--h5-only 只发布网页版，不能和 --only（上传云函数）一起用')
  return args
}

export interface DeployPlan {
  /** Where the functions are staged for upload: `<dir>/<fn>/{index.js,package.json,config.json}` and cloudbaserc.json. */
  stageDir: string
  functions: string[]
  /** cloudbaserc.json as the CLI gets it: the env id filled in, every function's environment variables set. */
  rc: Rc
  /** `tcb …` argument lists, run in stageDir one after another. */
  commands: string[][]
  collections: Array<{ name: string; rule: Rule; indexes: IndexDef[] }>
  storageAcl: string
}

/** What deploying will do, from a deployment that passed its checks. Pure: the test reads it. */
export function planDeploy (checked: CheckedDeployment, env: DeployEnv, stageDir: string, only: string[] | null): DeployPlan {
  const rc = checked.rc!
  const all = (rc.functions ?? []).map((f) => f.name)
  const unknown = (only ?? []).filter((n) => !all.includes(n))
  if (unknown.length > 0) throw new Error(`没有这些云函数：${unknown.join('、')}（可选：${all.join('、')}）`)
  const functions = only ?? all
  const region = env.region ? ['-r', env.region] : []
  return {
    stageDir,
    functions,
    rc: {
      version: rc.version,
      envId: env.envId,
      functionRoot: '.',
      functions: (rc.functions ?? []).map((f) => ({ ...f, envVariables: { ...f.envVariables, ...env.functionEnv, ...env.perFunctionEnv[f.name] } }))
    },
    commands: functions.map((name) => ['fn', 'deploy', name, '-e', env.envId, '--force', '--yes', ...region]),
    collections: (checked.indexes?.collections ?? []).map((c) => ({ name: c.name, rule: checked.rules!.collections[c.name], indexes: c.indexes })),
    storageAcl: checked.storage!.acl
  }
}

/** Beside each built index.js: its package.json (what the cloud installs) and config.json; and the resolved cloudbaserc.json. */
export function stage (plan: DeployPlan, paths: DeployPaths): void {
  for (const name of plan.functions) {
    for (const file of ['package.json', 'config.json']) copyFileSync(join(paths.functionsDir, name, file), join(plan.stageDir, name, file))
  }
  writeFileSync(join(plan.stageDir, 'cloudbaserc.json'), JSON.stringify(plan.rc, null, 2))
}

// ── the tools, installed on first use ────────────────────────────────────────────────────────────────────────────

export function toolsDir (env: Record<string, string | undefined> = process.env): string {
  return env.WENMING_TOOLS_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wenming', 'cloudbase-tools')
}

const installed = (dir: string, pkg: string): string | null => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return null
  }
}

function ensureTools (dir: string, log: (s: string) => void): void {
  if (installed(dir, '@cloudbase/cli') === CLI_VERSION && installed(dir, '@cloudbase/manager-node') === MANAGER_VERSION) return
  log(`  安装 @cloudbase/cli ${CLI_VERSION} 和 @cloudbase/manager-node ${MANAGER_VERSION} 到 ${dir}（只在第一次，约半分钟）…`)
  mkdirSync(dir, { recursive: true })
  const res = spawnSync('npm', ['install', '--prefix', dir, `@cloudbase/cli@${CLI_VERSION}`, `@cloudbase/manager-node@${MANAGER_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8' })
  if (res.status !== 0) throw new Error(`安装部署工具失败（npm install）：\n${(res.stderr || res.stdout || String(res.error)).trim().split('\n').slice(-6).join('\n')}`)
}

// ── running it ───────────────────────────────────────────────────────────────────────────────────────────────────

/* eslint-disable @typescript-eslint/no-explicit-any */
async function applyDatabase (plan: DeployPlan, env: DeployEnv, dir: string, log: (s: string) => void): Promise<void> {
  const CloudBase = createRequire(join(dir, 'package.json'))('@cloudbase/manager-node')
  const app: any = new CloudBase({ secretId: env.secretId, secretKey: env.secretKey, envId: env.envId, ...(env.region ? { region: env.region } : {}) })
  for (const c of plan.collections) {
    const created = await app.database.createCollectionIfNotExists(c.name)
    const existing: string[] = ((await app.database.describeCollection(c.name)).Indexes ?? []).map((i: { Name: string }) => i.Name)
    const missing = c.indexes.filter((i) => !existing.includes(i.name))
    if (missing.length > 0) {
      await app.database.updateCollection(c.name, {
        CreateIndexes: missing.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })) }
        }))
      })
    }
    await app.commonService().call({ Action: 'ModifySafeRule', Param: { CollectionName: c.name, EnvId: env.envId, AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) } })
    const extra = existing.filter((n) => n !== '_id_' && !c.indexes.some((i) => i.name === n))
    log(`  ✓ ${c.name.padEnd(18)} ${created.IsCreated ? '已创建' : '已存在'}；新建索引 ${missing.length ? missing.map((i) => i.name).join('、') : '无'}；安全规则 ${JSON.stringify(c.rule)}` +
      (extra.length ? `；云端另有索引 ${extra.join('、')}（没有删除）` : ''))
  }
  await app.storage.setStorageAcl(plan.storageAcl)
  log(`  ✓ 云存储权限 ${plan.storageAcl}`)
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Runs `tcb …` in the staging folder, echoing its output (unless `quiet`) and keeping it: the CLI exits 0 even when a
 * deployment failed (checked with 2.12.10), so success is read from what it prints.
 */
function tcb (dir: string, plan: DeployPlan, env: DeployEnv, args: string[], quiet = false): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(dir, 'node_modules', '@cloudbase', 'cli', 'bin', 'tcb'), ...args], {
      cwd: plan.stageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The CLI reads the API key from these (no `tcb login` needed, nothing stored on disk).
      env: { ...process.env, TENCENTCLOUD_SECRETID: env.secretId, TENCENTCLOUD_SECRETKEY: env.secretKey }
    })
    let out = ''
    const keep = (chunk: Buffer): void => {
      out += chunk.toString('utf8')
      if (!quiet) process.stdout.write(chunk)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (e) => done({ status: null, out: `${out}${e.message}` }))
    child.on('close', (status) => done({ status, out }))
  })
}

/** What `tcb fn deploy` prints when it worked ("[name] 云函数部署成功！" / "… deployed successfully!"), and never a ✖ line. */
export const deployed = (out: string): boolean => /云函数部署成功|deployed successfully/.test(out) && !/✖/.test(out)

export async function main (argv: readonly string[], log: (s: string) => void = console.log): Promise<number> {
  const paths = defaultPaths()
  const args = parseArgs(argv, paths.root)
  const envVars = existsSync(args.envFile) ? parseEnvFile(readFileSync(args.envFile, 'utf8')) : null
  const stageDir = mkdtempSync(join(tmpdir(), 'wenming-deploy-'))
  const h5Dir = args.h5Dir ?? H5_BUILD_DIR(paths.root)
  // The staged cloudbaserc.json holds the functions' secrets (check-in key, custom-login key): never left behind.
  try {
    log(args.dryRun ? '部署检查（npm run deploy:check）：不连接云开发，不需要密钥。' : `部署到云开发（npm run deploy${args.h5Only ? ' -- --h5-only：只发布网页版' : args.h5 ? ' -- --h5：云函数、数据库和网页版' : ''}）`)
    log(`第 1 步 检查：打包全部云函数到 ${stageDir}，逐个在 Node 中加载，核对配置、权限、安全规则和索引${args.dryRun ? '，以及网页版的构建（有的话）' : ''}。`)
    const checked = await checkDeployment(paths, {
      outRoot: stageDir,
      envVars,
      forDeploy: !args.dryRun,
      forH5: args.h5,
      // A deploy with --h5 builds the web version afresh (step 6) and checks it then.
      h5Build: args.dryRun ? { dir: h5Dir, required: args.h5 } : null
    })
    log(formatReport(checked.report))
    if (checked.report.problems.length > 0) return 1
    if (args.dryRun) {
      log(`\n这是演练：没有上传任何东西。填好 .env.cloudbase 后运行 npm run deploy 正式部署${checked.h5 ? '（加 -- --h5 同时发布网页版）' : ''}。`)
      return 0
    }

    const env = checked.env!
    const plan = planDeploy(checked, env, stageDir, args.only)
    stage(plan, paths)
    const dir = toolsDir()
    log('\n第 2 步 部署工具')
    ensureTools(dir, log)
    log(`  ✓ @cloudbase/cli ${CLI_VERSION}、@cloudbase/manager-node ${MANAGER_VERSION}（${dir}）`)

    if (!args.h5Only) {
      const code = await deployFunctions(plan, env, dir, args, log)
      if (code !== 0) return code
    }
    if (args.h5) {
      const site = await deployH5(paths.root, h5Dir, env, dir, log)
      if (!site) return 1
      log(`\n✓ 部署完成：${args.h5Only ? '' : `${plan.functions.length} 个云函数${args.only ? '' : `、${plan.collections.length} 个集合`}、`}网页版 ${site}`)
      return 0
    }
    log(`\n✓ 部署完成：${plan.functions.length} 个云函数${args.only ? '' : `、${plan.collections.length} 个集合`}。下一步：上传小程序（README「上线到云开发」第 7 步）。`)
    return 0
  } finally {
    rmSync(stageDir, { recursive: true, force: true })
  }
}

/** Steps 3–5: upload every function, apply the database's rules and indexes, invoke each once. 0 when all went well. */
async function deployFunctions (plan: DeployPlan, env: DeployEnv, dir: string, args: Args, log: (s: string) => void): Promise<number> {
  log(`\n第 3 步 上传云函数到环境 ${env.envId}：${plan.functions.join('、')}（每个约半分钟到两分钟，云端会安装依赖）`)
  for (const [i, command] of plan.commands.entries()) {
    log(`\n  [${i + 1}/${plan.commands.length}] tcb ${command.join(' ')}`)
    const res = await tcb(dir, plan, env, command)
    if (res.status !== 0 || !deployed(res.out)) {
      const rest = plan.functions.slice(i)
      log(`\n✗ 云函数 ${plan.functions[i]} 上传失败（原因见上面 tcb 的输出）。改好后从这里继续：npm run deploy -- --only ${rest.join(',')}`)
      return 1
    }
  }

  if (!args.only) {
    log(`\n第 4 步 数据库：${plan.collections.length} 个集合的索引和安全规则，云存储权限`)
    try {
      await applyDatabase(plan, env, dir, log)
    } catch (e) {
      log(`\n✗ 数据库设置失败：${(e as Error).message}\n  云函数已经上传；改好后再运行一次 npm run deploy（已有的集合和索引会保留）。`)
      return 1
    }
  }

  log('\n第 5 步 试调用：每个函数调用一次，看它在云端能加载（回答 UNKNOWN_ACTION、UNAUTHENTICATED 或 404 都说明函数正常）')
  let loaded = 0
  for (const name of plan.functions) {
    const res = await tcb(dir, plan, env, ['fn', 'invoke', name, '-e', env.envId, '--params', JSON.stringify({ action: 'deployCheck' }), ...(env.region ? ['-r', env.region] : [])], true)
    const ok = res.status === 0 && /UNKNOWN_ACTION|UNAUTHENTICATED|VALIDATION|statusCode|"ok"/.test(res.out)
    if (ok) loaded++
    log(`  ${ok ? '✓' : '✗'} ${name.padEnd(10)} ${ok ? '已加载' : `没有正常回答：${res.out.trim().split('\n').slice(-3).join(' ')}`}`)
  }
  if (loaded < plan.functions.length) {
    log(`\n✗ ${plan.functions.length - loaded} 个函数没有正常回答：在云开发控制台「云函数 → 日志」查看原因（常见：依赖还在安装，过一分钟再运行 npm run deploy -- --only 该函数）。`)
    return 1
  }
  return 0
}

/**
 * Step 6: the web version. Reads the hosting's domain and the storage bucket, builds the H5 for this environment,
 * checks the build (the same checks as the dry run), publishes it, and says where it is and what else to set.
 * Returns the site's address, or null after saying what went wrong.
 */
async function deployH5 (root: string, h5Dir: string, env: DeployEnv, dir: string, log: (s: string) => void): Promise<string | null> {
  log('\n第 6 步 网页版：为这个环境构建 H5，检查，发布到静态网站托管')
  const CloudBase = createRequire(join(dir, 'package.json'))('@cloudbase/manager-node')
  const app = new CloudBase({ secretId: env.secretId, secretKey: env.secretKey, envId: env.envId, ...(env.region ? { region: env.region } : {}) })
  const hosting = await readHosting(app)
  if (!hosting.domain || hosting.status !== 'online') {
    log(`  ✗ 静态网站托管${hosting.status ? `的状态是 ${hosting.status}` : '还没有开通'}：在云开发控制台「静态网站托管」开通，状态为「已上线」后运行 npm run deploy -- --h5-only`)
    return null
  }
  log(`  ✓ 静态网站托管 ${hosting.domain}；云存储 ${hosting.bucket ?? '（没有读到存储桶：内容安全策略按地域放行）'}`)
  const target = { envId: env.envId, region: env.region, bucket: hosting.bucket }
  if (!await buildH5(root, h5Dir, target, log)) return null
  const c = new Collector()
  const checked = checkH5Build(h5Dir, c, { required: true, envId: env.envId, region: env.region })
  log(formatReport(c.report).split('\n').filter((l) => l.startsWith('  ')).join('\n'))
  if (!checked) {
    log('  ✗ 网页版没有通过检查（见上面标 ✗ 的行），没有发布。')
    return null
  }
  let site: string
  try {
    site = await publishH5(app, checked, hosting.domain, log)
  } catch (e) {
    log(`  ✗ 发布失败：${(e as Error).message}\n    改好后运行 npm run deploy -- --h5-only（只重发网页版）`)
    return null
  }
  log(`
  文明办在电脑浏览器打开 ${site}，登录页是 ${site}#/packages/account/signin/index，用手机小程序「我的 → 扫码登录电脑版」扫码。
  还需在云开发控制台「身份认证 → 登录方式」开启「匿名登录」和「自定义登录」（没开时网页会提示开哪一个）。
  静态托管不能为页面加响应头：内容安全策略、referrer 策略和防嵌入脚本已写在 index.html 里。若给网页版绑定了自己的域名，
  并能在它的 CDN「HTTP 响应头配置」里加响应头，加上下面四条（frame-ancestors、X-Frame-Options、nosniff 只能这样生效）：
${headerLines(checked).map((l) => `    ${l}`).join('\n')}`)
  return site
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e: Error) => {
    console.error(`\n✗ ${e.message}`)
    process.exit(1)
  })
}
