import { saveEventInput, type SaveEventInput } from '../../../../core/volunteer/schemas'
import type { EventKind, GcjPoint, VolunteerEvent, VolunteerTopic } from '../../../../core/types'
import { chinaDate, chinaInstant, chinaTime } from '../organize/event-format'

/** The event form as the organiser fills it: dates and times as the Pickers give them (China time), capacity as typed. */
export interface EventForm {
  kind: EventKind
  title: string
  description: string
  topic: VolunteerTopic | null
  servingTarget: string
  requiredTrainings: VolunteerTopic[]
  address: string
  location: GcjPoint | null
  /** Where it came from, kept as it was (the map picker gives none). */
  placeName: string | null
  gridId: string | null
  date: string
  start: string
  end: string
  capacity: string
  waitlistEnabled: boolean
  deadlineDate: string
  deadlineTime: string
  /** Until the organiser sets the deadline, it follows the start (a day before). */
  deadlineFollowsStart: boolean
}

export type FieldKey = 'kind' | 'title' | 'description' | 'topic' | 'servingTarget' | 'requiredTrainings' | 'address' | 'location' | 'startAt' | 'endAt' | 'capacity' | 'cancelDeadline' | 'waitlistEnabled' | 'gridId'
export type FieldErrors = Partial<Record<FieldKey, string>>

const DAY_MS = 24 * 3_600_000
/** The usual 24 hours before the start for cancelling a signup. */
export const DEFAULT_DEADLINE_MS = DAY_MS
export const DEFAULT_CAPACITY = 20

/** The deadline that follows a start: a day before it, in the Pickers' terms. */
export function deadlineFor (date: string, start: string): { deadlineDate: string; deadlineTime: string } {
  const startAt = chinaInstant(date, start)
  if (!startAt) return { deadlineDate: date, deadlineTime: start }
  const at = new Date(Date.parse(startAt) - DEFAULT_DEADLINE_MS).toISOString()
  return { deadlineDate: chinaDate(at), deadlineTime: chinaTime(at) }
}

/** A new event: tomorrow 09:00–11:00 (China time), 20 places, waitlist on. */
export function blankForm (nowMs: number): EventForm {
  const date = chinaDate(new Date(nowMs + DAY_MS).toISOString())
  return {
    kind: 'service', title: '', description: '', topic: null, servingTarget: '', requiredTrainings: [], address: '',
    location: null, placeName: null, gridId: null, date, start: '09:00', end: '11:00', capacity: String(DEFAULT_CAPACITY),
    waitlistEnabled: true, ...deadlineFor(date, '09:00'), deadlineFollowsStart: true
  }
}

export function formOf (e: VolunteerEvent): EventForm {
  const date = chinaDate(e.startAt)
  const start = chinaTime(e.startAt)
  const follows = Date.parse(e.startAt) - Date.parse(e.cancelDeadline) === DEFAULT_DEADLINE_MS
  return {
    kind: e.kind, title: e.title, description: e.description, topic: e.topic, servingTarget: e.servingTarget,
    requiredTrainings: [...e.requiredTrainings], address: e.address, location: e.location, placeName: null, gridId: e.gridId,
    date, start, end: chinaTime(e.endAt), capacity: String(e.capacity), waitlistEnabled: e.waitlistEnabled,
    deadlineDate: chinaDate(e.cancelDeadline), deadlineTime: chinaTime(e.cancelDeadline), deadlineFollowsStart: follows
  }
}

/** What the form would send, unchecked: the schema (the server's own) decides what is wrong. */
export function rawInput (f: EventForm, id: string | null): Record<string, unknown> {
  return {
    ...(id ? { id } : {}),
    kind: f.kind,
    title: f.title,
    description: f.description,
    topic: f.topic ?? undefined,
    servingTarget: f.servingTarget,
    requiredTrainings: f.kind === 'training' ? [] : f.requiredTrainings,
    address: f.address,
    location: f.location,
    ...(f.gridId ? { gridId: f.gridId } : {}),
    startAt: chinaInstant(f.date, f.start),
    endAt: chinaInstant(f.date, f.end),
    capacity: f.capacity.trim() === '' ? Number.NaN : Number(f.capacity),
    waitlistEnabled: f.waitlistEnabled,
    cancelDeadline: chinaInstant(f.deadlineDate, f.deadlineTime)
  }
}

/** The form checked by saveEventInput: the input to send, or the first message for each field. */
export function checkForm (f: EventForm, id: string | null): { ok: true; input: SaveEventInput } | { ok: false; errors: FieldErrors; first: string } {
  const parsed = saveEventInput.safeParse(rawInput(f, id))
  if (parsed.success) return { ok: true, input: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'title') as FieldKey
    if (!(key in errors)) errors[key] = issue.message
  }
  return { ok: false, errors, first: parsed.error.issues[0]?.message ?? '请检查填写的内容' }
}
