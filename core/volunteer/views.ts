import type { Certificate, Page, Signup, VolunteerEvent, VolunteerProfile } from '../types'
import type { OrgReport, Reliability, StarProgress, TrainingHeld, HoursTotals } from './record'

/** What the volunteer actions answer (core/api.ts). */

export interface ProfileView extends Omit<VolunteerProfile, 'phone'> {
  /** Masked (138****1234) except for the volunteer and the office. */
  phone: string
}

export interface MyVolunteerView {
  /** null until registered. */
  profile: ProfileView | null
  hours: HoursTotals
  stars: StarProgress
  thresholds: number[]
  trainings: TrainingHeld[]
  reliability: Reliability
  /** The newest certificates; `moreCertificates` says when older ones exist beyond them. */
  certificates: Array<Pick<Certificate, 'number' | 'issuedAt' | 'earnedHours' | 'manualHours'>>
  moreCertificates: boolean
  /** Open offers waiting for my answer. */
  offers: Array<{ eventId: string; title: string; expiresAt: string }>
}

export interface MySignupView {
  signup: Signup
  event: Pick<VolunteerEvent, 'id' | 'title' | 'kind' | 'topic' | 'startAt' | 'endAt' | 'address' | 'status'>
  /** Hours that count (confirmed), split. */
  counted: { earned: number; manual: number }
  canAppeal: boolean
}

export type MySignupsView = Page<MySignupView>

export interface RosterEntry {
  signup: Signup
  name: string
  /** Masked for the organiser, whole for the office. */
  phone: string
  volunteerNo: string | null
  /** What the roster shows: confirmed / waitlist / offered / checked in / checked out / no-show … */
  attendance: 'waiting' | 'offered' | 'booked' | 'in' | 'out' | 'no_show' | 'gone'
  /** Most hours the organiser may record for this person (the event's length and the city's cap). */
  maxHours: number
}

export interface RosterView {
  event: VolunteerEvent
  entries: RosterEntry[]
  counts: { confirmed: number; waitlisted: number; offered: number; checkedIn: number; checkedOut: number; noShow: number; pendingHours: number }
  /** Whether the check-in code should be shown now (from 30 min before the start until the end). */
  codeOpen: boolean
}

export interface CheckinCodeView {
  code: string
  /** When the next code replaces it. */
  refreshAt: string
  rotateSeconds: number
}

export interface AttendView {
  signup: Signup
  event: Pick<VolunteerEvent, 'id' | 'title'>
  mode: 'in' | 'out'
}

export interface CertificateView extends Certificate {
  /** The public verification address its QR code carries. */
  verifyUrl: string
}

/** The public verification answer: only what the certificate states, and whether it is genuine. */
export interface VerifyView {
  valid: true
  certificate: Omit<Certificate, 'userId' | 'checkCode'>
}

export interface RosterExportView {
  filename: string
  /** The XLSX workbook, base64. */
  base64: string
  rows: number
}

export type { OrgReport }
