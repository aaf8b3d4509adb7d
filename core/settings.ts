import type { AgeStructure } from './indicators/age'
/** Settings an admin can change; these are the defaults (figures marked unconfirmed in DOMAIN.md live here). */
export interface Settings {
  /** Days a reporter has to verify a resolved ticket before the timer closes it as fixed. */
  verifyWindowDays: number
  /** Days after which a resolved ticket the reporter has not verified shows in the office's verification queue. */
  adminVerifyAfterDays: number
  /** Days after closing in which the reporter may reopen. */
  reopenWindowDays: number
  reportsPerHour: number
  reportsPerDay: number
  /** Indicator targets: the one place they are defined (figures seen in practice, unconfirmed: DOMAIN.md). */
  targets: { awareness: number; support: number; satisfaction: number; volunteerRegistration: number }
  /** Below this many respondents an area's survey rate shows 样本不足: never ranked, never coloured. */
  minSample: number
  /**
   * Residents per surveyed age band, by area code ('' the city, or a district/street/community/grid code), entered by
   * the office from census figures: where an area has one, its survey rates also show an age-weighted rate.
   */
  ageStructure: Record<string, AgeStructure>
  /** Hours a desktop sign-in (scan to sign in) stays open unused; each use moves the end on by as much. */
  sessionIdleHours: number
  volunteer: VolunteerSettings
}

/** How volunteer service is run and counted (DOMAIN.md "Volunteer service": practice differs by city and issuer). */
export interface VolunteerSettings {
  /** Hours a waitlisted person has to confirm an offered place before it passes on. */
  offerHours: number
  /** Whether a freed place is offered on the event's own (local) day; off by default, as most platforms do. */
  promoteOnEventDay: boolean
  /** Below this share of the event's length attended, no hours are earned. */
  minAttendShare: number
  /** Most hours one event can earn a person (some city schemes cap it); null for no cap beyond its length. */
  maxHoursPerEvent: number | null
  /** Position check-in: how near the event's point (metres). */
  checkinRadiusM: number
  /** Check-in opens this many minutes before the start (hours still count only inside the event window). */
  checkinEarlyMinutes: number
  /** Check-out stays open this many minutes after the end. */
  checkoutLateMinutes: number
  /** The check-in QR code changes this often; a code is accepted in its own period and the one after. */
  qrRotateSeconds: number
  /** Hours for 1★, 2★ …: one province's scheme by default; 志愿北京 uses 100/200/500/800/1,000. */
  starThresholds: number[]
  /** How long a completed training counts as a qualification. */
  trainingValidMonths: number
  /** The bulletin's rule: every unit runs at least this many trainings a year. */
  trainingsPerYear: number
  /** Who issues 志愿服务记录证明 ("谁记录谁证明"). */
  issuer: { organisation: string; personInCharge: string; handler: string; contact: string }
}

export const DEFAULT_SETTINGS: Settings = {
  verifyWindowDays: 3,
  adminVerifyAfterDays: 2,
  reopenWindowDays: 7,
  reportsPerHour: 10,
  reportsPerDay: 30,
  targets: { awareness: 0.8, support: 0.8, satisfaction: 0.9, volunteerRegistration: 0.08 },
  minSample: 30,
  ageStructure: {},
  sessionIdleHours: 8,
  volunteer: {
    offerHours: 4,
    promoteOnEventDay: false,
    minAttendShare: 0.6,
    maxHoursPerEvent: 8,
    checkinRadiusM: 300,
    checkinEarlyMinutes: 30,
    checkoutLateMinutes: 60,
    qrRotateSeconds: 30,
    starThresholds: [100, 300, 600, 1000, 1500],
    trainingValidMonths: 24,
    trainingsPerYear: 2,
    issuer: { organisation: '雨花区新时代文明实践中心', personInCharge: '刘建国', handler: '陈晓', contact: '0731-85880000' }
  }
}
