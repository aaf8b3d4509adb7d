import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { buildFunctions, CLOUD_FUNCTIONS, functionDependencies } from './build-functions'
import { openApiNamesIn } from './deploy-checks'

const root = join(__dirname, '..', 'cloudfunctions')

describe('cloud function bundles', () => {
  const out = mkdtempSync(join(tmpdir(), 'functions-'))
  let built: Awaited<ReturnType<typeof buildFunctions>>

  beforeAll(async () => { built = await buildFunctions({ outRoot: out }) }, 60_000)

  it('has one folder per function, each with a thin index.ts, its own package.json (the SDK; sharp for photos) and config.json', () => {
    const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    expect(folders).toEqual([...CLOUD_FUNCTIONS].sort())
    for (const fn of CLOUD_FUNCTIONS) {
      const pkg = JSON.parse(readFileSync(join(root, fn, 'package.json'), 'utf8'))
      expect({ fn, deps: Object.keys(pkg.dependencies) }).toEqual({ fn, deps: fn === 'photos' ? ['@cloudbase/node-sdk', 'sharp'] : ['@cloudbase/node-sdk'] })
      const config = JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8'))
      expect(config.timeout).toBeGreaterThanOrEqual(10)
      const source = readFileSync(join(root, fn, 'index.ts'), 'utf8')
      expect(source.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//')).length).toBeLessThanOrEqual(4)
    }
    const timer = JSON.parse(readFileSync(join(root, 'timer', 'config.json'), 'utf8'))
    expect(timer.triggers[0]).toMatchObject({ type: 'timer' })
  })

  it('bundles every function into a self-contained index.js that loads in plain Node and exports main', () => {
    expect(built.map((b) => b.name)).toEqual(CLOUD_FUNCTIONS)
    for (const b of built) {
      const code = readFileSync(b.file, 'utf8')
      // Only the function's own dependencies stay external; no relative import survives bundling, and nothing local-only is inside.
      const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])
      expect(requires.filter((r) => r.startsWith('.'))).toEqual([])
      expect(requires.filter((r) => !r.startsWith('node:') && !builtinModules.includes(r) && !functionDependencies(b.name).includes(r))).toEqual([])
      expect(code).not.toMatch(/better-sqlite3|server\/gateway|dev\/login/)
      // Plain Node, outside Jest's module system: only the SDK is found, through NODE_PATH as CloudBase installs it.
      const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(typeof require(${JSON.stringify(b.file)}).main)`], {
        env: { ...process.env, NODE_PATH: join(__dirname, '..', 'node_modules') }, encoding: 'utf8'
      })
      expect(probe.stderr).toBe('')
      expect(probe.stdout).toBe('function')
    }
  })

  it('finds open-API names in code, and not field paths that look alike', () => {
    expect(openApiNamesIn('a("security.msgSecCheck",1);b(`subscribeMessage.send`);c("location.lat");d("security.msgSecCheck")'))
      .toEqual(['security.msgSecCheck', 'subscribeMessage.send'])
  })

  it('declares in each config.json exactly the open APIs its bundle can call: none undeclared, none unused', () => {
    for (const b of built) {
      const config = JSON.parse(readFileSync(join(root, b.name, 'config.json'), 'utf8'))
      const declared = [...config.permissions.openapi].sort()
      expect({ fn: b.name, openapi: declared }).toEqual({ fn: b.name, openapi: openApiNamesIn(readFileSync(b.file, 'utf8')) })
    }
  })

  it('shares server code through the bundle, not by copies in the function folders', () => {
    for (const fn of CLOUD_FUNCTIONS) {
      const files = readdirSync(join(root, fn)).filter((f) => /\.(ts|js)$/.test(f) && f !== 'index.js')
      expect(files).toEqual(['index.ts'])
    }
  })
})
