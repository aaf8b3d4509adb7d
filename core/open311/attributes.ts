import type { Category } from '../types'
import type { Open311Attribute, Open311Error } from './types'

/**
 * Attributes a service asks for (GET services/{code}), derived from the category's own fields, so a city that edits
 * its categories never edits attributes by hand:
 * - 部件 (component) categories ask for the facility's 部件编号, optional: 数字城管 tags every 井盖, 路灯 and
 *   消火栓 with a number plate, and a partner that has it saves the handler a search; most reporters do not.
 * - Categories that must be reported under a real name (allowAnonymous false: noise at night, building work) ask
 *   for the time of day it happens, required: the reason they are not anonymous is that the handler verifies in
 *   that time window (server/seed/categories.ts), so a report without it cannot be checked.
 * Every other category has none, and its `metadata` is false. The values a partner sends are kept in the ticket's
 * description (the ticket has no other field for them), where the handler and the public views see them.
 */

export const COMPONENT_ID = 'component_id'
export const TIME_WINDOW = 'time_window'

const COMPONENT_ID_RE = /^[0-9A-Za-z-]{4,32}$/

const TIME_WINDOWS: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'day', name: '白天（6–22 时）' },
  { key: 'night', name: '夜间（22–6 时）' },
  { key: 'allday', name: '全天' }
]

interface AttributeRule {
  def: Open311Attribute
  /** How the value reads in the ticket's description. */
  label: string
  /** A Chinese refusal for a bad single value, or null when it is fine. */
  check (value: string): string | null
  text (value: string): string
}

const componentId: AttributeRule = {
  def: {
    variable: true,
    code: COMPONENT_ID,
    datatype: 'string',
    required: false,
    datatype_description: '4–32 位字母、数字或短横线，例如 0101-430111-000123',
    order: 1,
    description: '部件编号：井盖、路灯、消火栓等设施上的编号牌；看不到可不填',
    values: []
  },
  label: '部件编号',
  check: (v) => (COMPONENT_ID_RE.test(v) ? null : `属性 attribute[${COMPONENT_ID}]（部件编号）应为 4–32 位字母、数字或短横线，收到「${clip(v)}」`),
  text: (v) => v
}

const timeWindow: AttributeRule = {
  def: {
    variable: true,
    code: TIME_WINDOW,
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 2,
    description: '问题通常发生的时段：网格员会在这个时段到现场核实',
    values: TIME_WINDOWS.map((w) => ({ ...w }))
  },
  label: '发生时段',
  check: (v) => (TIME_WINDOWS.some((w) => w.key === v)
    ? null
    : `属性 attribute[${TIME_WINDOW}]（发生时段）的取值「${clip(v)}」无效，可选：${TIME_WINDOWS.map((w) => `${w.key}（${w.name}）`).join('、')}`),
  text: (v) => TIME_WINDOWS.find((w) => w.key === v)?.name ?? v
}

function clip (s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

function rulesFor (category: Pick<Category, 'kind' | 'allowAnonymous'>): AttributeRule[] {
  const rules: AttributeRule[] = []
  if (category.kind === 'component') rules.push(componentId)
  if (!category.allowAnonymous) rules.push(timeWindow)
  return rules
}

/** The attributes of a category's service, in their `order`. */
export function attributesFor (category: Pick<Category, 'kind' | 'allowAnonymous'>): Open311Attribute[] {
  return rulesFor(category).map((r) => ({ ...r.def, values: r.def.values.map((v) => ({ ...v })) }))
}

/** The attributes a POST sent: `attribute[code]=v` (one value) and `attribute[code][]=v` (each of several). */
export function attributesOf (params: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [name, value] of params) {
    const m = /^attribute\[([^\]]*)\](\[\])?$/.exec(name)
    if (!m) continue
    const values = out.get(m[1]) ?? []
    values.push(value)
    out.set(m[1], values)
  }
  return out
}

export type AttributeCheck = { ok: true; text: string } | { ok: false; error: Open311Error }

const bad = (description: string): AttributeCheck => ({ ok: false, error: { code: 400, description } })

/**
 * The attributes a POST sent, checked against the service's: an unknown code, a required one missing, more than one
 * value for a single-value attribute or a value outside its list is a 400 naming the attribute and what it takes.
 * On success, the text they add to the ticket's description ('' when none were sent).
 */
export function checkAttributes (category: Pick<Category, 'kind' | 'allowAnonymous' | 'code'>, sent: ReadonlyMap<string, readonly string[]>): AttributeCheck {
  const rules = rulesFor(category)
  for (const code of sent.keys()) {
    if (!rules.some((r) => r.def.code === code)) {
      const known = rules.map((r) => r.def.code).join('、')
      return bad(`问题类别 ${category.code} 没有属性 attribute[${clip(code)}]${known ? `，可用的属性：${known}` : '，不需要填写任何属性'}`)
    }
  }
  const parts: string[] = []
  for (const rule of rules) {
    const values = (sent.get(rule.def.code) ?? []).map((v) => v.trim()).filter((v) => v !== '')
    if (values.length === 0) {
      if (rule.def.required) {
        const choices = rule.def.values.length ? `，可选：${rule.def.values.map((v) => v.key).join('、')}` : ''
        return bad(`缺少必填属性 attribute[${rule.def.code}]（${rule.label}）${choices}`)
      }
      continue
    }
    if (values.length > 1) return bad(`属性 attribute[${rule.def.code}]（${rule.label}）只能填一个值，收到 ${values.length} 个`)
    const problem = rule.check(values[0])
    if (problem) return bad(problem)
    parts.push(`${rule.label}：${rule.text(values[0])}`)
  }
  return { ok: true, text: parts.join('；') }
}
