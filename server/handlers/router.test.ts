import { ok, openTestApp, type TestApp } from '../testing/app'

let app: TestApp
beforeAll(async () => { app = await openTestApp() })
afterAll(() => app.close())

describe('router: one answer shape, deny by default', () => {
  it('answers an unknown action with UNKNOWN_ACTION and a Chinese message', async () => {
    const r = await app.as('dev-citizen')('users', 'nope' as 'me', {})
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: expect.stringContaining('不支持的操作') } })
  })

  it('rejects a caller without identity on a signed-in action', async () => {
    const r = await app.anonymous('users', 'me', {})
    expect(r.ok || r.error.code).toBe('UNAUTHENTICATED')
  })

  it('lets anyone read the public headline figures', async () => {
    const r = await app.anonymous('stats', 'headline', {})
    expect(r.ok).toBe(true)
  })

  it('forbids a citizen the grid manager inbox and the admin triage', async () => {
    expect(await app.as('dev-citizen')('tickets', 'inbox', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await app.as('dev-citizen')('tickets', 'triage', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('keeps the scheduler action for the system identity only', async () => {
    expect(await app.as('dev-admin')('timer', 'sweep', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await app.system('timer', 'sweep', {})).ok).toBe(true)
  })

  it('ignores an identity forged in the request body', async () => {
    const me = ok(await app.as('dev-citizen')('users', 'me', { openid: 'dev-admin', userId: 'u-admin', roles: ['admin'] }))
    expect(me.user.id).toBe('u-citizen')
    expect(me.user.roles).not.toContain('admin')
  })

  it('registers a first-time WeChat caller as a citizen', async () => {
    const me = ok(await app.as('wx-openid-new-person')('users', 'me', {}))
    expect(me.user.roles).toEqual(['citizen'])
    const again = ok(await app.as('wx-openid-new-person')('users', 'me', {}))
    expect(again.user.id).toBe(me.user.id)
  })

  it('answers malformed input with VALIDATION, field paths and Chinese messages', async () => {
    const r = await app.as('dev-citizen')('reports', 'submit', { clientRequestId: 'short', categoryId: 5, location: { lng: 'x', lat: 999 } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    const paths = (r.error.details as Array<{ path: string }>).map((d) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['clientRequestId', 'categoryId', 'location.lng', 'location.lat']))
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('survives a non-object event', async () => {
    const r = await app.routers.users('garbage', { kind: 'user', openid: 'dev-citizen' })
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })
})
