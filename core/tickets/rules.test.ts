import { aCategory, aTicket } from '../testing/builders'
import { reopenRefusal } from './apply'
import { newTicket, reportableCategory, submitEvent } from './filing'
import { carriedFollowers } from './followers'
import { messagesFor } from './notify'
import { awaitingOfficeCheck, dueForAutoClose, inboxCounts, officeCheckQueue, sweepAction } from './queues'
import { defaultAssignee, dispatchTarget, routeReport, routingNote } from './route'
import { actingRole, overdueStep, stepOf } from './step'
import { decide, transitionFor } from './workflow'

const NOW = '2026-11-20T00:00:00.000Z'
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString()
const settings = { verifyWindowDays: 3, adminVerifyAfterDays: 2 }

describe('filing a report', () => {
  const category = aCategory({ id: 'c1', level: 2, active: true, allowAnonymous: false, name: '乱贴小广告', department: '城管局', timeLimitHours: 24 })
  const input = { clientRequestId: 'req-00000001', categoryId: 'c1', description: '电线杆上贴满小广告', location: { lng: 113, lat: 28.1 }, address: '劳动路', photos: ['f1'], anonymous: false }

  it('takes only an active second-level category, anonymously only where it allows', () => {
    expect(reportableCategory(category, false)).toEqual({ ok: true, category })
    expect(reportableCategory(undefined, false)).toEqual({ ok: false, message: '请选择一个具体的问题类别' })
    expect(reportableCategory({ ...category, level: 1 }, false).ok).toBe(false)
    expect(reportableCategory({ ...category, active: false }, false).ok).toBe(false)
    expect(reportableCategory(category, true)).toEqual({ ok: false, message: '「乱贴小广告」类问题需要实名上报，便于核实' })
    expect(reportableCategory({ ...category, allowAnonymous: true }, true).ok).toBe(true)
  })

  it('builds the ticket routing decided, and its first timeline line', () => {
    const route = routeReport({ id: 'g1', managerIds: ['m1'] }, category, NOW)
    const t = newTicket('t1', input, 'u1', route, NOW)
    expect(t).toMatchObject({
      id: 't1', reporterId: 'u1', clientRequestId: 'req-00000001', state: 'dispatched', gridId: 'g1', assigneeId: 'm1',
      department: '城管局', deadline: '2026-11-21T00:00:00.000Z', dispatchedAt: NOW, version: 1, followers: 0, photos: ['f1']
    })
    expect(submitEvent('e1', t, 'note')).toEqual({
      id: 'e1', ticketId: 't1', action: 'submit', fromState: null, toState: 'dispatched', actorId: 'u1', actorRole: 'citizen', note: 'note', at: NOW
    })
    const triaged = newTicket('t2', input, 'u1', routeReport(null, category, NOW), NOW)
    expect(triaged).toMatchObject({ state: 'triage', dispatchedAt: null, assigneeId: null })
  })

  it('says why routing sent it where it went', () => {
    expect(routingNote({ state: 'dispatched' }, { name: '黎托社区01' })).toBe('已按位置派遣至黎托社区01网格员')
    expect(routingNote({ state: 'triage' }, { name: '黎托社区01' })).toBe('所在网格暂无网格员，转文明办分拣')
    expect(routingNote({ state: 'triage' }, null)).toBe('位置不在任何网格内，转文明办分拣')
  })
})

describe('dispatch target', () => {
  const grid = { id: 'g1', managerIds: ['m1', 'm2'] }
  const gm = (id: string, gridIds: string[]) => ({ id, roles: ['citizen', 'grid_manager'], gridIds })

  it('defaults to the grid first manager, the one rule routing uses too', () => {
    expect(defaultAssignee(grid)).toBe('m1')
    expect(defaultAssignee({ managerIds: [] })).toBeNull()
    expect(defaultAssignee(null)).toBeNull()
    expect(dispatchTarget(grid, gm('m1', ['g1']), {})).toEqual({ ok: true, gridId: 'g1', assigneeId: 'm1' })
  })

  it('takes a named manager of that grid', () => {
    expect(dispatchTarget(grid, gm('m2', ['g1']), { assigneeId: 'm2' })).toEqual({ ok: true, gridId: 'g1', assigneeId: 'm2' })
  })

  it('refuses a manager of another grid for this grid', () => {
    expect(dispatchTarget(grid, gm('m9', ['g9']), { assigneeId: 'm9' })).toEqual({ ok: false, code: 'VALIDATION', message: '处理人不是该网格的网格员，请另选网格或处理人' })
  })

  it('with no grid named, sends it to the assignee own first grid', () => {
    expect(dispatchTarget(null, gm('m9', ['g9', 'g8']), { assigneeId: 'm9' })).toEqual({ ok: true, gridId: 'g9', assigneeId: 'm9' })
    expect(dispatchTarget(null, gm('m9', []), { assigneeId: 'm9' }).ok).toBe(false)
  })

  it('refuses a grid with no manager, and anyone who is not a grid manager', () => {
    expect(dispatchTarget({ id: 'g2', managerIds: [] }, null, {})).toMatchObject({ ok: false, message: '该网格暂无网格员，请指定处理人' })
    expect(dispatchTarget(null, { id: 'c1', roles: ['citizen'], gridIds: [] }, { assigneeId: 'c1' })).toMatchObject({ ok: false, message: '处理人必须是网格员' })
    expect(dispatchTarget(null, null, { assigneeId: 'ghost' })).toMatchObject({ ok: false, message: '处理人必须是网格员' })
  })
})

describe('reopening', () => {
  it('the reporter within the window; admins at any time', () => {
    expect(reopenRefusal(['citizen'], hoursAgo(24), NOW, 7)).toBeNull()
    expect(reopenRefusal(['citizen'], hoursAgo(24 * 8), NOW, 7)).toBe('已超过 7 天的重新打开期限，请重新上报')
    expect(reopenRefusal(['citizen', 'admin'], hoursAgo(24 * 30), NOW, 7)).toBeNull()
  })
})

describe('followers of a merged duplicate', () => {
  it('the duplicate reporter and followers, each once, never the original reporter', () => {
    expect(carriedFollowers({ reporterId: 'a' }, ['b', 'a', 'c', 'o'], { reporterId: 'o' })).toEqual(['a', 'b', 'c'])
  })
})

describe('queues', () => {
  const open = (state: 'dispatched' | 'accepted' | 'rework' | 'resolved', deadline: string) => ({ state, deadline })
  it('inbox counts per state and late work', () => {
    expect(inboxCounts([open('dispatched', hoursAgo(1)), open('dispatched', hoursAgo(-1)), open('resolved', hoursAgo(5)), open('rework', hoursAgo(2))], NOW))
      .toEqual({ dispatched: 2, accepted: 0, rework: 1, resolved: 1, overdue: 2 })
  })

  it('the office checks what the reporter left unverified for its wait, longest first', () => {
    const a = { id: 'a', state: 'resolved' as const, resolvedAt: hoursAgo(72) }
    const b = { id: 'b', state: 'resolved' as const, resolvedAt: hoursAgo(48) }
    const c = { id: 'c', state: 'resolved' as const, resolvedAt: hoursAgo(47) }
    expect(awaitingOfficeCheck(b, NOW, settings)).toBe(true)
    expect(awaitingOfficeCheck(c, NOW, settings)).toBe(false)
    expect(officeCheckQueue([c, b, a, { id: 'd', state: 'fixed' as const, resolvedAt: hoursAgo(99) }], NOW, settings).map((t) => t.id)).toEqual(['a', 'b'])
  })

  it('the timer closes after the verify window and flags late work once', () => {
    const resolved = { state: 'resolved' as const, resolvedAt: hoursAgo(73), deadline: hoursAgo(100), overdue: false }
    expect(dueForAutoClose(resolved, NOW, settings)).toBe(true)
    expect(dueForAutoClose({ ...resolved, resolvedAt: hoursAgo(72) }, NOW, settings)).toBe(false)
    expect(sweepAction(resolved, NOW, settings)).toBe('autoClose')
    expect(sweepAction({ ...resolved, resolvedAt: hoursAgo(1) }, NOW, settings)).toBeNull()
    const late = { state: 'accepted' as const, resolvedAt: null, deadline: hoursAgo(1), overdue: false }
    expect(sweepAction(late, NOW, settings)).toBe('markOverdue')
    expect(sweepAction({ ...late, overdue: true }, NOW, settings)).toBeNull()
    expect(sweepAction({ ...late, deadline: hoursAgo(-1) }, NOW, settings)).toBeNull()
  })
})

describe('a step as data', () => {
  const ticket = aTicket({ id: 't1', state: 'dispatched', assigneeId: 'm1', gridId: 'g1', version: 3 })
  it('records the capacity in which the step was allowed', () => {
    expect(actingRole(['assignee', 'admin'], ['citizen', 'grid_manager'])).toBe('grid_manager')
    expect(actingRole(['assignee', 'admin'], ['citizen', 'grid_manager', 'admin'])).toBe('admin')
    expect(actingRole(['reporter', 'admin'], ['citizen'])).toBe('citizen')
  })

  it('builds the patch and the timeline entry together', () => {
    const d = decide('accept', { id: 'm1', roles: ['citizen', 'grid_manager'], gridIds: ['g1'] }, ticket)
    if (!d.ok) throw new Error('accept refused')
    const step = stepOf(d.transition, ticket, { note: '', afterPhotos: [], actor: { id: 'm1', isManager: true } }, { id: 'm1', roles: ['citizen', 'grid_manager'] }, 'e9', NOW)
    expect(step.patch).toMatchObject({ state: 'accepted', acceptedAt: NOW, assigneeId: 'm1' })
    expect(step.event).toEqual({ id: 'e9', ticketId: 't1', action: 'accept', fromState: 'dispatched', toState: 'accepted', actorId: 'm1', actorRole: 'grid_manager', note: '受理', at: NOW })
    const sys = stepOf(transitionFor('autoClose'), { ...ticket, state: 'resolved' }, { note: '', afterPhotos: [] }, 'system', 'e10', NOW, '自动结案')
    expect(sys.event).toMatchObject({ actorId: 'system', actorRole: 'system', note: '自动结案', toState: 'fixed' })
  })

  it('flags lateness without changing the state', () => {
    expect(overdueStep({ id: 't1', state: 'accepted' }, 'e11', NOW)).toEqual({
      patch: { overdue: true, updatedAt: NOW },
      event: { id: 'e11', ticketId: 't1', action: 'markOverdue', fromState: 'accepted', toState: 'accepted', actorId: 'system', actorRole: 'system', note: '已超过处置时限，督办提醒', at: NOW }
    })
  })
})

describe('messages for notices', () => {
  it('one per person per notice, never the actor, with ids from the step', () => {
    const notices = [{ to: 'reporter' as const, title: 'A', body: 'a' }, { to: 'followers' as const, title: 'B', body: 'b' }]
    const audience = { reporter: ['r'], followers: ['f1', 'r', 'f1', 'x'], assignee: [], handlers: [], admins: [] }
    const ms = messagesFor(notices, (a) => audience[a], { ticketId: 't1', eventId: 'e1', actorId: 'x', at: NOW })
    expect(ms.map((m) => [m.id, m.userId, m.title])).toEqual([['e1-m1', 'r', 'A'], ['e1-m2', 'f1', 'B'], ['e1-m3', 'r', 'B']])
    expect(ms.every((m) => m.ticketId === 't1' && m.read === false && m.at === NOW)).toBe(true)
  })
})
