import type { Grid, User } from '../../core/types'
import { gridCentroid } from './grids'
import { personName } from './names'
import { rngFor } from './prng'
import { addDays } from './time'

/**
 * Demo users and the grid ↔ manager assignment. Every grid gets exactly one manager, each manager 4–10
 * neighbouring grids of one street (a street's grids are in code order, i.e. community by community, so
 * a chunk is a contiguous patch), except UNMANAGED_COUNT grids in the far south left without one on
 * purpose: reports there must fall back to the admin triage queue (属地兜底).
 */

export const UNMANAGED_COUNT = 3
const GRIDS_PER_MANAGER = 7

/** Fixed demo-login accounts (the local gateway's dev login offers these). */
export const DEMO_ACCOUNTS = {
  citizen: { id: 'u-citizen', openid: 'dev-citizen', nickname: '张阿姨' },
  volunteer: { id: 'u-volunteer', openid: 'dev-volunteer', nickname: '李志愿' },
  organizer: { id: 'u-organizer', openid: 'dev-organizer', nickname: '王组织' },
  grid_manager: { id: 'u-grid', openid: 'dev-grid', nickname: '赵网格' },
  admin: { id: 'u-admin', openid: 'dev-admin', nickname: '文明办刘主任' }
} as const

export const RESIDENT_COUNT = 60

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

/** The grids deliberately left without a manager: the southernmost ones. */
export function pickUnmanaged (grids: readonly Grid[]): Set<string> {
  const bySouth = grids.slice().sort((a, b) => gridCentroid(a).lat - gridCentroid(b).lat)
  return new Set(bySouth.slice(0, UNMANAGED_COUNT).map((g) => g.id))
}

/** Chunks of 4–10 grids, never crossing a street unless a street has fewer than 4 managed grids. */
export function managerGroups (grids: readonly Grid[], unmanaged: ReadonlySet<string>): Grid[][] {
  const pools: Grid[][] = []
  for (const g of grids) {
    if (unmanaged.has(g.id)) continue
    const last = pools[pools.length - 1]
    if (last && last[0].street === g.street) last.push(g)
    else pools.push([g])
  }
  // A street too small for a manager of its own shares one with the street before (or after) it.
  for (let i = 0; i < pools.length; i++) {
    if (pools[i].length >= 4 || pools.length === 1) continue
    const into = i > 0 ? i - 1 : i + 1
    pools[into] = into < i ? pools[into].concat(pools[i]) : pools[i].concat(pools[into])
    pools.splice(i, 1)
    i = -1
  }
  const groups: Grid[][] = []
  for (const pool of pools) {
    const k = Math.max(1, Math.round(pool.length / GRIDS_PER_MANAGER))
    for (let c = 0; c < k; c++) {
      groups.push(pool.slice(Math.floor((c * pool.length) / k), Math.floor(((c + 1) * pool.length) / k)))
    }
  }
  return groups
}

export interface PeopleAndGrids {
  users: User[]
  grids: Grid[]
  unmanagedGridIds: string[]
  residents: User[]
}

/** Builds every demo user and returns the grids with managerIds filled in (inputs are not mutated). */
export function buildUsers (gridsIn: readonly Grid[], nowIso: string): PeopleAndGrids {
  const unmanaged = pickUnmanaged(gridsIn)
  const groups = managerGroups(gridsIn, unmanaged)
  const managerOf = new Map<string, string>()
  const users: User[] = []
  const joined = (days: number): string => addDays(nowIso, -days)
  const names = rngFor('names:managers')

  groups.forEach((group, i) => {
    const first = i === 0
    const id = first ? DEMO_ACCOUNTS.grid_manager.id : `u-gm-${pad(i + 1, 3)}`
    for (const g of group) managerOf.set(g.id, id)
    users.push({
      id,
      openid: first ? DEMO_ACCOUNTS.grid_manager.openid : `seed-gm-${pad(i + 1, 3)}`,
      nickname: first ? DEMO_ACCOUNTS.grid_manager.nickname : personName(names),
      roles: ['citizen', 'grid_manager'],
      gridIds: group.map((g) => g.id),
      homeGridId: group[0].id,
      createdAt: joined(180 - i)
    })
  })
  const grids = gridsIn.map((g) => {
    const m = managerOf.get(g.id)
    return { ...g, polygon: g.polygon.map(([x, y]) => [x, y] as [number, number]), managerIds: m ? [m] : [] }
  })

  const home = (key: string): string => grids[Math.floor(rngFor(`home:${key}`)() * grids.length)].id
  const person = (id: string, openid: string, nickname: string, roles: User['roles'], days: number, homeGridId?: string): User =>
    ({ id, openid, nickname, roles, gridIds: [], homeGridId: homeGridId ?? home(id), createdAt: joined(days) })
  const gridHome = groups[0][1]?.id ?? groups[0][0].id
  const A = DEMO_ACCOUNTS
  users.unshift(
    person(A.admin.id, A.admin.openid, A.admin.nickname, ['citizen', 'admin'], 200),
    person('u-admin-2', 'seed-admin-2', '文明办陈干事', ['citizen', 'admin'], 190),
    person(A.organizer.id, A.organizer.openid, A.organizer.nickname, ['citizen', 'organizer'], 150),
    person(A.volunteer.id, A.volunteer.openid, A.volunteer.nickname, ['citizen', 'volunteer'], 120),
    person('u-volunteer-2', 'seed-volunteer-2', '周晓雯', ['citizen', 'volunteer'], 110),
    person('u-volunteer-3', 'seed-volunteer-3', '黄志刚', ['citizen', 'volunteer'], 95),
    // 张阿姨 lives in 赵网格's patch, so her reports land in his inbox.
    person(A.citizen.id, A.citizen.openid, A.citizen.nickname, ['citizen'], 90, gridHome),
    person('u-citizen-2', 'seed-citizen-2', '陈师傅', ['citizen'], 80),
    person('u-citizen-3', 'seed-citizen-3', '刘先生', ['citizen'], 70),
    person('u-citizen-4', 'seed-citizen-4', '杨女士', ['citizen'], 65),
    person('u-citizen-5', 'seed-citizen-5', '吴大爷', ['citizen'], 62)
  )

  // Survey respondents, spread over the grids in a fixed stride so every street is sampled.
  const residentNames = rngFor('names:residents')
  const residents: User[] = []
  for (let i = 0; i < RESIDENT_COUNT; i++) {
    const id = `u-resident-${pad(i + 1, 3)}`
    const homeGridId = grids[(i * 37 + 5) % grids.length].id
    residents.push(person(id, `seed-resident-${pad(i + 1, 3)}`, personName(residentNames), ['citizen'], 40 + (i % 20), homeGridId))
  }
  return { users: users.concat(residents), grids, unmanagedGridIds: [...unmanaged].sort(), residents }
}
