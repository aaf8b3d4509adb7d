import { storageOrigins } from '../../config/h5-security'
import { CLOUDBASE_MESSAGES, createCloudbaseClient, photoUrl, type CloudbaseApp, type CloudbaseSdk } from './cloudbase'
import { ApiError, NETWORK_MESSAGE } from './types'

/**
 * The cloudbase H5 build's calls, with @cloudbase/js-sdk faked at its edge: a fake CloudBase that keeps who is
 * signed in (nobody, anonymous, or the custom ticket's person) and records every function call as that login.
 */

const BUCKET = '7765-test-env-1250000000'
type Login = { kind: 'anonymous' } | { kind: 'custom'; ticket: string } | null
type Answer = (data: Record<string, unknown>) => unknown

function fakeCloudbase (answers: Record<string, Answer> = {}) {
  const state = {
    login: null as Login,
    loads: 0,
    inits: [] as unknown[],
    anonymousSignIns: 0,
    calls: [] as Array<{ name: string; data: Record<string, unknown>; as: string | null }>,
    uploads: [] as Array<{ cloudPath: string; type: string; size: number }>,
    /** Set to make the next SDK step fail the way CloudBase or the network does. */
    failAnonymous: null as unknown,
    failTicket: null as unknown,
    failCall: null as unknown,
    failUpload: null as unknown,
    /** Holds the function calls until released (a call still under way). */
    hold: null as Promise<void> | null
  }
  const auth = {
    getLoginState: async () => state.login,
    signInAnonymously: async () => {
      state.anonymousSignIns++
      if (state.failAnonymous) return { data: null, error: state.failAnonymous }
      state.login = { kind: 'anonymous' as const }
      return { data: { user: { is_anonymous: true } }, error: null }
    },
    signInWithCustomTicket: async (getTicket: () => Promise<string>) => {
      const ticket = await getTicket()
      if (state.failTicket) throw state.failTicket
      state.login = { kind: 'custom', ticket }
      return {}
    },
    signOut: async () => { state.login = null }
  }
  const app: CloudbaseApp = {
    auth: () => auth,
    async callFunction ({ name, data = {} }) {
      if (state.hold) await state.hold
      const as = state.login ? (state.login.kind === 'custom' ? `custom:${state.login.ticket}` : 'anonymous') : null
      state.calls.push({ name, data, as })
      if (state.failCall) {
        const e = state.failCall
        state.failCall = null
        if (typeof e === 'object' && e !== null && 'refusal' in e) return (e as { refusal: { code: string; message: string } }).refusal
        throw e
      }
      const answer = answers[`${name}.${String(data.action ?? '')}`] ?? answers[name]
      return { requestId: 'r1', result: answer ? answer(data) : { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } } }
    },
    async uploadFile ({ cloudPath, filePath, onUploadProgress }) {
      if (state.failUpload) throw state.failUpload
      state.uploads.push({ cloudPath, type: filePath.type, size: filePath.size })
      onUploadProgress?.({ loaded: filePath.size / 2, total: filePath.size })
      onUploadProgress?.({ loaded: filePath.size, total: filePath.size })
      return { fileID: `cloud://test-env.${BUCKET}/${cloudPath}` }
    }
  }
  const sdk: CloudbaseSdk = { init: (config) => { state.inits.push(config); return app } }
  const client = createCloudbaseClient({
    env: 'test-env',
    region: 'ap-guangzhou',
    load: async () => { state.loads++; return sdk },
    readFile: async (path) => new Blob([`photo at ${path}`], { type: 'image/jpeg' })
  })
  return { client, state }
}

const ok = (data: unknown) => () => ({ ok: true, data })
const admin = { id: 'u-admin', nickname: '文明办刘主任', roles: ['citizen', 'admin'] }

describe('the cloudbase build calls the cloud functions through @cloudbase/js-sdk', () => {
  it('loads and starts the SDK once for the environment, signs in anonymously once, and sends { name, data }', async () => {
    const { client, state } = fakeCloudbase({ 'auth.request': ok({ requestId: 'r' }), 'categories.list': ok({ items: [] }) })
    const [a, b] = await Promise.all([
      client.transport('auth', { action: 'request', userAgent: 'Chrome' }),
      client.transport('categories', { action: 'list' })
    ])
    expect(a).toEqual({ ok: true, data: { requestId: 'r' } })
    expect(b).toEqual({ ok: true, data: { items: [] } })
    expect(state.loads).toBe(1)
    expect(state.inits).toEqual([{ env: 'test-env', region: 'ap-guangzhou', timeout: 15_000 }])
    expect(state.anonymousSignIns).toBe(1)
    expect(state.calls).toEqual([
      { name: 'auth', data: { action: 'request', userAgent: 'Chrome' }, as: 'anonymous' },
      { name: 'categories', data: { action: 'list' }, as: 'anonymous' }
    ])
  })

  it('a confirmed poll signs in with its custom-login ticket before the page hears of it; later calls go as that person', async () => {
    const confirmed = { state: 'confirmed', token: 'tok-desk', ticket: 'TICKET-1', user: admin }
    const { client, state } = fakeCloudbase({ 'auth.poll': ok(confirmed), 'users.me': ok({ user: admin }) })
    expect(await client.transport('auth', { action: 'poll', requestId: 'r', secret: 's' })).toEqual({ ok: true, data: confirmed })
    expect(state.login).toEqual({ kind: 'custom', ticket: 'TICKET-1' })
    await client.transport('users', { action: 'me' })
    expect(state.calls.map((c) => `${c.name}.${String(c.data.action)} as ${c.as}`)).toEqual(['auth.poll as anonymous', 'users.me as custom:TICKET-1'])
  })

  it('a pending poll leaves the anonymous login as it is', async () => {
    const { client, state } = fakeCloudbase({ 'auth.poll': ok({ state: 'pending', scanned: true, expiresAt: '' }) })
    await client.transport('auth', { action: 'poll', requestId: 'r', secret: 's' })
    expect(state.login).toEqual({ kind: 'anonymous' })
  })

  it('a stored login (the desk after a reload) is used as it is: no anonymous sign-in over it', async () => {
    const { client, state } = fakeCloudbase({ 'users.me': ok({ user: admin }) })
    state.login = { kind: 'custom', ticket: 'EARLIER' }
    await client.transport('users', { action: 'me' })
    expect(state.anonymousSignIns).toBe(0)
    expect(state.calls[0].as).toBe('custom:EARLIER')
  })

  it('passes the functions\' own refusals through unchanged', async () => {
    const refusal = { ok: false, error: { code: 'RATE_LIMITED', message: '查询登录状态太频繁，请 30 秒后再试', details: { retryAt: '2026-12-01T00:00:30.000Z' } } }
    const { client } = fakeCloudbase({ 'auth.poll': () => refusal })
    expect(await client.transport('auth', { action: 'poll', requestId: 'r', secret: 's' })).toEqual(refusal)
  })
})

describe('failures come back in the same Chinese shapes as the gateway\'s', () => {
  const network = { ok: false, error: { code: 'INTERNAL', message: NETWORK_MESSAGE } }

  it('no network: the SDK\'s request fails, or its chunk cannot be fetched — and the next call tries again', async () => {
    const { client, state } = fakeCloudbase({ 'users.me': ok({ user: admin }) })
    state.failCall = { error: 'unreachable', error_description: 'Failed to fetch' }
    expect(await client.transport('users', { action: 'me' })).toEqual(network)

    let loads = 0
    const flaky = createCloudbaseClient({
      env: 'test-env',
      load: async () => {
        if (loads++ === 0) throw Object.assign(new Error('Loading chunk 412 failed.'), { name: 'ChunkLoadError' })
        return { init: () => ({ auth: () => ({ getLoginState: async () => ({}), signInAnonymously: async () => ({}), signInWithCustomTicket: async () => ({}), signOut: async () => ({}) }), callFunction: async () => ({ result: { ok: true, data: 1 } }), uploadFile: async () => ({}) }) }
      }
    })
    expect(await flaky.transport('users', { action: 'me' })).toEqual(network)
    expect(await flaky.transport('users', { action: 'me' })).toEqual({ ok: true, data: 1 })
  })

  it('anonymous login not enabled in the environment: says where to turn it on', async () => {
    const { client, state } = fakeCloudbase()
    state.failAnonymous = { error: 'provider_not_enabled', error_description: 'anonymous' }
    expect(await client.transport('auth', { action: 'request', userAgent: '' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.anonymousOff } })
    expect(state.calls).toEqual([])
  })

  it('a function not deployed, CloudBase refusing the call, an answer that is no Result', async () => {
    const { client, state } = fakeCloudbase({ 'users.me': () => '<html>502</html>' })
    state.failCall = new Error('[FUNCTION_NOT_FOUND] function users not found')
    expect(await client.transport('users', { action: 'me' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.missingFunction('users') } })
    state.failCall = { refusal: { code: 'PERMISSION_DENIED', message: 'invalid origin' } }
    expect(await client.transport('users', { action: 'me' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.refused } })
    expect(await client.transport('users', { action: 'me' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.badAnswer } })
  })

  it('a confirmed poll whose ticket is missing, refused, or whose login method is off: says what to do, stays anonymous', async () => {
    const poll = { action: 'poll', requestId: 'r', secret: 's' }
    const withTicket = (ticket: string | null) => fakeCloudbase({ 'auth.poll': ok({ state: 'confirmed', token: 't', ticket, user: admin }) })
    const none = withTicket(null)
    expect(await none.client.transport('auth', poll)).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.noTicket } })
    const refused = withTicket('T')
    refused.state.failTicket = { error: 'invalid_argument', error_description: 'ticket expired' }
    expect(await refused.client.transport('auth', poll)).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.ticketRefused } })
    const off = withTicket('T')
    off.state.failTicket = { error: 'provider_not_enabled' }
    expect(await off.client.transport('auth', poll)).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOUDBASE_MESSAGES.customOff } })
    for (const f of [none, refused, off]) expect(f.state.login).toEqual({ kind: 'anonymous' })
  })
})

describe('photos go to storage, then through the photos function, as on the phone', () => {
  it('uploads the picked file under uploads/, has the photos function take it in, and answers its id and address', async () => {
    const { client, state } = fakeCloudbase({
      photos: (data) => ({ ok: true, data: { fileId: `cloud://test-env.${BUCKET}/photos/ph1.jpg`, thumbId: '', width: 1, height: 1, bytes: 1, review: 'pending', from: data.fileId } })
    })
    const progress: number[] = []
    const done = await client.uploadPhoto('blob:http://localhost/abc', (p) => progress.push(p)).done
    expect(state.uploads).toEqual([{ cloudPath: expect.stringMatching(/^uploads\/[a-z0-9]+-[a-z0-9]+\.jpg$/), type: 'image/jpeg', size: expect.any(Number) }])
    expect(state.calls).toEqual([{ name: 'photos', data: { fileId: `cloud://test-env.${BUCKET}/${state.uploads[0].cloudPath}` }, as: 'anonymous' }])
    expect(done).toEqual({ fileId: `cloud://test-env.${BUCKET}/photos/ph1.jpg`, url: `https://${BUCKET}.tcb.qcloud.la/photos/ph1.jpg` })
    expect(progress).toEqual([40, 80, 90, 100])
  })

  it('the photos function\'s refusal, and a failed upload, reach the page as ApiErrors it can show', async () => {
    const { client, state } = fakeCloudbase({ photos: () => ({ ok: false, error: { code: 'VALIDATION', message: '照片未通过内容安全检查，请换一张' } }) })
    await expect(client.uploadPhoto('blob:x', () => undefined).done).rejects.toEqual(new ApiError('VALIDATION', '照片未通过内容安全检查，请换一张'))
    state.failUpload = new TypeError('Failed to fetch')
    const failed = await client.uploadPhoto('blob:x', () => undefined).done.catch((e: ApiError) => e)
    expect({ code: (failed as ApiError).code, message: (failed as ApiError).message }).toEqual({ code: 'NETWORK', message: NETWORK_MESSAGE })
  })

  it('shows stored photos from the bucket\'s public address (the one the policy allows), thumbnails beside them', () => {
    const id = `cloud://test-env.${BUCKET}/photos/ph1.jpg`
    expect(photoUrl(id)).toBe(`https://${BUCKET}.tcb.qcloud.la/photos/ph1.jpg`)
    expect(photoUrl(id, true)).toBe(`https://${BUCKET}.tcb.qcloud.la/photos/ph1.thumb.jpg`)
    expect(photoUrl('blob:http://localhost/abc')).toBe('blob:http://localhost/abc')
    expect(new URL(photoUrl(id)).origin).toBe(storageOrigins({ envId: 'test-env', bucket: BUCKET }).read[0])
  })
})

describe('signing out', () => {
  it('waits for the auth.signOut call under way, so it goes out as the person it ends; then the next call is anonymous', async () => {
    const { client, state } = fakeCloudbase({ 'auth.signOut': ok({ ended: true }), 'categories.list': ok({ items: [] }) })
    state.login = { kind: 'custom', ticket: 'T' }
    let release = () => {}
    state.hold = new Promise<void>((resolve) => { release = resolve })
    const ending = client.transport('auth', { action: 'signOut' })
    const signingOut = client.signOut()
    release()
    await Promise.all([ending, signingOut])
    state.hold = null
    expect(state.calls).toEqual([{ name: 'auth', data: { action: 'signOut' }, as: 'custom:T' }])
    expect(state.login).toBeNull()
    await client.transport('categories', { action: 'list' })
    expect(state.calls[1].as).toBe('anonymous')
  })
})
