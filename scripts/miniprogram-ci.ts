import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * WeChat's own compiler and code-quality check (`miniprogram-ci`, the package DevTools' upload is built on). It is
 * ~275 MB and ~1,100 packages, so it is not a dependency of the project: it is installed once, on demand, into a
 * cache folder outside the repo (reused by every checkout and by CI's next step) and required from there.
 */
export const MINIPROGRAM_CI_VERSION = '2.1.42'

/** `$MINIPROGRAM_CI_DIR`, else `${XDG_CACHE_HOME:-~/.cache}/wenming/miniprogram-ci`. */
export function miniprogramCiDir (env: Record<string, string | undefined> = process.env): string {
  if (env.MINIPROGRAM_CI_DIR) return env.MINIPROGRAM_CI_DIR
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'wenming', 'miniprogram-ci')
}

export function installedVersion (dir: string): string | null {
  const pkg = join(dir, 'node_modules', 'miniprogram-ci', 'package.json')
  if (!existsSync(pkg)) return null
  try {
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version ?? null
  } catch {
    return null
  }
}

/** The check could not run at all (no registry, no disk): said loudly by the caller, never taken for a pass. */
export class CheckUnavailable extends Error {}

/** Installs the pinned version into `dir` unless it is there already. Returns the seconds it took, or 0 if reused. */
export function ensureMiniprogramCi (dir: string, log: (line: string) => void): number {
  const have = installedVersion(dir)
  if (have === MINIPROGRAM_CI_VERSION) return 0
  log(`installing miniprogram-ci ${MINIPROGRAM_CI_VERSION} into ${dir}${have ? ` (replacing ${have})` : ''} — once, about a minute, ~275 MB …`)
  mkdirSync(dir, { recursive: true })
  const t0 = Date.now()
  const res = spawnSync('npm', ['install', '--prefix', dir, `miniprogram-ci@${MINIPROGRAM_CI_VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']
  })
  const seconds = Math.round((Date.now() - t0) / 100) / 10
  if (res.status !== 0 || installedVersion(dir) !== MINIPROGRAM_CI_VERSION) {
    const lines = (res.error?.message ?? `${res.stderr ?? ''}${res.stdout ?? ''}`).split('\n').filter((l) => l.trim())
    const key = lines.filter((l) => /npm error (code|errno|network|request to|notarget|404)/i.test(l))
    const why = (key.length ? key : lines.slice(-8)).slice(0, 6).join('\n')
    throw new CheckUnavailable(`npm install miniprogram-ci@${MINIPROGRAM_CI_VERSION} failed after ${seconds} s:\n${why}`)
  }
  log(`installed miniprogram-ci ${MINIPROGRAM_CI_VERSION} in ${seconds} s`)
  return seconds
}

/** The parts of miniprogram-ci the check uses (its own typings live in the cache folder, not here). */
export interface QualityItem { name: string; success: boolean; text: string; docURL?: string; detail?: unknown }
export interface CiProject { attr: () => Promise<unknown> }
export interface MiniprogramCi {
  Project: new (o: { appid: string; type: 'miniProgram'; projectPath: string; privateKey: string }) => CiProject
  getCompiledResult: (o: { project: CiProject; setting: Record<string, unknown> }, zipPath?: string) => Promise<Record<string, string | Buffer>>
  checkCodeQuality: (project: CiProject) => Promise<QualityItem[]>
  locales: { setLocale: (l: 'zh' | 'en') => void }
  DefaultProjectAttr: unknown
}

export function loadMiniprogramCi (dir: string): MiniprogramCi {
  const req = createRequire(join(dir, 'package.json'))
  const ci = req('miniprogram-ci') as Omit<MiniprogramCi, 'DefaultProjectAttr'>
  const { DefaultProjectAttr } = req('miniprogram-ci/dist/config/config') as { DefaultProjectAttr: unknown }
  return { ...ci, DefaultProjectAttr } as MiniprogramCi
}

/**
 * A project as DevTools would open it, with no AppID, key or network: the tourist AppID, no private key, and the
 * project attributes (which an upload fetches from WeChat's servers, failing with ENOTFOUND/20001 offline) answered
 * with the defaults the package ships.
 */
export function offlineProject (ci: MiniprogramCi, projectPath: string): CiProject {
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKey: 'none' })
  project.attr = async () => ci.DefaultProjectAttr
  return project
}
