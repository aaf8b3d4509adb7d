import type { Question, Survey } from './types'

/**
 * Built-in questionnaires the office starts from, written for residents. The 模拟测评 one follows the national
 * assessment's telephone survey: residents 18–65 living here ≥ 6 months, 满意/基本满意/不满意, and a 不清楚 the
 * interviewer does not read out — offered, never counted in any denominator.
 */

export interface SurveyTemplate {
  id: 'awareness' | 'satisfaction' | 'mock'
  name: string
  summary: string
  survey: Pick<Survey, 'title' | 'description' | 'questions' | 'asksAge'>
}

const SAT = ['满意', '基本满意', '不满意']
const SAT_DK = [...SAT, '不清楚']
const satisfaction = (id: string, title: string, withDontKnow = true): Question => ({
  id, type: 'scale3', title, options: withDontKnow ? SAT_DK.slice() : SAT.slice(), indicator: 'satisfaction', positive: [0, 1], excluded: withDontKnow ? [3] : []
})

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'awareness',
    name: '创文知晓率、支持率调查',
    summary: '5 道题：是否知道、是否支持创建全国文明城市，知道哪些创建内容，参与意愿和建议。',
    survey: {
      title: '文明城市创建市民知晓率、支持率调查',
      description: '为了解市民对创建全国文明城市的知晓和支持程度，特开展本次调查。问卷匿名统计，约需 2 分钟，感谢您的参与！',
      asksAge: false,
      questions: [
        { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
        { id: 'q2', type: 'multi', title: '您知道哪些创建内容？', options: ['文明交通', '垃圾分类', '志愿服务', '背街小巷整治', '文明餐桌'], indicator: 'none', positive: [], showIf: { questionId: 'q1', anyOf: [0] } },
        { id: 'q3', type: 'single', title: '您是否支持我市创建全国文明城市？', options: ['支持', '无所谓', '不支持', '不清楚'], indicator: 'support', positive: [0], excluded: [3] },
        { id: 'q4', type: 'single', title: '您愿意参加文明创建志愿活动吗？', options: ['愿意', '看情况', '不愿意'], indicator: 'none', positive: [] },
        { id: 'q5', type: 'text', title: '您对创建工作还有什么建议？', options: [], indicator: 'none', positive: [] }
      ]
    }
  },
  {
    id: 'satisfaction',
    name: '创文满意度调查',
    summary: '6 道题：环境卫生、交通秩序、公共设施、窗口服务、社区文明和总体满意度，三级量表，含「不清楚」（不计入）。',
    survey: {
      title: '文明城市创建市民满意度调查',
      description: '请根据您的亲身感受回答。「不清楚」不计入统计，请放心选择。约需 3 分钟。',
      asksAge: false,
      questions: [
        satisfaction('q1', '您对所在社区的环境卫生是否满意？'),
        satisfaction('q2', '您对身边的交通秩序是否满意？'),
        satisfaction('q3', '您对公园、公厕、路灯等公共设施是否满意？'),
        satisfaction('q4', '您对政务服务窗口的服务是否满意？'),
        satisfaction('q5', '您对所在社区的文明风尚是否满意？'),
        satisfaction('q6', '总体来说，您对我市文明城市创建工作是否满意？'),
        { id: 'q7', type: 'text', title: '您觉得哪方面最需要改进？', options: [], indicator: 'none', positive: [] }
      ]
    }
  },
  {
    id: 'mock',
    name: '模拟测评（电话调查式）',
    summary: '按全国测评电话调查的方式：18–65 岁、本地居住满 6 个月的居民，认知度 → 参与度 → 满意度，「不清楚」不读出也不计入。',
    survey: {
      title: '全国文明城市测评模拟调查',
      description: '本调查模拟全国文明城市测评的入户电话调查，请在本地居住满 6 个月、18–65 岁的居民作答。',
      asksAge: true,
      questions: [
        { id: 'q1', type: 'single', title: '您在本市居住是否满 6 个月？', options: ['是', '否'], indicator: 'none', positive: [] },
        { id: 'q2', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0], showIf: { questionId: 'q1', anyOf: [0] } },
        { id: 'q3', type: 'single', title: '您是否支持创建全国文明城市？', options: ['支持', '不支持', '不清楚'], indicator: 'support', positive: [0], excluded: [2], showIf: { questionId: 'q1', anyOf: [0] } },
        { id: 'q4', type: 'single', title: '过去一年您是否参加过文明创建活动（志愿服务、随手拍等）？', options: ['参加过', '没有参加过'], indicator: 'none', positive: [], showIf: { questionId: 'q1', anyOf: [0] } },
        { ...satisfaction('q5', '您对我市文明城市创建工作的成效是否满意？'), showIf: { questionId: 'q1', anyOf: [0] } },
        { ...satisfaction('q6', '您对所在社区的文明程度是否满意？'), showIf: { questionId: 'q1', anyOf: [0] } }
      ]
    }
  }
]

export function surveyTemplate (id: string): SurveyTemplate | null {
  return SURVEY_TEMPLATES.find((t) => t.id === id) ?? null
}
