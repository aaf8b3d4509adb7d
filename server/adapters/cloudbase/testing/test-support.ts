import nock from 'nock'
import * as b from '../../../../core/testing/builders'
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

// The shared builders (core/testing/builders.ts), with the fixed ids these request-level tests name.
export const aUser = (o: Partial<User> = {}): User => b.aUser({ id: 'u1', openid: 'openid-u1', createdAt: T0, ...o })
export const aGrid = (o: Partial<Grid> = {}): Grid => b.aGrid({ id: 'g1', code: '110101001001001', ...o })
export const aCategory = (o: Partial<Category> = {}): Category => b.aCategory({ id: 'c1', code: '0101', ...o })
export const aTicket = (o: Partial<Ticket> = {}): Ticket =>
  b.aTicket({ id: 't1', clientRequestId: 'req-1', reporterId: 'u1', categoryId: 'c1', gridId: 'g1', createdAt: T0, updatedAt: T0, ...o })
export const aTicketEvent = (o: Partial<TicketEvent> = {}): TicketEvent =>
  b.aTicketEvent({ id: 'te1', ticketId: 't1', actorId: 'u1', at: T0, ...o })
export const anEvent = (o: Partial<VolunteerEvent> = {}): VolunteerEvent =>
  b.aVolunteerEvent({ id: 'e1', organizerId: 'u9', gridId: 'g1', capacity: 2, taken: 0, waitlistEnabled: false, status: 'published', createdAt: T0, ...o })
/** A signup of e1 by u1 unless told; its id is the deterministic `${eventId}:${userId}`, as the store writes it. */
export const aSignup = (o: Partial<Signup> = {}): Signup => b.aSignup({ eventId: 'e1', userId: 'u1', status: 'confirmed', createdAt: T0, ...o })
export const aResponse = (o: Partial<SurveyResponse> = {}): SurveyResponse =>
  b.aSurveyResponse({ id: 'r1', surveyId: 'sv1', userId: 'u1', gridId: 'g1', at: T0, ...o })
export const aMessage = (o: Partial<Message> = {}): Message => b.aMessage({ id: 'm1', userId: 'u1', ticketId: 't1', read: false, at: T0, ...o })
