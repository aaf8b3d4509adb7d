import { generateKeyPairSync } from 'node:crypto'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { freshDeskSession } from '../testing/signin'
import { CUSTOM_LOGIN_KEY_ENV, customLoginFromEnv, personFromCloud } from './custom-login'

/** The desk's custom login on CloudBase: the tickets the auth function issues, and whom a function's context names. */

const payloadOf = (ticket: string): Record<string, unknown> => {
  const jwt = ticket.split('/@@/')[1]
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>
}

describe('custom-login tickets', () => {
  it('are signed with the private key from the environment, for our user id in this environment', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const key = { private_key_id: 'key-1', private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), env_id: 'wenming-test-1' }
    const ticket = customLoginFromEnv({ [CUSTOM_LOGIN_KEY_ENV]: JSON.stringify(key) }).ticketFor('u-admin')
    expect(ticket.startsWith('key-1/@@/')).toBe(true)
    expect(payloadOf(ticket)).toMatchObject({ uid: 'u-admin', env: 'wenming-test-1', refresh: 3_600_000 })
  })

  it('without the key (or with one that is not the console\'s JSON) say which variable to set', () => {
    for (const env of [{}, { [CUSTOM_LOGIN_KEY_ENV]: '' }, { [CUSTOM_LOGIN_KEY_ENV]: '-----BEGIN PRIVATE KEY-----' }]) {
      expect(() => customLoginFromEnv(env).ticketFor('u-admin')).toThrow(/WENMING_CUSTOM_LOGIN_KEY/)
    }
  })
})

describe('whom a cloud function\'s context names', () => {
  let app: TestApp
  beforeEach(async () => { app = await openTestApp() })
  afterEach(() => app.close())
  const who = (ctx: Parameters<typeof personFromCloud>[0]) => personFromCloud(ctx, app.deps)

  it('maps WeChat\'s OPENID and the desk\'s custom-login user id to the same person', async () => {
    const { session } = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    const phone = await who({ WX_OPENID: 'dev-admin' })
    const desk = await who({ TCB_CUSTOM_USER_ID: 'u-admin' })
    expect(phone).toEqual({ kind: 'user', openid: 'dev-admin' })
    expect(desk).toEqual({ kind: 'user', openid: 'dev-admin', sessionId: session.id })
    // Both are the same user to every action.
    const me = (identity: typeof phone) => app.routers.users({ action: 'me' }, identity!)
    expect((ok(await me(phone)) as { user: { id: string } }).user.id).toBe('u-admin')
    expect((ok(await me(desk)) as { user: { id: string } }).user.id).toBe('u-admin')
    // A call from the phone carries WX_OPENID: that wins, whatever else the context says.
    expect(await who({ WX_OPENID: 'dev-citizen', TCB_CUSTOM_USER_ID: 'u-admin' })).toEqual({ kind: 'user', openid: 'dev-citizen' })
  })

  it('counts a custom-login user only while a desk session of theirs is live: ended, expired, unknown → nobody', async () => {
    expect(await who({ TCB_CUSTOM_USER_ID: 'u-admin' })).toEqual({ kind: 'anonymous' })
    const { session } = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    await app.store.endSession(session.id, app.clock.now(), 'revoked_by_user')
    expect(await who({ TCB_CUSTOM_USER_ID: 'u-admin' })).toEqual({ kind: 'anonymous' })
    await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    app.clock.advanceHours(9)
    expect(await who({ TCB_CUSTOM_USER_ID: 'u-admin' })).toEqual({ kind: 'anonymous' })
    expect(await who({ TCB_CUSTOM_USER_ID: 'u-nobody' })).toEqual({ kind: 'anonymous' })
    // Neither: not a person (the platform's own events are told apart by identityFromCloud).
    expect(await who({})).toBeNull()
  })

  it('touches the session it uses, as the gateway does (at most once a minute)', async () => {
    const { session } = await freshDeskSession(app.store, app.clock, 'u-admin', ['citizen', 'admin'])
    app.clock.advanceHours(1)
    await who({ TCB_CUSTOM_USER_ID: 'u-admin' })
    expect(await app.store.getSession(session.id)).toMatchObject({ lastSeenAt: app.clock.now(), expiresAt: new Date(Date.parse(app.clock.now()) + 8 * 3_600_000).toISOString() })
  })
})
