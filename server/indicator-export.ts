import ExcelJS from 'exceljs'
import { LEVEL_LABELS } from '../core/indicators/areas'
import { formatRate } from '../core/indicators/display'
import type { HoursView, IndicatorRowView, IndicatorTableView, RateView } from '../core/indicators/views'
import { csvText } from './csv'

/**
 * The indicator table as the office hands it upward, cell for cell the figures the dashboard shows (the same
 * stats.table read): each rate with its numerator, n and 95% interval, 样本不足 and 无法给出 said in words.
 */

const RATES: ReadonlyArray<[keyof IndicatorRowView, string]> = [
  ['awareness', '知晓率'], ['support', '支持率'], ['satisfaction', '满意率'], ['fixSatisfaction', '整改满意率'],
  ['participation', '参与率'], ['volunteerRegistration', '志愿者注册率'],
  ['closeRate', '结案率'], ['onTimeCloseRate', '按期结案率'], ['reworkRate', '返工率']
]
const HOURS: ReadonlyArray<[keyof IndicatorRowView, string]> = [['hoursToDispatch', '派遣'], ['hoursToResolve', '处置'], ['hoursToClose', '结案']]

const pct = (x: number | null) => (x === null ? '' : formatRate(x))
const hrs = (x: number) => (Math.round(x * 10) / 10).toString()

function rateCells (r: RateView): Array<string | number> {
  const note = r.unavailable ? '无法给出' : r.denominator === 0 ? '暂无数据' : r.insufficient ? '样本不足' : ''
  return [r.unavailable ? '' : pct(r.value), r.numerator, r.denominator, r.ci95 ? `${pct(r.ci95.low)}–${pct(r.ci95.high)}` : '', note]
}

function hoursCells (h: HoursView): Array<string | number> {
  const median = h.median ? (h.median.high === null ? `${h.median.low} 小时以上` : `${h.median.low}–${h.median.high} 小时`) : ''
  return [h.mean === null ? '' : hrs(h.mean), median, h.n]
}

export function indicatorRows (t: IndicatorTableView): { header: string[]; rows: Array<Array<string | number>> } {
  const header = [
    '区域', '层级', '常住人口',
    ...RATES.flatMap(([, name]) => [name, `${name} 分子`, `${name} n`, `${name} 95%区间`, `${name} 备注`]),
    ...HOURS.flatMap(([, name]) => [`平均${name}时长（小时）`, `${name}时长中位数`, `${name} n`]),
    '未结案', '已超期', '缓办'
  ]
  const line = (r: IndicatorRowView) => [
    r.name, LEVEL_LABELS[r.level], r.residentBase,
    ...RATES.flatMap(([k]) => rateCells(r[k] as RateView)),
    ...HOURS.flatMap(([k]) => hoursCells(r[k] as HoursView)),
    r.openTickets, r.overdueTickets, r.deferredTickets
  ]
  return { header, rows: [line(t.total), ...t.rows.map(line)] }
}

function notes (t: IndicatorTableView): string[] {
  return [
    `${t.parent.name} · ${t.period.label}（${t.period.fromDay} 至 ${t.period.toDay}，北京时间）· 按${LEVEL_LABELS[t.childLevel]}`,
    `问卷类比率以受访者为单位（一人答多题计一次），「不清楚」不计入分母；样本少于 ${t.minSample} 人标「样本不足」，不排名、不着色；已剔除工作人员测试答卷。`,
    '结案率 = 已结案 ÷ 应结案（已结案或已超期）；按期结案率 = 按期结案 ÷ (应结案 − 缓办)；返工率 = 返工过的案卷 ÷ 已核查；按案卷上报日统计。',
    '参与率按整日、整周、整月、整季或整年去重计人（上报、答卷、志愿服务或培训签到），分母为常住人口；志愿者注册率统计截至期末已注册的志愿者。'
  ]
}

export async function indicatorWorkbook (t: IndicatorTableView, nowIso: string): Promise<{ buffer: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '文明共建'
  wb.created = new Date(nowIso)
  const ws = wb.addWorksheet('指标')
  const [title, ...rest] = notes(t)
  ws.addRow([title]).font = { bold: true, size: 13 }
  for (const n of rest) ws.addRow([n])
  const { header, rows } = indicatorRows(t)
  ws.addRow(header).font = { bold: true }
  for (const r of rows) ws.addRow(r)
  ws.getColumn(1).width = 18
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length }
}

export function indicatorCsv (t: IndicatorTableView): { text: string; rows: number } {
  const { header, rows } = indicatorRows(t)
  return { text: csvText([header, ...rows]), rows: rows.length }
}
