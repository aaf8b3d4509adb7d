import type { z } from 'zod'
import type * as s from './schemas'
import type {
  EventView, EventsView, GridMapView, HeadlineView, IndicatorTableView, TrendView, LocateView, MeView, MessagesView, NearbyView, SignupView, TicketDetailView, TicketView
} from './views'
import type { DispatchOptionView, MergeCandidatesView } from './views'
import type { Category, Grid, Page, Signup, Survey, User, VolunteerEvent } from './types'
import type * as V from './volunteer/views'
import type * as SV from './survey-views'
import type { PartnerKeyView } from './open311/keys'
import type { AuditItemView, PersonView } from './people'
import type { SettingsView } from './settings-schema'
import type * as SI from './signin'
import type { GridPreviewView } from './grids/preview'
import type { GridImportDiff, GridVersion } from './grids/versions'

/**
 * The API contract: every cloud function, its actions, their input and output.
 * The server's routers implement it and the phone's client is typed by it, so the two cannot drift.
 */
type A<I extends z.ZodType, O> = { input: z.input<I>; output: O }

export interface ApiContract {
  users: {
    me: A<typeof s.emptyInput, MeView>
    messages: A<typeof s.pageInput, MessagesView>
    readMessages: A<typeof s.readMessagesInput, { unread: number }>
  }
  reports: {
    categories: A<typeof s.emptyInput, Category[]>
    gridMap: A<typeof s.emptyInput, GridMapView>
    locate: A<typeof s.gcjPoint, LocateView>
    submit: A<typeof s.reportInput, { ticket: TicketView; created: boolean }>
    mine: A<typeof s.pageInput, Page<TicketView>>
    nearby: A<typeof s.nearbyInput, NearbyView[]>
    follow: A<typeof s.idInput, { followers: number; following: true }>
    followed: A<typeof s.pageInput, Page<TicketView>>
    /** WeChat's wxa_media_check push, delivered to the reports function by the platform (system identity). */
    photoReviewed: A<typeof s.photoReviewedInput, { settled: boolean }>
  }
  tickets: {
    inbox: A<typeof s.inboxInput, { items: TicketView[]; counts: Record<'dispatched' | 'accepted' | 'rework' | 'resolved' | 'overdue', number> }>
    triage: A<typeof s.pageInput, Page<TicketView>>
    overdue: A<typeof s.pageInput, Page<TicketView>>
    verifyQueue: A<typeof s.pageInput, { items: TicketView[] }>
    get: A<typeof s.idInput, TicketDetailView>
    act: A<typeof s.ticketActInput, TicketView>
    /** The office's pickers: tickets to merge into (nearby, or by number), managers to dispatch to (nearest first). */
    mergeCandidates: A<typeof s.mergeCandidatesInput, MergeCandidatesView>
    dispatchOptions: A<typeof s.idInput, DispatchOptionView[]>
    /** 督办: urge the handler of an overdue ticket (the state stays; a timeline entry and a message). */
    urge: A<typeof s.urgeInput, TicketView>
    /** 缓办: the office moves the deadline once, with a reason; 按期结案率 leaves the ticket out of its base. */
    defer: A<typeof s.deferInput, TicketView>
    /** 屏蔽: out of every public view; its reporter, handler and the office still see it, and it still counts. */
    hide: A<typeof s.hideInput, TicketView>
    unhide: A<typeof s.hideInput, TicketView>
    /** 屏蔽照片: one photo gone from every view but the office's (shown there as 已屏蔽 with the reason). */
    redactPhoto: A<typeof s.redactPhotoInput, TicketView>
  }
  volunteer: {
    events: A<typeof s.eventsInput, EventsView>
    event: A<typeof s.idInput, EventView>
    signup: A<typeof s.signupInput, SignupView>
    /** Cancel my signup (before the deadline): a freed seat is offered to the first waiting person in the same step. */
    cancel: A<typeof s.signupInput, { signup: Signup }>
    /** Take the place a waitlist offer holds for me. */
    acceptOffer: A<typeof s.signupInput, { signup: Signup }>
    register: A<typeof s.registerVolunteerInput, { profile: V.ProfileView }>
    mine: A<typeof s.emptyInput, V.MyVolunteerView>
    mySignups: A<typeof s.pageInput, V.MySignupsView>
    checkIn: A<typeof s.attendInput, V.AttendView>
    checkOut: A<typeof s.attendInput, V.AttendView>
    appeal: A<typeof s.appealInput, { signup: Signup }>
    requestCertificate: A<typeof s.emptyInput, V.CertificateView>
    certificate: A<typeof s.certificateInput, V.CertificateView>
    /** Public: anyone holding a certificate's number and check code sees what it states. */
    verifyCertificate: A<typeof s.verifyCertificateInput, V.VerifyView>
    // The organiser's (and the office's) side.
    myEvents: A<typeof s.myEventsInput, Page<VolunteerEvent & { waitlistLength: number }>>
    saveEvent: A<typeof s.saveEventInput, VolunteerEvent>
    publishEvent: A<typeof s.idInput, VolunteerEvent>
    cancelEvent: A<typeof s.cancelEventInput, { event: VolunteerEvent; told: number }>
    roster: A<typeof s.idInput, V.RosterView>
    checkinCode: A<typeof s.idInput, V.CheckinCodeView>
    markAttendance: A<typeof s.markAttendanceInput, { signup: Signup }>
    confirmHours: A<typeof s.confirmHoursInput, { signup: Signup }>
    recordServed: A<typeof s.servedCountInput, VolunteerEvent>
    exportRoster: A<typeof s.idInput, V.RosterExportView>
    orgReport: A<typeof s.orgReportInput, V.OrgReport>
  }
  surveys: {
    /** Surveys taking answers, for me (with whether I am in the audience and answered). */
    list: A<typeof s.pageInput, Page<SV.SurveyListItem>>
    get: A<typeof s.idInput, SV.SurveyDetail>
    /** One response per person; a retry with the same client key answers the same; a full quota cell CONFLICT. */
    answer: A<typeof s.surveyAnswerInput, SV.AnswerResult>
    /** After it closed: the city's and my community's result (no personal data). */
    result: A<typeof s.idInput, SV.MySurveyResult>
    // The office's side.
    templates: A<typeof s.emptyInput, SV.SurveyTemplateView[]>
    adminList: A<typeof s.pageInput, SV.SurveyAdminPage>
    /** One survey as the office sees it, drafts included, with its counted and test responses. */
    adminGet: A<typeof s.idInput, SV.SurveyAdminItem>
    fromTemplate: A<typeof s.fromTemplateInput, Survey>
    save: A<typeof s.saveSurveyInput, Survey>
    publish: A<typeof s.idInput, Survey>
    close: A<typeof s.idInput, Survey>
    /** A new version (draft) of a survey, questions copied: a published survey's questions never change. */
    duplicate: A<typeof s.idInput, Survey>
    results: A<typeof s.surveyResultsInput, SV.SurveyResultsView>
    export: A<typeof s.surveyExportInput, SV.ExportFile>
  }
  stats: {
    headline: A<typeof s.statsInput, HeadlineView>
    /** Every indicator for each area one level down, with the area's total (the dashboard's bars and map). */
    table: A<typeof s.statsTableInput, IndicatorTableView>
    /** Every indicator per day, week, month, quarter or year of the window (the dashboard's trend charts). */
    trend: A<typeof s.statsTrendInput, TrendView>
    /** The table as XLSX or CSV, with n and intervals: the same figures the dashboard shows. */
    export: A<typeof s.statsExportInput, SV.ExportFile>
    /** Recount the survey aggregates from the raw responses; report and repair any drift. */
    reconcile: A<typeof s.emptyInput, { cells: number; drifted: number; repaired: boolean; examples: string[] }>
  }
  admin: {
    grids: A<typeof s.pageInput, Page<Grid>>
    users: A<typeof s.pageInput, Page<User>>
    managers: A<typeof s.emptyInput, Array<{ id: string; nickname: string; gridIds: string[] }>>
    /** Open311 API keys of partner systems, newest first: name, created, last used, revoked — never the key (only its hash is kept). */
    open311Keys: A<typeof s.pageInput, Page<PartnerKeyView>>
    /** Issue a key to a partner system: the key itself is in this answer once, and nowhere else ever. */
    createOpen311Key: A<typeof s.open311KeyInput, { key: PartnerKeyView; secret: string }>
    /** Stop a key at once (its partner's next call answers 403); a key revoked already stays as it was. */
    revokeOpen311Key: A<typeof s.idInput, PartnerKeyView>
    /** People by nickname (its start), volunteer number, phone or id — or everyone of a role — with roles, grids and bans. */
    findUsers: A<typeof s.findUsersInput, Page<PersonView>>
    /** Grant 网格员 (with grids), 组织者 (with an organisation) or 文明办 (with an area), with a reason; audited, the person told. */
    grantRole: A<typeof s.grantRoleInput, PersonView>
    /** Revoke a role (a grid manager's open tickets move to `reassignTo`, or CONFLICT says how many); never one's own 文明办. */
    revokeRole: A<typeof s.revokeRoleInput, { person: PersonView; reassigned: number }>
    /** The audit list, newest first, by kind or target, with the actor's name. */
    audit: A<typeof s.auditInput, Page<AuditItemView>>
    /** 暂停上报 until a time (future, ≤ 1 year) with a reason: submit answers FORBIDDEN saying why and until when. */
    banReporter: A<typeof s.banInput, PersonView>
    unban: A<typeof s.unbanInput, PersonView>
    /** Every category, both levels, active or not, in code order. */
    categories: A<typeof s.emptyInput, Category[]>
    /** Create (`create: true`, an unused code) or edit a category; applies to tickets filed from now on. */
    saveCategory: A<typeof s.categoryInput, Category>
    /** The settings in force, their version and the last changes (修改记录). */
    settings: A<typeof s.emptyInput, SettingsView>
    /** Save a new version if `expectedVersion` is still the newest (else CONFLICT); in force from the next call. */
    saveSettings: A<typeof s.saveSettingsInput, SettingsView>
    /** Check a grid file (GeoJSON): the report per feature, the outlines for the map, what an import would change. Nothing stored. */
    previewGrids: A<typeof s.gridFileInput, GridPreviewView>
    /** Import a grid file as a new version that routing switches to at once (all or nothing); VALIDATION with the report on any error. */
    importGrids: A<typeof s.importGridsInput, { version: GridVersion; diff: GridImportDiff }>
    /** The grid versions, newest first, the one in use marked active. */
    gridVersions: A<typeof s.pageInput, Page<GridVersion>>
    /** Make an earlier version the one routing uses again; today's managers stay with the grids both versions have. */
    restoreGrids: A<typeof s.restoreGridsInput, { version: GridVersion; managersDropped: number; retired: number }>
    /** Edit one grid of the version in use: name, 常住人口, managers (grid managers only; their grids kept in step). */
    saveGrid: A<typeof s.saveGridInput, Grid>
  }
  /** Scan to sign in at the desk (core/signin.ts): the desk's side is anonymous, the phone's a signed-in person. */
  auth: {
    /** The desk: a new sign-in request, shown as a QR code (it holds the secret the desk polls with). */
    request: A<typeof SI.signInRequestInput, SI.SignInRequestView>
    /** The desk: still waiting, over, or — exactly once — the session token of the person who confirmed. */
    poll: A<typeof SI.signInPollInput, SI.SignInPollView>
    /** The phone: who is about to be signed in (the caller) and which browser asks, when, until when. */
    describe: A<typeof SI.signInQrInput, SI.SignInDescribeView>
    /** The phone: sign the desk in as me, with my roles (once, before it expires). */
    confirm: A<typeof SI.signInQrInput, { browser: string; nickname: string; officeRights: boolean }>
    cancel: A<typeof SI.signInQrInput, { state: 'cancelled' }>
    /** My desktop sessions (and dev-login ones), newest first, live and ended. */
    sessions: A<typeof s.pageInput, Page<SI.DeskSessionView>>
    /** End one of my sessions (another browser's next call is anonymous). */
    endSession: A<typeof SI.endSessionInput, SI.DeskSessionView>
    /** The desk: end the session this call comes through. */
    signOut: A<typeof s.emptyInput, { ended: boolean }>
  }
  timer: {
    sweep: A<typeof s.emptyInput, { overdueMarked: number; autoClosed: number; recovered: number; offersLapsed: number; offersMade: number; reminded: number; aggregatesDrifted: number | null }>
  }
}

export type FunctionName = keyof ApiContract
export const FUNCTION_NAMES: FunctionName[] = ['users', 'reports', 'tickets', 'volunteer', 'surveys', 'stats', 'admin', 'auth', 'timer']
export type ActionName<F extends FunctionName> = keyof ApiContract[F] & string
export type ActionInput<F extends FunctionName, N extends ActionName<F>> = ApiContract[F][N] extends A<any, any> ? ApiContract[F][N]['input'] : never
export type ActionOutput<F extends FunctionName, N extends ActionName<F>> = ApiContract[F][N] extends { output: infer O } ? O : never
