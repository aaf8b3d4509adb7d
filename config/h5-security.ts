/**
 * The H5 build for CloudBase (`TARO_APP_BACKEND=cloudbase`): which origins its pages may reach, and the security
 * headers they should be served with. One place, read by the build (config/h5-cloudbase-html.ts puts the policy into
 * index.html) and by the deploy script (scripts/deploy-h5.ts: the dry run checks the built policy against the SDK's
 * own code, a deploy prints the headers for the hosting's header configuration). Nothing here touches Node: it is plain
 * data and string building, so a test can read it as it is.
 *
 * Where the addresses come from (@cloudbase/js-sdk 3.7.0, read in its bundles):
 * - app/dist: `//<env>.<region || 'ap-shanghai'>.tcb-api.tencentcloudapi.com/web` (CLOUD_API: functions, storage
 *   metadata) and `//<env>.api.tcloudbasegateway.com/v1` (GATEWAY); `//<env>.api.intl.tcloudbasegateway.com/v1` only
 *   with `intl: true`, which this app never sets.
 * - auth/dist: `https://<env>.<region>.tcb-api.tencentcloudapi.com` (sign-in: anonymous and the desk's custom ticket).
 * - storage: the upload goes to the address the metadata call answers — the environment's COS bucket
 *   (`https://<bucket>.cos.<region>.myqcloud.com`); a stored file is read at `https://<bucket>.tcb.qcloud.la/<path>`
 *   (storage is READONLY: everyone may read, config/cloudbase/storage.rules.json).
 */

export interface CloudbaseTarget {
  /** The CloudBase environment id (TARO_APP_CLOUDBASE_ENV, ENV_ID in .env.cloudbase). */
  envId: string
  /** Empty for the default, ap-shanghai (TCB_REGION). */
  region?: string | null
  /**
   * The environment's storage bucket (`7765-<env>-<appid>`), when known: the deploy reads it from the environment and
   * the policy then names that bucket alone. Without it any bucket of the region is allowed for uploads and pictures.
   */
  bucket?: string | null
}

export const DEFAULT_REGION = 'ap-shanghai'

/** An environment id as CloudBase gives them (the deploy check applies the same rule to ENV_ID). */
export const ENV_ID_RE = /^[a-z][a-z0-9-]{2,62}$/
export const REGION_RE = /^ap-[a-z]+$/
export const BUCKET_RE = /^[a-z0-9][a-z0-9-]{2,80}$/

const regionOf = (t: CloudbaseTarget): string => t.region || DEFAULT_REGION

/**
 * The host suffixes the SDK builds its API addresses from, each with the host this app's environment gets. The dry
 * run finds every such suffix in the built SDK chunk: one that is neither here nor in SDK_UNUSED_HOSTS (a newer SDK
 * calling somewhere new) fails the check, so the policy is updated with the SDK.
 */
export const SDK_API_HOSTS: ReadonlyArray<{ suffix: string; host: (t: CloudbaseTarget) => string; what: string }> = [
  { suffix: '.tcb-api.tencentcloudapi.com', host: (t) => `${t.envId}.${regionOf(t)}.tcb-api.tencentcloudapi.com`, what: '云函数调用、登录（CLOUD_API）' },
  { suffix: '.api.tcloudbasegateway.com', host: (t) => `${t.envId}.api.tcloudbasegateway.com`, what: '云开发网关（GATEWAY）' }
]

/** Suffixes the SDK carries but this app never calls (the international site, only with `intl: true`). */
export const SDK_UNUSED_HOSTS: readonly string[] = ['.api.intl.tcloudbasegateway.com']

/** Where an upload goes and a stored photo is read: the bucket's own hosts, or the region's when it is not known. */
export function storageOrigins (t: CloudbaseTarget): { upload: string[]; read: string[] } {
  const region = regionOf(t)
  if (t.bucket) return { upload: [`https://${t.bucket}.cos.${region}.myqcloud.com`], read: [`https://${t.bucket}.tcb.qcloud.la`] }
  return { upload: [`https://*.cos.${region}.myqcloud.com`], read: ['https://*.tcb.qcloud.la'] }
}

/** Every origin beyond its own that the page may call (connect-src). */
export function connectOrigins (t: CloudbaseTarget): string[] {
  return [...SDK_API_HOSTS.map((h) => `https://${h.host(t)}`), ...storageOrigins(t).upload]
}

/**
 * Sent to other origins: only our origin, never a path (the hash router's fragments never leave anyway). Not
 * `same-origin` as on the gateway: CloudBase checks a web caller against the environment's 安全域名 and may read the
 * Referer for it, so cross-origin calls keep the origin.
 */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin'

/**
 * Run first in index.html: a page inside another site's frame hides itself. It stands in for `frame-ancestors`,
 * which a <meta> policy cannot carry, wherever the hosting does not send the headers below.
 */
export const FRAME_GUARD_SCRIPT = "if(window.top!==window.self){document.documentElement.style.display='none'}"

/**
 * The content security policy, as the gateway's (server/gateway/static.ts) plus the CloudBase origins: scripts and
 * styles from the site itself (inline scripts by hash), calls to the SDK's API hosts and the storage bucket, pictures
 * from the bucket. `forMeta` leaves out what a <meta> policy may not carry (frame-ancestors: the browser ignores it
 * there and says so in the console).
 */
export function cloudbasePolicy (t: CloudbaseTarget, inlineScriptHashes: readonly string[], forMeta: boolean): string {
  const storage = storageOrigins(t)
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScriptHashes.map((h) => ` '${h}'`).join('')}`,
    // Taro's components and React set style attributes and inject <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${storage.read.join(' ')}`,
    "font-src 'self' data:",
    "media-src 'self' blob:",
    // blob: is the photo just picked: it is read back before it is uploaded.
    `connect-src 'self' blob: ${connectOrigins(t).join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"])
  ].join('; ')
}

/** The headers the pages should be served with where the hosting lets us set them (a custom domain's CDN). */
export function securityHeaders (t: CloudbaseTarget, inlineScriptHashes: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': cloudbasePolicy(t, inlineScriptHashes, false),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': REFERRER_POLICY
  }
}

/** One source of a policy directive allows this https origin (exact, or a `*.` wildcard for one or more labels). */
export function sourceAllows (source: string, origin: string): boolean {
  if (source === origin) return true
  const m = /^https:\/\/\*\.(.+)$/.exec(source)
  return m !== null && origin.startsWith('https://') && origin.endsWith(`.${m[1]}`)
}

/** The sources of one directive of a policy, or null when it has none. */
export function directiveSources (policy: string, directive: string): string[] | null {
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name === directive) return sources
  }
  return null
}
