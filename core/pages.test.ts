import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { PAGES, TAB_PAGES, isTabPage, pageLink, pageUrl } from './pages'

interface AppConfig {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
}

const ROOT = join(__dirname, '..')

/** src/app.config.ts as Taro reads it: `defineAppConfig` is a global the Taro build provides. */
function appConfig (): AppConfig {
  Object.assign(globalThis, { defineAppConfig: (c: AppConfig) => c })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../src/app.config') as { default: AppConfig }).default
}

function declaredPages (c: AppConfig): string[] {
  return [...c.pages, ...(c.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
}

/** Page paths written as string literals (quoted or in a template), with or without the leading slash. */
const PAGE_LITERAL = /['"`]\/?((?:pages|packages)\/(?:[\w-]+\/)+index)(?![\w-])/g

function pageLiterals (source: string): string[] {
  return Array.from(source.matchAll(PAGE_LITERAL), (m) => m[1])
}

function sourceFiles (dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|jsx)$/.test(name) ? [path] : []
  })
}

describe('page paths', () => {
  const config = appConfig()
  const named: string[] = Object.values(PAGES)

  it('names every page app.config.ts declares, and declares every page it names', () => {
    const declared = declaredPages(config)
    expect(declared.length).toBeGreaterThan(0)
    expect(declared.filter((p) => !named.includes(p))).toEqual([])
    expect(named.filter((p) => !declared.includes(p))).toEqual([])
    expect(new Set(named).size).toBe(named.length)
  })

  it('puts only main-package pages on the tab bar, and every page has its source file', () => {
    for (const t of config.tabBar?.list ?? []) expect(config.pages).toContain(t.pagePath)
    for (const p of named) expect([p, existsSync(join(ROOT, 'src', `${p}.tsx`))]).toEqual([p, true])
  })

  it('names the tab bar\'s pages as app.config.ts lists them, and tells a tab page by its url', () => {
    expect([...TAB_PAGES]).toEqual((config.tabBar?.list ?? []).map((t) => t.pagePath))
    expect(isTabPage(pageUrl(PAGES.report))).toBe(true)
    expect(isTabPage(pageLink(PAGES.me))).toBe(true)
    expect(isTabPage(pageUrl(PAGES.ticketDetail, { id: 't-1' }))).toBe(false)
    expect(isTabPage(pageUrl(PAGES.notFound))).toBe(false)
  })

  it('builds the navigate form with a slash and the subscribe-message form without, query encoded', () => {
    expect(pageUrl(PAGES.ticketDetail, { id: 't-1' })).toBe('/packages/ticket/detail/index?id=t-1')
    expect(pageLink(PAGES.ticketDetail, { id: 't-1' })).toBe('packages/ticket/detail/index?id=t-1')
    expect(pageUrl(PAGES.me)).toBe('/pages/me/index')
    expect(pageLink(PAGES.survey, { id: 'a b&c', from: undefined, n: 2 })).toBe('packages/citizen/survey/index?id=a%20b%26c&n=2')
  })

  it('finds page-path literals in source text, so the scan below can fail', () => {
    const sample = "page: `packages/citizen/ticket/index?id=${id}`, url: '/pages/me/index', file: 'src/pages/me/index.tsx'"
    expect(pageLiterals(sample)).toEqual(['packages/citizen/ticket/index', 'pages/me/index'])
  })

  it('writes no page path as a literal in src/ or server/ outside core/pages.ts and src/app.config.ts', () => {
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'server'))]
      .filter((f) => relative(ROOT, f) !== join('src', 'app.config.ts'))
    expect(files.length).toBeGreaterThan(50)
    const found = files.flatMap((f) => pageLiterals(readFileSync(f, 'utf8')).map((p) => `${relative(ROOT, f)}: ${p}`))
    expect(found).toEqual([])
  })
})
