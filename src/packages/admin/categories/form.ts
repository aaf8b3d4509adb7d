import { categoryCodeShape, categoryInput, type CategoryInput } from '../../../../core/categories'
import type { Category, CategoryKind } from '../../../../core/types'

/** The edit form as typed: numbers as the text in their fields, so an empty field is refused instead of read as 0. */
export interface CategoryForm {
  create: boolean
  code: string
  kind: CategoryKind
  name: string
  icon: string
  timeLimitHours: string
  department: string
  duplicateRadiusM: string
  allowAnonymous: boolean
  active: boolean
}

export type FormField = keyof CategoryForm | 'parentCode'
export type FormErrors = Partial<Record<FormField, string>>

export interface Group { category: Category; items: Category[] }

/** 大类 in code order, each with its 小类; a 小类 whose 大类 is missing is listed under a group of its own code. */
export function groupsOf (categories: readonly Category[]): Group[] {
  const byCode = (a: Category, b: Category) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  const groups = categories.filter((c) => c.level === 1).sort(byCode).map((category) => ({ category, items: [] as Category[] }))
  const index = new Map(groups.map((g) => [g.category.code, g]))
  for (const c of [...categories].filter((x) => x.level === 2).sort(byCode)) index.get(c.parentCode ?? '')?.items.push(c)
  return groups
}

export function formOf (c: Category): CategoryForm {
  return {
    create: false, code: c.code, kind: c.kind, name: c.name, icon: c.icon, timeLimitHours: String(c.timeLimitHours),
    department: c.department, duplicateRadiusM: String(c.duplicateRadiusM), allowAnonymous: c.allowAnonymous, active: c.active
  }
}

/** The first unused two-digit code after the highest in use: '01' … (部件), 'E01' … (事件), or under a 大类. */
export function nextCode (categories: readonly Category[], parent: Category | null, kind: CategoryKind): string {
  const prefix = parent ? (parent.kind === 'event' ? `${parent.code}-` : parent.code) : (kind === 'event' ? 'E' : '')
  const used = categories.filter((c) => c.code.startsWith(prefix) && categoryCodeShape(c.code)?.level === (parent ? 2 : 1))
    .map((c) => Number(c.code.slice(prefix.length))).filter(Number.isFinite)
  const n = Math.min(99, (used.length ? Math.max(...used) : 0) + 1)
  return `${prefix}${String(n).padStart(2, '0')}`
}

/** A new 大类 starts like the seed's groups; a new 小类 takes its 大类's limits as the starting point. */
export function blankForm (categories: readonly Category[], parent: Category | null, kind: CategoryKind = 'component'): CategoryForm {
  return {
    create: true,
    code: nextCode(categories, parent, parent?.kind ?? kind),
    kind: parent?.kind ?? kind,
    name: '',
    icon: parent ? '' : '📁',
    timeLimitHours: String(parent?.timeLimitHours ?? 72),
    department: parent?.department ?? '',
    duplicateRadiusM: String(parent?.duplicateRadiusM ?? 50),
    allowAnonymous: parent?.allowAnonymous ?? true,
    active: true
  }
}

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()))

/** What the form sends (admin.saveCategory): level and 大类 follow from the code, as the server reads them. */
export function inputOf (f: CategoryForm): CategoryInput {
  const code = f.code.trim()
  return {
    create: f.create,
    code,
    parentCode: categoryCodeShape(code)?.parentCode ?? null,
    kind: categoryCodeShape(code)?.kind ?? f.kind,
    name: f.name,
    icon: f.icon,
    timeLimitHours: numberOf(f.timeLimitHours),
    department: f.department,
    duplicateRadiusM: numberOf(f.duplicateRadiusM),
    allowAnonymous: f.allowAnonymous,
    active: f.active
  }
}

/** Checked with the server's own schema: the input, or the first message by its field. */
export function checkForm (f: CategoryForm): { ok: true; input: CategoryInput } | { ok: false; errors: FormErrors; first: string } {
  const parsed = categoryInput.safeParse(inputOf(f))
  if (parsed.success) return { ok: true, input: parsed.data }
  const issue = parsed.error.issues[0]
  const field = (issue.path[0] === 'kind' || issue.path[0] === 'parentCode' ? 'code' : issue.path[0]) as FormField
  return { ok: false, errors: { [field]: issue.message }, first: issue.message }
}

/** One line about a category's handling, as the list shows it. */
export function factsOf (c: Category): string {
  const hours = c.timeLimitHours % 24 === 0 && c.timeLimitHours >= 48 ? `${c.timeLimitHours / 24} 天` : `${c.timeLimitHours} 小时`
  return [`时限 ${hours}`, c.department, `重复提示 ${c.duplicateRadiusM} 米`, c.allowAnonymous ? '' : '须实名'].filter(Boolean).join(' · ')
}
