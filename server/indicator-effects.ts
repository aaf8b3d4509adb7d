import { NO_EFFECTS, type IndicatorEffects } from '../core/indicators/aggregates'
import { participationMarks, volunteerCells } from '../core/indicators/participation'
import { cellDelta, ticketCells } from '../core/indicators/ticket-cells'
import type { Signup, Ticket } from '../core/types'
import type { Deps } from './deps'
import type { TicketChange } from './ports/tickets'

/**
 * What each write does to the indicators (core's rules, with the grid codes from the directory), handed to the
 * store so it lands in the same unit of work as the write.
 */

export async function gridCodeOf (deps: Deps, gridId: string | null | undefined): Promise<string | null> {
  if (!gridId) return null
  return (await deps.directory.get()).gridsById.get(gridId)?.code ?? null
}

/** A new ticket: its cells, and its reporter's participation where it lies. */
export async function filingEffects (deps: Deps, ticket: Ticket): Promise<IndicatorEffects> {
  const code = await gridCodeOf(deps, ticket.gridId)
  return { cells: ticketCells(ticket, code), marks: participationMarks(ticket.reporterId, code, ticket.createdAt) }
}

/** The ticket as a patch leaves it (keys present but undefined change nothing, as at the store). */
export function patched (before: Ticket, patch: Partial<Ticket>): Ticket {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Ticket>
  return { ...before, ...defined, id: before.id, version: before.version + 1 }
}

/** A workflow step: the difference between the ticket's cells after and before (none when no indicator moves). */
export async function stepEffects (deps: Deps, before: Ticket, patch: Partial<Ticket>): Promise<IndicatorEffects> {
  const after = patched(before, patch)
  const cells = cellDelta(ticketCells(before, await gridCodeOf(deps, before.gridId)), ticketCells(after, await gridCodeOf(deps, after.gridId)))
  return cells.length === 0 ? NO_EFFECTS : { cells, marks: [] }
}

/** A TicketChange for `before` with the step's indicator effects attached. */
export async function changeWithEffects (deps: Deps, before: Ticket, change: Omit<TicketChange, 'effects'>): Promise<TicketChange> {
  return { ...change, effects: await stepEffects(deps, before, change.patch) }
}

export async function registrationCells (deps: Deps, homeGridId: string | null, registeredAt: string) {
  return volunteerCells(await gridCodeOf(deps, homeGridId), registeredAt)
}

/**
 * Attendance written: the first check-in at an event or a training is the volunteer's participation, in the area
 * they live in, on the day they came (nothing for any other change of the record).
 */
export async function attendanceMarks (deps: Deps, before: Signup, next: Signup) {
  if (before.checkInAt !== null || next.checkInAt === null) return []
  const profile = await deps.store.getVolunteer(next.userId)
  return participationMarks(next.userId, await gridCodeOf(deps, profile?.homeGridId ?? null), next.checkInAt)
}
