import { gridFileFixture } from '../../core/geo/geojson.bench-fixture'
import { GRID_CALL_MAX_BYTES } from '../../core/grid-schemas'
import { startLoopbackGateway, type LoopbackGateway } from './testing/loopback'

/**
 * The office's grid files over the gateway: the admin function takes as much as CloudBase's callFunction (6 MB), so a
 * real district's file gets through for its check; beyond that the answer says the limit, as the mini-program's would.
 */

let gw: LoopbackGateway
let admin: string
beforeAll(async () => {
  gw = await startLoopbackGateway()
  admin = await gw.login('u-admin')
})
afterAll(() => gw.close())

const post = (body: string) => fetch(`${gw.base}/api/admin`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` } })

describe('grid files through the gateway', () => {
  it('checks a 2 MB file (800 grids of 60 points) in one admin call', async () => {
    const body = JSON.stringify({ action: 'previewGrids', geojson: gridFileFixture({ n: 800 }) })
    expect(body.length).toBeGreaterThan(1024 * 1024)
    const res = await post(body)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, data: { ok: true, report: { featureCount: 800, errorCount: 0 } } })
  })

  it('refuses an admin call over 6 MB with 413, saying the limit', async () => {
    const body = JSON.stringify({ action: 'previewGrids', geojson: 'x'.repeat(GRID_CALL_MAX_BYTES + 1) })
    const res = await post(body)
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容太大（超过 6 MB），请删减后再试' } })
  })
})
