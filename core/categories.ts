import { z } from 'zod'
import type { Category, CategoryKind } from './types'

/**
 * The office's edits to the two-level taxonomy (CJ/T 214: 大类 and 小类 under 部件 and 事件). The code says
 * where a category sits: 部件 大类 '01', its 小类 '0101'; 事件 大类 'E01', its 小类 'E01-01' (the seed's
 * format, server/seed/categories.ts), so level, group and kind follow from it and cannot disagree with it.
 * A ticket copies its deadline and department when it is filed, so an edit here applies to new tickets only.
 */

export const MAX_TIME_LIMIT_HOURS = 90 * 24
export const MAX_DUPLICATE_RADIUS_M = 500

export interface CodeShape { level: 1 | 2; parentCode: string | null; kind: CategoryKind }

/** Level, 大类 and kind a code stands for; null for a code of no known shape. */
export function categoryCodeShape (code: string): CodeShape | null {
  if (/^\d{2}$/.test(code)) return { level: 1, parentCode: null, kind: 'component' }
  if (/^E\d{2}$/.test(code)) return { level: 1, parentCode: null, kind: 'event' }
  if (/^\d{4}$/.test(code)) return { level: 2, parentCode: code.slice(0, 2), kind: 'component' }
  if (/^E\d{2}-\d{2}$/.test(code)) return { level: 2, parentCode: code.slice(0, 3), kind: 'event' }
  return null
}

export const CATEGORY_CODE_HINT = '大类如 01（部件）或 E01（事件），小类在大类代码后加两位：0101、E01-01'

/** The category a code names is stored under this id (as the seed does: 'cat-E02-01'). */
export const categoryIdOf = (code: string): string => `cat-${code}`

const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).min(min, `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`)

/**
 * admin.saveCategory: a new category (`create: true`, its code unused) or an edit of the one with this code
 * (code, level and group stay as they are). Shared with the edit form.
 */
export const categoryInput = z.object({
  create: z.boolean({ error: '请说明是新建还是修改' }),
  code: z.string({ error: '请填写分类代码' }).trim().min(1, '请填写分类代码').max(8, `分类代码格式不对：${CATEGORY_CODE_HINT}`)
    .refine((c) => categoryCodeShape(c) !== null, `分类代码格式不对：${CATEGORY_CODE_HINT}`),
  parentCode: z.string({ error: '所属大类无效' }).trim().max(8, '所属大类无效').nullable(),
  kind: z.enum(['component', 'event'], '类型应为部件或事件'),
  name: text('名称', 2, 20),
  icon: z.string({ error: '请选一个图标' }).trim().min(1, '请选一个图标（一个表情符号，如 🚮）').max(16, '图标只要一个表情符号'),
  timeLimitHours: z.number({ error: '处理时限请填写数字（小时）' }).int('处理时限请填写整数小时')
    .min(1, `处理时限应在 1 小时到 90 天（${MAX_TIME_LIMIT_HOURS} 小时）之间`).max(MAX_TIME_LIMIT_HOURS, `处理时限应在 1 小时到 90 天（${MAX_TIME_LIMIT_HOURS} 小时）之间`),
  department: text('责任部门', 2, 30),
  duplicateRadiusM: z.number({ error: '重复提示范围请填写数字（米）' }).int('重复提示范围请填写整数米')
    .min(0, `重复提示范围应在 0–${MAX_DUPLICATE_RADIUS_M} 米之间`).max(MAX_DUPLICATE_RADIUS_M, `重复提示范围应在 0–${MAX_DUPLICATE_RADIUS_M} 米之间`),
  allowAnonymous: z.boolean({ error: '「允许匿名」应为开或关' }),
  active: z.boolean({ error: '「启用」应为开或关' })
}).superRefine((c, ctx) => {
  const shape = categoryCodeShape(c.code)
  if (!shape) return
  if (shape.parentCode !== c.parentCode) {
    ctx.addIssue({
      code: 'custom',
      path: ['parentCode'],
      message: shape.parentCode ? `小类 ${c.code} 属于大类 ${shape.parentCode}：代码要以所属大类的代码开头` : '大类没有上级：所属大类应留空'
    })
  }
  if (shape.kind !== c.kind) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: shape.kind === 'event' ? '以 E 开头的代码是事件类' : '不以 E 开头的代码是部件类，事件类的代码以 E 开头' })
  }
})
export type CategoryInput = z.infer<typeof categoryInput>

/** The category an input describes (id and level from its code). */
export function categoryFromInput (c: CategoryInput): Category {
  const shape = categoryCodeShape(c.code)
  if (!shape) throw new Error(`category code of no known shape: ${c.code}`)
  return {
    id: categoryIdOf(c.code),
    code: c.code,
    kind: shape.kind,
    level: shape.level,
    parentCode: shape.parentCode,
    name: c.name,
    icon: c.icon,
    timeLimitHours: c.timeLimitHours,
    department: c.department,
    duplicateRadiusM: c.duplicateRadiusM,
    allowAnonymous: c.allowAnonymous,
    active: c.active
  }
}

export type CategoryRefusal = { code: 'VALIDATION' | 'NOT_FOUND'; message: string; field: keyof CategoryInput }

/**
 * Why the taxonomy cannot take this save, or null: a new code must be unused, an edit must name a category; a 小类
 * needs its 大类, and an active one an active 大类 (the report form shows 小类 under their 大类, so one whose 大类 is
 * off would have nowhere to show); a 大类 is switched off only once none of its 小类 is on.
 */
export function categoryRefusal (input: CategoryInput, existing: readonly Category[]): CategoryRefusal | null {
  const byCode = new Map(existing.map((c) => [c.code, c]))
  const current = byCode.get(input.code)
  if (input.create && current) return { code: 'VALIDATION', field: 'code', message: `代码 ${input.code} 已被「${current.name}」使用，请换一个代码` }
  if (!input.create && !current) return { code: 'NOT_FOUND', field: 'code', message: `没有代码为 ${input.code} 的分类，请刷新列表后再改` }
  const shape = categoryCodeShape(input.code)
  if (shape?.parentCode) {
    const parent = byCode.get(shape.parentCode)
    if (!parent || parent.level !== 1) return { code: 'VALIDATION', field: 'parentCode', message: `没有代码为 ${shape.parentCode} 的大类，请先新建这个大类` }
    if (input.active && !parent.active) return { code: 'VALIDATION', field: 'active', message: `大类「${parent.name}」已停用：请先启用大类，再启用其下的小类` }
  } else if (!input.active) {
    const on = existing.filter((c) => c.parentCode === input.code && c.active)
    if (on.length > 0) return { code: 'VALIDATION', field: 'active', message: `「${current?.name ?? input.name}」下还有 ${on.length} 个启用的小类（${on.slice(0, 3).map((c) => c.name).join('、')}${on.length > 3 ? '等' : ''}），请先停用它们` }
  }
  return null
}

const FIELD_LABELS: ReadonlyArray<[keyof Category, string, (v: unknown) => string]> = [
  ['name', '名称', String],
  ['icon', '图标', String],
  ['timeLimitHours', '处理时限', (v) => `${String(v)} 小时`],
  ['department', '责任部门', String],
  ['duplicateRadiusM', '重复提示范围', (v) => `${String(v)} 米`],
  ['allowAnonymous', '允许匿名', (v) => (v ? '是' : '否')],
  ['active', '状态', (v) => (v ? '启用' : '停用')]
]

/** The audit list's line for a save: 新建 小类 E02-05 乱扔烟头 / 修改 E02-01 非法小广告：处理时限 72 小时 → 48 小时. */
export function categorySaveSummary (before: Category | null, after: Category): string {
  const what = `${after.level === 1 ? '大类' : '小类'} ${after.code} ${after.name}`
  if (!before) return `新建 ${what}`
  if (before.active !== after.active) {
    const rest = FIELD_LABELS.filter(([k]) => k !== 'active' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    return `${after.active ? '启用' : '停用'} ${what}${rest.length > 0 ? `，并修改${rest.map(([, l]) => l).join('、')}` : ''}`
  }
  const changed = FIELD_LABELS.filter(([k]) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  if (changed.length === 0) return `保存 ${what}（未改动）`
  return `修改 ${what}：${changed.map(([k, l, f]) => `${l} ${f(before[k])} → ${f(after[k])}`).join('；')}`
}
