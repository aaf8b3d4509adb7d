import { aTicket } from '../testing/builders'
import { missingInput, transitionPatch, withinReopenWindow } from './apply'
import { routeReport } from './route'
import { canSeeLocation, canSeeReporter, timelineFor, visiblePhotos } from './visibility'
import { transitionFor } from './workflow'

const NOW = '2026-11-20T00:00:00.000Z'
const category = { department: '城管局', timeLimitHours: 24 }

describe('routing a report (立案 + 派遣)', () => {
  it('dispatches to the first manager of a managed grid, with the category deadline', () => {
    expect(routeReport({ id: 'g1', managerIds: ['m1', 'm2'] }, category, NOW)).toEqual({
      gridId: 'g1', assigneeId: 'm1', department: '城管局', state: 'dispatched', deadline: '2026-11-21T00:00:00.000Z'
    })
  })
  it('sends a grid without a manager, or no grid, to triage', () => {
    expect(routeReport({ id: 'g1', managerIds: [] }, category, NOW)).toMatchObject({ gridId: 'g1', assigneeId: null, state: 'triage' })
    expect(routeReport(null, category, NOW)).toMatchObject({ gridId: null, assigneeId: null, state: 'triage' })
  })
})

describe('what a step changes', () => {
  const t = aTicket({ state: 'accepted', overdue: true, afterPhotos: [] })
  it('adds after-photos on resolve and clears the overdue flag', () => {
    const p = transitionPatch(transitionFor('resolve'), t, { note: '已清理', afterPhotos: ['f1'] }, NOW)
    expect(p).toMatchObject({ state: 'resolved', afterPhotos: ['f1'], resolvedAt: NOW, overdue: false })
  })
  it('closes with the reason and time; rework counts up', () => {
    expect(transitionPatch(transitionFor('confirmFixed'), { ...t, state: 'resolved' }, { note: '', afterPhotos: [], rating: 'basic' }, NOW))
      .toMatchObject({ state: 'fixed', closeReason: 'fixed', closedAt: NOW, rating: 'basic' })
    expect(transitionPatch(transitionFor('rejectFix'), { ...t, state: 'resolved', reworkCount: 1 }, { note: 'x', afterPhotos: [] }, NOW))
      .toMatchObject({ state: 'rework', reworkCount: 2 })
  })
  it('makes a grid manager who accepts the assignee', () => {
    expect(transitionPatch(transitionFor('accept'), { ...t, state: 'dispatched' }, { note: '', afterPhotos: [], actor: { id: 'm2', isManager: true } }, NOW))
      .toMatchObject({ assigneeId: 'm2', acceptedAt: NOW })
  })
  it('names what is missing', () => {
    expect(missingInput('resolve', { note: '已清理', afterPhotos: [] }, t)).toBe('请至少上传一张处置后的照片')
    expect(missingInput('handBack', { note: ' ', afterPhotos: [] }, t)).toBe('请说明退回原因')
    expect(missingInput('merge', { note: '', afterPhotos: [], mergedInto: t.id }, t)).toBe('请选择要合并到的原案卷')
    expect(missingInput('accept', { note: '', afterPhotos: [] }, t)).toBeNull()
  })
  it('allows reopening only within the window', () => {
    expect(withinReopenWindow('2026-11-14T00:00:00.000Z', NOW, 7)).toBe(true)
    expect(withinReopenWindow('2026-11-12T00:00:00.000Z', NOW, 7)).toBe(false)
    expect(withinReopenWindow(null, NOW, 7)).toBe(false)
  })
})

describe('privacy', () => {
  const t = aTicket({ reporterId: 'u-r', assigneeId: 'u-m', gridId: 'g1', anonymous: true })
  const handler = { id: 'u-m', roles: ['grid_manager'] as const, gridIds: ['g1'] }
  const stranger = { id: 'u-x', roles: ['citizen'] as const }
  it('shows the point to the reporter, handler and admins; an anonymous reporter to nobody else', () => {
    expect(canSeeLocation(handler, t)).toBe(true)
    expect(canSeeLocation(stranger, t)).toBe(false)
    expect(canSeeReporter(handler, t)).toBe(false)
    expect(canSeeReporter({ id: 'u-r', roles: ['citizen'] }, t)).toBe(true)
    expect(timelineFor([{ actorId: 'u-r' }, { actorId: 'u-m' }], handler, t)).toEqual([{ actorId: '' }, { actorId: 'u-m' }])
  })
  it('shows a photo under review only to its uploader', () => {
    const reviews = new Map([['f2', { fileId: 'f2', ownerId: 'u-r', status: 'pending' as const, traceId: 't', at: NOW }]])
    expect(visiblePhotos('u-r', ['f1', 'f2'], reviews)).toEqual({ ids: ['f1', 'f2'], status: { f2: 'pending' } })
    expect(visiblePhotos('u-m', ['f1', 'f2'], reviews)).toEqual({ ids: ['f1'], status: {} })
  })
})
