/**
 * Each declared page's first screen, run from the compiled weapp files (what an upload sends) in Node: the bundle's
 * wx.cloud.callFunction goes to the real handlers over the seeded demo city (in-memory SQLite), as a first-time WeChat
 * user and as each demo role. A page passes when it mounts without a runtime error or a server failure and shows its
 * Chinese text.
 *
 *   tsx scripts/testing/weapp-pages.ts <compiled weapp folder> [--json results.json]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { FUNCTION_NAMES, type FunctionName } from '../../core/api'
import type { Result } from '../../core/errors'
import { PAGES, type PageName } from '../../core/pages'
import { DEMO_ACCOUNTS } from '../../server/seed/users'
import { openTestApp, type TestApp } from '../../server/testing/app'
import { freshSignIn } from '../../server/testing/signin'
import { createRuntime, visibleText, type Files } from '../weapp-runtime'

/** Words each page shows whoever opens it (any one of them): its own part of the first screen, not the tab bar. */
const PAGE_TEXT: Record<PageName, string[]> = {
  home: ['知晓率', '随手拍'],
  report: ['问题类别', '提交'],
  me: ['我的随手拍', '消息'],
  notFound: ['页面不存在'],
  messages: ['消息'],
  myReports: ['我上报的', '随手拍'],
  survey: ['调查', '问卷'],
  surveys: ['问卷', '调查'],
  ticketDetail: ['编号', '地点'],
  events: ['志愿', '报名', '活动'],
  eventDetail: ['活动', '报名', '名额'],
  volunteerRegister: ['注册', '志愿者'],
  myVolunteer: ['志愿', '时长', '注册'],
  certificate: ['志愿服务记录证明', '证明'],
  verifyCertificate: ['核验', '证明'],
  organize: ['活动', '组织', '权限'],
  eventEdit: ['活动', '保存', '权限'],
  roster: ['名单', '报名', '权限'],
  checkinCode: ['签到', '权限'],
  orgReport: ['培训', '报告', '权限'],
  gridInbox: ['待办', '全部', '网格'],
  adminTriage: ['待分拣', '分拣'],
  adminSurveys: ['问卷', '权限'],
  surveyEdit: ['问卷', '权限'],
  surveyResults: ['知晓率', '权限'],
  adminDashboard: ['知晓率', '权限'],
  adminCategories: ['分类', '权限'],
  adminSettings: ['设置', '权限'],
  adminPeople: ['人员', '权限'],
  adminAudit: ['操作记录', '权限'],
  adminGrids: ['网格', '权限'],
  deskSignIn: ['电脑', '登录'],
  scanSignIn: ['登录', '电脑'],
  deskSessions: ['桌面登录', '电脑']
}

// The first persona is someone opening the mini-program for the first time: a new openid on every page, since each
// page's first calls are then also the caller's first (they become a citizen on the first one).
const FIRST_TIME = 'wx-first-time'
const PERSONAS = [
  { label: '首次打开的微信用户', openid: FIRST_TIME },
  ...Object.entries(DEMO_ACCOUNTS).map(([role, a]) => ({ label: `${a.nickname}（${role}）`, openid: a.openid }))
]

/**
 * A ticket the caller may open (their own report, then their inbox, then the office's queue); someone with none gets
 * 张阿姨's, and the page must then say they may not see it.
 */
async function ticketFor (app: TestApp, openid: string | null): Promise<{ id: string; visible: boolean }> {
  const firstId = (r: Result<unknown>) => r.ok ? (r.data as { items: Array<{ id: string }> }).items[0]?.id : undefined
  if (openid) {
    const as = app.as(openid)
    for (const list of [() => as('reports', 'mine', {}), () => as('tickets', 'inbox', {}), () => as('tickets', 'triage', {})]) {
      const id = firstId(await list())
      if (id && (await as('tickets', 'get', { id })).ok) return { id, visible: true }
    }
  }
  const id = firstId(await app.as(DEMO_ACCOUNTS.citizen.openid)('reports', 'mine', {}))
  if (!id) throw new Error('the demo city has no report of 张阿姨')
  return { id, visible: false }
}

const CHINESE = /[\u4e00-\u9fff]/g

function readBundle (dir: string): Files {
  const files: Files = {}
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else files[relative(dir, p).split(sep).join('/')] = readFileSync(p)
    }
  }
  walk(dir)
  return files
}

/** Every page path app.json declares: main package pages and each subpackage's, with its root. */
function declaredPages (appJson: string): Set<string> {
  const app = JSON.parse(appJson) as { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> }
  return new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))])
}

async function main (): Promise<void> {
  const [dir, ...rest] = process.argv.slice(2)
  const jsonAt = rest.indexOf('--json')
  const jsonOut = jsonAt >= 0 ? rest[jsonAt + 1] : undefined
  const files: Files = readBundle(dir)
  const declared = declaredPages(files['app.json'].toString())

  const app = await openTestApp()
  const issued = await app.as(DEMO_ACCOUNTS.volunteer.openid)('volunteer', 'requestCertificate', {})
  if (!issued.ok) throw new Error(`could not issue 李志愿's certificate: ${issued.error.message}`)
  const certificate = issued.data.number
  // A first-time caller has no ticket of their own (and asking would register them before the page does).
  const queries = async (openid: string | null) => {
    const ticket = await ticketFor(app, openid)
    const query: Partial<Record<PageName, Record<string, string>>> = {
      ticketDetail: { id: ticket.id },
      notFound: { path: 'pages/no-such-page/index' },
      eventDetail: { id: 'ev-002' },
      roster: { id: 'ev-002' },
      checkinCode: { id: 'ev-002' },
      eventEdit: { id: 'ev-002' },
      // The seeded survey (open, with answers): the editor shows it read-only, the results have figures.
      surveyEdit: { id: 'sv-2026-civility' },
      surveyResults: { id: 'sv-2026-civility' },
      // 李志愿's certificate: his own to him, not found for everyone else.
      certificate: { number: certificate },
      verifyCertificate: { number: certificate },
      // A desk's code as the phone scanned it: the confirm page shows who signs in where.
      scanSignIn: { qr: (await freshSignIn(app.store, app.clock)).qr }
    }
    const words: Record<PageName, string[]> = { ...PAGE_TEXT, ticketDetail: ticket.visible ? PAGE_TEXT.ticketDetail : ['没有权限'] }
    return { query, words }
  }

  let passed = 0
  let failed = 0
  let current: string[] | null = null
  process.on('unhandledRejection', (e) => { current?.push(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`) })

  let visitors = 0
  for (const persona of PERSONAS) {
    for (const [name, route] of Object.entries(PAGES) as Array<[PageName, string]>) {
      const openid = persona.openid === FIRST_TIME ? `${FIRST_TIME}-${++visitors}` : persona.openid
      const { query, words } = await queries(persona.openid === FIRST_TIME ? null : openid)
      const problems: string[] = []
      current = problems
      const failures: string[] = []
      let text: string[] = []
      if (!declared.has(route)) problems.push('not declared in the build\'s app.json')
      else {
        const rt = createRuntime(files, {
          callFunction: async ({ name: fn, data }) => {
            if (!(FUNCTION_NAMES as readonly string[]).includes(fn)) throw new Error(`no cloud function ${fn}`)
            const result = await app.routers[fn as FunctionName](data as never, { kind: 'user', openid })
            const r = result as { ok: boolean; error?: { code: string; message: string } }
            if (!r.ok && r.error?.code === 'INTERNAL') failures.push(`${fn}.${String((data as { action?: unknown }).action)} → INTERNAL: ${r.error.message}`)
            return result
          },
          onError: (m) => problems.push(m)
        })
        try {
          rt.launch()
          const page = await rt.openPage(route, query[name] ?? {})
          text = visibleText(page.data)
        } catch (e) {
          problems.push(`threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`)
        } finally {
          rt.close()
        }
        const joined = text.join(' ')
        if ((joined.match(CHINESE) ?? []).length < 4) problems.push('shows no Chinese text')
        else if (!words[name].some((w) => joined.includes(w))) problems.push(`shows none of ${words[name].join(' / ')}`)
        problems.unshift(...failures)
      }
      current = null
      const shown = text.join(' ').replace(/\s+/g, ' ').slice(0, 70)
      if (problems.length) {
        failed++
        const why = problems.slice(0, 4).map((p) => p.split('\n').slice(0, 4).join('\n      ')).join('\n    ')
        console.log(`✗ page ${route} as ${persona.label}:\n    ${why}${problems.length > 4 ? `\n    (+${problems.length - 4} more)` : ''}\n    shows: ${shown || '(nothing)'}`)
      } else {
        passed++
        console.log(`✓ page ${route} as ${persona.label}: ${shown}`)
      }
    }
  }
  await app.close()
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ passed, failed }) + '\n')
  process.exit(failed ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
