import { createHash } from 'node:crypto'
import type { Compiler } from 'webpack'
import { cloudbasePolicy, FRAME_GUARD_SCRIPT, REFERRER_POLICY, type CloudbaseTarget } from './h5-security'

/**
 * The cloudbase H5 build's index.html gets what static hosting cannot send as headers (config/h5-security.ts): the
 * content security policy as a <meta http-equiv>, the referrer policy as a <meta name="referrer">, and the frame guard
 * as the first script. The policy allows the page's inline scripts by their hashes, taken from the finished file (the
 * guard and Taro's rem script). Beside it, `cloudbase-build.json` says which environment the build is for (the
 * deploy's dry run reads it; it is not uploaded).
 */

export const BUILD_INFO_FILE = 'cloudbase-build.json'

export interface CloudbaseBuildInfo extends CloudbaseTarget {
  backend: 'cloudbase'
  sdkVersion: string
  builtAt: string
}

/** The sha256 source of each inline script, as a policy names it. */
export function inlineScriptHashes (html: string): string[] {
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`)
  }
  return hashes
}

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/** The page with the guard, the referrer policy and the policy put at the top of its head. */
export function secureIndexHtml (html: string, target: CloudbaseTarget): string {
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (!head) throw new Error('index.html 没有 <head>：无法加入内容安全策略')
  // After the charset declaration when there is one (it must come first), else right after <head>.
  const charset = /<meta[^>]*charset[^>]*>/i.exec(html.slice(head.index))
  const at = charset ? head.index + charset.index + charset[0].length : head.index + head[0].length
  const withGuard = `${html.slice(0, at)}<meta name="referrer" content="${REFERRER_POLICY}"><script>${FRAME_GUARD_SCRIPT}</script>${html.slice(at)}`
  const policy = cloudbasePolicy(target, inlineScriptHashes(withGuard), true)
  const meta = `<meta http-equiv="Content-Security-Policy" content="${attr(policy)}">`
  return `${withGuard.slice(0, at)}${meta}${withGuard.slice(at)}`
}

/** The policy a built index.html carries in its <meta http-equiv>, or null. */
export function metaPolicyOf (html: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
  return m ? m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null
}

/** Webpack plugin for the cloudbase H5 build (config/index.ts adds it): rewrites index.html once the HTML plugin made it. */
export class CloudbaseHtmlPlugin {
  constructor (private readonly target: CloudbaseTarget, private readonly sdkVersion: string) {}

  apply (compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('CloudbaseHtmlPlugin', (compilation) => {
      // html-webpack-plugin emits at OPTIMIZE_INLINE: right after it.
      compilation.hooks.processAssets.tap({ name: 'CloudbaseHtmlPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 }, (assets) => {
        const pages = Object.keys(assets).filter((name) => name.endsWith('.html'))
        if (pages.length === 0) compilation.errors.push(new compiler.webpack.WebpackError('云开发网页版：没有找到 index.html，无法加入内容安全策略'))
        for (const name of pages) {
          const html = assets[name].source().toString()
          compilation.updateAsset(name, new sources.RawSource(secureIndexHtml(html, this.target)))
        }
        const info: CloudbaseBuildInfo = { backend: 'cloudbase', ...this.target, sdkVersion: this.sdkVersion, builtAt: new Date().toISOString() }
        compilation.emitAsset(BUILD_INFO_FILE, new sources.RawSource(`${JSON.stringify(info, null, 2)}\n`))
      })
    })
  }
}
