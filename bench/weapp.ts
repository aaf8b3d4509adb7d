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
