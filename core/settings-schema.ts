import { z } from 'zod'
import { AREA_CODE_RE } from './indicators/areas'
import { WEIGHTED_BANDS } from './indicators/age'
import { DEFAULT_SETTINGS, type Settings } from './settings'
import { AGE_BAND_LABELS } from './types'

/**
 * What the office may set, and within which bounds: one table (SETTING_FIELDS) that both the schema the server
 * validates with and the settings page (labels, units, the range it shows) are made from, so the range a person
 * reads is the range the server holds them to.
 */

export type SettingGroup = 'report' | 'verify' | 'volunteer' | 'indicators' | 'signin'

export const SETTING_GROUPS: ReadonlyArray<{ group: SettingGroup; label: string; hint: string }> = [
  { group: 'report', label: '上报', hint: '每位居民的上报次数上限，防止刷单和误触' },
  { group: 'verify', label: '核查', hint: '处理完成后，居民核查、文明办督查和重新打开的期限' },
  { group: 'volunteer', label: '志愿服务', hint: '候补、签到签退、时长和星级的规则' },
  { group: 'indicators', label: '指标', hint: '看板上的目标值和最少样本数' },
  { group: 'signin', label: '电脑版登录', hint: '在电脑上扫码登录后，多久不用就要重新扫码' }
]

/** A number the office sets. `percent`: kept as a share 0–1, shown and typed as a percentage. */
export interface NumberSetting {
  kind: 'number'
  path: NumberPath
  group: SettingGroup
  label: string
  unit: string
  min: number
  max: number
  integer: boolean
  percent?: boolean
  /** One line under the field: what the number does. */
  hint: string
  /** May be left empty for "no limit" (null). */
  nullable?: boolean
}

export interface BooleanSetting { kind: 'boolean'; path: 'volunteer.promoteOnEventDay'; group: SettingGroup; label: string; hint: string }

/** 星级 thresholds: hours for 1★, 2★ …, ascending. */
export interface ThresholdsSetting {
  kind: 'thresholds'; path: 'volunteer.starThresholds'; group: SettingGroup; label: string; unit: string
  min: number; max: number; minLevels: number; maxLevels: number; hint: string
}

export interface TextSetting {
  kind: 'text'; path: `volunteer.issuer.${keyof Settings['volunteer']['issuer']}`; group: SettingGroup
  label: string; minLength: number; maxLength: number; hint: string
}

export type NumberPath =
  | 'reportsPerHour' | 'reportsPerDay' | 'verifyWindowDays' | 'adminVerifyAfterDays' | 'reopenWindowDays' | 'minSample' | 'sessionIdleHours'
  | `targets.${keyof Settings['targets']}`
  | `volunteer.${'offerHours' | 'minAttendShare' | 'maxHoursPerEvent' | 'checkinRadiusM' | 'checkinEarlyMinutes' | 'checkoutLateMinutes' | 'qrRotateSeconds' | 'trainingValidMonths' | 'trainingsPerYear'}`

/** Residents per surveyed age band, per area (settings.ageStructure): where entered, survey rates are also age-weighted. */
export interface AgeStructureSetting {
  kind: 'ageStructure'; path: 'ageStructure'; group: SettingGroup; label: string; unit: string
  max: number; maxAreas: number; hint: string
}

export type SettingField = NumberSetting | BooleanSetting | ThresholdsSetting | TextSetting | AgeStructureSetting
export type SettingPath = SettingField['path']

const n = (path: NumberPath, group: SettingGroup, label: string, unit: string, min: number, max: number, hint: string, more: Partial<NumberSetting> = {}): NumberSetting =>
  ({ kind: 'number', path, group, label, unit, min, max, integer: true, hint, ...more })
const share = (path: NumberPath, group: SettingGroup, label: string, hint: string): NumberSetting =>
  n(path, group, label, '%', 0, 1, hint, { integer: false, percent: true })
const text = (key: keyof Settings['volunteer']['issuer'], label: string, minLength: number, maxLength: number, hint: string): TextSetting =>
  ({ kind: 'text', path: `volunteer.issuer.${key}`, group: 'volunteer', label, minLength, maxLength, hint })

/** Every setting, in the order the page shows them. Bounds: wide enough for any city's practice, narrow enough to catch a slip. */
export const SETTING_FIELDS: readonly SettingField[] = [
  n('reportsPerHour', 'report', '每小时上报上限', '条', 1, 100, '每位居民每个钟点最多上报的条数'),
  n('reportsPerDay', 'report', '每天上报上限', '条', 1, 500, '每位居民每天（北京时间）最多上报的条数'),

  n('verifyWindowDays', 'verify', '居民核查期限', '天', 1, 30, '处理完成后居民可核查的天数，过期系统自动结案'),
  n('adminVerifyAfterDays', 'verify', '转文明办核查', '天', 1, 29, '居民这么多天未核查，案卷进入文明办「待核查」'),
  n('reopenWindowDays', 'verify', '可重新打开期限', '天', 1, 90, '结案后居民还能重新打开的天数'),

  n('volunteer.offerHours', 'volunteer', '候补确认时限', '小时', 1, 72, '空出名额通知候补者后，等待其确认的时间'),
  { kind: 'boolean', path: 'volunteer.promoteOnEventDay', group: 'volunteer', label: '活动当天也递补', hint: '关闭时，活动当天空出的名额不再通知候补者' },
  share('volunteer.minAttendShare', 'volunteer', '最低出勤比例', '在场时间不到活动时长的这个比例，不计时长'),
  n('volunteer.maxHoursPerEvent', 'volunteer', '单次活动时长上限', '小时', 1, 24, '留空为不限（仍不超过活动本身的时长）', { nullable: true, integer: false }),
  n('volunteer.checkinRadiusM', 'volunteer', '定位签到范围', '米', 50, 2000, '离活动地点多远以内可以定位签到'),
  n('volunteer.checkinEarlyMinutes', 'volunteer', '提前签到', '分钟', 0, 240, '活动开始前多久可以签到（时长仍从开始算起）'),
  n('volunteer.checkoutLateMinutes', 'volunteer', '延后签退', '分钟', 0, 480, '活动结束后多久内还能签退'),
  n('volunteer.qrRotateSeconds', 'volunteer', '签到码更新间隔', '秒', 10, 600, '签到二维码每隔这么久换一次，防止转发'),
  { kind: 'thresholds', path: 'volunteer.starThresholds', group: 'volunteer', label: '星级时长', unit: '小时', min: 1, max: 100_000, minLevels: 1, maxLevels: 10, hint: '达到 1 星、2 星……所需的累计时长，依次递增' },
  n('volunteer.trainingValidMonths', 'volunteer', '培训有效期', '个月', 1, 120, '完成培训后多久内算作具备资格'),
  n('volunteer.trainingsPerYear', 'volunteer', '每年培训次数', '次', 0, 52, '每个组织每年至少举办的培训次数'),
  text('organisation', '证明出具单位', 2, 60, '志愿服务记录证明上的出具单位（谁记录谁证明）'),
  text('personInCharge', '单位负责人', 2, 20, '证明上的负责人姓名'),
  text('handler', '经办人', 2, 20, '证明上的经办人姓名'),
  text('contact', '联系电话', 5, 30, '证明上的联系电话'),

  share('targets.awareness', 'indicators', '知晓率目标', '看板上知晓率的达标线'),
  share('targets.support', 'indicators', '支持率目标', '看板上支持率的达标线'),
  share('targets.satisfaction', 'indicators', '满意率目标', '看板上满意率的达标线'),
  share('targets.volunteerRegistration', 'indicators', '志愿者注册率目标', '注册志愿者占常住人口的达标线'),
  n('minSample', 'indicators', '最少样本数', '份', 5, 1000, '答卷少于这么多份的区域显示「样本不足」，不排名不着色'),
  {
    kind: 'ageStructure', path: 'ageStructure', group: 'indicators', label: '各区域年龄结构', unit: '人', max: 10_000_000, maxAreas: 2_000,
    hint: '按人口普查填各年龄段常住人口；填了的区域，调查结果另给按年龄加权的比率'
  },

  n('sessionIdleHours', 'signin', '登录保持时长', '小时', 1, 72, '电脑版登录这么久没有使用就自动退出，需重新扫码（对之后的登录生效）')
]

export const settingField = (path: SettingPath): SettingField => {
  const f = SETTING_FIELDS.find((x) => x.path === path)
  if (!f) throw new Error(`no setting ${path}`)
  return f
}

/** The value at a path (`volunteer.issuer.contact`) of a settings document. */
export function settingValue (s: Settings, path: SettingPath): unknown {
  let v: unknown = s
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k]
  return v
}

/** A copy of `s` with the value at `path` replaced. */
export function withSetting (s: Settings, path: SettingPath, value: unknown): Settings {
  const set = (o: Record<string, unknown>, keys: string[]): Record<string, unknown> =>
    keys.length === 1 ? { ...o, [keys[0]]: value } : { ...o, [keys[0]]: set(o[keys[0]] as Record<string, unknown>, keys.slice(1)) }
  return set(s as unknown as Record<string, unknown>, path.split('.')) as unknown as Settings
}

const trimZeros = (x: number): string => String(Number(x.toFixed(4)))

/** A number as the page shows it: a share as a percentage. */
export const shownNumber = (f: NumberSetting, v: number): string => trimZeros(f.percent ? v * 100 : v)

/** The allowed range, as the page shows it beside the field and the messages say it. */
export function rangeText (f: NumberSetting | ThresholdsSetting): string {
  if (f.kind === 'thresholds') return `每级 ${f.min}–${f.max} ${f.unit}，${f.minLevels}–${f.maxLevels} 级`
  return `${shownNumber(f, f.min)}–${shownNumber(f, f.max)}${f.percent ? '%' : ` ${f.unit}`}${f.nullable ? '，可留空' : ''}`
}

/** A value as a person reads it in the change list: 10 条, 80%, 开, 100/300/600 小时. */
export function settingText (f: SettingField, v: unknown): string {
  switch (f.kind) {
    case 'number': return v === null || v === undefined ? '不限' : `${shownNumber(f, Number(v))}${f.percent ? '%' : ` ${f.unit}`}`
    case 'boolean': return v ? '开' : '关'
    case 'thresholds': return `${(v as number[]).join('/')} ${f.unit}`
    case 'text': return String(v)
    case 'ageStructure': return `${Object.keys((v ?? {}) as object).length} 个区域`
  }
}

/** One area's age structure as the change list shows it: 18–29 岁 600 人、30–44 岁 800 人 (or 未录入). */
export function ageStructureText (s: Settings['ageStructure'][string] | undefined): string {
  const parts = WEIGHTED_BANDS.filter((b) => s?.[b] !== undefined).map((b) => `${AGE_BAND_LABELS[b]} ${String(s?.[b])} 人`)
  return parts.length > 0 ? parts.join('、') : '未录入'
}

function numberSchema (f: NumberSetting): z.ZodNumber {
  const range = `${f.label}应在 ${rangeText(f).replace('，可留空', '')} 之间`
  // zod 4's number() refuses NaN and ±Infinity already.
  const s = z.number({ error: `${f.label}请填写数字` }).min(f.min, range).max(f.max, range)
  return f.integer ? s.int(`${f.label}请填写整数`) : s
}

const numberAt = (path: NumberPath) => numberSchema(settingField(path) as NumberSetting)
const textAt = (path: TextSetting['path']) => {
  const f = settingField(path) as TextSetting
  return z.string({ error: `请填写${f.label}` }).trim().min(f.minLength, `${f.label}至少 ${f.minLength} 个字`).max(f.maxLength, `${f.label}不能超过 ${f.maxLength} 个字`)
}
const stars = settingField('volunteer.starThresholds') as ThresholdsSetting
const ages = settingField('ageStructure') as AgeStructureSetting
const residents = z.number({ error: '年龄段人口请填写数字' }).int('年龄段人口请填写整数').min(0, `年龄段人口应在 0–${ages.max} 人之间`).max(ages.max, `年龄段人口应在 0–${ages.max} 人之间`)
const ageStructureSchema = z.record(
  z.string().regex(AREA_CODE_RE, '年龄结构的区域代码应为 6、9、12 或 15 位数字（留空为全市）'),
  z.strictObject(
    Object.fromEntries(WEIGHTED_BANDS.map((b) => [b, residents.optional()])) as Record<(typeof WEIGHTED_BANDS)[number], z.ZodOptional<typeof residents>>,
    { error: (iss) => (iss.code === 'unrecognized_keys' ? '年龄结构只能填 18–65 岁的四个年龄段' : '年龄结构应按年龄段填人数') }
  ),
  { error: (iss) => (iss.code === 'invalid_key' ? '年龄结构的区域代码应为 6、9、12 或 15 位数字（留空为全市）' : '年龄结构格式不对') }
).refine((r) => Object.keys(r).length <= ages.maxAreas, `年龄结构最多录入 ${ages.maxAreas} 个区域`)

/** A whole settings document, each field within its bounds, and the rules between fields. */
export const settingsSchema = z.object({
  verifyWindowDays: numberAt('verifyWindowDays'),
  adminVerifyAfterDays: numberAt('adminVerifyAfterDays'),
  reopenWindowDays: numberAt('reopenWindowDays'),
  reportsPerHour: numberAt('reportsPerHour'),
  reportsPerDay: numberAt('reportsPerDay'),
  targets: z.object({
    awareness: numberAt('targets.awareness'),
    support: numberAt('targets.support'),
    satisfaction: numberAt('targets.satisfaction'),
    volunteerRegistration: numberAt('targets.volunteerRegistration')
  }, { error: '缺少指标目标' }),
  minSample: numberAt('minSample'),
  ageStructure: ageStructureSchema,
  sessionIdleHours: numberAt('sessionIdleHours'),
  volunteer: z.object({
    offerHours: numberAt('volunteer.offerHours'),
    promoteOnEventDay: z.boolean({ error: '「活动当天也递补」应为开或关' }),
    minAttendShare: numberAt('volunteer.minAttendShare'),
    maxHoursPerEvent: numberAt('volunteer.maxHoursPerEvent').nullable(),
    checkinRadiusM: numberAt('volunteer.checkinRadiusM'),
    checkinEarlyMinutes: numberAt('volunteer.checkinEarlyMinutes'),
    checkoutLateMinutes: numberAt('volunteer.checkoutLateMinutes'),
    qrRotateSeconds: numberAt('volunteer.qrRotateSeconds'),
    starThresholds: z.array(
      z.number({ error: '星级时长请填写数字' }).int('星级时长请填写整数').min(stars.min, `每级星级时长应在 ${stars.min}–${stars.max} 小时之间`).max(stars.max, `每级星级时长应在 ${stars.min}–${stars.max} 小时之间`),
      { error: '星级时长应是一组数字' }
    ).min(stars.minLevels, `星级至少要有 ${stars.minLevels} 级`).max(stars.maxLevels, `星级最多 ${stars.maxLevels} 级`)
      .refine((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]), '星级时长要逐级递增（后一级比前一级多）'),
    trainingValidMonths: numberAt('volunteer.trainingValidMonths'),
    trainingsPerYear: numberAt('volunteer.trainingsPerYear'),
    issuer: z.object({
      organisation: textAt('volunteer.issuer.organisation'),
      personInCharge: textAt('volunteer.issuer.personInCharge'),
      handler: textAt('volunteer.issuer.handler'),
      contact: textAt('volunteer.issuer.contact')
    }, { error: '缺少证明出具单位' })
  }, { error: '缺少志愿服务设置' })
}, { error: '缺少设置内容' }).superRefine((s, ctx) => {
  if (s.reportsPerHour > s.reportsPerDay) {
    ctx.addIssue({ code: 'custom', path: ['reportsPerHour'], message: `每小时上报上限不能超过每天上报上限（${s.reportsPerDay} 条）` })
  }
  if (s.adminVerifyAfterDays >= s.verifyWindowDays) {
    ctx.addIssue({ code: 'custom', path: ['adminVerifyAfterDays'], message: `转文明办核查要早于自动结案：应少于居民核查期限（${s.verifyWindowDays} 天）` })
  }
}) satisfies z.ZodType<Settings>

/** admin.saveSettings: the whole document, the version it was edited from (compare-and-set) and why. */
export const saveSettingsInput = z.object({
  expectedVersion: z.number({ error: '缺少版本号，请刷新后再改' }).int('版本号无效').min(0, '版本号无效'),
  reason: z.string({ error: '请写明修改原因' }).trim().min(4, '请写明修改原因（至少 4 个字），会记入修改记录').max(200, '修改原因不能超过 200 个字'),
  settings: settingsSchema
})
export type SaveSettingsInput = z.infer<typeof saveSettingsInput>

/** One field's change between two versions, in the words the change list shows. */
export interface SettingChange {
  path: SettingPath
  label: string
  before: string
  after: string
}

/** Every field that differs, in the page's order. */
export function settingChanges (before: Settings, after: Settings): SettingChange[] {
  return SETTING_FIELDS.flatMap((f): SettingChange[] => {
    if (f.kind === 'ageStructure') {
      // Per area, so the record says whose figures changed.
      const areas = [...new Set([...Object.keys(before.ageStructure), ...Object.keys(after.ageStructure)])].sort()
      return areas.filter((a) => JSON.stringify(before.ageStructure[a]) !== JSON.stringify(after.ageStructure[a])).map((a) => ({
        path: f.path, label: `年龄结构（${a || '全市'}）`, before: ageStructureText(before.ageStructure[a]), after: ageStructureText(after.ageStructure[a])
      }))
    }
    const a = settingValue(before, f.path)
    const b = settingValue(after, f.path)
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path: f.path, label: f.label, before: settingText(f, a), after: settingText(f, b) }]
  })
}

/** The audit list's line: 每小时上报上限 10 条 → 5 条；… (the first few, then how many more). */
export function changesSummary (changes: readonly SettingChange[], shown = 3): string {
  if (changes.length === 0) return '未改动任何设置'
  const head = changes.slice(0, shown).map((c) => `${c.label} ${c.before} → ${c.after}`).join('；')
  return changes.length > shown ? `${head}；等 ${changes.length} 项` : head
}

/** One saved version of the settings; version 0 (never stored) is the defaults. Every version is kept. */
export interface SettingsVersion {
  /** `settings-v<version>`: one record per version, so two saves from the same version cannot both land. */
  id: string
  version: number
  settings: Settings
  savedAt: string
  savedBy: string
  reason: string
  changes: SettingChange[]
}

export const settingsVersionId = (version: number): string => `settings-v${String(version).padStart(6, '0')}`

/**
 * A stored document over the composition's base (DEFAULT_SETTINGS or a test's): a field added to Settings after a
 * version was saved reads its default, so an old document never leaves a handler with `undefined`.
 */
export function resolveSettings (stored: Settings | null | undefined, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!stored) return base
  return {
    ...base,
    ...stored,
    targets: { ...base.targets, ...stored.targets },
    ageStructure: stored.ageStructure ?? base.ageStructure,
    volunteer: { ...base.volunteer, ...stored.volunteer, issuer: { ...base.volunteer.issuer, ...stored.volunteer?.issuer } }
  }
}

/** admin.settings: the settings in force, their version, and the last changes (修改记录) with who made them. */
export interface SettingsView {
  /** The version a save must name as expectedVersion (0: the defaults, never saved). */
  version: number
  settings: Settings
  history: SettingsChangeView[]
}

export interface SettingsChangeView {
  version: number
  savedAt: string
  /** The person's name as the office knows them. */
  savedBy: string
  reason: string
  changes: SettingChange[]
}

/** How many of the last changes admin.settings lists. */
export const SETTINGS_HISTORY = 20
