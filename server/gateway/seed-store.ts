import { ALL_METRICS, recountAll } from '../../core/indicators/recount'
import { buildDemoCity } from '../seed/demo'
import type { Store } from '../ports/store'

/**
 * Write the demo city through the store port, so every adapter can be seeded the same way. The rows go in as they
 * are, then the indicator aggregates are built from them in one step by the rules every write applies (recountAll).
 */
export async function seedDemoCity (store: Store, nowIso: string): Promise<void> {
  const city = buildDemoCity(nowIso)
  await store.putGrids(city.grids)
  await store.putCategories(city.categories)
  for (const u of city.users) await store.putUser(u)
  await store.importTickets(city.tickets, city.ticketEvents)
  for (const e of city.events) await store.putEvent(e)
  for (const v of city.volunteers) await store.registerVolunteer(v)
  // Held events' attendance: the seat through the seat rule, then the record as it ended.
  const signups = []
  for (const s of city.signups) {
    const { signup } = await store.takeSeat(s)
    if (!signup) continue
    const next = { ...s, status: signup.status, version: signup.version + 1 }
    if (await store.updateSignup(next, signup.version)) signups.push(next)
  }
  for (const s of city.surveys) await store.putSurvey(s)
  const codeOf = new Map(city.grids.map((g) => [g.id, g.code]))
  const gridCodeOf = (id: string | null | undefined) => (id ? codeOf.get(id) ?? null : null)
  const responses = city.responses.map((r) => ({ ...r, areaCode: gridCodeOf(r.gridId) }))
  for (const r of responses) await store.addResponse(r, null)
  const { cells, marks } = recountAll({
    surveys: new Map(city.surveys.map((s) => [s.id, s])), responses, tickets: city.tickets, signups, volunteers: city.volunteers, gridCodeOf
  })
  await store.replaceAggregates(ALL_METRICS, cells, marks)
}
