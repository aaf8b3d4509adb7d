/**
 * Screen-reader labels reach the weapp build (config/weapp-aria): base.wxml binds aria-role / aria-label / aria-* on
 * the components the app labels, and the runtime writes each prop under the key the template reads.
 *
 * Reads $WEAPP_DIR, else dist/weapp when it was built after the plugin last changed, else builds one into a temp folder
 * (`taro build --type weapp`, about 15 s).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { openTestApp } from '../server/testing/app'
import { createRuntime, type Files } from './weapp-runtime'

const root = join(__dirname, '..')
const PLUGIN_FILES = ['config/index.ts', 'config/weapp-aria/index.ts', 'config/weapp-aria/components.json', 'config/weapp-aria/runtime.js']

function builtAfterPlugin (dir: string): boolean {
  const base = join(dir, 'base.wxml')
  if (!existsSync(base)) return false
  const built = statSync(base).mtimeMs
  return PLUGIN_FILES.every((f) => statSync(join(root, f)).mtimeMs < built)
}

let dir = ''
let temp: string | null = null

beforeAll(() => {
  if (process.env.WEAPP_DIR) { dir = process.env.WEAPP_DIR; return }
  if (builtAfterPlugin(join(root, 'dist', 'weapp'))) { dir = join(root, 'dist', 'weapp'); return }
  temp = mkdtempSync(join(tmpdir(), 'weapp-aria-'))
  dir = join(temp, 'weapp')
  // NODE_ENV=test (jest's) would keep Taro from compiling the TypeScript plugin.
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', TARO_OUTPUT_ROOT: dir },
    encoding: 'utf8'
  })
  if (r.status !== 0 || !existsSync(join(dir, 'base.wxml'))) throw new Error(`taro build --type weapp failed:\n${(r.stdout + r.stderr).slice(-2000)}`)
}, 120_000)

afterAll(() => { if (temp) rmSync(temp, { recursive: true, force: true }) })

interface Tmpl { tag: string; attrs: Record<string, string> }

/** base.wxml's first-level templates by node name (the `nn` in page data): the element each renders and its attributes. */
function templates (wxml: string): Map<string, Tmpl> {
  const out = new Map<string, Tmpl>()
  for (const m of wxml.matchAll(/<template name="tmpl_0_([\w-]+)">\s*<([a-z-]+)\s([^>]*)>/g)) {
    const attrs: Record<string, string> = {}
    for (const a of m[3].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2]
    out.set(m[1], { tag: m[2], attrs })
  }
  return out
}

/** The data key a template reads an attribute from: `{{i.p4}}` → p4. */
function dataKey (t: Tmpl, attr: string): string | undefined {
  return /^\{\{i\.(\w+)\}\}$/.exec(t.attrs[attr] ?? '')?.[1]
}

// What the app's pages set (grep ariaLabel / ariaRole / aria- under src/), per component.
const EXPECTED: Record<string, string[]> = {
  view: ['aria-role', 'aria-label', 'aria-hidden', 'aria-checked', 'aria-disabled', 'aria-selected', 'aria-live'],
  button: ['aria-role', 'aria-label'],
  image: ['aria-role', 'aria-label'],
  text: ['aria-hidden', 'aria-label'],
  input: ['aria-label'],
  textarea: ['aria-label']
}

// pure-view and click-view bind only style and class: Taro renders a node with any other prop as another view.
const bindsProps = (t: Tmpl) => Object.keys(t.attrs).some((a) => !/^(style|class|id|data-sid|bind\w+|catch\w+)$/.test(a))

describe('base.wxml', () => {
  it('binds the aria attributes to node data on every template of the labelled components', () => {
    const all = [...templates(readFileSync(join(dir, 'base.wxml'), 'utf8')).values()]
    for (const [tag, attrs] of Object.entries(EXPECTED)) {
      const full = all.filter((t) => t.tag === tag && bindsProps(t))
      expect({ tag, templates: full.length > 0 }).toEqual({ tag, templates: true })
      for (const t of full) {
        for (const attr of attrs) expect({ tag, attr, key: dataKey(t, attr) }).toEqual({ tag, attr, key: expect.stringMatching(/^\w+$/) })
      }
    }
  })

  it('leaves components the app does not label as they were', () => {
    const all = [...templates(readFileSync(join(dir, 'base.wxml'), 'utf8')).values()]
    const others = all.filter((t) => !(t.tag in EXPECTED))
    expect(others.length).toBeGreaterThan(0)
    for (const t of others) expect({ tag: t.tag, aria: Object.keys(t.attrs).filter((a) => a.startsWith('aria-')) }).toEqual({ tag: t.tag, aria: [] })
  })
})

function readBundle (from: string): Files {
  const files: Files = {}
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else files[relative(from, p).split(sep).join('/')] = readFileSync(p)
    }
  }
  walk(from)
  return files
}

interface Node { nn: string; cl?: string; cn?: Node[]; [key: string]: unknown }

function nodes (tree: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(tree)) tree.forEach((n) => nodes(n, out))
  else if (typeof tree === 'object' && tree !== null) {
    if (typeof (tree as Node).nn === 'string') out.push(tree as Node)
    Object.values(tree).forEach((v) => nodes(v, out))
  }
  return out
}

describe('the home page on weapp', () => {
  it('writes each aria prop where its template reads it', async () => {
    const tmpl = templates(readFileSync(join(dir, 'base.wxml'), 'utf8'))
    const app = await openTestApp()
    const errors: string[] = []
    const rt = createRuntime(readBundle(dir), {
      callFunction: async ({ name, data }) => app.routers[name as keyof typeof app.routers](data as never, { kind: 'user', openid: 'wx-aria-test' }),
      onError: (m) => errors.push(m)
    })
    let shown: Node[]
    try {
      rt.launch()
      shown = nodes((await rt.openPage('pages/index/index')).data)
    } finally {
      rt.close()
    }
    expect(errors).toEqual([])
    /** What the screen reader gets for a node: its template's attribute, filled from the node's data. */
    const read = (n: Node, attr: string) => {
      const t = tmpl.get(n.nn)
      const key = t && dataKey(t, attr)
      return key ? n[key] : undefined
    }
    const byClass = (cl: RegExp) => shown.filter((n) => cl.test(n.cl ?? ''))

    const shortcuts = byClass(/(^| )shortcut( |$)/)
    expect(shortcuts).toHaveLength(3)
    for (const s of shortcuts) expect(read(s, 'aria-role')).toBe('button')

    const icons = byClass(/(^| )sc-icon( |$)/)
    expect(icons).toHaveLength(3)
    for (const i of icons) expect(read(i, 'aria-hidden')).toBe('true')

    const rates = byClass(/(^| )rate( |$)/)
    expect(rates.length).toBeGreaterThan(0)
    expect(read(rates[0], 'aria-label')).toMatch(/^知晓率 \d+(\.\d)?%/)
  })
})
