import { ringCentroid } from '../../core/routing'
import { ticketNumber } from '../../core/tickets/number'
import type { GcjPoint, Ticket } from '../../core/types'
import type { TicketView } from '../../core/views'
import { open311 } from '../open311/handler'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

/**
 * The office's moderation through the real test app: a hidden report is gone from every public view (nearby
 * duplicates, a follower's list and page, Open311) but stays for its reporter, its handler and the office, and in
 * the indicators; a redacted photo is gone from every view but the office's. Each step is in the timeline and the
 * audit list.
 */

let app: TestApp
let spot: GcjPoint
let n = 0

const admin = () => app.as('dev-admin')
const neighbour = () => app.as('seed-citizen-2')
const CATEGORY = 'cat-E02-01'

beforeAll(async () => {
  app = await openTestApp({ settings: { reportsPerHour: 1000, reportsPerDay: 1000 } })
  const grid = (await readAll((q) => app.store.listGrids(q))).find((g) => g.managerIds[0] === 'u-grid')!
  // Away from the seeded reports of the same category, so the nearby list is about this test's.
  spot = ringCentroid(grid.polygon)!
})
afterAll(() => app.close())

async function file (photos: string[] = []): Promise<TicketView> {
  app.clock.advanceHours(1)
  return ok(await app.as('dev-citizen')('reports', 'submit', {
    clientRequestId: `req-moderation-${++n}-abcdef`, categoryId: CATEGORY, description: '墙上贴满了小广告', location: spot, photos
  })).ticket
}

const nearbyIds = async (as: ReturnType<TestApp['as']>) =>
  ok(await as('reports', 'nearby', { categoryId: CATEGORY, location: spot })).map((x) => x.id)

async function partnerSees (t: Pick<Ticket, 'id' | 'createdAt' | 'categoryId'>): Promise<{ byNumber: number; inList: boolean }> {
  const ask = (path: string, query: Array<[string, string]> = []) =>
    open311({ method: 'GET', path, query, body: '', contentType: undefined }, app.deps, { mediaUrls: async (ids) => new Map(ids.map((id) => [id, `https://files.example/${id}`])) })
  const one = await ask(`/open311/v2/requests/${ticketNumber(t)}.json`)
  const code = (await app.deps.directory.get()).categoriesById.get(t.categoryId)!.code
  const list = await ask('/open311/v2/requests.json', [['service_code', code]])
  const listed = JSON.parse(list.body) as Array<{ service_request_id: string }>
  return { byNumber: one.status, inList: Array.isArray(listed) && listed.some((r) => r.service_request_id === ticketNumber(t)) }
}

describe('tickets.hide / unhide', () => {
  it('a hidden report is absent from another resident\'s nearby list and Open311, present for its reporter, handler and the office', async () => {
    const t = await file()
    ok(await neighbour()('reports', 'follow', { id: t.id }))
    expect(await nearbyIds(neighbour())).toContain(t.id)
    expect(await partnerSees(t)).toEqual({ byNumber: 200, inList: true })
    const headline = async () => ok(await app.anonymous('stats', 'headline', {}))
    const counted = await headline()

    const hidden = ok(await admin()('tickets', 'hide', { id: t.id, reason: '描述中含有他人电话号码' }))
    expect(hidden).toMatchObject({ state: t.state, hidden: { by: 'u-admin', reason: '描述中含有他人电话号码' }, version: t.version + 1 })

    // Strangers: not in nearby, not in the follower's list, not openable by the follower, not to a partner system.
    expect(await nearbyIds(neighbour())).not.toContain(t.id)
    expect(ok(await neighbour()('reports', 'followed', {})).items.map((x) => x.id)).not.toContain(t.id)
    const opened = await neighbour()('tickets', 'get', { id: t.id })
    expect(opened.ok ? null : opened.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('不公开显示') })
    expect(await partnerSees(t)).toEqual({ byNumber: 404, inList: false })
    const followAgain = await app.as('dev-volunteer')('reports', 'follow', { id: t.id })
    expect(followAgain.ok ? null : followAgain.error.code).toBe('NOT_FOUND')

    // Its own people: the reporter, the grid manager, the office.
    expect(await nearbyIds(app.as('dev-citizen'))).toContain(t.id)
    expect(ok(await app.as('dev-citizen')('reports', 'mine', {})).items.map((x) => x.id)).toContain(t.id)
    expect(ok(await app.as('dev-citizen')('tickets', 'get', { id: t.id })).ticket.hidden?.reason).toBe('描述中含有他人电话号码')
    expect(ok(await app.as('dev-grid')('tickets', 'inbox', {})).items.map((x) => x.id)).toContain(t.id)
    expect(await nearbyIds(admin())).toContain(t.id)

    // Still counted: the indicators read the same.
    expect(await headline()).toEqual(counted)

    // Its progress is told to the reporter, no longer to the follower.
    ok(await app.as('dev-grid')('tickets', 'act', { id: t.id, transition: 'accept' }))
    const told = async (userId: string) => (await app.store.listMessages({ userId, limit: 50 })).items.filter((m) => m.ticketId === t.id).map((m) => m.title)
    expect(await told('u-citizen')).toContain('问题已受理')
    const neighbourId = (await app.store.getUserByOpenid('seed-citizen-2'))!.id
    expect(await told(neighbourId)).not.toContain('问题已受理')

    const detail = ok(await admin()('tickets', 'get', { id: t.id }))
    expect(detail.timeline.find((e) => e.action === 'hide')).toMatchObject({ action: 'hide', actorId: 'u-admin', actorRole: 'admin', fromState: t.state, toState: t.state, note: '描述中含有他人电话号码' })
    expect((await app.store.listAudit({ targetId: t.id })).items).toEqual([expect.objectContaining({ kind: 'moderation', action: 'hide', actorId: 'u-admin', reason: '描述中含有他人电话号码', summary: '不公开显示' })])
  })

  it('hiding twice is refused; unhide puts it back in public view, audited', async () => {
    const t = await file()
    ok(await admin()('tickets', 'hide', { id: t.id, reason: '待核实' }))
    const again = await admin()('tickets', 'hide', { id: t.id, reason: '待核实' })
    expect(again.ok ? null : again.error).toMatchObject({ code: 'CONFLICT', message: '这条上报已经不公开显示了' })
    const shown = ok(await admin()('tickets', 'unhide', { id: t.id, reason: '核实无误' }))
    expect(shown.hidden).toBeNull()
    expect(await nearbyIds(neighbour())).toContain(t.id)
    expect((await app.store.listAudit({ targetId: t.id })).items.map((e) => e.action)).toEqual(['unhide', 'hide'])
  })

  it('nobody but the office may hide a report, its reporter included', async () => {
    const t = await file()
    for (const openid of ['dev-citizen', 'dev-grid', 'seed-citizen-2']) {
      const r = await app.as(openid)('tickets', 'hide', { id: t.id, reason: '不想公开' })
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
    }
    expect((await app.store.getTicket(t.id))?.hidden ?? null).toBeNull()
  })
})

describe('tickets.redactPhoto', () => {
  it('the photo is gone for the reporter, the handler and a follower; the office sees it marked with the reason', async () => {
    const t = await file(['f-mod-face', 'f-mod-wall'])
    ok(await neighbour()('reports', 'follow', { id: t.id }))
    const office = ok(await admin()('tickets', 'redactPhoto', { id: t.id, fileId: 'f-mod-face', reason: '拍到了路人的脸' }))
    expect(office.photos).toEqual(['f-mod-face', 'f-mod-wall'])
    expect(office.redactedPhotos).toEqual([{ fileId: 'f-mod-face', at: app.clock.now(), by: 'u-admin', reason: '拍到了路人的脸' }])

    for (const openid of ['dev-citizen', 'dev-grid', 'seed-citizen-2']) {
      const seen = ok(await app.as(openid)('tickets', 'get', { id: t.id })).ticket
      expect({ openid, photos: seen.photos, redacted: seen.redactedPhotos }).toEqual({ openid, photos: ['f-mod-wall'], redacted: [] })
    }
    const listed = ok(await app.as('dev-citizen')('reports', 'mine', {})).items.find((x) => x.id === t.id)!
    expect(listed.photos).toEqual(['f-mod-wall'])

    const detail = ok(await admin()('tickets', 'get', { id: t.id }))
    expect(detail.timeline[detail.timeline.length - 1]).toMatchObject({ action: 'redactPhoto', note: '屏蔽了一张上报照片：拍到了路人的脸' })
    expect((await app.store.listAudit({ targetId: t.id })).items).toEqual([expect.objectContaining({ action: 'redactPhoto', after: { redactedPhoto: 'f-mod-face' } })])
  })

  it('a photo that is not the ticket\'s answers NOT_FOUND; one redacted already CONFLICT', async () => {
    const t = await file(['f-mod-2'])
    const foreign = await admin()('tickets', 'redactPhoto', { id: t.id, fileId: 'f-elsewhere', reason: '测试' })
    expect(foreign.ok ? null : foreign.error.code).toBe('NOT_FOUND')
    ok(await admin()('tickets', 'redactPhoto', { id: t.id, fileId: 'f-mod-2', reason: '测试屏蔽' }))
    const twice = await admin()('tickets', 'redactPhoto', { id: t.id, fileId: 'f-mod-2', reason: '测试屏蔽' })
    expect(twice.ok ? null : twice.error).toMatchObject({ code: 'CONFLICT', message: '这张照片已经屏蔽了' })
  })
})
