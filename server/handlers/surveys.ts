import { answerInput, idInput, pageInput } from '../../core/schemas'
import { surveyOpen, surveyVisible, validateAnswers } from '../../core/surveys'
import { AppError } from '../errors'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'

export const surveysActions: ActionsOf<'surveys'> = {
  list: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps }, q) {
      const page = await deps.store.listSurveys(q)
      return { items: page.items.filter((s) => s.status === 'open'), next: page.next }
    }
  }),

  get: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const survey = await deps.store.getSurvey(id)
      if (!survey || !surveyVisible(survey)) throw new AppError('NOT_FOUND', '问卷不存在')
      const mine = await deps.store.listResponses({ surveyId: id, userId: me.id, limit: 1 })
      return { ...survey, answered: mine.items.length > 0 }
    }
  }),

  answer: action({
    input: answerInput,
    access: 'signedIn',
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const survey = await deps.store.getSurvey(input.surveyId)
      if (!survey || !surveyVisible(survey)) throw new AppError('NOT_FOUND', '问卷不存在')
      const now = deps.clock.now()
      if (!surveyOpen(survey, now)) throw new AppError('CONFLICT', '问卷不在开放时间内')
      const problem = validateAnswers(survey.questions, input.answers)
      if (problem) throw new AppError('VALIDATION', problem)
      const accepted = await deps.store.addResponse({
        id: deps.ids.next('r'), surveyId: survey.id, userId: me.id, gridId: me.homeGridId ?? null, answers: input.answers, at: now
      })
      if (!accepted) throw new AppError('CONFLICT', '你已经填写过这份问卷了，每人只能填写一次')
      return { accepted }
    }
  })
}
