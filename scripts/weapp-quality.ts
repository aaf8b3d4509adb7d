import type { QualityItem } from './miniprogram-ci'

/**
 * What DevTools' 代码质量 panel (miniprogram-ci's checkCodeQuality) answers, read as tests: one per item, green or
 * red. Pure, so the reading itself is tested without the 275 MB package.
 */

/** The items miniprogram-ci 2.1.42 runs for a mini-program. One missing means the check itself broke: red. */
export const QUALITY_ITEMS = [
  'PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT', 'CONTAINS_OTHER_PKG_JS', 'CONTAINS_OTHER_PKG_COMPONENTS', 'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS', 'CONTAINS_UNUSED_CODES'
] as const

export interface Verdict { name: string; ok: boolean; line: string }

/** The main package's key in PACKAGE_SIZE_LIMIT's detail; subpackages are keyed by their root (`packages/admin/`). */
const MAIN_KEY = '__APP__'

export interface PackageSize { pkg: string; bytes: number }

/** Bytes per package as the check counts them: the main package first, then each subpackage by root (no slash). */
export function packageSizes (items: QualityItem[]): PackageSize[] {
  const detail = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail
  if (typeof detail !== 'object' || detail === null) return []
  const entries = Object.entries(detail as Record<string, number>).map(([k, bytes]) => ({ pkg: k === MAIN_KEY ? 'main' : k.replace(/\/$/, ''), bytes }))
  return [...entries.filter((e) => e.pkg === 'main'), ...entries.filter((e) => e.pkg !== 'main').sort((a, b) => a.pkg.localeCompare(b.pkg))]
}

/** Bytes per package of the compiled files (what an upload sends), split by the subpackage roots of app.json. */
export function compiledSizes (files: Record<string, string | Buffer>, subRoots: string[]): PackageSize[] {
  const roots = subRoots.map((r) => r.replace(/\/$/, '')).sort()
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])])
  for (const [path, body] of Object.entries(files)) {
    const pkg = roots.find((r) => path.startsWith(`${r}/`)) ?? 'main'
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + Buffer.byteLength(body))
  }
  return [...sizes].map(([pkg, bytes]) => ({ pkg, bytes }))
}

const bytes = (n: number) => `${n.toLocaleString('en-US')} B`

function detailText (item: QualityItem): string {
  const d = item.detail as unknown
  if (item.name === 'PACKAGE_SIZE_LIMIT') return packageSizes([item]).map((p) => `${p.pkg === 'main' ? '主包' : p.pkg} ${bytes(p.bytes)}`).join(' · ')
  if (Array.isArray(d)) return d.length ? d.map(String).join(', ') : ''
  if (typeof d === 'object' && d !== null && Array.isArray((d as { files?: unknown }).files)) {
    const files = (d as { files: unknown[] }).files
    return files.length ? files.map((f) => typeof f === 'object' && f !== null && 'path' in f ? String((f as { path: unknown }).path) : String(f)).join(', ') : ''
  }
  return ''
}

/**
 * One verdict per expected item; red when it failed or is missing from the answer. A checker that throws is logged
 * by the package and its item reported green, so each error it logged is one more red verdict.
 */
export function judgeQuality (items: QualityItem[], crashed: string[] = []): Verdict[] {
  const byName = new Map(items.map((i) => [i.name, i]))
  const names = [...QUALITY_ITEMS, ...items.map((i) => i.name).filter((n) => !(QUALITY_ITEMS as readonly string[]).includes(n))]
  const verdicts = names.map((name): Verdict => {
    const item = byName.get(name)
    if (!item) return { name, ok: false, line: `✗ ${name}: missing from checkCodeQuality's answer` }
    const detail = detailText(item)
    return { name, ok: item.success, line: `${item.success ? '✓' : '✗'} ${name}: ${item.text.replace(/[:：\s]+$/, '')}${detail ? ` — ${detail}` : ''}` }
  })
  return [...verdicts, ...crashed.map((c): Verdict => ({ name: 'checker error', ok: false, line: `✗ a checker threw, so its item above reads green: ${c}` }))]
}
