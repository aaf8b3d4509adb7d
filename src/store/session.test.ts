import Taro from '@tarojs/taro'
import type { Role } from '../../core/types'
import { call, setTransport } from '../api'
import { getDevToken } from '../api/call'
import { fakeTransport } from '../testing/fake-transport'
import { useReportDraft } from './report-draft'
import { useSession } from './session'

/**
 * The session store against a stand-in for the local gateway: Taro.request answers the dev login with a token, and
 * users.me answers for whoever that stored token belongs to — as the gateway does from the header.
 */

const people: Record<string, { id: string; nickname: string; roles: Role[]; gridIds: string[] }> = {
  'u-zhang': { id: 'u-zhang', nickname: '张阿姨', roles: ['citizen'], gridIds: [] },
  'u-zhao': { id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'], gridIds: ['g1'] }
}

let meAnswer: 'token' | 'down' = 'token'
const fake = fakeTransport({
  'users.me': () => {
    if (meAnswer === 'down') return { ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } }
    const token = getDevToken()
    const user = token ? people[token.replace(/^tok-/, '')] : undefined
    return user ? { ok: true, data: { user } } : { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }
  }
})

beforeEach(() => {
  meAnswer = 'token'
  fake.calls.length = 0
  setTransport(fake.transport)
  Taro.removeStorageSync('wm.devToken')
  useSession.setState({ me: null, status: 'idle', error: null, returnTo: null })
  useReportDraft.getState().reset()
  jest.spyOn(Taro, 'request').mockImplementation((async (o: Taro.request.Option) => {
    const userId = (o.data as { userId?: string } | undefined)?.userId ?? ''
    // The gateway's one answer shape (server/gateway/http.ts).
    const found = o.url === '/dev/login' && people[userId]
    const data = found ? { ok: true, data: { token: `tok-${userId}`, user: people[userId] } } : { ok: false, error: { code: 'NOT_FOUND', message: '没有这个演示账号' } }
    return { data, statusCode: found ? 200 : 404, header: {}, cookies: [], errMsg: 'request:ok' }
  }) as unknown as typeof Taro.request)
})
afterEach(() => jest.restoreAllMocks())

const session = () => useSession.getState()

describe('session store', () => {
  it('is signed out when nobody has logged in', async () => {
    await session().load()
    expect(session()).toMatchObject({ me: null, status: 'signedOut', error: null })
  })

  it('signs in as a demo user, keeps the token, and holds that user and their roles', async () => {
    await session().loginAs('u-zhao')
    expect(getDevToken()).toBe('tok-u-zhao')
    expect(session().status).toBe('ready')
    expect(session().me).toMatchObject({ id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'], gridIds: ['g1'] })
    expect(fake.calls.map((c) => `${c.fn}.${String(c.event.action)}`)).toEqual(['users.me'])
  })

  it('switching user replaces the roles', async () => {
    await session().loginAs('u-zhao')
    await session().loginAs('u-zhang')
    expect(session().me?.id).toBe('u-zhang')
    expect(session().me?.roles).toEqual(['citizen'])
  })

  it('a refused login says why and asks the server nothing', async () => {
    await session().loginAs('u-nobody')
    expect(session()).toMatchObject({ me: null, status: 'error', error: '没有这个演示账号' })
    expect(getDevToken()).toBeNull()
    expect(fake.calls).toEqual([])
  })

  it('a failing server is an error, not a sign-out', async () => {
    await session().loginAs('u-zhang')
    meAnswer = 'down'
    await session().load()
    expect(session()).toMatchObject({ status: 'error', error: '网络不通，请检查网络后重试' })
    expect(session().me?.id).toBe('u-zhang')
  })

  it('signs out: forgets the user and the token, so the next load is signed out too', async () => {
    await session().loginAs('u-zhang')
    session().logout()
    expect(session()).toMatchObject({ me: null, status: 'signedOut' })
    expect(getDevToken()).toBeNull()
    await session().load()
    expect(session()).toMatchObject({ me: null, status: 'signedOut' })
  })
})

describe('per-person state on a shared phone', () => {
  const typeDraft = () => useReportDraft.getState().set({ description: '门口堆了垃圾', categoryId: 'cat-E01-01' })

  it('signing out forgets the report draft, so the next person starts from an empty form', async () => {
    await session().loginAs('u-zhang')
    typeDraft()
    const before = useReportDraft.getState().clientRequestId
    session().logout()
    expect(useReportDraft.getState()).toMatchObject({ description: '', categoryId: null, photos: [] })
    expect(useReportDraft.getState().clientRequestId).not.toBe(before)
    expect(JSON.parse(Taro.getStorageSync('wm.reportDraft')).state.description).toBe('')
  })

  it('another person signing in over the first forgets the draft; a visitor who signs in keeps theirs', async () => {
    typeDraft()
    await session().loginAs('u-zhang')
    expect(useReportDraft.getState().description).toBe('门口堆了垃圾')
    await session().loginAs('u-zhao')
    expect(useReportDraft.getState().description).toBe('')
  })

  it('any call answering UNAUTHENTICATED marks the session signed out (a token the server no longer knows)', async () => {
    await session().loginAs('u-zhang')
    Taro.setStorageSync('wm.devToken', 'tok-u-gone')
    await expect(call('users', 'me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(session()).toMatchObject({ me: null, status: 'signedOut' })
  })
})
