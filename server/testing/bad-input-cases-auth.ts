import { sessionIdOf } from '../session-token'
import { newSignInRequestKeys } from '../signin-seal'
import { HUGE, type Case } from './bad-input'
import { emptyCases, pageCases, table } from './bad-input-shapes'
import { DESK_UA } from './signin'

/**
 * The bad-input cases of the desk sign-in (server/handlers/auth.ts; the harness is bad-input.ts). Well-formed halves
 * of a request nobody made answer NOT_FOUND, as a wrong secret does (auth.test.ts covers real requests).
 */

const unknown = newSignInRequestKeys()
const unknownQr = `WMS1.${unknown.requestId}.${unknown.secret}`

const qrCases = (action: 'describe' | 'confirm' | 'cancel'): Case[] => [
  ...table('auth', action, () => ({ qr: unknownQr }), [
    ['qr missing', { qr: undefined }],
    ['qr empty', { qr: '' }],
    ['qr a number', { qr: 12345 }],
    ['qr null', { qr: null }],
    ['qr of 10,000 chars', { qr: HUGE }],
    ['qr an object (query-operator junk)', { qr: { $ne: '' } }],
    ['a volunteer check-in code', { qr: 'WMV1.e1.99.c2lnbmF0dXJlMQ' }],
    ['the prefix only', { qr: 'WMS1..' }],
    ['a secret too short', { qr: `WMS1.${unknown.requestId}.abc` }],
    ['a fourth part', { qr: `${unknownQr}.x` }],
    ['a web address', { qr: 'https://example.com/login?WMS1' }]
  ]),
  { name: `auth.${action}: a well-formed code nobody made`, fn: 'auth', action, payload: () => ({ qr: unknownQr }), expected: 'NOT_FOUND' }
]

export const AUTH_CASES: Case[] = [
  ...table('auth', 'request', () => ({ userAgent: DESK_UA }), [
    ['userAgent a number', { userAgent: 131 }],
    ['userAgent of 10,000 chars', { userAgent: HUGE }],
    ['userAgent an object', { userAgent: { $gt: '' } }],
    ['userAgent null', { userAgent: null }]
  ]),
  {
    name: 'auth.request: unknown junk fields are stripped (answered with a code, nothing else changes)',
    fn: 'auth', action: 'request', payload: () => ({ userAgent: DESK_UA, state: 'confirmed', userId: 'u-admin', extra: { deep: [Number.NaN] } }), expected: 'allowed',
    check: (d) => expect((d as { qr: string }).qr).toMatch(/^WMS1\./)
  },

  ...table('auth', 'poll', () => ({ requestId: unknown.requestId, secret: unknown.secret }), [
    ['requestId missing', { requestId: undefined }],
    ['requestId too short', { requestId: 'abc' }],
    ['requestId of 10,000 chars', { requestId: HUGE }],
    ['requestId with a dot', { requestId: `${unknown.requestId.slice(1)}.` }],
    ['requestId a number', { requestId: 12345 }],
    ['requestId an object (query-operator junk)', { requestId: { $ne: '' } }],
    ['secret missing', { secret: undefined }],
    ['secret too short', { secret: 'abc' }],
    ['secret of 10,000 chars', { secret: HUGE }],
    ['secret an array', { secret: [unknown.secret] }]
  ]),
  { name: 'auth.poll: well-formed halves of a request nobody made', fn: 'auth', action: 'poll', payload: () => ({ requestId: unknown.requestId, secret: unknown.secret }), expected: 'NOT_FOUND' },

  ...qrCases('describe'),
  ...qrCases('confirm'),
  ...qrCases('cancel'),

  ...pageCases({ fn: 'auth', action: 'sessions', storeCursor: true }),

  ...table('auth', 'endSession', () => ({ id: sessionIdOf('nobody') }), [
    ['id missing', { id: undefined }],
    ['id empty', { id: '' }],
    ['id a number', { id: 12345 }],
    ['id not a hash', { id: 'sess-1' }],
    ['id in capitals', { id: sessionIdOf('nobody').toUpperCase() }],
    ['id of 10,000 chars', { id: HUGE }],
    ['id an object (query-operator junk)', { id: { $ne: '' } }]
  ]),
  { name: 'auth.endSession: a session nobody holds', fn: 'auth', action: 'endSession', payload: () => ({ id: sessionIdOf('nobody') }), expected: 'NOT_FOUND' },

  ...emptyCases({ fn: 'auth', action: 'signOut' })
]
