import type { Category, Grid, Signup, Survey, SurveyResponse, Ticket, TicketEvent, User, VolunteerEvent, VolunteerProfile } from '../../core/types'
import { buildCategories } from './categories'
import { buildGrids } from './grids'
import { buildResponses, buildSurvey } from './survey'
import { buildTickets } from './tickets'
import { buildUsers } from './users'
import { buildPastSignups, buildVolunteerEvents, buildVolunteerProfiles } from './volunteer-events'

/**
 * The demo city: 长沙市雨花区 with grids, categories, people, tickets, volunteer events and an open survey.
 * Pure and deterministic: the same nowIso always gives the same city (seeded PRNG, no wall clock).
 */

export interface DemoCity {
  grids: Grid[]
  categories: Category[]
  users: User[]
  tickets: Ticket[]
  ticketEvents: TicketEvent[]
  events: VolunteerEvent[]
  /** Held events' signups with attendance and confirmed hours. */
  signups: Signup[]
  volunteers: VolunteerProfile[]
  surveys: Survey[]
  responses: SurveyResponse[]
  /** Grids left without a manager on purpose (reports there go to admin triage). */
  unmanagedGridIds: string[]
}

export function buildDemoCity (nowIso: string): DemoCity {
  if (Number.isNaN(Date.parse(nowIso))) throw new Error(`buildDemoCity: not an ISO time: ${nowIso}`)
  const categories = buildCategories()
  const { users, grids, unmanagedGridIds, residents } = buildUsers(buildGrids(), nowIso)
  const { tickets, ticketEvents } = buildTickets({ nowIso, grids, categories, users, unmanagedGridIds })
  const survey = buildSurvey(nowIso)
  const events = buildVolunteerEvents(nowIso, grids)
  return {
    grids,
    categories,
    users,
    tickets,
    ticketEvents,
    events,
    signups: buildPastSignups(events),
    volunteers: buildVolunteerProfiles(nowIso, grids),
    surveys: [survey],
    responses: buildResponses(nowIso, residents),
    unmanagedGridIds
  }
}

export { buildCategories } from './categories'
export { buildGrids, gridCentroid, gridsBbox, OUTLINE_BBOX } from './grids'
export { DEMO_ACCOUNTS } from './users'
export { YUHUA_ADMIN_CODE, YUHUA_OUTLINE } from './outline'
