import ExcelJS from 'exceljs'
import { csvText } from './csv'
import { formatRate } from '../core/indicators/display'
import type { AreaResult } from '../core/survey-results'
import { AREA_LEVEL_LABELS, countedResponses } from '../core/survey-results'
import { AGE_BAND_LABELS, type Answer, type Grid, type Question, type Survey, type SurveyResponse } from '../core/types'

/**
 * What the office hands upward: the indicator table (the figures the results page shows: n, rate, 95% interval,
 * 样本不足) and the responses anonymised — a running number instead of the person, the community instead of the
 * grid, the age band; staff test responses left out, as from every figure.
 */

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '' : formatRate(x))

function answerText (q: Question, a: Answer | undefined): string {
  if (a === undefined) return ''
  if (typeof a === 'string') return a
  return a.map((i) => q.options[i] ?? `#${i}`).join('；')
}

function anonymised (survey: Survey, responses: readonly SurveyResponse[], grids: readonly Grid[]): { header: string[]; rows: string[][] } {
  const gridById = new Map(grids.map((g) => [g.id, g]))
  const header = ['序号', '街道', '社区', '年龄段', '提交日期', ...survey.questions.map((q, i) => `${i + 1}. ${q.title}`)]
  const rows = [...countedResponses(responses)].sort((a, b) => a.at.localeCompare(b.at)).map((r, i) => {
    const g = r.gridId ? gridById.get(r.gridId) : undefined
    return [
      String(i + 1), g?.street ?? '', g?.community ?? '', r.ageBand ? AGE_BAND_LABELS[r.ageBand] : '', r.at.slice(0, 10),
      ...survey.questions.map((q) => answerText(q, r.answers[q.id]))
    ]
  })
  return { header, rows }
}

export async function surveyWorkbook (
  survey: Survey, responses: readonly SurveyResponse[], grids: readonly Grid[], areas: readonly AreaResult[], minSample: number, nowIso: string
): Promise<{ buffer: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '文明共建'
  wb.created = new Date(nowIso)
  const ind = wb.addWorksheet('指标')
  ind.addRow([`${survey.title}（第 ${survey.version ?? 1} 版）`]).font = { bold: true, size: 13 }
  ind.addRow([`以受访者为单位计算（一人答多题计一次），「不清楚」等不计入分母；样本少于 ${minSample} 人标「样本不足」，不排名、不着色；已剔除工作人员测试答卷。`])
  ind.addRow(['区域', '层级', '受访人数', '知晓率', '知晓率 n', '知晓率 95%区间', '支持率', '支持率 n', '支持率 95%区间', '满意率', '满意率 n', '满意率 95%区间', '备注']).font = { bold: true }
  for (const a of areas) {
    const cell = (r: AreaResult['awareness']) => [pct(r.value), r.denominator, r.ci95 ? `${pct(r.ci95.low)}–${pct(r.ci95.high)}` : '']
    const thin = [a.awareness, a.support, a.satisfaction].some((r) => r.denominator > 0 && r.insufficient)
    ind.addRow([a.name, AREA_LEVEL_LABELS[a.level], a.respondents, ...cell(a.awareness), ...cell(a.support), ...cell(a.satisfaction), thin ? '样本不足' : ''])
  }
  ;[22, 8, 10, 10, 10, 16, 10, 10, 16, 10, 10, 16, 10].forEach((w, i) => { ind.getColumn(i + 1).width = w })
  const raw = wb.addWorksheet('答卷（匿名）')
  const { header, rows } = anonymised(survey, responses, grids)
  raw.addRow(header).font = { bold: true }
  for (const r of rows) raw.addRow(r)
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length }
}

/** The anonymised responses as CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese). */
export function surveyCsv (survey: Survey, responses: readonly SurveyResponse[], grids: readonly Grid[]): { text: string; rows: number } {
  const { header, rows } = anonymised(survey, responses, grids)
  return { text: csvText([header, ...rows]), rows: rows.length }
}
