import { ringCentroid } from '../../core/routing'
import type { PersonView } from '../../core/people'
import type { GcjPoint, Grid, User } from '../../core/types'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { rateLimitCounterKeys, snapshotStore } from '../testing/snapshot'

/**
 * People and roles in the office's console, through the real test app: finding people, granting and revoking roles
 * (routing follows on the next report; a grid manager's open tickets are reassigned or the revoke is refused), the
 * audit list, and report bans (submit refused, nothing filed; the person told).
 */

let app: TestApp
let unmanaged: Grid
let inside: GcjPoint
let n = 0

const admin = () => app.as('dev-admin')
const gridOf = async (id: string) => (await readAll((q) => app.store.listGrids(q))).find((g) => g.id === id)!

beforeAll(async () => {
  app = await openTestApp({ settings: { reportsPerHour: 1000, reportsPerDay: 1000 } })
  const grids = await readAll((q) => app.store.listGrids(q))
  unmanaged = grids.find((g) => g.managerIds.length === 0)!
  inside = ringCentroid(unmanaged.polygon)!
})
afterAll(() => app.close())

/** A plain resident of this test's own, signed in by openid. */
async function resident (tag: string, o: Partial<User> = {}): Promise<User> {
  const u: User = { id: `u-people-${tag}`, openid: `people-${tag}`, nickname: `测试居民${tag}`, roles: ['citizen'], gridIds: [], createdAt: app.clock.now(), ...o }
  await app.store.putUser(u)
  return u
}

function report (openid: string, location: GcjPoint, requestId = `req-people-${++n}-abcdef`) {
  return app.as(openid)('reports', 'submit', { clientRequestId: requestId, categoryId: 'cat-E02-01', description: '电线杆上贴满小广告', location })
}

describe('admin.findUsers', () => {
  it('finds by the start of a nickname, volunteer number, phone and id; shows roles, grids and open work', async () => {
    const byName = ok(await admin()('admin', 'findUsers', { q: '赵网' })).items
    const zhao = byName.find((p) => p.id === 'u-grid')!
    expect(zhao).toMatchObject({ nickname: '赵网格', roles: ['citizen', 'grid_manager'] })
    expect(zhao.grids.length).toBeGreaterThan(0)
    expect(zhao.grids[0].name).toEqual(expect.any(String))
    expect(zhao.openTickets).toEqual(expect.any(Number))

    const profile = (await app.store.getVolunteer('u-volunteer'))!
    expect(ok(await admin()('admin', 'findUsers', { q: profile.volunteerNo })).items.map((p) => p.id)).toEqual(['u-volunteer'])
    const byPhone = ok(await admin()('admin', 'findUsers', { q: profile.phone })).items
    expect(byPhone.map((p) => p.id)).toContain('u-volunteer')
    expect(byPhone.find((p) => p.id === 'u-volunteer')).toMatchObject({ phone: profile.phone, realName: profile.realName, volunteerNo: profile.volunteerNo, openTickets: null })
    expect(ok(await admin()('admin', 'findUsers', { q: 'u-citizen' })).items.map((p) => p.nickname)).toEqual(['张阿姨'])
  })

  it('with no text lists everyone of a role; the middle of a nickname finds nobody', async () => {
    const managers = ok(await admin()('admin', 'findUsers', { role: 'grid_manager', limit: 100 })).items
    expect(managers.length).toBeGreaterThan(1)
    expect(managers.every((p) => p.roles.includes('grid_manager'))).toBe(true)
    expect(ok(await admin()('admin', 'findUsers', { q: '网格' })).items.map((p) => p.id)).not.toContain('u-grid')
  })
})

describe('admin.grantRole / revokeRole', () => {
  it('a new grid manager of an unmanaged grid receives the next report there; audited, and told', async () => {
    const before = await report('dev-citizen', inside)
    expect(ok(before).ticket.state).toBe('triage')
    const wang = await resident('wang')
    const person = ok(await admin()('admin', 'grantRole', { userId: wang.id, role: 'grid_manager', gridIds: [unmanaged.id], reason: '新任南片网格员' }))
    expect(person).toMatchObject({ roles: ['citizen', 'grid_manager'], gridIds: [unmanaged.id], grids: [{ id: unmanaged.id, name: unmanaged.name }] })
    expect((await gridOf(unmanaged.id)).managerIds).toEqual([wang.id])

    const after = ok(await report('dev-citizen', inside)).ticket
    expect(after).toMatchObject({ state: 'dispatched', gridId: unmanaged.id, assigneeId: wang.id })
    expect(ok(await app.as(wang.openid)('tickets', 'inbox', {})).items.map((t) => t.id)).toContain(after.id)

    const [entry] = (await app.store.listAudit({ targetId: wang.id })).items
    expect(entry).toMatchObject({
      kind: 'role', action: 'grant', actorId: 'u-admin', reason: '新任南片网格员', summary: `授予 网格员（1 个网格：${unmanaged.name}）`,
      before: { roles: ['citizen'], gridIds: [] }, after: { roles: ['citizen', 'grid_manager'], gridIds: [unmanaged.id] }
    })
    const told = (await app.store.listMessages({ userId: wang.id })).items.find((m) => m.title === '你已成为网格员')
    expect(told?.body).toContain('新任南片网格员')
  })

  it('a revoke that would strand open tickets is refused, naming how many, and changes nothing', async () => {
    const li = await resident('li')
    ok(await admin()('admin', 'grantRole', { userId: li.id, role: 'grid_manager', gridIds: [unmanaged.id], reason: '临时顶岗' }))
    const wang = (await app.store.getUser('u-people-wang'))!
    // 王 (granted first) is the grid's first manager: reports go to him.
    const filed = ok(await report('dev-citizen', inside)).ticket
    expect(filed.assigneeId).toBe(wang.id)
    const held = (await readAll((q) => app.store.listTickets({ ...q, assigneeId: wang.id }))).length
    const snapshot = () => snapshotStore(app.store, { counterKeys: rateLimitCounterKeys(app.clock.now()) })
    const before = await snapshot()
    const r = await admin()('admin', 'revokeRole', { userId: wang.id, role: 'grid_manager', reason: '调往其他街道' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT')
      expect(r.error.message).toContain(`还有 ${held} 件未办结的案卷`)
      expect(r.error.details).toEqual({ openTickets: held })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('with someone to take them over, the tickets move (timeline, message) and the role goes; new reports follow', async () => {
    const wang = (await app.store.getUser('u-people-wang'))!
    const li = (await app.store.getUser('u-people-li'))!
    const mine = await readAll((q) => app.store.listTickets({ ...q, assigneeId: wang.id }))
    const r = ok(await admin()('admin', 'revokeRole', { userId: wang.id, role: 'grid_manager', reason: '调往其他街道', reassignTo: li.id }))
    expect(r.reassigned).toBe(mine.length)
    expect(r.person).toMatchObject({ roles: ['citizen'], gridIds: [], openTickets: null })
    for (const t of mine) {
      expect((await app.store.getTicket(t.id))?.assigneeId).toBe(li.id)
      const events = (await app.store.listTicketEvents(t.id, { limit: 100 })).items
      expect(events[events.length - 1]).toMatchObject({ action: 'reassign', actorId: 'u-admin', note: `改派给${li.nickname}：调往其他街道` })
    }
    expect((await app.store.listMessages({ userId: li.id })).items.filter((m) => m.title === '新的待办案卷')).toHaveLength(mine.length)
    expect((await gridOf(unmanaged.id)).managerIds).toEqual([li.id])
    expect(ok(await report('dev-citizen', inside)).ticket.assigneeId).toBe(li.id)
    const [entry] = (await app.store.listAudit({ targetId: wang.id })).items
    expect(entry).toMatchObject({ action: 'revoke', summary: `撤销 网格员（1 个网格：${unmanaged.name}），${mine.length} 件案卷改派给${li.nickname}` })
  })

  it('organizer with an organisation, admin with an area; an admin cannot revoke their own admin role', async () => {
    const zhou = await resident('zhou')
    expect(ok(await admin()('admin', 'grantRole', { userId: zhou.id, role: 'organizer', organisation: '东塘社区志愿服务队', reason: '社区推荐' })))
      .toMatchObject({ roles: ['citizen', 'organizer'], organisation: '东塘社区志愿服务队' })
    expect(ok(await admin()('admin', 'grantRole', { userId: zhou.id, role: 'admin', areaCode: '430111', reason: '区文明办借调' })))
      .toMatchObject({ roles: ['citizen', 'organizer', 'admin'], areaCode: '430111' })
    const self = await admin()('admin', 'revokeRole', { userId: 'u-admin', role: 'admin', reason: '测试撤销自己' })
    expect(self.ok ? null : self.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不能撤销自己的文明办角色') })
    expect((await app.store.getUser('u-admin'))?.roles).toContain('admin')
    // Another admin may: 周 revokes 刘主任's admin role (and it is 周's name in the audit list).
    ok(await app.as(zhou.openid)('admin', 'revokeRole', { userId: 'u-admin', role: 'admin', reason: '岗位调整' }))
    expect((await app.store.getUser('u-admin'))?.roles).not.toContain('admin')
    const audit = ok(await app.as(zhou.openid)('admin', 'audit', { kind: 'role', limit: 3 })).items
    expect(audit[0]).toMatchObject({ action: 'revoke', targetId: 'u-admin', actorName: zhou.nickname })
    expect(audit.map((e) => e.at)).toEqual([...audit.map((e) => e.at)].sort().reverse())
    ok(await app.as(zhou.openid)('admin', 'grantRole', { userId: 'u-admin', role: 'admin', reason: '恢复岗位' }))
  })
})

describe('admin.banReporter / unban', () => {
  it('a banned resident\'s report is refused saying why and until when, and nothing is filed or counted', async () => {
    const chen = await resident('chen')
    const until = '2026-11-27T10:00:00.000Z'
    const banned: PersonView = ok(await admin()('admin', 'banReporter', { userId: chen.id, until, reason: '多次上报虚假信息' }))
    expect(banned.reportBan).toMatchObject({ until, reason: '多次上报虚假信息', by: 'u-admin' })
    const told = (await app.store.listMessages({ userId: chen.id })).items[0]
    expect(told).toMatchObject({ title: '随手拍上报已暂停', body: expect.stringContaining('2026年11月27日 18:00（北京时间）') })

    const snapshot = () => snapshotStore(app.store, { counterKeys: rateLimitCounterKeys(app.clock.now()) })
    const before = await snapshot()
    const r = await report(chen.openid, inside, 'req-people-banned-1')
    expect(r.ok ? null : r.error).toEqual({
      code: 'FORBIDDEN',
      message: '你的随手拍上报已被文明办暂停至 2026年11月27日 18:00（北京时间），原因：多次上报虚假信息。到期后可以继续上报；如有疑问，请联系文明办。',
      details: { until }
    })
    expect(await app.store.getTicketByRequest(chen.id, 'req-people-banned-1')).toBeNull()
    expect(await snapshot()).toEqual(before)

    const entry = (await app.store.listAudit({ targetId: chen.id })).items[0]
    expect(entry).toMatchObject({ kind: 'moderation', action: 'ban', reason: '多次上报虚假信息', summary: '暂停上报至 2026年11月27日 18:00' })
  })

  it('unban lets them report again and tells them; a ban also ends by itself', async () => {
    const chen = (await app.store.getUser('u-people-chen'))!
    ok(await admin()('admin', 'unban', { userId: chen.id, reason: '核实后为误判' }))
    expect((await app.store.listMessages({ userId: chen.id })).items[0].title).toBe('随手拍上报已恢复')
    expect(ok(await report(chen.openid, inside)).created).toBe(true)

    ok(await admin()('admin', 'banReporter', { userId: chen.id, until: new Date(Date.parse(app.clock.now()) + 3_600_000).toISOString(), reason: '恶意刷屏' }))
    expect((await report(chen.openid, inside)).ok).toBe(false)
    app.clock.advanceHours(2)
    expect(ok(await report(chen.openid, inside)).created).toBe(true)
  })

  it('refuses a ban in the past, longer than a year, or of oneself', async () => {
    const chen = (await app.store.getUser('u-people-chen'))!
    const at = (days: number) => new Date(Date.parse(app.clock.now()) + days * 86_400_000).toISOString()
    const answer = async (userId: string, until: string) => {
      const r = await admin()('admin', 'banReporter', { userId, until, reason: '测试' })
      return r.ok ? 'ok' : r.error.message
    }
    expect(await answer(chen.id, at(-1))).toBe('暂停到的时间要晚于现在')
    expect(await answer(chen.id, at(400))).toBe('一次最多暂停一年；到期后如仍需要，可以再次暂停')
    expect(await answer('u-admin', at(3))).toBe('不能暂停自己的上报')
  })
})
