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
}

export const DEFAULT_SETTINGS: Settings = {
  verifyWindowDays: 3,
  adminVerifyAfterDays: 2,
  reopenWindowDays: 7,
  reportsPerHour: 10,
  reportsPerDay: 30,
  targets: { awareness: 0.8, support: 0.8, satisfaction: 0.9, volunteerRegistration: 0.08 }
}
