import type { AggregateStore } from './aggregates'
import type { AuditStore } from './audit'
import type { SessionStore } from './sessions'
import type { SignInStore } from './signin-requests'
import type { CategoryStore } from './categories'
import type { SettingsStore } from './settings'
import type { ApiKeyStore } from './api-keys'
import type { CounterStore } from './counters'
import type { DirectoryStore } from './directory'
import type { FollowerStore } from './followers'
import type { MessageStore } from './messages'
import type { PhotoReviewStore } from './photo-reviews'
import type { SurveyStore } from './surveys'
import type { TicketStore } from './tickets'
import type { UserStore } from './users'
import type { UserChangeStore } from './user-changes'
import type { VolunteerStore } from './volunteer'

export type { AuditStore, SessionStore, SignInStore }
export type { CategoryStore, SettingsStore }
export type { AggregateStore, ApiKeyStore, CounterStore, DirectoryStore, FollowerStore, MessageStore, PhotoReviewStore, SurveyStore, TicketStore, UserStore, VolunteerStore }
export type { PageQuery } from './paging'
export type { FilingResult, ReportFiling, TicketChange, TicketFilter } from './tickets'
export type { SeatOutcome } from './volunteer'

/**
 * The whole store: one port per aggregate, each adapter implementing every one in a file of the same name
 * (adapters/<sqlite|cloudbase>/<seam>.ts). Every list is paged (CloudBase returns at most 100 records a call).
 */
export interface Store extends UserStore, DirectoryStore, TicketStore, FollowerStore, PhotoReviewStore,
  VolunteerStore, SurveyStore, MessageStore, CounterStore, AggregateStore, ApiKeyStore, AuditStore,
  SettingsStore, CategoryStore, UserChangeStore, SessionStore, SignInStore {
  close (): Promise<void>
}
