import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ALL_COLLECTIONS } from '../server/adapters/cloudbase/collections'
import { buildFunctions, CLOUD_FUNCTIONS } from './build-functions'
import {
  checkBundles, checkDeployment, checkEnvFile, Collector, cronProblem, defaultPaths, parseEnvFile, satisfies,
  type CheckedDeployment, type DeployPaths, type Problem
} from './deploy-checks'
import { deployed, parseArgs, planDeploy, stage } from './deploy'

jest.setTimeout(180_000)

const repo = defaultPaths()

/** A copy of everything the checks read (config/cloudbase and each function's config.json and package.json), to break. */
function copyOfConfig (): DeployPaths {
  const root = mkdtempSync(join(tmpdir(), 'deploy-check-'))
  const paths: DeployPaths = { root: repo.root, functionsDir: join(root, 'cloudfunctions'), configDir: join(root, 'config') }
  cpSync(repo.configDir, paths.configDir, { recursive: true })
  for (const fn of CLOUD_FUNCTIONS) {
    for (const file of ['index.ts', 'config.json', 'package.json']) cpSync(join(repo.functionsDir, fn, file), join(paths.functionsDir, fn, file))
  }
  return paths
}

function edit<T> (file: string, change: (json: T) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as T
  change(json)
  writeFileSync(file, JSON.stringify(json, null, 2))
}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const rcOf = (p: DeployPaths) => join(p.configDir, 'cloudbaserc.json')
const configOf = (p: DeployPaths, fn: string) => join(p.functionsDir, fn, 'config.json')
const key = (x: Problem) => `${x.code} ${x.subject}`

/** The problems a broken copy has beyond those of an untouched copy (whatever others are still adding elsewhere). */
async function newProblems (breakIt: (p: DeployPaths) => void): Promise<Problem[]> {
  const clean = await checkDeployment(copyOfConfig(), { outRoot: null, envVars: null, forDeploy: false })
  const paths = copyOfConfig()
  breakIt(paths)
  const broken = await checkDeployment(paths, { outRoot: null, envVars: null, forDeploy: false })
  const before = new Set(clean.report.problems.map(key))
  return broken.report.problems.filter((x) => !before.has(key(x)))
}

describe('npm run deploy:check', () => {
  it('passes on the repository as it stands: bundles, configs, permissions, rules and indexes', () => {
    const run = spawnSync(join(repo.root, 'node_modules', '.bin', 'tsx'), ['scripts/deploy.ts', '--dry-run'], {
      cwd: repo.root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 170_000
    })
    expect(run.stdout).toContain('部署检查（npm run deploy:check）')
    for (const fn of CLOUD_FUNCTIONS) expect(run.stdout).toMatch(new RegExp(`✓ ${fn}\\s+.*导出 main`))
    expect(run.stdout).toMatch(/✓ timer\s+Nodejs[\d.]+，超时 60 秒，定时触发器 sweep/)
    expect(run.stdout).toMatch(/✓ open311\s+.*HTTP 访问路径 \/open311/)
    expect({ failed: run.stdout.split('\n').filter((l) => l.includes('✗')), exit: run.status }).toEqual({ failed: [], exit: 0 })
    expect(run.stdout).toContain('检查通过')
    expect(run.stdout).toContain('这是演练：没有上传任何东西')
  })
})

describe('a broken configuration fails with the problem named', () => {
  it('a timer trigger whose cron has five fields instead of seven', async () => {
    const problems = await newProblems((p) => {
      edit<Json>(rcOf(p), (rc) => { rc.functions.find((f: Json) => f.name === 'timer').triggers[0].config = '*/5 * * * *' })
      edit<Json>(configOf(p, 'timer'), (c) => { c.triggers[0].config = '*/5 * * * *' })
    })
    expect(problems).toEqual([{ code: 'TRIGGER_CRON', subject: 'timer', message: expect.stringContaining('应有 7 段') }])
  })

  it('a runtime older than sharp needs, for the photos function', async () => {
    const problems = await newProblems((p) => edit<Json>(rcOf(p), (rc) => { rc.functions.find((f: Json) => f.name === 'photos').runtime = 'Nodejs16.13' }))
    expect(problems).toEqual([{ code: 'RUNTIME_ENGINES', subject: 'photos', message: expect.stringMatching(/^sharp 需要 Node .*Nodejs16\.13 不满足/) }])
  })

  it('timeouts that disagree, a function missing from cloudbaserc.json, and an HTTP function without its path', async () => {
    const problems = await newProblems((p) => {
      edit<Json>(configOf(p, 'tickets'), (c) => { c.timeout = 30 })
      edit<Json>(rcOf(p), (rc) => {
        rc.functions = rc.functions.filter((f: Json) => f.name !== 'volunteer')
        delete rc.functions.find((f: Json) => f.name === 'open311').path
      })
    })
    expect(problems.map(key).sort()).toEqual(['HTTP_PATH open311', 'RC_MISSING volunteer', 'TIMEOUT_MISMATCH tickets'])
  })

  it('a collection without a rule, a rule that lets clients write, one that lets them read personal data', async () => {
    const problems = await newProblems((p) => edit<Json>(join(p.configDir, 'database.rules.json'), (r) => {
      delete r.collections.audit
      r.collections.tickets.write = 'auth.openid != null'
      r.collections.users.read = true
      r.collections.categories.read = true // nothing personal: allowed
    }))
    expect(problems.map(key).sort()).toEqual(['RULE_CLIENT_READ users', 'RULE_CLIENT_WRITE tickets', 'RULE_MISSING audit'])
  })

  it('a collection missing from indexes.json, and a malformed index', async () => {
    const problems = await newProblems((p) => edit<Json>(join(p.configDir, 'indexes.json'), (f) => {
      f.collections = f.collections.filter((c: Json) => c.name !== 'messages')
      f.collections.find((c: Json) => c.name === 'tickets').indexes[0].keys[0].direction = 'desc'
    }))
    expect(problems.map(key).sort()).toEqual(['INDEX_COLLECTION_MISSING messages', 'INDEX_INVALID tickets'])
  })

  it('declared cloud-call permissions that do not match the calls the bundle makes', async () => {
    const paths = copyOfConfig()
    edit<Json>(configOf(paths, 'reports'), (c) => { c.permissions.openapi = c.permissions.openapi.filter((x: string) => x !== 'security.msgSecCheck') })
    edit<Json>(configOf(paths, 'users'), (c) => { c.permissions.openapi = ['subscribeMessage.send'] })
    const built = await buildFunctions({ outRoot: mkdtempSync(join(tmpdir(), 'deploy-bundles-')), names: ['reports', 'users', 'photos'] })
    const c = new Collector()
    checkBundles(paths, c, built)
    expect(c.report.problems.map(key).sort()).toEqual(['PERMISSION_UNDECLARED reports', 'PERMISSION_UNUSED users'])
    expect(c.report.problems.find((x) => x.subject === 'reports')!.message).toContain('security.msgSecCheck')
  })
})

describe('.env.cloudbase', () => {
  const good = parseEnvFile([
    '# comment', 'ENV_ID=wenming-8g3k2j1a', 'TCB_REGION=', 'TENCENTCLOUD_SECRETID=AKIDxxxx', "TENCENTCLOUD_SECRETKEY='k3y'",
    `WENMING_CHECKIN_KEY=${'a'.repeat(43)}`, 'WENMING_PUBLIC_URL=https://wm.example.cn', 'WECHAT_TEMPLATE_ID=', 'OTHER=ignored'
  ].join('\n'))

  it('gives the deploy its env id, key and the functions\' WENMING_/WECHAT_ variables', () => {
    const c = new Collector()
    expect(checkEnvFile(good, c, true)).toEqual({
      envId: 'wenming-8g3k2j1a', secretId: 'AKIDxxxx', secretKey: 'k3y', region: null,
      functionEnv: { WENMING_CHECKIN_KEY: 'a'.repeat(43), WENMING_PUBLIC_URL: 'https://wm.example.cn' },
      perFunctionEnv: {}
    })
    expect(c.report.problems).toEqual([])
  })

  const loginKey = (over: Record<string, unknown> = {}) => JSON.stringify({
    private_key_id: 'k1', private_key: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', env_id: 'wenming-8g3k2j1a', ...over
  })

  it('gives the custom-login private key to the auth function alone, and checks it is this environment\'s', () => {
    const c = new Collector()
    const env = checkEnvFile({ ...good, WENMING_CUSTOM_LOGIN_KEY: loginKey() }, c, true, true)
    expect(c.report.problems).toEqual([])
    expect(env!.perFunctionEnv).toEqual({ auth: { WENMING_CUSTOM_LOGIN_KEY: loginKey() } })
    expect(env!.functionEnv).not.toHaveProperty('WENMING_CUSTOM_LOGIN_KEY')
    const codes = (vars: Record<string, string>, forH5 = false) => {
      const x = new Collector()
      checkEnvFile({ ...good, ...vars }, x, true, forH5)
      return x.report.problems.map((p) => `${p.code}: ${p.message}`)
    }
    expect(codes({ WENMING_CUSTOM_LOGIN_KEY: '{"private_key_id":' })).toEqual([expect.stringMatching(/^CUSTOM_LOGIN_KEY_INVALID: .*不是有效的 JSON/)])
    expect(codes({ WENMING_CUSTOM_LOGIN_KEY: loginKey({ env_id: 'other-env' }) })).toEqual([expect.stringMatching(/^CUSTOM_LOGIN_KEY_INVALID: .*是环境 other-env 的私钥/)])
    expect(codes({ WENMING_CUSTOM_LOGIN_KEY: loginKey({ private_key: '' }) })).toEqual([expect.stringMatching(/^CUSTOM_LOGIN_KEY_INVALID: .*缺少 private_key/)])
    // Without it the functions still deploy (the desk's confirmation says what is missing); the web version cannot.
    expect(codes({})).toEqual([])
    expect(codes({}, true)).toEqual([expect.stringMatching(/^CUSTOM_LOGIN_KEY_MISSING: 网页版要靠扫码登录/)])
  })

  it('is not needed for the dry run, and names what is missing or wrong for a deploy', () => {
    const dry = new Collector()
    expect(checkEnvFile(null, dry, false)).toBeNull()
    expect(dry.report.problems).toEqual([])
    const missing = new Collector()
    checkEnvFile(null, missing, true)
    expect(missing.report.problems.map((x) => x.code)).toEqual(['ENV_FILE_MISSING'])
    const bad = new Collector()
    expect(checkEnvFile({ ...parseEnvFile(readFileSync(join(repo.root, '.env.cloudbase.example'), 'utf8')), WENMING_CHECKIN_KEY: 'short' }, bad, true)).toBeNull()
    expect(bad.report.problems.map((x) => x.code)).toEqual(['ENV_ID_MISSING', 'SECRET_MISSING', 'SECRET_MISSING', 'CHECKIN_KEY_SHORT'])
  })
})

describe('what a deploy does', () => {
  let checked: CheckedDeployment
  let stageDir: string
  const env = {
    envId: 'wenming-8g3k2j1a', secretId: 'id', secretKey: 'key', region: 'ap-guangzhou',
    functionEnv: { WENMING_PUBLIC_URL: 'https://wm.example.cn' }, perFunctionEnv: { auth: { WENMING_CUSTOM_LOGIN_KEY: '{"k":1}' } }
  }

  beforeAll(async () => {
    stageDir = mkdtempSync(join(tmpdir(), 'deploy-stage-'))
    checked = await checkDeployment(repo, { outRoot: stageDir, envVars: null, forDeploy: false, names: ['timer', 'open311', 'photos'] })
  })

  it('uploads each function with the CLI, in the env, overwriting, without questions', () => {
    const plan = planDeploy(checked, env, stageDir, null)
    expect(plan.commands.map((c) => c.slice(0, 3).join(' ')).sort()).toEqual(CLOUD_FUNCTIONS.map((fn) => `fn deploy ${fn}`).sort())
    for (const c of plan.commands) expect(c.slice(3)).toEqual(['-e', 'wenming-8g3k2j1a', '--force', '--yes', '-r', 'ap-guangzhou'])
    expect(planDeploy(checked, env, stageDir, ['photos']).commands).toHaveLength(1)
    expect(() => planDeploy(checked, env, stageDir, ['nope'])).toThrow('没有这些云函数：nope')
  })

  it('hands the CLI a cloudbaserc.json with the env id, the functions\' variables, triggers and the HTTP path', () => {
    const plan = planDeploy(checked, env, stageDir, ['timer', 'open311', 'photos'])
    stage(plan, repo)
    const rc = JSON.parse(readFileSync(join(stageDir, 'cloudbaserc.json'), 'utf8'))
    expect(rc).toMatchObject({ envId: 'wenming-8g3k2j1a', functionRoot: '.' })
    const fn = (name: string) => rc.functions.find((f: Json) => f.name === name)
    for (const f of rc.functions) {
      expect(f.envVariables).toEqual({ WENMING_PUBLIC_URL: 'https://wm.example.cn', ...(f.name === 'auth' ? { WENMING_CUSTOM_LOGIN_KEY: '{"k":1}' } : {}) })
    }
    // The private key signs anyone in as anyone: only the function that issues the desk's tickets holds it.
    expect(rc.functions.filter((f: Json) => 'WENMING_CUSTOM_LOGIN_KEY' in f.envVariables).map((f: Json) => f.name)).toEqual(['auth'])
    expect(fn('timer').triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 */5 * * * * *' }])
    expect(fn('open311').path).toBe('/open311')
    expect(fn('photos')).toMatchObject({ runtime: 'Nodejs20.19', installDependency: true })
    for (const name of ['timer', 'open311', 'photos']) {
      for (const file of ['index.js', 'package.json', 'config.json']) expect({ name, file, there: existsSync(join(stageDir, name, file)) }).toEqual({ name, file, there: true })
    }
    expect(JSON.parse(readFileSync(join(stageDir, 'photos', 'package.json'), 'utf8')).dependencies).toHaveProperty('sharp')
  })

  it('sets every collection\'s rule and indexes, and the storage permission', () => {
    const plan = planDeploy(checked, env, stageDir, null)
    const listed = plan.collections.map((c) => c.name)
    for (const coll of ALL_COLLECTIONS.filter((x) => listed.includes(x))) {
      expect(plan.collections.find((c) => c.name === coll)!.rule).toEqual({ read: false, write: false })
    }
    expect(plan.collections.find((c) => c.name === 'photo_reviews')!.indexes.map((i) => i.name)).toEqual(['fileId', 'traceId'])
    expect(plan.storageAcl).toBe('READONLY')
  })

  it('reads success from what the CLI prints, since it exits 0 either way', () => {
    // as @cloudbase/cli 2.12.10 printed it here, with a key it could not check (no network)
    const failed = '- Cloud function deploying...\n✖ [photos] 函数部署失败\n✖   错误信息: No valid identity information, please use cloudbase login to login\n'
    expect(deployed(failed)).toBe(false)
    expect(deployed('- 云函数部署中...\n✔ [photos] 云函数部署成功！\n')).toBe(true)
    expect(deployed('✔ [photos] Cloud function deployed successfully!\n')).toBe(true)
  })

  it('reads its arguments', () => {
    expect(parseArgs(['--dry-run'], '/r')).toEqual({ dryRun: true, only: null, envFile: '/r/.env.cloudbase', h5: false, h5Only: false, h5Dir: null })
    expect(parseArgs(['--h5', '--h5-dir', '/tmp/site'], '/r')).toMatchObject({ h5: true, h5Dir: '/tmp/site' })
    expect(parseArgs(['--only', 'photos,reports'], '/r').only).toEqual(['photos', 'reports'])
    expect(parseArgs(['--h5'], '/r')).toMatchObject({ h5: true, h5Only: false })
    expect(parseArgs(['--h5-only'], '/r')).toMatchObject({ h5: true, h5Only: true })
    expect(() => parseArgs(['--h5-only', '--only', 'auth'], '/r')).toThrow('--h5-only 只发布网页版')
    expect(() => parseArgs(['--force'], '/r')).toThrow('不认识的参数 --force')
  })
})

describe('the rules the checks apply', () => {
  it('cron: seven fields, numbers, ranges, steps, lists and names within their bounds', () => {
    for (const ok of ['0 */5 * * * * *', '0 30 2 * * * *', '0 0 9-18/3 * * MON-FRI *', '0 0 0 1,15 JAN * 2030']) expect({ ok, problem: cronProblem(ok) }).toEqual({ ok, problem: null })
    expect(cronProblem('*/5 * * * *')).toContain('应有 7 段')
    expect(cronProblem('0 60 * * * * *')).toContain('第 2 段（分）')
    expect(cronProblem('0 0 25 * * * *')).toContain('第 3 段（时）')
    expect(cronProblem('0 0 0 * * 7 *')).toContain('第 6 段（星期）')
    expect(cronProblem('0 */0 * * * * *')).toContain('步长')
    expect(cronProblem('0 5-1 * * * * *')).toContain('超出范围')
  })

  it('engines ranges as sharp and the SDK write them', () => {
    const sharpNeeds = '^18.17.0 || ^20.3.0 || >=21.0.0'
    expect(['16.13.0', '18.15.0', '20.19.0', '22.21.0'].map((v) => satisfies(v, sharpNeeds))).toEqual([false, false, true, true])
    expect(satisfies('16.13.0', '>=12')).toBe(true)
    expect(satisfies('12.16.0', '>=14.0.0 <20')).toBe(false)
  })
})
