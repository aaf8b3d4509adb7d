import { chinaDayKey } from '../../../core/indicators/period'
import { participationMarks, volunteerCells } from '../../../core/indicators/participation'
import { cellDelta, ticketCells } from '../../../core/indicators/ticket-cells'
import { aSurvey, aTicket, aTicketEvent, aUser, isoAt } from '../../../core/testing/builders'
import type { Store } from '../../ports/store'
import { readAllPages } from './pages'

const CODE = '430111001002003'
const DAY = chinaDayKey(isoAt(0))

/** The indicator effects ride with the writes that cause them, on every adapter. */
export function indicatorUnitContract (store: () => Store): void {
  describe('indicator effects in units of work', () => {
    const sum = async (metric: string, area = '') => (await store().sumAggregatesMany({ metrics: [metric], areas: [area], fromDay: '2000-01-01', toDay: '2999-12-31' }))[0]?.n ?? 0

    it('a filing adds its cells and marks; a step adds its delta; a second act of the same person is not counted again', async () => {
      const t = aTicket({ id: 't-eff-1', clientRequestId: 'req-eff-1', gridId: null, state: 'dispatched', reporterId: 'u-eff' })
      const filed = await store().fileReport({
        ticket: t, event: aTicketEvent({ id: 'te-eff-1', ticketId: t.id }), rate: { keys: [], admit: () => true }, photoReviews: [], messages: [],
        effects: { cells: ticketCells(t, CODE), marks: participationMarks(t.reporterId, CODE, t.createdAt) }
      })
      expect(filed.outcome).toBe('filed')
      expect(await sum('t.open', CODE)).toBe(1)
      const patch = { state: 'closed' as const, closedAt: isoAt(60) }
      const done = await store().changeTicket({
        id: t.id, expectedVersion: t.version, patch, event: aTicketEvent({ id: 'te-eff-2', ticketId: t.id }), photoReviews: [], follows: null, messages: [],
        effects: { cells: cellDelta(ticketCells(t, CODE), ticketCells({ ...t, ...patch }, CODE)), marks: [] }
      })
      expect(done?.state).toBe('closed')
      expect(await sum('t.open', CODE)).toBe(0)
      expect(await sum('t.closed', '430111')).toBe(1)
      // A refused step (stale version) writes no cells.
      expect(await store().changeTicket({
        id: t.id, expectedVersion: t.version, patch, event: aTicketEvent({ id: 'te-eff-3', ticketId: t.id }), photoReviews: [], follows: null, messages: [],
        effects: { cells: ticketCells(t, CODE), marks: [] }
      })).toBeNull()
      expect(await sum('t.closed', '430111')).toBe(1)
      expect(await sum('p.month')).toBe(1)
      await store().putSurvey(aSurvey({ id: 's' }))
      await store().addResponse({ id: 'r-eff', surveyId: 's', userId: 'u-eff', gridId: null, answers: {}, at: isoAt(90) }, null, [], participationMarks('u-eff', CODE, isoAt(90)))
      expect(await sum('p.month')).toBe(1)
      await store().addResponse({ id: 'r-eff-2', surveyId: 's', userId: 'u-eff-2', gridId: null, answers: {}, at: isoAt(90) }, null, [], participationMarks('u-eff-2', CODE, isoAt(90)))
      expect(await sum('p.month')).toBe(2)
      expect(await sum('p.day', CODE)).toBe(2)
    })

    it('sums several metrics and areas at once, or by day; registration adds its cell once; volunteers are listed', async () => {
      await store().putUser(aUser({ id: 'u-vol' }))
      const profile = { userId: 'u-vol', realName: '李四', phone: '13800000000', homeGridId: null, community: '桂花井社区', skills: [], volunteerNo: 'V2026000001', registeredAt: isoAt(0) }
      await store().registerVolunteer(profile, volunteerCells(CODE, profile.registeredAt))
      await store().registerVolunteer(profile, volunteerCells(CODE, profile.registeredAt))
      expect(await sum('v.registered', '430111')).toBe(1)
      const listed = (await readAllPages((cursor) => store().listVolunteers({ cursor, limit: 1 }))).flat()
      expect(listed.map((v) => v.userId)).toEqual(['u-vol'])
      await store().replaceAggregates(['awareness'], [
        { metric: 'awareness', area: '', day: DAY, n: 2, sum: 1, sumSq: 1 },
        { metric: 'awareness', area: '430111', day: DAY, n: 1, sum: 1, sumSq: 1 },
        { metric: 'awareness', area: '', day: '2999-01-01', n: 9, sum: 9, sumSq: 9 }
      ])
      const many = await store().sumAggregatesMany({ metrics: ['awareness', 'v.registered'], areas: ['', '430111'], fromDay: DAY, toDay: DAY })
      expect(many.map((c) => `${c.metric}|${c.area}|${c.day}|${c.n}`).sort()).toEqual(['awareness|||2', 'awareness|430111||1', 'v.registered|430111||1', 'v.registered|||1'].sort())
      const byDay = await store().sumAggregatesMany({ metrics: ['awareness'], areas: [''], fromDay: '2000-01-01', toDay: '2999-12-31', byDay: true })
      expect(byDay.map((c) => `${c.day}|${c.n}`).sort()).toEqual([`${DAY}|2`, '2999-01-01|9'].sort())
    })

    it('a repair rebuilds a distinct count with its members: the same person is not counted again after it', async () => {
      await store().putSurvey(aSurvey({ id: 's' }))
      const marks = participationMarks('u-rep', CODE, isoAt(0))
      await store().replaceAggregates(['p.month'], [{ metric: 'p.month', area: '', day: marks.find((m) => m.metric === 'p.month')!.day, n: 1, sum: 1, sumSq: 1 }], marks)
      await store().addResponse({ id: 'r-rep', surveyId: 's', userId: 'u-rep', gridId: null, answers: {}, at: isoAt(5) }, null, [], participationMarks('u-rep', CODE, isoAt(5)))
      expect(await sum('p.month')).toBe(1)
    })
  })
}
