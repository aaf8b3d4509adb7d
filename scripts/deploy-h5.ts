import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { BUILD_INFO_FILE, inlineScriptHashes, metaPolicyOf, type CloudbaseBuildInfo } from '../config/h5-cloudbase-html'
import {
  directiveSources, FRAME_GUARD_SCRIPT, REFERRER_POLICY, SDK_API_HOSTS, SDK_UNUSED_HOSTS, securityHeaders, sourceAllows,
  storageOrigins, type CloudbaseTarget
} from '../config/h5-security'

/**
 * The web version on CloudBase (`npm run deploy -- --h5`): the H5 build made for the environment
 * (TARO_APP_BACKEND=cloudbase, config/index.ts) into dist/h5-cloudbase, checked, and published to the environment's
 * static hosting. Static hosting sends no headers of ours, so the build carries its content security policy, referrer
 * policy and frame guard in index.html (config/h5-cloudbase-html.ts); the headers that only a server can send
 * (frame-ancestors, X-Frame-Options, nosniff) are printed for the hosting's CDN where a custom domain allows them.
 */

/** Where the checks write their ✓ and ✗ lines (scripts/deploy-checks.ts's Collector; not imported, it imports this). */
export interface CheckSink {
  readonly report: { problems: readonly unknown[] }
  ok (section: string, subject: string, text: string): void
  fail (section: string, subject: string, code: string, message: string): void
}

export const H5_BUILD_DIR = (root: string): string => join(root, 'dist', 'h5-cloudbase')

const S = '网页版（云开发静态托管）'

/** Every file under a folder, as paths relative to it with `/` separators. */
export function filesUnder (dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

const CLOUD_DOMAINS = '(?:tencentcloudapi\\.com|tcloudbasegateway\\.com|myqcloud\\.com|qcloud\\.la|tencentcos\\.cn)'
/** A string literal in a bundle that names a CloudBase or COS host. */
const HOST_LITERAL = new RegExp(`["'\`]([^"'\`\\s]*${CLOUD_DOMAINS}[^"'\`\\s]*)["'\`]`, 'g')
/** The host part of one: a full host, or a suffix the SDK puts the environment and region in front of. */
const HOST_TAIL = new RegExp(`\\.?(?:[a-z0-9-]+\\.)*${CLOUD_DOMAINS}$`)

/**
 * The CloudBase hosts a bundle's code can call, as written in it: `.tcb-api.tencentcloudapi.com` for
 * `"//".concat(env, ".", region, ".tcb-api.tencentcloudapi.com/web")`, a full host where one is written whole.
 */
export function sdkHostsIn (code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(HOST_LITERAL)) {
    const hostPart = m[1].replace(/^[a-z]+:/, '').replace(/^\/\//, '').split(/[/?#]/)[0]
    const tail = HOST_TAIL.exec(hostPart)
    if (tail) found.add(tail[0])
  }
  return [...found].sort()
}

export interface CheckedH5 {
  dir: string
  info: CloudbaseBuildInfo
  files: string[]
  /** The inline scripts' hashes, for the headers printed for a CDN. */
  hashes: string[]
}

/**
 * A cloudbase H5 build, checked without network: it is one (its build record), for this environment; its index.html
 * carries the policy, the referrer policy and the frame guard; the SDK is in a chunk of its own that the first page
 * does not load; and every CloudBase host the SDK's code names is one the policy allows (a host the check does not know
 * — a newer SDK calling somewhere new — fails it, so config/h5-security.ts is brought up to date with the SDK).
 * `required`: a missing build is a problem (a deploy with --h5), else only noted.
 */
export function checkH5Build (dir: string, c: CheckSink, opts: { required: boolean; envId: string | null; region: string | null }): CheckedH5 | null {
  const index = join(dir, 'index.html')
  const shown = relative(process.cwd(), dir)
  const build = `TARO_APP_BACKEND=cloudbase TARO_APP_CLOUDBASE_ENV=<环境 ID> TARO_OUTPUT_ROOT=${shown && !shown.startsWith('..') ? shown : dir} npx taro build --type h5`
  if (!existsSync(index)) {
    if (opts.required) c.fail(S, 'h5-cloudbase', 'H5_BUILD_MISSING', `找不到网页版的云开发构建 ${dir}/index.html：npm run deploy -- --h5 会先构建它（或手动：${build}）`)
    else c.ok(S, 'h5-cloudbase', `还没有网页版的云开发构建（只有 npm run deploy -- --h5 需要；检查它：npm run deploy:check -- --h5）`)
    return null
  }
  const before = c.report.problems.length
  const fail = (code: string, message: string): void => c.fail(S, 'h5-cloudbase', code, message)
  let info: CloudbaseBuildInfo | null = null
  try {
    info = JSON.parse(readFileSync(join(dir, BUILD_INFO_FILE), 'utf8')) as CloudbaseBuildInfo
  } catch {
    info = null
  }
  if (!info || info.backend !== 'cloudbase' || !info.envId) {
    fail('H5_NOT_CLOUDBASE', `${dir} 不是云开发的构建（没有 ${BUILD_INFO_FILE}）：它会去找本地网关。重新构建：${build}`)
    return null
  }
  if (opts.envId && info.envId !== opts.envId) fail('H5_ENV_MISMATCH', `网页版是为环境 ${info.envId} 构建的，.env.cloudbase 的 ENV_ID 是 ${opts.envId}：重新构建（npm run deploy -- --h5 会做）`)
  if (opts.envId && (info.region || null) !== (opts.region || null)) fail('H5_ENV_MISMATCH', `网页版的地域是 ${info.region || 'ap-shanghai'}，.env.cloudbase 的 TCB_REGION 是 ${opts.region || 'ap-shanghai'}：重新构建`)

  const html = readFileSync(index, 'utf8')
  const policy = metaPolicyOf(html)
  const hashes = inlineScriptHashes(html)
  if (!policy) {
    fail('H5_CSP_MISSING', `${dir}/index.html 没有内容安全策略（<meta http-equiv="Content-Security-Policy">）：重新构建（config/h5-cloudbase-html.ts 会加上）`)
    return null
  }
  const scripts = directiveSources(policy, 'script-src') ?? []
  const unhashed = hashes.filter((h) => !scripts.includes(`'${h}'`))
  if (unhashed.length > 0) fail('H5_CSP_INLINE', `index.html 有 ${unhashed.length} 段内联脚本不在 script-src 里，浏览器会拦下它：重新构建`)
  if (!html.includes(`<script>${FRAME_GUARD_SCRIPT}</script>`)) fail('H5_FRAME_GUARD', 'index.html 没有防嵌入脚本（别的网站可以把网页版嵌进去）：重新构建')
  if (!html.includes(`<meta name="referrer" content="${REFERRER_POLICY}">`)) fail('H5_REFERRER', `index.html 没有 <meta name="referrer" content="${REFERRER_POLICY}">：重新构建`)

  const files = filesUnder(dir)
  const target: CloudbaseTarget = { envId: info.envId, region: info.region, bucket: info.bucket }
  const sdkChunks = files.filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes('tcb-api.tencentcloudapi.com'))
  const loadedFirst = [...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/g)].map((m) => m[1])
  if (sdkChunks.length === 0) fail('H5_SDK_MISSING', '构建里没有 @cloudbase/js-sdk：这不是云开发的构建，重新构建')
  for (const f of sdkChunks.filter((x) => loadedFirst.includes(x))) fail('H5_SDK_EAGER', `SDK 在首屏就加载的 ${f} 里：它应在单独的 chunk 里按需加载（src/api/cloudbase-sdk.ts）`)

  const connect = directiveSources(policy, 'connect-src') ?? []
  const images = directiveSources(policy, 'img-src') ?? []
  const named = [...new Set(sdkChunks.flatMap((f) => sdkHostsIn(readFileSync(join(dir, f), 'utf8'))))]
  const known = new Map(SDK_API_HOSTS.map((h) => [h.suffix, h]))
  for (const suffix of named.filter((s) => !known.has(s) && !SDK_UNUSED_HOSTS.includes(s))) {
    fail('H5_SDK_UNKNOWN_HOST', `SDK 的代码会连接 *${suffix}，config/h5-security.ts 不认识它：查明它做什么，加进 SDK_API_HOSTS（内容安全策略随之允许）或 SDK_UNUSED_HOSTS`)
  }
  for (const h of SDK_API_HOSTS) {
    const origin = `https://${h.host(target)}`
    if (!connect.some((s) => sourceAllows(s, origin))) fail('H5_CSP_SDK', `内容安全策略的 connect-src 不允许 ${origin}（${h.what}）：网页版会连不上云开发，重新构建`)
  }
  const storage = storageOrigins(target)
  for (const origin of storage.upload) if (!connect.includes(origin)) fail('H5_CSP_STORAGE', `connect-src 不允许上传到 ${origin}：重新构建`)
  for (const origin of storage.read) if (!images.includes(origin)) fail('H5_CSP_STORAGE', `img-src 不允许 ${origin}：照片会显示不出来，重新构建`)
  if (c.report.problems.length > before) return null

  const sdkBytes = sdkChunks.reduce((n, f) => n + statSync(join(dir, f)).size, 0)
  c.ok(S, 'h5-cloudbase', `为环境 ${info.envId}${info.region ? `（${info.region}）` : ''} 构建（${info.builtAt.slice(0, 16).replace('T', ' ')}，SDK ${info.sdkVersion}），${files.length} 个文件`)
  c.ok(S, '安全策略', `index.html 的内容安全策略允许 SDK 的 ${SDK_API_HOSTS.map((h) => h.host(target)).join('、')} 和存储 ${[...storage.upload, ...storage.read].map((o) => o.replace('https://', '')).join('、')}；防嵌入脚本、referrer ${REFERRER_POLICY}`)
  c.ok(S, 'SDK', `在单独的 ${sdkChunks.join('、')}（${(sdkBytes / 1024).toFixed(0)} KB），第一次调用时才加载；代码里的云开发域名 ${named.map((s) => `*${s}`).join('、')} 都已核对`)
  return { dir, info, files, hashes }
}

/** The order to upload in: everything but index.html first, so no visitor gets a page whose scripts are not there yet. */
export function uploadOrder (files: readonly string[]): string[] {
  const upload = files.filter((f) => f !== BUILD_INFO_FILE)
  return [...upload.filter((f) => f !== 'index.html'), ...upload.filter((f) => f === 'index.html')]
}

/** The headers for a CDN that can send them (a custom domain), as lines to paste. */
export function headerLines (checked: CheckedH5): string[] {
  const t: CloudbaseTarget = { envId: checked.info.envId, region: checked.info.region, bucket: checked.info.bucket }
  return Object.entries(securityHeaders(t, checked.hashes)).map(([k, v]) => `${k}: ${v}`)
}

/** Builds the cloudbase H5 into `dir` (emptied first), the Taro CLI's output shown as it goes. */
export function buildH5 (root: string, dir: string, target: CloudbaseTarget, log: (s: string) => void): Promise<boolean> {
  rmSync(dir, { recursive: true, force: true })
  log(`  TARO_APP_BACKEND=cloudbase TARO_APP_CLOUDBASE_ENV=${target.envId}${target.region ? ` TARO_APP_CLOUDBASE_REGION=${target.region}` : ''}${target.bucket ? ` TARO_APP_CLOUDBASE_BUCKET=${target.bucket}` : ''} taro build --type h5 → ${relative(root, dir)}（约一两分钟）`)
  return new Promise((done) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        TARO_APP_BACKEND: 'cloudbase',
        TARO_APP_CLOUDBASE_ENV: target.envId,
        TARO_APP_CLOUDBASE_REGION: target.region ?? '',
        TARO_APP_CLOUDBASE_BUCKET: target.bucket ?? '',
        TARO_OUTPUT_ROOT: dir
      }
    })
    let out = ''
    const keep = (chunk: Buffer): void => { out += chunk.toString('utf8') }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (e) => { log(`  ✗ 无法运行 taro：${e.message}`); done(false) })
    child.on('close', (status) => {
      if (status !== 0) log(`  ✗ 构建失败（taro 退出码 ${String(status)}）：\n${out.trim().split('\n').slice(-15).map((l) => `    ${l}`).join('\n')}`)
      done(status === 0)
    })
  })
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** What the environment says about its hosting and storage (manager-node); nulls where it does not answer. */
export async function readHosting (app: any): Promise<{ domain: string | null; status: string | null; bucket: string | null; region: string | null }> {
  const hosting = await app.hosting.getInfo().catch(() => []) as Array<{ CdnDomain?: string; Status?: string }>
  const env = await app.env.getEnvInfo().catch(() => null) as { EnvInfo?: { Storages?: Array<{ Bucket?: string; Region?: string }> } } | null
  const storage = env?.EnvInfo?.Storages?.[0]
  return { domain: hosting[0]?.CdnDomain ?? null, status: hosting[0]?.Status ?? null, bucket: storage?.Bucket ?? null, region: storage?.Region ?? null }
}

/**
 * Publishes a checked build: the hosting's domain among the environment's 安全域名 (CloudBase refuses the SDK's calls
 * from a page elsewhere), then the files, index.html last. Returns the site's address.
 */
export async function publishH5 (app: any, checked: CheckedH5, domain: string, log: (s: string) => void): Promise<string> {
  const trusted = await app.env.getEnvAuthDomains().then((r: { Domains?: Array<{ Domain?: string }> }) => (r.Domains ?? []).map((d) => d.Domain), () => null) as string[] | null
  if (trusted && !trusted.includes(domain)) {
    await app.env.createEnvDomain([domain])
    log(`  ✓ 已把 ${domain} 加入安全域名（云开发只接受来自安全域名的网页调用）`)
  } else if (trusted) {
    log(`  ✓ ${domain} 已在安全域名里`)
  } else {
    log(`  ! 读不到安全域名列表：请在云开发控制台「环境配置 → 安全来源 → 安全域名」确认有 ${domain}`)
  }
  const order = uploadOrder(checked.files)
  const rest = order.slice(0, -1)
  let sent = 0
  // manager-node retries failed files one by one and rejects if any still fails.
  const upload = async (files: string[]): Promise<void> => {
    if (files.length === 0) return
    const res = await app.hosting.uploadFiles({ files: files.map((f) => ({ localPath: join(checked.dir, f), cloudPath: f })), parallel: 10, retryCount: 2 }) as { successCount?: number } | undefined
    sent += res?.successCount ?? files.length
  }
  await upload(rest)
  await upload(order.slice(-1))
  log(`  ✓ 上传 ${sent} 个文件（index.html 最后）`)
  return `https://${domain}/`
}
/* eslint-enable @typescript-eslint/no-explicit-any */
