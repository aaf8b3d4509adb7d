import { MAX_REPORT_PHOTOS } from '../../core/schemas'
import type { Identity } from '../deps'
import { app, cast, gridMessageId, HUGE, t, V, type Case } from './bad-input'
import type { Outcome } from './matrix'
import { EMPTY, emptyCases, idCases, PAGED, pageCases, pointCases, table } from './bad-input-shapes'
import { VOLUNTEER_CASES } from './bad-input-cases-volunteer'
import { CONFIG_CASES } from './bad-input-cases-config'
import { AUTH_CASES } from './bad-input-cases-auth'
import { PEOPLE_CASES } from './bad-input-cases-people'
import { GRID_CASES } from './bad-input-cases-grids'

/** The bad-input case tables: every action of every function but timer (the harness is bad-input.ts). */

// ---------------------------------------------------------------------------------------------- submit

let submitN = 0
export const validReport = (): Record<string, unknown> => ({
  clientRequestId: `req-bad-input-${String(++submitN).padStart(5, '0')}`,
  categoryId: 'cat-E02-01',
  description: '墙上有小广告',
  location: cast.spot
})

const submitCases: Case[] = [
  ...(
    [
      ['clientRequestId missing', { clientRequestId: undefined }],
      ['clientRequestId too short', { clientRequestId: 'short' }],
      ['clientRequestId of 10,000 chars', { clientRequestId: HUGE }],
      ['clientRequestId a number', { clientRequestId: 12345678 }],
      ['categoryId missing', { categoryId: undefined }],
      ['categoryId a number', { categoryId: 123 }],
      ['categoryId of 10,000 chars', { categoryId: HUGE }],
      ['unknown categoryId', { categoryId: 'cat-nope' }],
      ['a level-1 category', { categoryId: 'cat-01' }],
      ['anonymous for a category that needs a real name', { categoryId: 'cat-E03-01', anonymous: true }],
      ['anonymous a string', { anonymous: 'yes' }],
      ['description missing', { description: undefined }],
      ['description empty', { description: '' }],
      ['description one char after trimming', { description: '   a   ' }],
      ['description of 10,000 chars', { description: HUGE }],
      ['description a number', { description: 12345 }],
      ['description null', { description: null }],
      // Refused by the content check, which runs before the rate-limit counters (they are in the snapshot).
      ['description with abuse the content check rejects', { description: '这个网格员是个傻 逼' }],
      ['location missing', { location: undefined }],
      ['location null', { location: null }],
      ['location an array', { location: [112.98, 28.18] }],
      ['location lng NaN', { location: { lng: Number.NaN, lat: 28.18 } }],
      ['location lat Infinity', { location: { lng: 112.98, lat: Number.POSITIVE_INFINITY } }],
      ['location lng 200', { location: { lng: 200, lat: 28.18 } }],
      ['location lat -91', { location: { lng: 112.98, lat: -91 } }],
      ['address of 10,000 chars', { address: HUGE }],
      ['address a number', { address: 5 }],
      [`${MAX_REPORT_PHOTOS + 1} photos`, { photos: Array.from({ length: MAX_REPORT_PHOTOS + 1 }, (_, i) => `f-${i}`) }],
      ['photos a string', { photos: 'f-1' }],
      ['photos with an empty id', { photos: [''] }],
      ['photos of objects', { photos: [{ id: 'f-1' }] }],
      ['photos null', { photos: null }],
      ['nested junk and no description', { description: undefined, junk: { a: [{ b: Number.NaN }] } }],
      ['every field null', { clientRequestId: null, categoryId: null, description: null, location: null, address: null, photos: null, anonymous: null }]
    ] as Array<[string, Record<string, unknown>]>
  ).map(([name, patch]): Case => ({
    name: `reports.submit: ${name}`,
    fn: 'reports',
    action: 'submit',
    payload: () => Object.fromEntries(Object.entries({ ...validReport(), ...patch }).filter(([, v]) => v !== undefined)),
    expected: V
  })),
  {
    // Documents behaviour: the idempotency key wins over the content, before any validation of the category.
    name: 'reports.submit: a retry (same clientRequestId) with an unknown category answers the earlier ticket, created false',
    fn: 'reports',
    action: 'submit',
    payload: () => ({ ...validReport(), clientRequestId: t.dispatched.clientRequestId, categoryId: 'cat-nope' }),
    expected: 'allowed',
    check: (d) => expect(d).toMatchObject({ created: false, ticket: { id: t.dispatched.id } })
  }
]

// ---------------------------------------------------------------------------------------------- tickets.act

const act = (name: string, payload: () => Record<string, unknown>, expected: Outcome = V, as?: () => Identity): Case =>
  ({ name: `tickets.act: ${name}`, fn: 'tickets', action: 'act', payload, expected, as })
const onDispatched = (extra: Record<string, unknown>) => () => ({ id: t.dispatched.id, transition: 'reject', note: '无效', ...extra })

const actCases: Case[] = [
  ...idCases('tickets', 'act', 'id', 't-nope', () => ({ transition: 'accept' })),
  act('transition missing', () => ({ id: t.dispatched.id })),
  act('transition not a workflow action (markOverdue)', onDispatched({ transition: 'markOverdue' })),
  act('transition submit', onDispatched({ transition: 'submit' })),
  act('transition in capitals', onDispatched({ transition: 'REJECT' })),
  act('transition a number', onDispatched({ transition: 42 })),
  act('transition null', onDispatched({ transition: null })),
  act('transition an array', onDispatched({ transition: ['reject'] })),
  act('transition __proto__', onDispatched({ transition: '__proto__' })),
  act('expectedVersion negative', onDispatched({ expectedVersion: -1 })),
  act('expectedVersion fractional', onDispatched({ expectedVersion: 1.5 })),
  act('expectedVersion a string', onDispatched({ expectedVersion: '1' })),
  act('expectedVersion NaN', onDispatched({ expectedVersion: Number.NaN })),
  act('expectedVersion Infinity', onDispatched({ expectedVersion: Number.POSITIVE_INFINITY })),
  act('expectedVersion null', onDispatched({ expectedVersion: null })),
  act('note of 10,000 chars', onDispatched({ note: HUGE })),
  act('note a number', onDispatched({ note: 5 })),
  act('note only spaces where a reason is required', onDispatched({ note: '    ' })),
  act(`${MAX_REPORT_PHOTOS + 1} afterPhotos`, () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理', afterPhotos: Array.from({ length: MAX_REPORT_PHOTOS + 1 }, (_, i) => `f-${i}`) })),
  act('afterPhotos a string', () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理', afterPhotos: 'f-1' })),
  act('afterPhotos with an empty id', () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理', afterPhotos: [''] })),
  act('resolve without afterPhotos', () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理' })),
  act('resolve without a note', () => ({ id: t.accepted.id, transition: 'resolve', afterPhotos: ['f-1'] })),
  act('rating not a rating', () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理', afterPhotos: ['f-1'], rating: 'great' })),
  act('rating a number', () => ({ id: t.accepted.id, transition: 'resolve', note: '已清理', afterPhotos: ['f-1'], rating: 5 })),
  act('dispatch gridId empty', () => ({ id: t.triage.id, transition: 'dispatch', gridId: '' })),
  act('dispatch gridId of 10,000 chars', () => ({ id: t.triage.id, transition: 'dispatch', gridId: HUGE })),
  act('dispatch to an unknown grid', () => ({ id: t.triage.id, transition: 'dispatch', gridId: 'grid-nope' }), 'NOT_FOUND'),
  act('dispatch to an unknown assignee', () => ({ id: t.triage.id, transition: 'dispatch', assigneeId: 'u-nope' })),
  act('dispatch to a citizen as assignee', () => ({ id: t.triage.id, transition: 'dispatch', assigneeId: 'u-citizen' })),
  act('dispatch with neither grid nor assignee', () => ({ id: t.triage.id, transition: 'dispatch' })),
  act('dispatch assigneeId an object', () => ({ id: t.triage.id, transition: 'dispatch', assigneeId: { id: 'u-grid' } })),
  act('merge into an unknown ticket', () => ({ id: t.dispatched.id, transition: 'merge', mergedInto: 't-nope' }), 'NOT_FOUND'),
  act('merge into itself', () => ({ id: t.dispatched.id, transition: 'merge', mergedInto: t.dispatched.id })),
  act('merge with nothing to merge into', () => ({ id: t.dispatched.id, transition: 'merge' })),
  act('mergedInto of 10,000 chars', () => ({ id: t.dispatched.id, transition: 'merge', mergedInto: HUGE })),
  act('nested junk and a bad transition', onDispatched({ transition: 'nuke', junk: { a: [{ b: Number.NaN }] } })),
  // Well-formed, refused for other reasons; still nothing changes.
  act('a stale expectedVersion (well-formed) answers CONFLICT', onDispatched({ expectedVersion: 0 }), 'CONFLICT'),
  act('autoClose through the API (the scheduler\'s step) answers FORBIDDEN even for an admin', () => ({ id: t.accepted.id, transition: 'autoClose' }), 'FORBIDDEN'),
  act('a citizen acting on a ticket not theirs answers FORBIDDEN', () => ({ id: t.foreign.id, transition: 'confirmFixed' }), 'FORBIDDEN', () => cast.identity.reporter)
]

// ---------------------------------------------------------------------------------------------- the office's pickers and 督办

const mergeCandidatesCases: Case[] = [
  ...idCases('tickets', 'mergeCandidates', 'id', 't-nope'),
  ...(
    [
      ['number empty', { number: '' }],
      ['number only spaces', { number: '   ' }],
      ['number of 10,000 chars', { number: HUGE }],
      ['number a number', { number: 2612017 }],
      ['number an object (query-operator junk)', { number: { $regex: '.*' } }],
      ['number not a ticket number', { number: '随便写的' }],
      ['number of an impossible day', { number: '261399-7K3Q' }],
      ['number with a letter the alphabet lacks (U)', { number: '261201-7K3U' }]
    ] as Array<[string, Record<string, unknown>]>
  ).map(([name, extra]): Case => ({ name: `tickets.mergeCandidates: ${name}`, fn: 'tickets', action: 'mergeCandidates', payload: () => ({ id: t.dispatched.id, ...extra }), expected: V })),
  {
    name: 'tickets.mergeCandidates: a well-formed number that names nothing answers no candidates',
    fn: 'tickets',
    action: 'mergeCandidates',
    payload: () => ({ id: t.dispatched.id, number: '990101-0000' }),
    expected: 'allowed',
    check: (d) => expect(d).toEqual({ candidates: [] })
  },
  { name: 'tickets.mergeCandidates: a grid manager answers FORBIDDEN', fn: 'tickets', action: 'mergeCandidates', payload: () => ({ id: t.dispatched.id }), expected: 'FORBIDDEN', as: () => cast.identity.assignedGm }
]

const urge = (name: string, payload: () => Record<string, unknown>, expected: Outcome = V, as?: () => Identity): Case =>
  ({ name: `tickets.urge: ${name}`, fn: 'tickets', action: 'urge', payload, expected, as })

const urgeCases: Case[] = [
  ...idCases('tickets', 'urge', 'id', 't-nope'),
  urge('note of 10,000 chars', () => ({ id: t.dispatched.id, note: HUGE })),
  urge('note a number', () => ({ id: t.dispatched.id, note: 5 })),
  urge('expectedVersion negative', () => ({ id: t.dispatched.id, expectedVersion: -1 })),
  urge('expectedVersion a string', () => ({ id: t.dispatched.id, expectedVersion: '1' })),
  // Well-formed, refused for what the ticket is; still nothing changes.
  urge('a ticket within its deadline answers CONFLICT', () => ({ id: t.dispatched.id }), 'CONFLICT'),
  urge('a ticket in triage (no handler yet) answers CONFLICT', () => ({ id: t.triage.id }), 'CONFLICT'),
  urge('a stale expectedVersion answers CONFLICT', () => ({ id: t.dispatched.id, expectedVersion: 0 }), 'CONFLICT'),
  urge('the grid manager urging answers FORBIDDEN', () => ({ id: t.dispatched.id }), 'FORBIDDEN', () => cast.identity.assignedGm)
]

// ---------------------------------------------------------------------------------------------- the rest

const inboxStateCases: Case[] = (
  [
    ['states with a state not in the inbox', { states: ['closed'] }],
    ['states a string', { states: 'dispatched' }],
    ['states with five entries', { states: ['dispatched', 'accepted', 'resolved', 'rework', 'dispatched'] }],
    ['states with null', { states: [null] }],
    ['states an object', { states: { 0: 'dispatched' } }],
    ['states null', { states: null }]
  ] as Array<[string, Record<string, unknown>]>
).map(([name, payload]) => ({ name: `tickets.inbox: ${name}`, fn: 'tickets', action: 'inbox', payload: () => payload, expected: V }))

const readMessagesCases: Case[] = [
  ...(
    [
      ['ids a string', { ids: 'm-1' }],
      ['ids with an empty id', { ids: [''] }],
      ['ids of numbers', { ids: [123] }],
      ['an id of 10,000 chars', { ids: [HUGE] }],
      ['101 ids', { ids: Array.from({ length: 101 }, (_, i) => `m-${i}`) }],
      ['ids null', { ids: null }],
      ['ids an object', { ids: { 0: 'm-1' } }],
      ['ids with null', { ids: [null] }],
      ['ids nested arrays', { ids: [['m-1']] }]
    ] as Array<[string, Record<string, unknown>]>
  ).map(([name, payload]): Case => ({ name: `users.readMessages: ${name}`, fn: 'users', action: 'readMessages', payload: () => payload, expected: V })),
  // Well-formed ids of someone else's or of no message: answered, and nothing is marked read.
  {
    name: 'users.readMessages: another user\'s message id is ignored (answered, it stays unread)',
    fn: 'users',
    action: 'readMessages',
    payload: () => ({ ids: [gridMessageId] }),
    expected: 'allowed'
  },
  { name: 'users.readMessages: unknown ids are ignored', fn: 'users', action: 'readMessages', payload: () => ({ ids: ['m-nope', 'm-nope-2'] }), expected: 'allowed' },
  { name: 'users.readMessages: an empty list marks nothing', fn: 'users', action: 'readMessages', payload: () => ({ ids: [] }), expected: 'allowed' }
]

const nearbyCases: Case[] = [
  ...idCases('reports', 'nearby', 'categoryId', 'cat-nope', () => ({ location: cast.spot }))
    // An unknown category is refused by the handler with VALIDATION (not NOT_FOUND).
    .map((c) => (c.expected === 'NOT_FOUND' ? { ...c, expected: V } : c)),
  ...pointCases('reports', 'nearby', (point) => ({ categoryId: 'cat-E02-01', location: point })),
  { name: 'reports.nearby: location missing', fn: 'reports', action: 'nearby', payload: () => ({ categoryId: 'cat-E02-01' }), expected: V },
  { name: 'reports.nearby: location null', fn: 'reports', action: 'nearby', payload: () => ({ categoryId: 'cat-E02-01', location: null }), expected: V },
  { name: 'reports.nearby: toleranceM negative', fn: 'reports', action: 'nearby', payload: () => ({ categoryId: 'cat-E02-01', location: cast.spot, toleranceM: -1 }), expected: V },
  { name: 'reports.nearby: toleranceM absurd', fn: 'reports', action: 'nearby', payload: () => ({ categoryId: 'cat-E02-01', location: cast.spot, toleranceM: 1e9 }), expected: V },
  { name: 'reports.nearby: toleranceM a string', fn: 'reports', action: 'nearby', payload: () => ({ categoryId: 'cat-E02-01', location: cast.spot, toleranceM: '100' }), expected: V }
]

const systemCaller = () => ({ kind: 'system' as const })
const photoReviewedCases: Case[] = [
  ['missing trace id', { verdict: 'pass' }],
  ['empty trace id', { traceId: '', verdict: 'pass' }],
  ['huge trace id', { traceId: HUGE, verdict: 'pass' }],
  ['unknown verdict', { traceId: 'trace-x', verdict: 'risky' }],
  ['verdict as a number', { traceId: 'trace-x', verdict: 1 }],
  ['trace id as an object', { traceId: { $ne: null }, verdict: 'pass' }]
].map(([name, payload]) => ({
  name: `reports.photoReviewed: ${name as string}`, fn: 'reports' as const, action: 'photoReviewed', payload: () => payload as Record<string, unknown>, expected: V, as: systemCaller
}))

const followCases: Case[] = [
  ...idCases('reports', 'follow', 'id', 't-nope'),
  { name: 'reports.follow: the reporter following their own ticket answers CONFLICT', fn: 'reports', action: 'follow', payload: () => ({ id: t.dispatched.id }), expected: 'CONFLICT' }
]

const ticketGetCases: Case[] = [
  ...idCases('tickets', 'get', 'id', 't-nope'),
  // A ticket that exists but is not the caller's: refused as FORBIDDEN, not hidden as NOT_FOUND.
  { name: 'tickets.get: a citizen opening someone else\'s ticket answers FORBIDDEN', fn: 'tickets', action: 'get', payload: () => ({ id: t.foreign.id }), expected: 'FORBIDDEN', as: () => cast.identity.reporter }
]

const signupCases: Case[] = [
  ...idCases('volunteer', 'signup', 'eventId', 'ev-nope'),
  { name: 'volunteer.signup: an event that has already started answers CONFLICT', fn: 'volunteer', action: 'signup', payload: () => ({ eventId: 'ev-001' }), expected: 'CONFLICT' }
]

const cancelCases: Case[] = [
  ...idCases('volunteer', 'cancel', 'eventId', 'ev-nope'),
  { name: 'volunteer.cancel: an event past its cancellation deadline answers CONFLICT', fn: 'volunteer', action: 'cancel', payload: () => ({ eventId: 'ev-001' }), expected: 'CONFLICT' }
]

// ---------------------------------------------------------------------------------------------- 缓办 and the office's surveys

// 缓办 (tickets.defer)
const daysAfter = (iso: string, d: number) => new Date(Date.parse(iso) + d * 86_400_000).toISOString()
const deferCases: Case[] = [
  ...idCases('tickets', 'defer', 'id', 't-nope', () => ({ until: daysAfter(t.dispatched.deadline, 10), reason: '等待统一采购' })),
  ...table('tickets', 'defer', () => ({ id: t.dispatched.id, until: daysAfter(t.dispatched.deadline, 10), reason: '等待统一采购' }), [
    ['until missing', { until: undefined }], ['until not a time', { until: '下个月' }], ['until a number', { until: 1_800_000_000_000 }],
    ['reason missing', { reason: undefined }], ['reason too short', { reason: '等' }], ['reason of 10,000 chars', { reason: HUGE }],
    ['expectedVersion negative', { expectedVersion: -1 }],
    ['until before the deadline', () => ({ until: daysAfter(t.dispatched.deadline, -1) }), 'CONFLICT'],
    ['until more than 180 days away', () => ({ until: daysAfter(app.clock.now(), 200) }), 'CONFLICT'],
    ['a ticket in triage', () => ({ id: t.triage.id, until: daysAfter(t.triage.deadline, 10) }), 'CONFLICT'],
    ['a stale expectedVersion', () => ({ expectedVersion: t.dispatched.version + 5 }), 'CONFLICT']
  ])
]

// surveys the office writes
const SURVEY_ID_OPEN = 'sv-2026-civility'
const validSurvey = (): Record<string, unknown> => ({
  title: '坏输入测试问卷', opensAt: app.clock.now(), closesAt: new Date(Date.parse(app.clock.now()) + 86_400_000).toISOString(),
  questions: [{ id: 'q1', type: 'single', title: '您是否知道创文？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] }]
})
const q1 = { id: 'q1', type: 'single', title: '您是否知道创文？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] }
const surveyOfficeCases: Case[] = [
  ...idCases('surveys', 'result', 'id', 'sv-nope'),
  { name: 'surveys.result: a survey still open answers CONFLICT', fn: 'surveys', action: 'result', payload: () => ({ id: SURVEY_ID_OPEN }), expected: 'CONFLICT' },
  ...table('surveys', 'fromTemplate', () => ({ template: 'mock' }), [['template unknown', { template: 'party' }], ['template missing', { template: undefined }], ['template a number', { template: 1 }]]),
  ...table('surveys', 'save', validSurvey, [
    ['title missing', { title: undefined }], ['title too short', { title: '问卷' }], ['title of 10,000 chars', { title: HUGE }],
    ['opensAt not a time', { opensAt: '明天' }], ['questions empty', { questions: [] }], ['questions a string', { questions: 'q1' }],
    ['41 questions', { questions: Array.from({ length: 41 }, (_, i) => ({ ...q1, id: `q${i + 1}` })) }],
    ['a question id with capitals', { questions: [{ ...q1, id: 'Q1' }] }],
    ['a question type unknown', { questions: [{ ...q1, type: 'essay' }] }],
    ['a single-choice question with one option', { questions: [{ ...q1, options: ['知道'] }] }],
    ['13 options', { questions: [{ ...q1, options: Array.from({ length: 13 }, (_, i) => `选项${i}`) }] }],
    ['a positive option out of range', { questions: [{ ...q1, positive: [5] }] }],
    ['an option both positive and excluded', { questions: [{ ...q1, positive: [0], excluded: [0] }] }],
    ['an indicator question with no positive option', { questions: [{ ...q1, positive: [] }] }],
    ['skip logic on a later question', { questions: [{ ...q1, showIf: { questionId: 'q2', anyOf: [0] } }, { ...q1, id: 'q2' }] }],
    ['a text question counted in an indicator', { questions: [{ id: 'q1', type: 'text', title: '您的建议', options: [], indicator: 'awareness', positive: [] }] }],
    ['a scale3 question with four scored options', { questions: [{ ...q1, type: 'scale3', options: ['满意', '基本满意', '不满意', '很不满意'], indicator: 'satisfaction', positive: [0, 1] }] }],
    ['closesAt before opensAt', () => ({ closesAt: new Date(Date.parse(app.clock.now()) - 86_400_000).toISOString() })],
    ['a quota area code malformed', { quotas: [{ areaCode: '4301', ageBand: null, limit: 10 }] }],
    ['a quota of 0', { quotas: [{ areaCode: '430111', ageBand: null, limit: 0 }] }],
    ['an audience role unknown', { audience: { areaCodes: [], roles: ['mayor'], ageBands: [] } }],
    ['an unknown id to edit', { id: 'sv-nope' }, 'NOT_FOUND'],
    ['editing a published survey', { id: SURVEY_ID_OPEN }, 'CONFLICT']
  ]),
  ...idCases('surveys', 'adminGet', 'id', 'sv-nope'),
  ...idCases('surveys', 'publish', 'id', 'sv-nope'),
  ...idCases('surveys', 'close', 'id', 'sv-nope'),
  ...idCases('surveys', 'duplicate', 'id', 'sv-nope'),
  ...idCases('surveys', 'results', 'id', 'sv-nope'),
  { name: 'surveys.results: level unknown', fn: 'surveys', action: 'results', payload: () => ({ id: SURVEY_ID_OPEN, level: 'province' }), expected: V },
  ...idCases('surveys', 'export', 'id', 'sv-nope'),
  { name: 'surveys.export: format unknown', fn: 'surveys', action: 'export', payload: () => ({ id: SURVEY_ID_OPEN, format: 'pdf' }), expected: V },
  ...table('surveys', 'answer', () => ({ surveyId: SURVEY_ID_OPEN, answers: validAnswers() }), [
    ['clientKey too short', { clientKey: 'abc' }], ['clientKey of 10,000 chars', { clientKey: HUGE }], ['ageBand unknown', { ageBand: '100+' }]
  ])
]
const validAnswers = (): Record<string, unknown> => ({ q1: [0], q2: [0], q3: [0], q4: [0], q5: [0], q6: [0], q7: '挺好' })
const SURVEY = 'sv-2026-civility'
const answerCases: Case[] = [
  ...idCases('surveys', 'answer', 'surveyId', 'sv-nope', () => ({ answers: validAnswers() })),
  ...(
    [
      ['answers missing', undefined],
      ['answers null', null],
      ['answers an array', []],
      ['answers a string', 'q1=0'],
      ['an option index over the schema max', { ...validAnswers(), q1: [99] }],
      ['an option index past the question\'s options', { ...validAnswers(), q1: [10] }],
      ['a negative option index', { ...validAnswers(), q1: [-1] }],
      ['a fractional option index', { ...validAnswers(), q1: [1.5] }],
      ['a NaN option index', { ...validAnswers(), q1: [Number.NaN] }],
      ['an Infinity option index', { ...validAnswers(), q1: [Number.POSITIVE_INFINITY] }],
      ['two choices on a single-choice question', { ...validAnswers(), q1: [0, 1] }],
      ['a repeated choice on a multi-choice question', { ...validAnswers(), q5: [0, 0] }],
      ['51 choices', { ...validAnswers(), q5: Array.from({ length: 51 }, () => 0) }],
      ['an empty choice', { ...validAnswers(), q1: [] }],
      ['text for a choice question', { ...validAnswers(), q1: '知道' }],
      ['choices for a text question', { ...validAnswers(), q7: [0] }],
      ['text of 10,000 chars', { ...validAnswers(), q7: HUGE }],
      ['an answer null', { ...validAnswers(), q1: null }],
      ['an answer an object', { ...validAnswers(), q1: { 0: 0 } }],
      ['an unknown question', { ...validAnswers(), q99: [0] }],
      ['a question id of 100 chars', { ...validAnswers(), ['q'.repeat(100)]: [0] }],
      ['an empty question id', { ...validAnswers(), '': [0] }],
      ['a required question left out', { q2: [0], q3: [0], q4: [0], q5: [0], q6: [0] }]
    ] as Array<[string, unknown]>
  ).map(([name, answers]): Case => ({
    name: `surveys.answer: ${name}`,
    fn: 'surveys',
    action: 'answer',
    payload: () => (answers === undefined ? { surveyId: SURVEY } : { surveyId: SURVEY, answers }),
    expected: V
  }))
]

const statsCases: Case[] = [
  ...(
    [
      ['gridId empty', { gridId: '' }],
      ['gridId a number', { gridId: 123 }],
      ['gridId of 10,000 chars', { gridId: HUGE }],
      ['gridId null', { gridId: null }],
      ['fromIso not a date', { fromIso: 'yesterday' }],
      ['fromIso a date without time', { fromIso: '2026-11-01' }],
      ['fromIso a number', { fromIso: 1_700_000_000_000 }],
      ['toIso an impossible date', { toIso: '2026-13-45T00:00:00Z' }],
      ['toIso null', { toIso: null }],
      ['toIso of 10,000 chars', { toIso: HUGE }]
    ] as Array<[string, Record<string, unknown>]>
  ).map(([name, payload]): Case => ({ name: `stats.headline: ${name}`, fn: 'stats', action: 'headline', payload: () => payload, expected: V })),
  { name: 'stats.headline: an unknown grid', fn: 'stats', action: 'headline', payload: () => ({ gridId: 'grid-nope' }), expected: 'NOT_FOUND' },
  { name: 'stats.headline: unknown nested keys are stripped (answered)', fn: 'stats', action: 'headline', payload: () => ({ junk: { a: [Number.NaN] } }), expected: 'allowed' },
  { name: 'stats.headline: an area code of 7 digits', fn: 'stats', action: 'headline', payload: () => ({ areaCode: '4301110' }), expected: V },
  { name: 'stats.headline: an area no grid lies in', fn: 'stats', action: 'headline', payload: () => ({ areaCode: '110101' }), expected: 'NOT_FOUND' },
  { name: 'stats.headline: toDay before fromDay', fn: 'stats', action: 'headline', payload: () => ({ fromDay: '2026-11-02', toDay: '2026-11-01' }), expected: V },
  { name: 'stats.headline: fromDay an impossible day', fn: 'stats', action: 'headline', payload: () => ({ fromDay: '2026-02-30' }), expected: V },
  ...(
    [
      ['no window', {}],
      ['fromDay not a day', { fromDay: '2026/11/01', toDay: '2026-11-30' }],
      ['toDay a number', { fromDay: '2026-11-01', toDay: 20261130 }],
      ['a window of eleven years', { fromDay: '2015-01-01', toDay: '2026-01-01' }],
      ['areaCode letters', { areaCode: 'abcdef', fromDay: '2026-11-01', toDay: '2026-11-30' }],
      ['areaCode of 10,000 chars', { areaCode: HUGE, fromDay: '2026-11-01', toDay: '2026-11-30' }]
    ] as Array<[string, Record<string, unknown>]>
  ).flatMap(([name, payload]): Case[] => (['table', 'trend', 'export'] as const).map((action) => ({
    name: `stats.${action}: ${name}`, fn: 'stats', action, payload: () => (action === 'trend' ? { grain: 'day', ...payload } : payload), expected: V
  }))),
  { name: 'stats.table: below a grid there is nothing to compare', fn: 'stats', action: 'table', payload: () => ({ areaCode: '430111001001001', fromDay: '2026-11-01', toDay: '2026-11-30' }), expected: V },
  { name: 'stats.trend: an unknown grain', fn: 'stats', action: 'trend', payload: () => ({ grain: 'hour', fromDay: '2026-11-01', toDay: '2026-11-30' }), expected: V },
  { name: 'stats.trend: more points than a chart draws', fn: 'stats', action: 'trend', payload: () => ({ grain: 'day', fromDay: '2026-01-01', toDay: '2026-11-30' }), expected: V },
  { name: 'stats.export: an unknown format', fn: 'stats', action: 'export', payload: () => ({ format: 'pdf', fromDay: '2026-11-01', toDay: '2026-11-30' }), expected: V }
]

// ---------------------------------------------------------------------------------------------- Open311 keys

const open311KeyCases: Case[] = [
  ...pageCases({ fn: 'admin', action: 'open311Keys', storeCursor: true }),
  ...table('admin', 'createOpen311Key', () => ({ name: '区12345热线' }), [
    ['name missing', { name: undefined }],
    ['name empty', { name: '' }],
    ['name one char after trimming', { name: '  热  ' }],
    ['name of 10,000 chars', { name: HUGE }],
    ['name a number', { name: 12345 }],
    ['name null', { name: null }],
    ['name an object (query-operator junk)', { name: { $ne: '' } }]
  ]),
  ...idCases('admin', 'revokeOpen311Key', 'id', 'o311k-nope')
]

export const CASES: Case[] = [
  ...PAGED.flatMap(pageCases),
  ...EMPTY.flatMap(emptyCases),
  ...readMessagesCases,
  // locate's input is the point itself (an array spreads into { 0, 1 } in the envelope).
  ...pointCases('reports', 'locate', (point) => ({ ...(point as object) })),
  ...submitCases,
  ...nearbyCases,
  ...photoReviewedCases,
  ...followCases,
  ...inboxStateCases,
  ...ticketGetCases,
  ...actCases,
  ...mergeCandidatesCases,
  ...idCases('tickets', 'dispatchOptions', 'id', 't-nope'),
  ...urgeCases,
  ...deferCases,
  ...signupCases,
  ...cancelCases,
  ...VOLUNTEER_CASES,
  ...CONFIG_CASES,
  ...AUTH_CASES,
  ...PEOPLE_CASES,
  ...GRID_CASES,
  ...surveyOfficeCases,
  ...idCases('surveys', 'get', 'id', 'sv-nope'),
  ...answerCases,
  ...statsCases,
  ...open311KeyCases
]
