import type { Category } from '../types'
import { attributesFor } from './attributes'
import type { Open311Service, Open311ServiceDefinition } from './types'

/**
 * Categories as Open311 services. A service is what a resident can report: an active second-level category
 * (core/tickets/filing.ts reportableCategory), its code the service_code. Tickets of a category that was switched
 * off later still carry its code in GET requests; only the list and POST leave it out.
 */

const KIND_LABEL: Record<Category['kind'], string> = { component: '部件', event: '事件' }

/** The category a POST or GET services/{code} names, if it can be reported. */
export function serviceCategory (categories: readonly Category[], code: string): Category | undefined {
  return categories.find((c) => c.code === code && c.level === 2 && c.active)
}

/**
 * The group a service is listed under: its first-level category's name. CJ/T 214 has the same group name under both
 * kinds (市容环境 is a 部件 group and an 事件 group); where two groups share a name the kind is added, so a client
 * that groups by this field keeps them apart.
 */
export function groupNames (categories: readonly Category[]): Map<string, string> {
  const groups = categories.filter((c) => c.level === 1)
  const count = new Map<string, number>()
  for (const g of groups) count.set(g.name, (count.get(g.name) ?? 0) + 1)
  return new Map(groups.map((g) => [g.code, (count.get(g.name) ?? 0) > 1 ? `${g.name}（${KIND_LABEL[g.kind]}）` : g.name]))
}

export function toService (c: Category, group: string): Open311Service {
  return {
    service_code: c.code,
    service_name: c.name,
    description: `${KIND_LABEL[c.kind]}·${group}：${c.name}。责任单位：${c.department}，工作时限 ${c.timeLimitHours} 小时。`,
    metadata: attributesFor(c).length > 0,
    type: 'realtime',
    keywords: [c.name, group, KIND_LABEL[c.kind], c.department].join(', '),
    group
  }
}

/** GET services: every reportable category, in code order. */
export function serviceList (categories: readonly Category[]): Open311Service[] {
  const groups = groupNames(categories)
  return categories
    .filter((c) => c.level === 2 && c.active)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((c) => toService(c, groups.get(c.parentCode ?? '') ?? '其他'))
}

/** GET services/{code}. */
export function serviceDefinition (c: Category): Open311ServiceDefinition {
  return { service_code: c.code, attributes: attributesFor(c) }
}
