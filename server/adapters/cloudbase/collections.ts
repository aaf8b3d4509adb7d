/** Collection names (before the optional prefix). One place, so README, setup and queries agree. */
export const COLLECTIONS = {
  users: 'users',
  /** openid → { userId }: one user per openid, the reservation a first-time caller goes through (users.ts). */
  userOpenids: 'user_openids',
  /** `${set}:${gridId}` → Grid + `set`: every version's grids, one set per version (directory.ts). */
  grids: 'grids',
  /** version number (`v000003`) → GridVersionRecord + `set`: every grid version. */
  gridVersions: 'grid_versions',
  /** 'active' → { version, set, at }: the one pointer routing follows; flipping it is a version switch's commit point. */
  gridActive: 'grid_active',
  /** grid id → Grid: grids no version in use has any more (the names of tickets routed to them). */
  gridsRetired: 'grids_retired',
  categories: 'categories',
  tickets: 'tickets',
  /** `${reporterId}:${clientRequestId}` → { ticketId, state, attempt }: the reservation a filing goes through (tickets.ts). */
  ticketKeys: 'ticket_keys',
  ticketEvents: 'ticket_events',
  /** `${ticketId}:${userId}` → { ticketId, userId, at, by? }: one follow per person per ticket (`by`: the unit that carried it). */
  ticketFollowers: 'ticket_followers',
  events: 'events',
  /** `${eventId}:${userId}` → Signup: one per person per event, live or not (core's signupId). */
  signups: 'signups',
  /** userId → VolunteerProfile: one registration per person (the first writer's stands). */
  volunteers: 'volunteers',
  /** certificate number → Certificate: numbers come from a counter, a duplicate add is refused. */
  certificates: 'certificates',
  surveys: 'surveys',
  responses: 'responses',
  messages: 'messages',
  /** file id → PhotoReview: content-safety status of an uploaded photo (see server/ports/content-check.ts). */
  photoReviews: 'photo_reviews',
  /** key id → PartnerKey: Open311 API keys, found by their `hash` field (api-keys.ts; the key itself is never stored). */
  apiKeys: 'api_keys',
  /** entry id → AuditEntry: the office's audit list (audit.ts), newest first by `at`. */
  audit: 'audit',
  /** token hash → Session: dev-login and desktop sessions (sessions.ts). */
  sessions: 'sessions',
  /** request id → SignInRequest: desk sign-in requests (signin-requests.ts), moved by a compare-and-set on `state`. */
  signinRequests: 'signin_requests',
  /** version id (`settings-v000007`) → SettingsVersion: every saved version of the office's settings, newest by `version`. */
  settingsVersions: 'settings_versions',
  counters: 'counters',
  /** `${metric}|${area}|${day}#${shard}` → an indicator aggregate cell's share (aggregates.ts). */
  aggregates: 'aggregates',
  /**
   * `${metric}|${area}|${day}|${member}` → a member of a distinct count (counted once); `unit|${id}` → a unit whose
   * cells were added (so a flush that runs twice adds them once).
   */
  aggregateMembers: 'aggregate_members'
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(COLLECTIONS)
