import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { BenchResult } from './types'

function walk (dir: string): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? walk(p) : [{ path: p, bytes: statSync(p).size }]
  })
}

/** Package sizes of the production weapp build, split as WeChat counts them: main package vs each subpackage root. */
export function weappSizes (distDir: string): BenchResult[] {
  const appJson = join(distDir, 'app.json')
  if (!existsSync(appJson)) throw new Error(`no weapp build at ${distDir}: run npm run build:weapp first`)
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const files = walk(distDir)
  const sub = new Map(roots.map((r) => [r, 0]))
  let main = 0
  for (const f of files) {
    const rel = relative(distDir, f.path)
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    if (root) sub.set(root, (sub.get(root) ?? 0) + f.bytes)
    else main += f.bytes
  }
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10
  const [maxRoot, maxBytes] = [...sub.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0]
  const total = files.reduce((s, f) => s + f.bytes, 0)
  return [
    { name: 'weapp.main_kb', value: kb(main), unit: 'KB', note: `main package (tab pages + shared runtime); target ≤ 600 KB, WeChat limit 2,048 KB` },
    { name: 'weapp.subpackage_max_kb', value: kb(maxBytes), unit: 'KB', note: `largest subpackage (${maxRoot}); target ≤ 1,536 KB. All: ${[...sub.entries()].map(([r, b]) => `${r} ${kb(b)}`).join(', ')}` },
    { name: 'weapp.total_kb', value: kb(total), unit: 'KB', note: `whole build, ${files.length} files; WeChat limit 30 MB` }
  ]
}

interface CheckSizes {
  ran: boolean
  compileSeconds?: number
  compiledFiles?: number
  checkSizes?: Array<{ pkg: string; bytes: number }>
  compiledSizes?: Array<{ pkg: string; bytes: number }>
}

/**
 * The sizes WeChat's own tools give (scripts/weapp-check.ts): PACKAGE_SIZE_LIMIT's bytes per package, as DevTools'
 * 代码质量 panel counts them, and the bytes of the compiled files an upload sends (es6 → ES5, minified).
 */
export function weappCheckSizes (check: CheckSizes): BenchResult[] {
  if (!check.ran || !check.checkSizes?.length) throw new Error('the weapp check did not run: no sizes from WeChat\'s tools')
  const name = (pkg: string) => pkg === 'main' ? 'main' : pkg.replace(/^packages\//, '')
  const uploaded = check.compiledSizes ?? []
  const upMain = uploaded.find((p) => p.pkg === 'main')?.bytes ?? 0
  const upSubs = uploaded.filter((p) => p.pkg !== 'main')
  return [
    ...check.checkSizes.map((p): BenchResult => ({
      name: `weapp.check.${name(p.pkg)}_bytes`,
      value: p.bytes,
      unit: 'B',
      note: p.pkg === 'main'
        ? 'main package as 代码质量 PACKAGE_SIZE_LIMIT counts it (red above 1.5 MB = 1,572,864 B; upload limit 2 MB)'
        : `subpackage ${p.pkg} as PACKAGE_SIZE_LIMIT counts it (upload limit 2 MB per subpackage)`
    })),
    { name: 'weapp.upload.main_bytes', value: upMain, unit: 'B', note: `main package after WeChat's compiler (what an upload sends, ${check.compiledFiles ?? 0} files in all)` },
    { name: 'weapp.upload.subpackages_bytes', value: upSubs.reduce((s, p) => s + p.bytes, 0), unit: 'B', note: `all subpackages after WeChat's compiler: ${upSubs.map((p) => `${name(p.pkg)} ${p.bytes.toLocaleString('en-US')}`).join(', ')}` },
    { name: 'weapp.compile_s', value: check.compileSeconds ?? 0, unit: 's', note: 'WeChat\'s compiler (miniprogram-ci getCompiledResult) over the production build, project settings' }
  ]
}
