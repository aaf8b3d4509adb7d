import { surveyIndicators } from './indicators/survey'
import type { Rate } from './indicators/rate'
import type { Grid, Survey, SurveyResponse } from './types'

/**
 * A survey's results per area, rolled up from the respondents' home grids by their codes (district 6 digits,
 * street 9, community 12, grid 15). A rate over fewer respondents than the minimum sample is marked 样本不足: it
 * is shown with its n, never ranked or coloured.
 */

export type AreaLevel = 'city' | 'street' | 'community' | 'grid'

export const AREA_LEVEL_LABELS: Record<AreaLevel, string> = { city: '全区', street: '街道', community: '社区', grid: '网格' }
const PREFIX: Record<Exclude<AreaLevel, 'city'>, number> = { street: 9, community: 12, grid: 15 }

export interface AreaRate extends Rate {
  insufficient: boolean
}

export interface AreaResult {
  code: string
  name: string
  level: AreaLevel
  respondents: number
  awareness: AreaRate
  support: AreaRate
  satisfaction: AreaRate
}

const judged = (r: Rate, minSample: number): AreaRate => ({ ...r, insufficient: r.denominator < minSample })

/** The counted responses: staff tests never count. */
export function countedResponses<R extends Pick<SurveyResponse, 'test'>> (responses: readonly R[]): R[] {
  return responses.filter((r) => !r.test)
}

function resultOf (code: string, name: string, level: AreaLevel, survey: Pick<Survey, 'questions'>, responses: readonly SurveyResponse[], minSample: number): AreaResult {
  const ind = surveyIndicators(survey.questions, responses)
  return {
    code, name, level, respondents: responses.length,
    awareness: judged(ind.awareness, minSample), support: judged(ind.support, minSample), satisfaction: judged(ind.satisfaction, minSample)
  }
}

/** The area an area code belongs to at a level: its prefix, and the name the grids give it. */
export function areaAt (gridCode: string, level: Exclude<AreaLevel, 'city'>): string {
  return gridCode.slice(0, PREFIX[level])
}

function areaNames (grids: readonly Grid[], level: Exclude<AreaLevel, 'city'>): Map<string, string> {
  const names = new Map<string, string>()
  for (const g of grids) {
    const code = areaAt(g.code, level)
    if (!names.has(code)) names.set(code, level === 'street' ? g.street : level === 'community' ? `${g.street} ${g.community}` : g.name)
  }
  return names
}

/** The whole city, then every area of the level with at least one respondent (by code), respondents without a home grid in the city only. */
export function surveyResults (
  survey: Pick<Survey, 'questions'>, responses: readonly SurveyResponse[], grids: readonly Grid[],
  level: Exclude<AreaLevel, 'city'>, minSample: number, cityName: string
): { city: AreaResult; areas: AreaResult[] } {
  const counted = countedResponses(responses)
  const codeOf = new Map(grids.map((g) => [g.id, g.code]))
  const byArea = new Map<string, SurveyResponse[]>()
  for (const r of counted) {
    const gridCode = r.areaCode ?? (r.gridId ? codeOf.get(r.gridId) : undefined)
    if (!gridCode) continue
    const key = areaAt(gridCode, level)
    const list = byArea.get(key) ?? []
    list.push(r)
    byArea.set(key, list)
  }
  const names = areaNames(grids, level)
  return {
    city: resultOf('', cityName, 'city', survey, counted, minSample),
    areas: [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b))
      .map(([code, rs]) => resultOf(code, names.get(code) ?? code, level, survey, rs, minSample))
  }
}
