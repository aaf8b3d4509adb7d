import type { GridImportReport } from '../../../../core/geo/geojson'
import type { ReportLine } from '../../../../core/grids/preview'
import type { GridImportDiff, GridVersion } from '../../../../core/grids/versions'
import type { Grid } from '../../../../core/types'
import { chinaDate, chinaTime } from '../../../utils/china-time'

/** The grids page's words: where a problem is, what an import changes, who made a version. */

export const DATUM_CHOICES = [
  { key: 'file', label: '按文件注明', hint: '文件里写了 crs 或 datum 时选这个' },
  { key: 'gcj02', label: 'GCJ-02', hint: '高德、腾讯、微信地图上画的' },
  { key: 'wgs84', label: 'WGS-84', hint: 'GPS、测绘成果、天地图、CGCS2000' }
] as const
export type DatumChoice = (typeof DATUM_CHOICES)[number]['key']

export function problemWhere (l: Pick<ReportLine, 'index' | 'code' | 'name'>): string {
  if (l.index === null) return '整个文件'
  const who = [l.code ?? '无编码', l.name ?? ''].filter(Boolean).join(' ')
  return `第 ${l.index + 1} 个要素 · ${who}`
}

export function reportSummary (r: GridImportReport): string {
  const parts = [`共 ${r.featureCount} 个要素`]
  if (r.errorCount > 0) parts.push(`${r.errorCount} 处错误`)
  if (r.warningCount > 0) parts.push(`${r.warningCount} 处提醒`)
  if (r.errorCount === 0 && r.warningCount === 0) parts.push('没有发现问题')
  if (r.datum) parts.push(r.datum.converted ? '坐标按 WGS-84 读取，导入时转换为 GCJ-02' : '坐标按 GCJ-02 读取')
  return parts.join('，')
}

/** What the import changes, in the words the confirm dialog and the summary card use. */
export function diffLines (d: GridImportDiff): string[] {
  const lines = [`导入后共 ${d.total} 个网格：沿用 ${d.kept} 个，新增 ${d.added} 个，停用 ${d.removed} 个`]
  if (d.revived > 0) lines.push(`新增中有 ${d.revived} 个是以前停用的网格，恢复原来的编号和案卷`)
  if (d.renamed > 0 || d.reshaped > 0) lines.push(`沿用的网格中 ${d.renamed} 个改名、${d.reshaped} 个边界有变`)
  if (d.removed > 0) {
    lines.push(d.managersLosingGrid > 0
      ? `${d.managersLosingGrid} 位网格员负责的网格将停用：新上报不再派给这些网格，已有案卷仍由原网格员处理`
      : '停用的网格都没有网格员')
  }
  if (d.added > d.revived) lines.push('新增的网格还没有网格员：导入后请在「网格」中指派，之前那里的上报会转文明办分拣')
  if (d.populationCarried > 0) lines.push(`${d.populationCarried} 个网格文件里没填常住人口，沿用现在的数字`)
  return lines
}

export const versionWho = (v: GridVersion): string => `${chinaDate(v.createdAt)} ${chinaTime(v.createdAt)} · ${v.createdByName}`

export const managerNames = (g: Pick<Grid, 'managerIds'>, names: ReadonlyMap<string, string>): string =>
  g.managerIds.map((id) => names.get(id) ?? id).join('、')

/** Whether a grid matches the search box: its name, code, street or community contains every word typed. */
export function gridMatches (g: Grid, q: string, names: ReadonlyMap<string, string>): boolean {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const hay = `${g.name} ${g.code} ${g.street} ${g.community} ${managerNames(g, names)}`.toLowerCase()
  return words.every((w) => hay.includes(w))
}
