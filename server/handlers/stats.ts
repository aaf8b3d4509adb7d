import { countedRatings, participantIds, participationRate, residentBase, surveyIndicators, ticketIndicators, ticketSatisfaction } from '../../core/indicators'
import { statsInput } from '../../core/schemas'
import { isOverdue } from '../../core/tickets/sla'
import { stateKind } from '../../core/tickets/workflow'
import type { Question, SurveyResponse } from '../../core/types'
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

      const [tickets, surveys, responses, signups] = await Promise.all([
        readAll((p) => deps.store.listTickets({ ...p, createdFrom: q.fromIso, createdTo: toIso, gridIds: grid ? [grid.id] : undefined }), MAX_ROWS, '案卷'),
        readAll((p) => deps.store.listSurveys(p), MAX_ROWS, '问卷'),
        readAll((p) => deps.store.listResponses({ ...p, fromIso: q.fromIso, toIso }), MAX_ROWS, '问卷答卷'),
        readAll((p) => deps.store.listSignups(p), MAX_ROWS, '报名记录')
      ])
      // Question ids are unique per survey only: key them by survey so several surveys add up.
      const questions: Question[] = surveys.flatMap((s) => s.questions.map((x) => ({ ...x, id: `${s.id}/${x.id}` })))
      const scoped: SurveyResponse[] = responses.filter((r) => inScope(r.gridId)).map((r) => ({
        ...r,
        answers: Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [`${r.surveyId}/${k}`, v]))
      }))
      const survey = surveyIndicators(questions, scoped)
      const ti = ticketIndicators(tickets, now)
      const participants = participantIds(tickets, scoped, signups, { cityWide: !grid })
      const open = tickets.filter((t) => stateKind(t.state) === 'open')
      return {
        scope: { gridId: grid?.id ?? null, name: grid?.name ?? dir.grids[0]?.district ?? '全区', fromIso: q.fromIso ?? null, toIso },
        awareness: survey.awareness,
        support: survey.support,
        satisfaction: survey.satisfaction,
        fixSatisfaction: ticketSatisfaction(countedRatings(tickets)),
        participation: participationRate(participants.size, residentBase(dir.grids, grid)),
        closeRate: ti.closeRate,
        onTimeCloseRate: ti.onTimeCloseRate,
        reworkRate: ti.reworkRate,
        openTickets: open.length,
        overdueTickets: open.filter((t) => isOverdue(t, now)).length,
        targets: deps.settings.targets
      }
    }
  })
}
