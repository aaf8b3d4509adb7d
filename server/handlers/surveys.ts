import { participationMarks } from '../../core/indicators/participation'
import { emptyInput, fromTemplateInput, idInput, pageInput, saveSurveyInput, surveyAnswerInput, surveyExportInput, surveyResultsInput } from '../../core/schemas'
import { responseCells } from '../../core/indicators/aggregates'
import { surveyTemplate, SURVEY_TEMPLATES } from '../../core/survey-templates'
import { areaAt, surveyResults } from '../../core/survey-results'
import type { SurveyListItem } from '../../core/survey-views'
import { answersToStore, audienceRefusal, quotaFor, quotaKey, surveyDefinitionProblem, surveyEditRefusal, surveyOpen, surveyVisible, validateAnswers } from '../../core/surveys'
import type { Survey, SurveyResponse, User } from '../../core/types'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { surveyWorkbook, surveyCsv } from '../survey-export'

/** Responses one survey's results read: a city's survey is hundreds to a few thousand. A guard, never a cut. */
const MAX_RESPONSES = 50_000
const ADMIN = { roles: ['admin'] as const }

async function homeCode (deps: Deps, user: User): Promise<string | null> {
  if (!user.homeGridId) return null
  return (await deps.directory.get()).gridsById.get(user.homeGridId)?.code ?? null
}

async function listItem (deps: Deps, me: User, s: Survey): Promise<SurveyListItem> {
  const answered = (await deps.store.getResponse(s.id, me.id)) !== null
  return {
    ...s,
    answered,
    takingAnswers: surveyOpen(s, deps.clock.now()),
    notForMe: audienceRefusal(s.audience, { roles: me.roles, areaCode: await homeCode(deps, me) }, null)
  }
}

async function draftOf (deps: Deps, id: string): Promise<Survey> {
  const s = await deps.store.getSurvey(id)
  if (!s) throw new AppError('NOT_FOUND', '问卷不存在')
  return s
}

async function responsesOf (deps: Deps, surveyId: string): Promise<SurveyResponse[]> {
  return readAll((p) => deps.store.listResponses({ ...p, surveyId }), MAX_RESPONSES, '答卷')
}

async function resultsOf (deps: Deps, survey: Survey, level: 'street' | 'community' | 'grid') {
  const dir = await deps.directory.get()
  const responses = await responsesOf(deps, survey.id)
  const { city, areas } = surveyResults(survey, responses, dir.grids, level, deps.settings.minSample, dir.grids[0]?.district ?? '全区')
  return { responses, city, areas }
}

export const surveysActions: ActionsOf<'surveys'> = {
  list: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      // Open surveys, and closed ones I answered (their results are mine to see); a page may come short of the
      // limit where closed surveys were left out, `next` still goes on.
      const page = await deps.store.listSurveys({ ...q, statuses: ['open', 'closed'] })
      const items: SurveyListItem[] = []
      for (const s of page.items) {
        const item = await listItem(deps, me, s)
        if (s.status === 'open' || item.answered) items.push(item)
      }
      return { items, next: page.next }
    }
  }),

  get: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const survey = await deps.store.getSurvey(id)
      if (!survey || !surveyVisible(survey)) throw new AppError('NOT_FOUND', '问卷不存在')
      return listItem(deps, me, survey)
    }
  }),

  answer: action({
    input: surveyAnswerInput,
    access: 'signedIn',
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const survey = await deps.store.getSurvey(input.surveyId)
      if (!survey || !surveyVisible(survey)) throw new AppError('NOT_FOUND', '问卷不存在')
      // A retry of a submission already stored answers the same, whatever happened since (closed, full).
      const previous = await deps.store.getResponse(survey.id, me.id)
      if (previous) {
        if (input.clientKey && previous.clientKey === input.clientKey) return { accepted: true as const, responseId: previous.id, again: true }
        throw new AppError('CONFLICT', '你已经填写过这份问卷了，每人只能填写一次')
      }
      const now = deps.clock.now()
      if (!surveyOpen(survey, now)) throw new AppError('CONFLICT', '问卷不在开放时间内')
      if (survey.asksAge && !input.ageBand) throw new AppError('VALIDATION', '请先选择你的年龄段')
      const areaCode = await homeCode(deps, me)
      const ageBand = input.ageBand ?? null
      const notForMe = audienceRefusal(survey.audience, { roles: me.roles, areaCode }, ageBand)
      if (notForMe) throw new AppError('FORBIDDEN', notForMe)
      const problem = validateAnswers(survey.questions, input.answers)
      if (problem) throw new AppError('VALIDATION', problem)
      const quota = quotaFor(survey.quotas, areaCode, ageBand)
      const response: SurveyResponse = {
        id: deps.ids.next('r'), surveyId: survey.id, userId: me.id, gridId: me.homeGridId ?? null,
        answers: answersToStore(survey.questions, input.answers), at: now,
        clientKey: input.clientKey ?? null, test: me.roles.includes('admin'), ageBand, areaCode
      }
      const cells = responseCells(survey.questions, response, areaCode)
      const outcome = await deps.store.addResponse(response, quota && { key: quotaKey(survey.id, quota), limit: quota.limit }, cells, participationMarks(me.id, areaCode, response.at))
      if (outcome === 'quota_full') throw new AppError('CONFLICT', '你所在区域（年龄段）的样本已经收满了，感谢你的支持！')
      if (outcome === 'duplicate') {
        const stored = await deps.store.getResponse(survey.id, me.id)
        if (stored && input.clientKey && stored.clientKey === input.clientKey) return { accepted: true as const, responseId: stored.id, again: true }
        throw new AppError('CONFLICT', '你已经填写过这份问卷了，每人只能填写一次')
      }
      return { accepted: true as const, responseId: response.id, again: false }
    }
  }),

  result: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const survey = await deps.store.getSurvey(id)
      if (!survey || !surveyVisible(survey)) throw new AppError('NOT_FOUND', '问卷不存在')
      if (survey.status !== 'closed' && Date.parse(deps.clock.now()) <= Date.parse(survey.closesAt)) throw new AppError('CONFLICT', '问卷结束后才公布结果')
      const { city, areas } = await resultsOf(deps, survey, 'community')
      const code = await homeCode(deps, me)
      const mine = code ? areas.find((a) => a.code === areaAt(code, 'community')) ?? null : null
      return { survey: { id: survey.id, title: survey.title, closedAt: survey.closedAt ?? null, closesAt: survey.closesAt, status: survey.status }, city, mine, minSample: deps.settings.minSample }
    }
  }),

  templates: action({
    input: emptyInput,
    access: ADMIN,
    async run () {
      return SURVEY_TEMPLATES.map((t) => ({ id: t.id, name: t.name, summary: t.summary, questions: t.survey.questions.length }))
    }
  }),

  adminList: action({
    input: pageInput,
    access: ADMIN,
    async run ({ deps }, q) {
      const page = await deps.store.listSurveys(q)
      const items = []
      for (const s of page.items) {
        const all = await responsesOf(deps, s.id)
        const tests = all.filter((r) => r.test).length
        items.push({ ...s, responses: all.length - tests, testResponses: tests })
      }
      return { items, next: page.next }
    }
  }),

  adminGet: action({
    input: idInput,
    access: ADMIN,
    async run ({ deps }, { id }) {
      const s = await draftOf(deps, id)
      const all = await responsesOf(deps, s.id)
      const tests = all.filter((r) => r.test).length
      return { ...s, responses: all.length - tests, testResponses: tests }
    }
  }),

  fromTemplate: action({
    input: fromTemplateInput,
    access: ADMIN,
    async run ({ deps, user }, { template }) {
      const me = requireUser(user)
      const t = surveyTemplate(template)
      if (!t) throw new AppError('NOT_FOUND', '没有这个模板')
      const now = deps.clock.now()
      const survey: Survey = {
        id: deps.ids.next('sv'), ...structuredClone(t.survey), status: 'draft',
        opensAt: now, closesAt: new Date(Date.parse(now) + 30 * 86_400_000).toISOString(), createdAt: now, updatedAt: now,
        version: 1, parentId: null, template: t.id, audience: { areaCodes: [], roles: [], ageBands: t.survey.asksAge ? ['18-29', '30-44', '45-59', '60-65'] : [] },
        quotas: [], createdBy: me.id, publishedAt: null, closedAt: null
      }
      await deps.store.putSurvey(survey)
      return survey
    }
  }),

  save: action({
    input: saveSurveyInput,
    access: ADMIN,
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const existing = input.id ? await draftOf(deps, input.id) : null
      if (existing) {
        const refusal = surveyEditRefusal(existing)
        if (refusal) throw new AppError('CONFLICT', refusal)
      }
      const problem = surveyDefinitionProblem(input)
      if (problem) throw new AppError('VALIDATION', problem)
      const now = deps.clock.now()
      const { id: _id, ...fields } = input
      void _id
      const survey: Survey = {
        ...(existing ?? { id: deps.ids.next('sv'), createdAt: now, version: 1, parentId: null, template: null, createdBy: me.id, publishedAt: null, closedAt: null }),
        ...fields,
        status: 'draft',
        updatedAt: now
      }
      await deps.store.putSurvey(survey)
      return survey
    }
  }),

  publish: action({
    input: idInput,
    access: ADMIN,
    async run ({ deps }, { id }) {
      const s = await draftOf(deps, id)
      if (s.status === 'open') return s
      if (s.status === 'closed') throw new AppError('CONFLICT', '问卷已结束，不能再发布；如需再次调查请「复制为新版本」')
      const problem = surveyDefinitionProblem(s)
      if (problem) throw new AppError('VALIDATION', problem)
      const now = deps.clock.now()
      if (Date.parse(s.closesAt) <= Date.parse(now)) throw new AppError('CONFLICT', '结束时间已过，请先修改结束时间')
      const published: Survey = { ...s, status: 'open', publishedAt: now, updatedAt: now }
      await deps.store.putSurvey(published)
      return published
    }
  }),

  close: action({
    input: idInput,
    access: ADMIN,
    async run ({ deps }, { id }) {
      const s = await draftOf(deps, id)
      if (s.status !== 'open') throw new AppError('CONFLICT', s.status === 'closed' ? '问卷已经结束了' : '问卷还没有发布')
      const now = deps.clock.now()
      const closed: Survey = { ...s, status: 'closed', closedAt: now, closesAt: Date.parse(s.closesAt) > Date.parse(now) ? now : s.closesAt, updatedAt: now }
      await deps.store.putSurvey(closed)
      return closed
    }
  }),

  duplicate: action({
    input: idInput,
    access: ADMIN,
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const s = await draftOf(deps, id)
      const now = deps.clock.now()
      const copy: Survey = {
        ...structuredClone(s), id: deps.ids.next('sv'), status: 'draft', version: (s.version ?? 1) + 1, parentId: s.id,
        title: s.title, createdAt: now, updatedAt: now, createdBy: me.id, publishedAt: null, closedAt: null,
        opensAt: now, closesAt: new Date(Date.parse(now) + 30 * 86_400_000).toISOString()
      }
      await deps.store.putSurvey(copy)
      return copy
    }
  }),

  results: action({
    input: surveyResultsInput,
    access: ADMIN,
    async run ({ deps }, { id, level }) {
      const s = await draftOf(deps, id)
      const { responses, city, areas } = await resultsOf(deps, s, level)
      const tests = responses.filter((r) => r.test).length
      return {
        survey: { id: s.id, title: s.title, status: s.status, opensAt: s.opensAt, closesAt: s.closesAt, version: s.version ?? 1 },
        city, areas, minSample: deps.settings.minSample, responses: responses.length - tests, testResponses: tests
      }
    }
  }),

  export: action({
    input: surveyExportInput,
    access: ADMIN,
    async run ({ deps }, { id, format }) {
      const s = await draftOf(deps, id)
      const dir = await deps.directory.get()
      const { responses, city, areas } = await resultsOf(deps, s, 'street')
      const communities = surveyResults(s, responses, dir.grids, 'community', deps.settings.minSample, city.name).areas
      const day = deps.clock.now().slice(0, 10)
      const name = `问卷-${s.title.slice(0, 20)}-${day}`
      if (format === 'csv') {
        const csv = surveyCsv(s, responses, dir.grids)
        return { filename: `${name}-答卷.csv`, base64: Buffer.from(csv.text, 'utf8').toString('base64'), rows: csv.rows }
      }
      const xlsx = await surveyWorkbook(s, responses, dir.grids, [city, ...areas, ...communities], deps.settings.minSample, deps.clock.now())
      return { filename: `${name}.xlsx`, base64: xlsx.buffer.toString('base64'), rows: xlsx.rows }
    }
  })
}
