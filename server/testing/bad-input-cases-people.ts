import { MAX_ROLE_GRIDS } from '../../core/admin-schemas'
import { app, cast, HUGE, t, type Case } from './bad-input'
import { idCases, pageCases, table } from './bad-input-shapes'

/**
 * The bad-input cases of the office's people, roles, audit list and moderation (the harness is bad-input.ts). Each
 * changes nothing: no role, grid manager, ban, hidden flag, redacted photo, audit entry or message.
 */

const daysAhead = (d: number) => new Date(Date.parse(app.clock.now()) + d * 86_400_000).toISOString()
const reasonRows = (label: string): Array<[string, Record<string, unknown>]> => [
  [`${label} missing`, { reason: undefined }],
  [`${label} one char after trimming`, { reason: '  嗯  ' }],
  [`${label} of 10,000 chars`, { reason: HUGE }],
  [`${label} a number`, { reason: 12345 }],
  [`${label} an object (query-operator junk)`, { reason: { $ne: '' } }]
]

const moderationCases: Case[] = [
  ...idCases('tickets', 'hide', 'id', 't-nope', () => ({ reason: '含有他人隐私' })),
  ...table('tickets', 'hide', () => ({ id: t.dispatched.id, reason: '含有他人隐私' }), [
    ...reasonRows('reason'),
    ['expectedVersion negative', { expectedVersion: -1 }],
    ['expectedVersion a string', { expectedVersion: '3' }],
    ['a stale expectedVersion', () => ({ expectedVersion: t.dispatched.version + 5 }), 'CONFLICT']
  ]),
  ...idCases('tickets', 'unhide', 'id', 't-nope', () => ({ reason: '核实无误' })),
  ...table('tickets', 'unhide', () => ({ id: t.dispatched.id, reason: '核实无误' }), [
    ...reasonRows('reason'),
    ['a report that is public already', {}, 'CONFLICT']
  ]),
  ...idCases('tickets', 'redactPhoto', 'id', 't-nope', () => ({ fileId: 'f-after-1', reason: '拍到了路人' })),
  ...table('tickets', 'redactPhoto', () => ({ id: t.accepted.id, fileId: 'f-1', reason: '拍到了路人' }), [
    ...reasonRows('reason'),
    ['fileId missing', { fileId: undefined }],
    ['fileId empty', { fileId: '' }],
    ['fileId of 10,000 chars', { fileId: HUGE }],
    ['fileId an array', { fileId: ['f-1'] }],
    ['a photo of another ticket', { fileId: 'f-nope' }, 'NOT_FOUND']
  ])
]

const peopleCases: Case[] = [
  ...pageCases({ fn: 'admin', action: 'findUsers', storeCursor: true }),
  ...table('admin', 'findUsers', () => ({ q: '张' }), [
    ['q of 41 chars', { q: '张'.repeat(41) }],
    ['q a number', { q: 13800000000 }],
    ['q an object (query-operator junk)', { q: { $regex: '.*' } }],
    ['role unknown', { role: 'superuser' }],
    ['role a number', { role: 1 }]
  ]),
  ...table('admin', 'grantRole', () => ({ userId: 'u-citizen', role: 'organizer', organisation: '东塘志愿服务队', reason: '新任组织者' }), [
    ['userId missing', { userId: undefined }],
    ['userId an object (query-operator junk)', { userId: { $ne: null } }],
    ['an unknown person', { userId: 'u-nope' }, 'NOT_FOUND'],
    ['role citizen (everyone is one)', { role: 'citizen' }],
    ['role volunteer (one registers)', { role: 'volunteer' }],
    ['role unknown', { role: 'superadmin' }],
    ...reasonRows('reason'),
    ['organizer without an organisation', { organisation: undefined }],
    ['organisation one char', { organisation: '队' }],
    ['organisation of 10,000 chars', { organisation: HUGE }],
    ['grid_manager without grids', { role: 'grid_manager', organisation: undefined }],
    ['grid_manager with no grid', { role: 'grid_manager', gridIds: [] }],
    [`grid_manager with ${MAX_ROLE_GRIDS + 1} grids`, { role: 'grid_manager', gridIds: Array.from({ length: MAX_ROLE_GRIDS + 1 }, (_, i) => `g-${i}`) }],
    ['grid_manager with a grid that does not exist', { role: 'grid_manager', gridIds: ['g-nope'] }, 'NOT_FOUND'],
    ['grid_manager of the grids held already', () => ({ userId: 'u-grid', role: 'grid_manager', gridIds: [cast.grid.id] }), 'CONFLICT'],
    ['admin with an area code of 5 digits', { role: 'admin', areaCode: '43011' }],
    ['admin with an area code an object', { role: 'admin', areaCode: { $gt: '' } }],
    ['admin of the area held already', { userId: 'u-admin', role: 'admin', areaCode: '' }, 'CONFLICT']
  ]),
  ...table('admin', 'revokeRole', () => ({ userId: 'u-grid', role: 'grid_manager', reason: '调往其他街道' }), [
    ['userId missing', { userId: undefined }],
    ['an unknown person', { userId: 'u-nope' }, 'NOT_FOUND'],
    ['role citizen', { role: 'citizen' }],
    ...reasonRows('reason'),
    ['a role not held', { userId: 'u-citizen', role: 'organizer' }, 'CONFLICT'],
    ['one\'s own admin role', { userId: 'u-admin', role: 'admin' }, 'FORBIDDEN'],
    ['a grid manager holding open tickets, nobody to take them', {}, 'CONFLICT'],
    ['reassigned to nobody who exists', { reassignTo: 'u-nope' }, 'NOT_FOUND'],
    ['reassigned to a resident who is no grid manager', { reassignTo: 'u-citizen' }, 'VALIDATION'],
    ['reassigned to the same person', { reassignTo: 'u-grid' }, 'VALIDATION'],
    ['a grid the person does not manage', { gridIds: ['g-nope'] }, 'CONFLICT'],
    ['gridIds empty', { gridIds: [] }],
    ['reassignTo an object (query-operator junk)', { reassignTo: { $ne: null } }]
  ]),
  ...pageCases({ fn: 'admin', action: 'audit', storeCursor: true }),
  ...table('admin', 'audit', () => ({}), [
    ['kind unknown', { kind: 'everything' }],
    ['kind a number', { kind: 3 }],
    ['targetId of 10,000 chars', { targetId: HUGE }],
    ['targetId an object (query-operator junk)', { targetId: { $ne: null } }]
  ]),
  ...table('admin', 'banReporter', () => ({ userId: 'u-citizen', until: daysAhead(7), reason: '多次上报虚假信息' }), [
    ['userId missing', { userId: undefined }],
    ['an unknown person', { userId: 'u-nope' }, 'NOT_FOUND'],
    ['oneself', { userId: 'u-admin' }],
    ['until missing', { until: undefined }],
    ['until not a time', { until: '下周一' }],
    ['until a number', { until: Date.now() }],
    ['until in the past', () => ({ until: daysAhead(-1) })],
    ['until now', () => ({ until: app.clock.now() })],
    ['until more than a year ahead', () => ({ until: daysAhead(400) })],
    ...reasonRows('reason')
  ]),
  ...table('admin', 'unban', () => ({ userId: 'u-citizen', reason: '核实后恢复' }), [
    ['userId missing', { userId: undefined }],
    ['an unknown person', { userId: 'u-nope' }, 'NOT_FOUND'],
    ['a person who is not banned', {}, 'CONFLICT'],
    ...reasonRows('reason')
  ])
]

export const PEOPLE_CASES: Case[] = [...moderationCases, ...peopleCases]
