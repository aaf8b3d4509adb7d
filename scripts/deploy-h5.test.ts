import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BUILD_INFO_FILE, inlineScriptHashes, metaPolicyOf, secureIndexHtml } from '../config/h5-cloudbase-html'
import { cloudbasePolicy, directiveSources, SDK_API_HOSTS, SDK_UNUSED_HOSTS, securityHeaders, sourceAllows } from '../config/h5-security'
import { Collector } from './deploy-checks'
import { checkH5Build, headerLines, publishH5, readHosting, sdkHostsIn, uploadOrder } from './deploy-h5'

/**
 * The web version's security and its deploy checks: the policy a cloudbase build puts into index.html, and the dry
 * run's check of a build — on builds made here to the shape Taro gives (index.html, js/ chunks, the build record) and
 * on the installed @cloudbase/js-sdk's own code.
 */

const TARO_INDEX = '<!doctype html><html lang="zh-CN"><head><meta content="text/html; charset=utf-8" http-equiv="Content-Type">' +
  '<meta content="width=device-width,initial-scale=1" name="viewport"><title>文明共建</title><script>!function(n){n.rem=1}(window);</script>' +
  '<script defer="defer" src="/js/app.0123abcd.js"></script><link href="/css/app.0123abcd.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'
const SDK_CODE = 'var a="//".concat(t,".").concat(e||"ap-shanghai",".tcb-api.tencentcloudapi.com/web");var o="//".concat(t,".api.tcloudbasegateway.com/v1");' +
  'n&&(o="//".concat(t,".api.intl.tcloudbasegateway.com/v1"));var d="https://docs.cloudbase.net/api-reference/webv3/initialization"'
const target = { envId: 'wenming-8g3k2j1a', region: null, bucket: '7765-wenming-8g3k2j1a-1250000000' }

/** A cloudbase build as Taro and config/h5-cloudbase-html.ts leave it; `change` breaks it. */
function build (change: (files: Record<string, string>) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'h5-cloudbase-'))
  const files: Record<string, string> = {
    'index.html': secureIndexHtml(TARO_INDEX, target),
    [BUILD_INFO_FILE]: JSON.stringify({ backend: 'cloudbase', ...target, sdkVersion: '3.7.0', builtAt: '2026-12-01T10:00:00.000Z' }),
    'js/app.0123abcd.js': 'console.log("app")',
    'js/cloudbase.89abcdef.js': SDK_CODE,
    'css/app.0123abcd.css': 'body{}'
  }
  change(files)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

const check = (dir: string, envId: string | null = target.envId, required = true) => {
  const c = new Collector()
  const checked = checkH5Build(dir, c, { required, envId, region: null })
  return { checked, problems: c.report.problems.map((p) => p.code), lines: c.report.lines }
}

describe('the cloudbase build\'s index.html', () => {
  const html = secureIndexHtml(TARO_INDEX, target)
  const policy = metaPolicyOf(html)!

  it('carries the policy before any script, allowing its own inline scripts by hash and no others', () => {
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'))
    expect(html.indexOf('charset=utf-8')).toBeLessThan(html.indexOf('Content-Security-Policy'))
    const scripts = directiveSources(policy, 'script-src')!
    expect(scripts).toEqual(["'self'", ...inlineScriptHashes(html).map((h) => `'${h}'`)])
    expect(inlineScriptHashes(html)).toHaveLength(2) // the frame guard and Taro's rem script
    expect(scripts).not.toContain("'unsafe-inline'")
    expect(scripts).not.toContain("'unsafe-eval'")
  })

  it('lets the page call only its own origin, the SDK\'s hosts for this environment and its bucket', () => {
    expect(directiveSources(policy, 'connect-src')).toEqual([
      "'self'", 'blob:', 'https://wenming-8g3k2j1a.ap-shanghai.tcb-api.tencentcloudapi.com', 'https://wenming-8g3k2j1a.api.tcloudbasegateway.com',
      'https://7765-wenming-8g3k2j1a-1250000000.cos.ap-shanghai.myqcloud.com'
    ])
    expect(directiveSources(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://7765-wenming-8g3k2j1a-1250000000.tcb.qcloud.la'])
    expect(directiveSources(policy, 'default-src')).toEqual(["'self'"])
    expect(directiveSources(policy, 'object-src')).toEqual(["'none'"])
    // Without the bucket (a build by hand), the region's buckets; another region names its own API host.
    const loose = cloudbasePolicy({ envId: 'e-1', region: 'ap-guangzhou' }, [], true)
    expect(directiveSources(loose, 'connect-src')).toContain('https://*.cos.ap-guangzhou.myqcloud.com')
    expect(directiveSources(loose, 'connect-src')).toContain('https://e-1.ap-guangzhou.tcb-api.tencentcloudapi.com')
  })

  it('leaves frame-ancestors to the headers (a <meta> policy cannot carry it) and guards against framing by script', () => {
    expect(directiveSources(policy, 'frame-ancestors')).toBeNull()
    expect(html).toContain("<script>if(window.top!==window.self){document.documentElement.style.display='none'}</script>")
    expect(html).toContain('<meta name="referrer" content="strict-origin-when-cross-origin">')
    const headers = securityHeaders(target, inlineScriptHashes(html))
    expect(directiveSources(headers['Content-Security-Policy'], 'frame-ancestors')).toEqual(["'none'"])
    expect(headers).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' })
  })

  it('matches sources as browsers do: exact origins, and *. for subdomains only', () => {
    expect(sourceAllows('https://*.tcb.qcloud.la', 'https://7765-x-1.tcb.qcloud.la')).toBe(true)
    expect(sourceAllows('https://*.tcb.qcloud.la', 'https://tcb.qcloud.la')).toBe(false)
    expect(sourceAllows('https://*.tcb.qcloud.la', 'https://evil-tcb.qcloud.la')).toBe(false)
    expect(sourceAllows('https://a.example', 'https://a.example')).toBe(true)
  })
})

describe('npm run deploy:check -- --h5: the web version\'s build', () => {
  it('passes a build for this environment, naming what its policy allows and where the SDK is', () => {
    const { checked, problems, lines } = check(build())
    expect(problems).toEqual([])
    expect(lines.map((l) => l.subject)).toEqual(['h5-cloudbase', '安全策略', 'SDK'])
    expect(lines[2].text).toContain('js/cloudbase.89abcdef.js')
    expect(checked!.files).toContain('index.html')
  })

  it('a missing build is a problem only when the web version is deployed', () => {
    const empty = mkdtempSync(join(tmpdir(), 'h5-none-'))
    expect(check(empty, null, false)).toMatchObject({ checked: null, problems: [] })
    expect(check(empty, null, true).problems).toEqual(['H5_BUILD_MISSING'])
  })

  it('refuses the gateway\'s build, and one made for another environment', () => {
    expect(check(build((f) => { delete f[BUILD_INFO_FILE] })).problems).toEqual(['H5_NOT_CLOUDBASE'])
    expect(check(build(), 'other-env').problems).toEqual(['H5_ENV_MISMATCH'])
  })

  it('refuses a page without the policy, or whose policy does not reach the SDK\'s hosts', () => {
    expect(check(build((f) => { f['index.html'] = TARO_INDEX })).problems).toEqual(['H5_CSP_MISSING'])
    const narrowed = (f: Record<string, string>) => { f['index.html'] = f['index.html'].replace(/ https:\/\/wenming-8g3k2j1a\.api\.tcloudbasegateway\.com/, '') }
    expect(check(build(narrowed)).problems).toEqual(['H5_CSP_SDK'])
    const tampered = (f: Record<string, string>) => { f['index.html'] = f['index.html'].replace('window.top', 'window.parent') }
    expect(check(build(tampered)).problems).toEqual(['H5_CSP_INLINE', 'H5_FRAME_GUARD'])
  })

  it('refuses an SDK that calls a host the policy does not know, or that the first page loads', () => {
    const newer = (f: Record<string, string>) => { f['js/cloudbase.89abcdef.js'] += ';var s="https://"+e+".storage.tcloudbasegateway.com/x"' }
    const newerProblems = check(build(newer))
    expect(newerProblems.problems).toEqual(['H5_SDK_UNKNOWN_HOST'])
    const eager = (f: Record<string, string>) => { f['js/app.0123abcd.js'] = SDK_CODE }
    expect(check(build(eager)).problems).toEqual(['H5_SDK_EAGER'])
    expect(check(build((f) => { f['js/cloudbase.89abcdef.js'] = 'nothing' })).problems).toEqual(['H5_SDK_MISSING'])
  })

  it('knows every CloudBase host the installed @cloudbase/js-sdk names in the parts the app loads', () => {
    const sdk = join(dirname(require.resolve('@cloudbase/js-sdk')), '..')
    const parts = ['app', 'auth', 'functions', 'storage'].map((p) => readFileSync(join(sdk, p, 'dist', 'index.esm.js'), 'utf8'))
    const named = [...new Set(parts.flatMap(sdkHostsIn))].sort()
    expect(named).toEqual(['.api.intl.tcloudbasegateway.com', '.api.tcloudbasegateway.com', '.tcb-api.tencentcloudapi.com'])
    for (const suffix of named) expect({ suffix, known: SDK_API_HOSTS.some((h) => h.suffix === suffix) || SDK_UNUSED_HOSTS.includes(suffix) }).toEqual({ suffix, known: true })
  })

  it('uploads index.html last and keeps the build record off the site; prints the headers for a CDN', () => {
    const { checked } = check(build())
    const order = uploadOrder(checked!.files)
    expect(order[order.length - 1]).toBe('index.html')
    expect(order).not.toContain(BUILD_INFO_FILE)
    expect(order).toHaveLength(checked!.files.length - 1)
    expect(headerLines(checked!)).toEqual([
      expect.stringMatching(/^Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-[^']+' 'sha256-[^']+';.*frame-ancestors 'none'$/),
      'X-Frame-Options: DENY', 'X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin'
    ])
  })
})

describe('publishing (manager-node faked at its edge)', () => {
  /** The few manager-node calls the deploy makes, recording what it asked. */
  function fakeManager (trusted: string[]) {
    const asked = { addedDomains: [] as string[][], uploads: [] as string[][] }
    const app = {
      hosting: {
        getInfo: async () => [{ CdnDomain: 'wenming-8g3k2j1a-1250000000.tcloudbaseapp.com', Status: 'online' }],
        uploadFiles: async (o: { files: Array<{ localPath: string; cloudPath: string }> }) => {
          for (const f of o.files) readFileSync(f.localPath) // every file it is handed exists
          asked.uploads.push(o.files.map((f) => f.cloudPath))
          return { successCount: o.files.length, totalFiles: o.files.length }
        }
      },
      env: {
        getEnvInfo: async () => ({ EnvInfo: { Storages: [{ Bucket: target.bucket, Region: 'ap-shanghai' }] } }),
        getEnvAuthDomains: async () => ({ Domains: trusted.map((Domain) => ({ Domain })) }),
        createEnvDomain: async (d: string[]) => { asked.addedDomains.push(d) }
      }
    }
    return { app, asked }
  }

  it('reads the hosting\'s domain and the storage bucket', async () => {
    expect(await readHosting(fakeManager([]).app)).toEqual({ domain: 'wenming-8g3k2j1a-1250000000.tcloudbaseapp.com', status: 'online', bucket: target.bucket, region: 'ap-shanghai' })
  })

  it('trusts the hosting\'s domain for the SDK\'s calls, then uploads everything with index.html alone and last', async () => {
    const { app, asked } = fakeManager(['localhost'])
    const { checked } = check(build())
    const logs: string[] = []
    const site = await publishH5(app, checked!, 'wenming-8g3k2j1a-1250000000.tcloudbaseapp.com', (l) => logs.push(l))
    expect(site).toBe('https://wenming-8g3k2j1a-1250000000.tcloudbaseapp.com/')
    expect(asked.addedDomains).toEqual([['wenming-8g3k2j1a-1250000000.tcloudbaseapp.com']])
    expect(asked.uploads).toEqual([['css/app.0123abcd.css', 'js/app.0123abcd.js', 'js/cloudbase.89abcdef.js'], ['index.html']])
    expect(logs.join('\n')).toContain('上传 4 个文件（index.html 最后）')
    // Already trusted: left as it is.
    const again = fakeManager(['wenming-8g3k2j1a-1250000000.tcloudbaseapp.com'])
    await publishH5(again.app, checked!, 'wenming-8g3k2j1a-1250000000.tcloudbaseapp.com', () => undefined)
    expect(again.asked.addedDomains).toEqual([])
  })
})
