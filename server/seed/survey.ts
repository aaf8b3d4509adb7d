import type { Answer, Question, Survey, SurveyResponse, User } from '../../core/types'
import { rngFor, shuffled } from './prng'
import { addDays, addHours, floorMinute } from './time'

/**
 * The open 知晓率/支持率/满意率 survey and seeded answers from generated residents. Positive answers are
 * dealt out in fixed counts (not coin flips), so the home page shows realistic figures exactly:
 * awareness 51/60 = 85 %, support 54/60 = 90 %, satisfaction (two questions pooled) 106/120 ≈ 88 %.
 */

export const SURVEY_ID = 'sv-2026-civility'

const QUESTIONS: Question[] = [
  { id: 'q1', type: 'single', title: '您是否知道我市正在创建全国文明城市？', options: ['知道', '不知道'], indicator: 'awareness', positive: [0] },
  { id: 'q2', type: 'single', title: '您是否支持我市创建全国文明城市？', options: ['支持', '无所谓', '不支持'], indicator: 'support', positive: [0] },
  { id: 'q3', type: 'scale3', title: '您对所在社区的环境卫生状况是否满意？', options: ['满意', '基本满意', '不满意'], indicator: 'satisfaction', positive: [0, 1] },
  { id: 'q4', type: 'scale3', title: '您对近一年城市文明创建工作的成效是否满意？', options: ['满意', '基本满意', '不满意'], indicator: 'satisfaction', positive: [0, 1] },
  {
    id: 'q5', type: 'multi', title: '您认为身边最需要改进的问题有哪些？（可多选）',
    options: ['非法小广告', '垃圾乱扔乱倒', '占道经营', '车辆乱停乱放', '噪音扰民', '公共设施损坏'], indicator: 'none', positive: []
  },
  {
    id: 'q6', type: 'single', title: '过去一年您参加过哪类文明创建活动？',
    options: ['志愿服务', '志愿者培训', '随手拍上报问题', '都没有参加过'], indicator: 'none', positive: []
  },
  { id: 'q7', type: 'text', title: '您对文明城市创建还有哪些意见和建议？', options: [], indicator: 'none', positive: [] }
]

const SUGGESTIONS = [
  '希望背街小巷的垃圾清运能更及时一些。',
  '小区周边共享单车太多，建议多划停放区。',
  '建议在地铁站口多安排文明劝导志愿者。',
  '随手拍反映的问题处理得挺快，希望继续保持。',
  '晚上广场舞音响太大，希望能管一管。',
  '老旧小区的路灯和井盖要经常检查。'
]

export function buildSurvey (nowIso: string): Survey {
  return {
    id: SURVEY_ID,
    title: '2026年文明城市创建市民知晓率、支持率和满意率调查',
    description: '为了解市民对创建全国文明城市工作的知晓、支持和满意程度，特开展本次问卷调查。问卷匿名统计，约需3分钟，感谢您的参与！',
    status: 'open',
    opensAt: floorMinute(addDays(nowIso, -30)),
    closesAt: floorMinute(addDays(nowIso, 30)),
    questions: QUESTIONS.map((q) => ({ ...q, options: q.options.slice(), positive: q.positive.slice() })),
    createdAt: floorMinute(addDays(nowIso, -32))
  }
}

/** `positives` of `n` respondents answer positively; which ones is a seeded shuffle per question. */
function dealt (key: string, n: number, positives: number): boolean[] {
  const flags = Array.from({ length: n }, (_, i) => i < positives)
  return shuffled(rngFor(key), flags)
}

export function buildResponses (nowIso: string, respondents: readonly User[]): SurveyResponse[] {
  const n = respondents.length
  const aware = dealt('survey:q1', n, Math.round(n * 0.85))
  const support = dealt('survey:q2', n, Math.round(n * 0.9))
  const sat3 = dealt('survey:q3', n, Math.round(n * 0.9))
  const sat4 = dealt('survey:q4', n, Math.round(n * 0.867))
  const rng = rngFor('survey:details')
  const scale = (ok: boolean): number[] => (ok ? [rng() < 0.65 ? 0 : 1] : [2])
  return respondents.map((u, i) => {
    const q5 = [0, 1, 2, 3, 4, 5].filter((k) => rng() < [0.55, 0.45, 0.35, 0.4, 0.2, 0.15][k])
    const answers: Record<string, Answer> = {
      q1: [aware[i] ? 0 : 1],
      q2: [support[i] ? 0 : rng() < 0.8 ? 1 : 2],
      q3: scale(sat3[i]),
      q4: scale(sat4[i]),
      q5: q5.length > 0 ? q5 : [0],
      q6: [rng() < 0.3 ? 0 : rng() < 0.3 ? 1 : rng() < 0.4 ? 2 : 3]
    }
    if (i % 3 === 0) answers.q7 = SUGGESTIONS[(i / 3) % SUGGESTIONS.length]
    return {
      id: `sr-${String(i + 1).padStart(3, '0')}`,
      surveyId: SURVEY_ID,
      userId: u.id,
      gridId: u.homeGridId ?? null,
      answers,
      // Spread over the 28 days the survey has been open, the newest an hour ago.
      at: floorMinute(addHours(nowIso, -1 - ((i * 11) % 28) * 24 - (i % 9)))
    }
  })
}
