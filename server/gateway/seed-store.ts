import { responseCells } from '../../core/indicators/aggregates'
import { buildDemoCity } from '../seed/demo'
import type { Store } from '../ports/store'

/** Write the demo city through the store port, so every adapter can be seeded the same way. */
export async function seedDemoCity (store: Store, nowIso: string): Promise<void> {
  const city = buildDemoCity(nowIso)
  await store.putGrids(city.grids)
  await store.putCategories(city.categories)
  for (const u of city.users) await store.putUser(u)
  await store.importTickets(city.tickets, city.ticketEvents)
  for (const e of city.events) await store.putEvent(e)
  for (const v of city.volunteers) await store.registerVolunteer(v)
  // Held events' attendance: the seat through the seat rule, then the record as it ended.
  for (const s of city.signups) {
    const { signup } = await store.takeSeat(s)
    if (signup) await store.updateSignup({ ...s, status: signup.status, version: signup.version + 1 }, signup.version)
  }
  for (const s of city.surveys) await store.putSurvey(s)
  // Each response with the indicator cells it adds, as the answer action writes them.
  const codeOf = new Map(city.grids.map((g) => [g.id, g.code]))
  const questionsOf = new Map(city.surveys.map((s) => [s.id, s.questions]))
  for (const r of city.responses) {
    const code = r.gridId ? codeOf.get(r.gridId) ?? null : null
    await store.addResponse({ ...r, areaCode: code }, null, responseCells(questionsOf.get(r.surveyId) ?? [], r, code))
  }
}
