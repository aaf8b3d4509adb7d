import nock from 'nock'
import * as tcb from '@cloudbase/node-sdk'
import type { Category, Grid, Message, Signup, SurveyResponse, Ticket, TicketEvent, User, VolunteerEvent } from '../../../../core/types'
import type { Store } from '../../../ports/store'
import { FakeCloudbase, interceptCloudbase } from './fake-cloudbase'
import { type CloudbaseTuning, createCloudbaseStore } from '../index'

/**
 * Jest wiring for adapter tests: no network at all (nock.disableNetConnect), every database request answered
 * by a FakeCloudbase, and the run fails on any unmatched request or unhandled rejection (the SDK can raise
 * one internally, which would crash Node 20).
 */
export function useFakeCloudbase (tuning: CloudbaseTuning = {}): { fake: FakeCloudbase; store: Store } {
  const ctx = {} as { fake: FakeCloudbase; store: Store }
  const unmatched: string[] = []
  const rejections: unknown[] = []
  const onNoMatch = (req: { method?: string; href?: string; path?: string }) => unmatched.push(`${req.method} ${req.href ?? req.path}`)
  const onRejection = (e: unknown) => rejections.push(e)

  beforeAll(() => {
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
    nock.emitter.on('no match', onNoMatch)
    process.on('unhandledRejection', onRejection)
  })
  beforeEach(() => {
    ctx.fake = new FakeCloudbase()
    interceptCloudbase(ctx.fake)
    // The SDK probes the Tencent Cloud metadata service to learn whether it runs inside the cloud: "no".
    nock('http://metadata.tencentyun.com').persist().get(/.*/).reply(404)
    ctx.store = createCloudbaseStore({ app: tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' }), ...tuning })
  })
  afterEach(() => {
    nock.cleanAll()
    expect(unmatched.splice(0)).toEqual([])
  })
  afterAll(() => {
    nock.emitter.off('no match', onNoMatch)
    process.off('unhandledRejection', onRejection)
    nock.enableNetConnect()
    nock.restore() // leave Node's http untouched for whatever runs next in this worker
    expect(rejections).toEqual([])
  })
  return ctx
}

const T0 = '2025-03-01T08:00:00.000Z'

export const aUser = (o: Partial<User> = {}): User => ({
  id: 'u1', openid: 'openid-u1', nickname: '张三', roles: ['citizen'], gridIds: [], createdAt: T0, ...o
})

export const aGrid = (o: Partial<Grid> = {}): Grid => ({
  id: 'g1', code: '110101001001001', name: '东华门一网格', district: '东城区', street: '东华门街道', community: '多福巷社区',
  datum: 'GCJ-02', polygon: [[116.4, 39.9], [116.41, 39.9], [116.41, 39.91]], managerIds: [], population: 1200, ...o
})

export const aCategory = (o: Partial<Category> = {}): Category => ({
  id: 'c1', code: '0101', kind: 'component', level: 2, parentCode: '01', name: '井盖', icon: 'manhole', timeLimitHours: 48,
  department: '市政', duplicateRadiusM: 30, allowAnonymous: false, active: true, ...o
})

export const aTicket = (o: Partial<Ticket> = {}): Ticket => ({
  id: 't1', clientRequestId: 'req-1', reporterId: 'u1', anonymous: false, categoryId: 'c1', description: '井盖缺失',
  location: { lng: 116.405, lat: 39.905 }, address: '多福巷 3 号', gridId: 'g1', assigneeId: null, department: '市政',
  state: 'triage', closeReason: null, mergedInto: null, photos: ['p1.jpg'], afterPhotos: [], deadline: '2025-03-03T08:00:00.000Z',
  overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: T0, updatedAt: T0, dispatchedAt: null,
  acceptedAt: null, resolvedAt: null, closedAt: null, version: 1, ...o
})

export const aTicketEvent = (o: Partial<TicketEvent> = {}): TicketEvent => ({
  id: 'te1', ticketId: 't1', action: 'report', fromState: null, toState: 'triage', actorId: 'u1', actorRole: 'citizen',
  note: '', at: T0, ...o
})

export const anEvent = (o: Partial<VolunteerEvent> = {}): VolunteerEvent => ({
  id: 'e1', kind: 'service', title: '清洁家园', description: '', organizerId: 'u9', gridId: 'g1', address: '多福巷',
  location: null, startAt: '2025-03-08T01:00:00.000Z', endAt: '2025-03-08T03:00:00.000Z', capacity: 2, taken: 0,
  waitlistEnabled: false, cancelDeadline: '2025-03-07T01:00:00.000Z', status: 'published', createdAt: T0, ...o
})

export const aSignup = (o: Partial<Signup> = {}): Signup => ({
  id: 's1', eventId: 'e1', userId: 'u1', status: 'confirmed', createdAt: T0, checkInAt: null, checkOutAt: null, hours: null, ...o
})

export const aResponse = (o: Partial<SurveyResponse> = {}): SurveyResponse => ({
  id: 'r1', surveyId: 'sv1', userId: 'u1', gridId: 'g1', answers: { q1: [0], q2: '很好' }, at: T0, ...o
})

export const aMessage = (o: Partial<Message> = {}): Message => ({
  id: 'm1', userId: 'u1', ticketId: 't1', title: '已受理', body: '你的随手拍已受理', read: false, at: T0, ...o
})
