import { chinaDayKey, driftOf, rateOfSums, recountCells, SURVEY_METRICS, type AggCell } from '../../core/indicators/aggregates'
import type { Deps } from '../deps'
import { countedRatings, participantIds, participationRate, residentBase, ticketIndicators, ticketSatisfaction, volunteerRegistrationRate } from '../../core/indicators'
import { emptyInput, statsInput } from '../../core/schemas'
import { isOverdue } from '../../core/tickets/sla'
import { stateKind } from '../../core/tickets/workflow'
import type { SurveyResponse } from '../../core/types'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'

/**
 * Every indicator is recounted from the raw rows on each read, so each read has a guard: past it the office gets
 * LIMIT_EXCEEDED, never a rate over the first rows as if they were all (incremental aggregates replace this scan).
 */
const MAX_ROWS = 20_000

export const statsActions: ActionsOf<'stats'> = {
  headline: action({
    input: statsInput,
    access: 'public',
    async run ({ deps }, q) {
      const now = deps.clock.now()
      const toIso = q.toIso ?? now
      const dir = await deps.directory.get()
      const grid = q.gridId ? dir.gridsById.get(q.gridId) : undefined
      if (q.gridId && !grid) throw new AppError('NOT_FOUND', '网格不存在')
      const inScope = (gridId: string | null) => !grid || gridId === grid.id

      // Tickets, answers (for 参与率's distinct people) and signups are still read whole, behind the guard; survey
      // rates come from the aggregates below.
      const [tickets, responses, signups, volunteers] = await Promise.all([
        readAll((p) => deps.store.listTickets({ ...p, createdFrom: q.fromIso, createdTo: toIso, gridIds: grid ? [grid.id] : undefined }), MAX_ROWS, '案卷'),
        readAll((p) => deps.store.listResponses({ ...p, fromIso: q.fromIso, toIso }), MAX_ROWS, '问卷答卷'),
        readAll((p) => deps.store.listSignups(p), MAX_ROWS, '报名记录'),
        readAll((p) => deps.store.listUsers({ ...p, role: 'volunteer' }), MAX_ROWS, '志愿者')
      ])
      const scoped: SurveyResponse[] = responses.filter((r) => inScope(r.gridId) && !r.test)
      // Survey rates from the aggregates: a sum of cells for the area and the period's China days, never a scan.
      const area = grid?.code ?? ''
      const fromDay = q.fromIso ? chinaDayKey(q.fromIso) : '0000-01-01'
      const toDay = chinaDayKey(toIso)
      const min = deps.settings.minSample
      const surveyRate = async (metric: string) => {
        const r = rateOfSums(await deps.store.sumAggregates(metric, area, fromDay, toDay))
        return { ...r, insufficient: r.denominator < min }
      }
      const ti = ticketIndicators(tickets, now)
      const participants = participantIds(tickets, scoped, signups, { cityWide: !grid })
      const open = tickets.filter((t) => stateKind(t.state) === 'open')
      return {
        scope: { gridId: grid?.id ?? null, name: grid?.name ?? dir.grids[0]?.district ?? '全区', fromIso: q.fromIso ?? null, toIso },
        awareness: await surveyRate('awareness'),
        support: await surveyRate('support'),
        satisfaction: await surveyRate('satisfaction'),
        fixSatisfaction: ticketSatisfaction(countedRatings(tickets)),
        participation: participationRate(participants.size, residentBase(dir.grids, grid)),
        // 志愿者注册率: registered volunteers living in the area over its resident base.
        volunteerRegistration: volunteerRegistrationRate(volunteers.filter((u) => inScope(u.homeGridId ?? null)).length, residentBase(dir.grids, grid)),
        closeRate: ti.closeRate,
        onTimeCloseRate: ti.onTimeCloseRate,
        reworkRate: ti.reworkRate,
        openTickets: open.length,
        overdueTickets: open.filter((t) => isOverdue(t, now)).length,
        targets: deps.settings.targets,
        minSample: deps.settings.minSample
      }
    }
  }),

  /**
   * Recount the survey aggregates from the raw responses, report every cell that drifted, and repair them (the
   * timer runs it daily; the office may run it). The recount reads every response behind a guard.
   */
  reconcile: action({
    input: emptyInput,
    access: { roles: ['admin'] },
    async run ({ deps }) {
      return reconcileSurveyAggregates(deps)
    }
  })
}

/** Responses and cells a reconciliation reads: a city's years of answers. A guard, never a cut. */
const MAX_RECOUNT = 2_000_000

export async function reconcileSurveyAggregates (deps: Deps): Promise<{ cells: number; drifted: number; repaired: boolean; examples: string[] }> {
  const dir = await deps.directory.get()
  const surveys = new Map((await readAll((p) => deps.store.listSurveys(p), 10_000, '问卷')).map((s) => [s.id, s]))
  const codeOf = new Map(dir.grids.map((g) => [g.id, g.code]))
  const responses = await readAll((p) => deps.store.listResponses(p), MAX_RECOUNT, '问卷答卷')
  const recounted = recountCells(surveys, responses, (r) => r.areaCode ?? (r.gridId ? codeOf.get(r.gridId) ?? null : null))
  const stored: AggCell[] = []
  for (const metric of SURVEY_METRICS) stored.push(...await readAll((p) => deps.store.listAggregates({ ...p, metric }), MAX_RECOUNT, '指标汇总'))
  const drift = driftOf(stored, recounted)
  if (drift.length > 0) {
    console.error(`[stats] survey aggregates drifted in ${drift.length} cells; repaired from the raw responses`, drift.slice(0, 5))
    await deps.store.replaceAggregates(SURVEY_METRICS, recounted)
  }
  return { cells: recounted.length, drifted: drift.length, repaired: drift.length > 0, examples: drift.slice(0, 5).map((d) => d.key) }
}
