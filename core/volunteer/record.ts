import type { VolunteerSettings } from '../settings'
import type { Certificate, Signup, VolunteerEvent, VolunteerTopic } from '../types'
import { countedHours, roundHours } from './attendance'

/** A person's signups with their events, as the record is built from. */
export interface SignupWithEvent {
  signup: Signup
  event: VolunteerEvent
}

export interface StarProgress {
  /** 0 … thresholds.length */
  stars: number
  hours: number
  /** Hours of the next star, null at the top. */
  nextAt: number | null
  toNext: number | null
  /** Share of the way from this star's threshold to the next (0 … 1); 1 at the top. */
  share: number
}

/** Star level by confirmed hours against the settings' table (thresholds ascending). */
export function starProgress (hours: number, thresholds: readonly number[]): StarProgress {
  const stars = thresholds.filter((t) => hours >= t).length
  const nextAt = stars < thresholds.length ? thresholds[stars] : null
  const from = stars === 0 ? 0 : thresholds[stars - 1]
  return {
    stars,
    hours,
    nextAt,
    toNext: nextAt === null ? null : roundHours(nextAt - hours),
    share: nextAt === null ? 1 : Math.max(0, Math.min(1, (hours - from) / (nextAt - from)))
  }
}

export interface TrainingHeld {
  topic: VolunteerTopic
  title: string
  completedAt: string
  expiresAt: string
  valid: boolean
}

/** The same day `months` later, or the month's last day when it has no such day (29 Feb + 24 months → 28 Feb). */
const addMonths = (iso: string, months: number): string => {
  const d = new Date(iso)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString()
}

/** Trainings completed (hours confirmed on a training event), newest first, with expiry. */
export function trainingsHeld (rows: readonly SignupWithEvent[], nowIso: string, s: Pick<VolunteerSettings, 'trainingValidMonths'>): TrainingHeld[] {
  return rows
    .filter((r) => r.event.kind === 'training' && r.signup.status === 'confirmed' && r.signup.hoursConfirmedAt !== null && !r.signup.noShow)
    .map((r) => {
      const expiresAt = addMonths(r.event.endAt, s.trainingValidMonths)
      return { topic: r.event.topic, title: r.event.title, completedAt: r.event.endAt, expiresAt, valid: Date.parse(expiresAt) > Date.parse(nowIso) }
    })
    .sort((a, b) => b.completedAt.localeCompare(a.completedAt))
}

/** Required training topics the person does not hold (valid at the event's start), in the event's order. */
export function missingTrainings (event: Pick<VolunteerEvent, 'requiredTrainings' | 'startAt'>, held: readonly TrainingHeld[]): VolunteerTopic[] {
  return event.requiredTrainings.filter((topic) =>
    !held.some((t) => t.topic === topic && Date.parse(t.expiresAt) > Date.parse(event.startAt)))
}

export function missingTrainingMessage (missing: readonly VolunteerTopic[]): string {
  return `报名本活动需要先完成「${missing.join('」「')}」培训（有效期内），请先报名相应培训`
}

export interface Reliability {
  /** Events over and not cancelled that the person held a seat for. */
  signedUp: number
  attended: number
  /** attended / signedUp; null before any such event. */
  share: number | null
}

/** 守约率: shown to the volunteer (with an appeal), never a permanent public mark. */
export function reliability (rows: readonly SignupWithEvent[], nowIso: string): Reliability {
  const over = rows.filter((r) => r.signup.status === 'confirmed' && r.event.status === 'published' && Date.parse(r.event.endAt) <= Date.parse(nowIso))
  const attended = over.filter((r) => r.signup.checkInAt !== null && !r.signup.noShow).length
  return { signedUp: over.length, attended, share: over.length === 0 ? null : attended / over.length }
}

export interface HoursTotals {
  earned: number
  manual: number
  total: number
  /** Check-outs the organiser has not confirmed yet (not counted). */
  pending: number
  serviceCount: number
}

export function hoursTotals (rows: readonly SignupWithEvent[]): HoursTotals {
  let earned = 0
  let manual = 0
  let pending = 0
  let serviceCount = 0
  for (const { signup } of rows) {
    const h = countedHours(signup)
    earned += h.earned
    manual += h.manual
    if (h.earned + h.manual > 0) serviceCount++
    if (signup.status === 'confirmed' && signup.hoursConfirmedAt === null && signup.earnedHours !== null) pending += signup.earnedHours
  }
  const r = (x: number) => Math.round(x * 10) / 10
  return { earned: r(earned), manual: r(manual), total: r(earned + manual), pending: r(pending), serviceCount }
}

/** What a certificate states, from the confirmed record (unconfirmed hours are not certified). */
export function certificateStatement (rows: readonly SignupWithEvent[]): Pick<Certificate, 'earnedHours' | 'manualHours' | 'serviceCount' | 'firstServiceAt' | 'lastServiceAt' | 'topics' | 'records'> {
  const counted = rows
    .map((r) => ({ ...r, h: countedHours(r.signup) }))
    .filter((r) => r.h.earned + r.h.manual > 0)
    .sort((a, b) => a.event.startAt.localeCompare(b.event.startAt))
  const totals = hoursTotals(counted)
  const topics = [...new Set(counted.map((r) => r.event.topic))]
  return {
    earnedHours: totals.earned,
    manualHours: totals.manual,
    serviceCount: counted.length,
    firstServiceAt: counted[0]?.event.startAt ?? null,
    lastServiceAt: counted[counted.length - 1]?.event.startAt ?? null,
    topics,
    records: counted.map((r) => ({
      title: r.event.title, kind: r.event.kind, topic: r.event.topic, date: r.event.startAt,
      hours: Math.round((r.h.earned + r.h.manual) * 10) / 10, manual: r.h.manual > 0
    }))
  }
}

export interface OrgReport {
  year: number
  trainingsHeld: number
  trainingsRequired: number
  trainingsMet: boolean
  /** Distinct people with a confirmed training, by topic. */
  trainedByTopic: Array<{ topic: VolunteerTopic; people: number }>
  /** Attended signups on service events (人次). */
  personTimes: number
  volunteers: number
  peopleServed: number
  hours: number
  events: number
  cancelled: number
}

/** The figures the bulletin reports, for events starting in the year (China time). */
export function orgReport (
  year: number,
  events: readonly VolunteerEvent[],
  signups: readonly Signup[],
  nowIso: string,
  s: Pick<VolunteerSettings, 'trainingsPerYear'>
): OrgReport {
  const inYear = events.filter((e) => new Date(Date.parse(e.startAt) + 8 * 3_600_000).getUTCFullYear() === year)
  const held = inYear.filter((e) => e.status === 'published' && Date.parse(e.endAt) <= Date.parse(nowIso))
  const heldIds = new Set(held.map((e) => e.id))
  const byId = new Map(held.map((e) => [e.id, e]))
  const attended = signups.filter((x) => heldIds.has(x.eventId) && x.status === 'confirmed' && x.checkInAt !== null && !x.noShow)
  const trainings = held.filter((e) => e.kind === 'training')
  const trained = new Map<VolunteerTopic, Set<string>>()
  let hours = 0
  for (const x of attended) {
    const e = byId.get(x.eventId)!
    const h = countedHours(x)
    hours += h.earned + h.manual
    if (e.kind === 'training' && x.hoursConfirmedAt !== null) {
      const set = trained.get(e.topic) ?? new Set<string>()
      set.add(x.userId)
      trained.set(e.topic, set)
    }
  }
  const service = attended.filter((x) => byId.get(x.eventId)!.kind === 'service')
  return {
    year,
    trainingsHeld: trainings.length,
    trainingsRequired: s.trainingsPerYear,
    trainingsMet: trainings.length >= s.trainingsPerYear,
    trainedByTopic: [...trained.entries()].map(([topic, people]) => ({ topic, people: people.size })).sort((a, b) => b.people - a.people),
    personTimes: service.length,
    volunteers: new Set(attended.map((x) => x.userId)).size,
    peopleServed: held.reduce((n, e) => n + (e.servedCount ?? 0), 0),
    hours: Math.round(hours * 10) / 10,
    events: held.length,
    cancelled: inYear.filter((e) => e.status === 'cancelled').length
  }
}
