import type { GcjRing } from '../types'

/**
 * The grid-file validation rules: a stable code per rule (the UI, tests and logs key on it), whether it
 * refuses the file (error) or only informs (warning), and the Chinese text shown to the admin. Every text
 * says what is wrong and what to do about it. Import is all-or-nothing: one error anywhere refuses the
 * whole file, so the admin fixes the file and imports it again; warnings never block.
 */

export type Severity = 'error' | 'warning'

export const GEO_RULES = {
  // the file
  json_invalid: 'error',
  not_feature_collection: 'error',
  no_features: 'error',
  too_many_features: 'error',
  datum_missing: 'error',
  datum_unknown: 'error',
  datum_conflict: 'error',
  datum_cgcs2000: 'warning',
  gap: 'warning',
  // a feature's geometry
  feature_invalid: 'error',
  geometry_missing: 'error',
  geometry_type: 'error',
  multipolygon_parts: 'error',
  geometry_invalid: 'error',
  ring_hole: 'error',
  ring_not_closed: 'error',
  ring_too_few_points: 'error',
  ring_repeated_point: 'warning',
  coordinate_invalid: 'error',
  coordinate_outside_china: 'error',
  ring_self_intersection: 'error',
  overlap: 'error',
  // a feature's properties
  code_missing: 'error',
  code_format: 'error',
  code_duplicate: 'error',
  name_missing: 'error',
  name_duplicate: 'error',
  property_missing: 'error',
  area_name_mismatch: 'warning',
  population_missing: 'warning',
  population_invalid: 'error'
} as const satisfies Record<string, Severity>

export type GeoRule = keyof typeof GEO_RULES

export interface GeoProblem {
  rule: GeoRule
  severity: Severity
  message: string
  /** Where, [lng, lat] in GCJ-02 (in the file's own coordinates when its datum is not known). */
  at?: [number, number]
  /** The other feature involved (duplicates, overlaps), by index in the file. */
  otherIndex?: number
  /** Measured area, m² (overlap, gap). */
  areaM2?: number
  /** Gaps: the community (first 12 digits of the codes) and the gap's outline, for the preview map. */
  community?: string
  ring?: GcjRing
}

export function problem (rule: GeoRule, message: string, extra: Omit<GeoProblem, 'rule' | 'severity' | 'message'> = {}): GeoProblem {
  return { rule, severity: GEO_RULES[rule], message, ...extra }
}

/** Coordinates as the admin will look them up on a map: 6 decimals (~0.1 m). */
export const fmtPoint = (p: readonly number[]): string => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`
const fmtArea = (m2: number): string => (m2 >= 100 ? String(Math.round(m2)) : m2.toFixed(1))
const nth = (index: number): string => `第 ${index + 1} 个要素`

/** The Chinese labels of the properties, for messages. */
export const PROP_LABELS = {
  code: '网格编码',
  name: '网格名称',
  district: '区县名称',
  street: '街道名称',
  community: '社区名称',
  population: '常住人口'
} as const

export const MSG = {
  jsonInvalid: (detail: string) =>
    `文件不是有效的 JSON（${detail}）。请确认上传的是 GeoJSON 文本文件，或从 GIS 软件重新导出。`,
  notFeatureCollection: (type: string) =>
    `文件顶层应为 "type": "FeatureCollection"（当前为 ${type}）。请把全部网格放进一个 FeatureCollection 后再导入。`,
  noFeatures: () => 'FeatureCollection 中没有任何要素（features 为空或缺失）。请确认导出时选中了网格图层。',
  tooManyFeatures: (n: number, max: number) =>
    `文件含 ${n} 个要素，超过单次导入上限 ${max} 个。请检查是否混入了其他图层（如楼栋、道路），或精简后再导入。`,
  datumMissing: () =>
    '文件没有说明坐标系。请在导入时选择坐标系（GCJ-02 或 WGS-84），或在文件中注明 "crs"（如 EPSG:4326 表示 WGS-84）或 properties.datum（"GCJ-02" / "WGS-84"）。系统不会猜测：选错会让全部网格偏移数百米。',
  datumUnknown: (name: string) =>
    `无法识别的坐标系"${name}"。支持 GCJ-02（高德、腾讯、微信地图）和 WGS-84 / CGCS2000（GPS、测绘成果）；百度 BD-09 坐标请先转换为 GCJ-02。`,
  datumConflict: (a: string, aWhere: string, b: string, bWhere: string) =>
    `${aWhere}的坐标系是 ${a}，${bWhere}注明的是 ${b}。请确认哪一个正确，改正后重新导入。`,
  datumCgcs2000: () =>
    '文件注明为 CGCS2000（2000 国家大地坐标系），按 WGS-84 处理（两者在城市范围内相差不到 0.1 米），导入时转换为 GCJ-02。',
  gap: (community: string, m2: number, at: readonly number[]) =>
    `社区 ${community} 的网格之间有一块约 ${fmtArea(m2)} 平方米的空隙，不属于任何网格（约在 ${fmtPoint(at)}）。若不是有意留出（如公园、水面），请调整相邻网格的边界把它覆盖。`,

  featureInvalid: (index: number) => `${nth(index)}不是 "type": "Feature" 对象。请检查文件结构，删除多余的内容。`,
  geometryMissing: () => '要素没有几何图形（geometry 为空）。请在 GIS 软件中为它绘制边界，或删除该要素。',
  geometryType: (type: string) =>
    `几何类型为 ${type}，网格必须是面（Polygon）。请把线或点转换为面后再导入。`,
  multipolygonParts: (parts: number) => parts === 0
    ? 'MultiPolygon 中没有任何面。请为该网格绘制边界，或删除该要素。'
    : `MultiPolygon 含 ${parts} 个面，一个网格只能是一个连续的面。请拆分为多个网格（各自编码），或合并为一个面。`,
  geometryInvalid: (detail: string) =>
    `坐标结构不正确：${detail}。Polygon 的 coordinates 应为 [[[经度, 纬度], …]]，请检查导出设置后重新导出。`,
  ringHole: (holes: number) =>
    `面内含 ${holes} 个内环（洞），网格不支持挖洞。请删除内环；若挖去的区域属于另一个网格，让两个网格沿边界相接即可。`,
  ringNotClosed: (first: readonly number[], last: readonly number[]) =>
    `边界未闭合：最后一个点 (${fmtPoint(last)}) 与第一个点 (${fmtPoint(first)}) 不同。请在末尾补上与第一个点相同的坐标。`,
  ringTooFewPoints: (distinct: number) =>
    `边界只有 ${distinct} 个不同的点，至少需要 3 个（连同闭合点共 4 个坐标）。请重新绘制该网格。`,
  ringRepeatedPoint: (count: number) => `边界有 ${count} 处连续重复的点，已自动去除，无需处理。`,
  coordinateInvalid: (position: number, value: string) =>
    `第 ${position + 1} 个坐标不是有效的 [经度, 纬度] 数字（${value}）。请检查文件是否损坏或含有空值。`,
  coordinateOutsideChina: (count: number, at: readonly number[]) =>
    `有 ${count} 个点不在中国范围内，例如 (${fmtPoint(at)})。请检查经纬度是否写反（应为 [经度, 纬度]），或坐标是否为投影坐标（米）而不是经纬度。`,
  ringSelfIntersection: (edgeA: number, edgeB: number, at: readonly number[]) =>
    `边界自相交：第 ${edgeA + 1} 条边与第 ${edgeB + 1} 条边在 (${fmtPoint(at)}) 附近相交或相碰。请修正边界，使其不交叉、不打结。`,
  overlap: (other: number, otherCode: string, m2: number, tolerance: number) =>
    `与${nth(other)}（${otherCode}）重叠约 ${fmtArea(m2)} 平方米，超过允许的 ${fmtArea(tolerance)} 平方米。请修正两个网格的公共边界，让它们沿同一条线相接。`,

  codeMissing: (prop: string) =>
    `缺少网格编码（属性 "${prop}"）。请填写 15 位编码：区县 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位。`,
  codeFormat: (code: string) =>
    `网格编码"${code}"不是 15 位数字。请按 区县 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位 填写，如 430111001001001。`,
  codeDuplicate: (code: string, other: number) =>
    `网格编码 ${code} 与${nth(other)}重复。每个网格的编码必须唯一，请修改其中一个。`,
  nameMissing: (prop: string) =>
    `缺少网格名称（属性 "${prop}"）。请填写便于辨认的名称，如"东塘街道·东塘社区·01网格"。`,
  nameDuplicate: (name: string, community: string, other: number) =>
    `名称"${name}"与同一社区（编码前 12 位 ${community}）的${nth(other)}重复。请修改其中一个，便于网格员区分。`,
  propertyMissing: (label: string, prop: string) => `缺少${label}（属性 "${prop}"）。请补充后再导入。`,
  areaNameMismatch: (label: string, digits: number, other: number, mine: string, theirs: string) =>
    `编码前 ${digits} 位与${nth(other)}相同，但${label}不同（"${mine}" / "${theirs}"）。请统一名称，或检查编码是否写错。`,
  populationMissing: (prop: string) =>
    `未填写常住人口（属性 "${prop}"），按 0 导入。参与率等指标以常住人口为基数，请导入后在网格设置中补填。`,
  populationInvalid: (value: string) =>
    `常住人口"${value}"不是非负整数。请填写人数，或留空稍后补填。`
}
