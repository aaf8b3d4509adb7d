import { ringCentroid } from '../../core/routing'
import type { ContentCheck } from '../ports/content-check'
import { readAll } from '../paging'
import { ok, openTestApp, type TestApp } from '../testing/app'

/** Like WeChat: text passes, every image is 'review' with a trace id, answered later by a push. */
function asyncImageCheck (): ContentCheck & { traces: string[] } {
  const traces: string[] = []
  return {
    traces,
    checkText: async () => 'pass',
    submitImage: async (fileId) => {
      const traceId = `trace-${fileId}`
      traces.push(traceId)
      return { verdict: 'review', traceId }
    }
  }
}

let app: TestApp
let check: ReturnType<typeof asyncImageCheck>
let ticketId: string

beforeEach(async () => {
  check = asyncImageCheck()
  app = await openTestApp({ contentCheck: check })
  const grid = (await readAll((q) => app.store.listGrids(q))).find((g) => g.managerIds.includes('u-grid'))!
  const filed = ok(await app.as('dev-citizen')('reports', 'submit', {
    clientRequestId: 'req-photo-review', categoryId: 'cat-E02-01', description: '墙上有小广告', location: ringCentroid(grid.polygon)!, photos: ['f-a', 'f-b']
  }))
  ticketId = filed.ticket.id
})
afterEach(() => app.close())

const seenBy = async (openid: string) => ok(await app.as(openid)('tickets', 'get', { id: ticketId })).ticket

describe('photos pending review', () => {
  it('shows a photo under review only to its uploader, with its status', async () => {
    expect(check.traces).toEqual(['trace-f-a', 'trace-f-b'])
    expect(await seenBy('dev-citizen')).toMatchObject({ photos: ['f-a', 'f-b'], photoStatus: { 'f-a': 'pending', 'f-b': 'pending' } })
    expect(await seenBy('dev-grid')).toMatchObject({ photos: [], photoStatus: {} })
    expect(await seenBy('dev-admin')).toMatchObject({ photos: [] })
  })

  it('publishes a photo when the push says pass, keeps a rejected one from everyone else and tells its uploader', async () => {
    expect(ok(await app.system('reports', 'photoReviewed', { traceId: 'trace-f-a', verdict: 'pass' }))).toEqual({ settled: true })
    expect(ok(await app.system('reports', 'photoReviewed', { traceId: 'trace-f-b', verdict: 'reject' }))).toEqual({ settled: true })
    expect(await seenBy('dev-grid')).toMatchObject({ photos: ['f-a'], photoStatus: {} })
    expect(await seenBy('dev-citizen')).toMatchObject({ photos: ['f-a', 'f-b'], photoStatus: { 'f-b': 'rejected' } })
    expect(ok(await app.as('dev-citizen')('users', 'messages', {})).items[0].title).toBe('照片未通过审核')
  })

  it('leaves a photo pending when WeChat asks for a person, ignores unknown traces, and takes verdicts only from the platform', async () => {
    expect(ok(await app.system('reports', 'photoReviewed', { traceId: 'trace-f-a', verdict: 'review' }))).toEqual({ settled: false })
    expect(ok(await app.system('reports', 'photoReviewed', { traceId: 'trace-nope', verdict: 'pass' }))).toEqual({ settled: false })
    expect(await app.as('dev-admin')('reports', 'photoReviewed', { traceId: 'trace-f-a', verdict: 'pass' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await seenBy('dev-grid')).toMatchObject({ photos: [] })
  })

  it('holds after-photos the same way', async () => {
    ok(await app.as('dev-grid')('tickets', 'act', { id: ticketId, transition: 'accept' }))
    ok(await app.as('dev-grid')('tickets', 'act', { id: ticketId, transition: 'resolve', note: '已清理', afterPhotos: ['f-after'] }))
    expect(await seenBy('dev-citizen')).toMatchObject({ afterPhotos: [] })
    expect(await seenBy('dev-grid')).toMatchObject({ afterPhotos: ['f-after'], photoStatus: { 'f-after': 'pending' } })
  })
})
