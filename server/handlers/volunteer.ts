import { randomInt } from 'node:crypto'
import { distanceMeters } from '../../core/routing/geometry'
import { emptyInput, eventsInput, idInput, pageInput, registerVolunteerInput, signupInput, attendInput, appealInput, certificateInput, verifyCertificateInput } from '../../core/schemas'
import type { Signup, User, VolunteerEvent } from '../../core/types'
import { attendRefusal, checkedIn, checkedOut, countedHours, withinCheckinRadius } from '../../core/volunteer/attendance'
import { canSignUp, eventChoice, SIGNUP_ROLES } from '../../core/volunteer/event-choice'
import { offerNotice } from '../../core/volunteer/notices'
import { certificateNumber, counterKeys, maskPhone, volunteerNumber } from '../../core/volunteer/profile'
import { certificateStatement, hoursTotals, missingTrainingMessage, missingTrainings, reliability, starProgress, trainingsHeld, type TrainingHeld } from '../../core/volunteer/record'
import { cancelRefusal, isLiveSignup, newSignup, signupRefusal } from '../../core/volunteer/seats'
import type { CertificateView, MySignupView, ProfileView } from '../../core/volunteer/views'
import type { Certificate, VolunteerProfile } from '../../core/types'
import type { EventView } from '../../core/views'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { attendanceMarks, registrationCells } from '../indicator-effects'
import { AppError } from '../errors'
import { pushMessages } from '../notices'
import { action, type ActionsOf } from '../router'
import { verifyCode } from '../volunteer-code'
import { eventsById, personRecord, policyFor, signupsOfPerson, trainingsOf } from '../volunteer-record'
import { organizerActions } from './organizer'

/** Store pages read at most per `events` call to fill one page after filtering (kind, topic, distance). */
const MAX_SCAN_PAGES = 10

async function nameOf (deps: Deps, userId: string): Promise<string> {
  return (await deps.store.getUser(userId))?.nickname ?? '组织者'
}

/** One event as this viewer sees it: what they may do, their place, what they lack. */
async function viewOf (
  deps: Deps, e: VolunteerEvent, me: User, mySignup: Signup | null, held: readonly TrainingHeld[],
  waitlistLength: number, position: number | null, distanceM: number | null, organizerName: string
): Promise<EventView> {
  const missing = e.organizerId === me.id ? [] : missingTrainings(e, held)
  return {
    ...e,
    mySignup,
    ...eventChoice(e, me, mySignup, deps.clock.now(), missing),
    placesLeft: Math.max(0, e.capacity - e.taken),
    waitlistLength,
    waitlistPosition: position,
    missingTrainings: missing,
    distanceM,
    organizerName
  }
}

const toProfileView = (p: VolunteerProfile, whole: boolean): ProfileView => ({ ...p, phone: whole ? p.phone : maskPhone(p.phone) })

/** Cancel my signup; a seat it held goes to the first waiting person in the same step, who is told. */
async function cancelMine (deps: Deps, me: User, eventId: string): Promise<Signup> {
  const event = await deps.store.getEvent(eventId)
  const refusal = cancelRefusal(event, deps.clock.now())
  if (refusal || !event) throw new AppError(refusal?.code ?? 'NOT_FOUND', refusal?.message)
  const policy = policyFor(deps, event)
  const result = await deps.store.cancelSignup(eventId, me.id, policy, offerNotice(event, policy.now))
  if (!result.cancelled) throw new AppError('NOT_FOUND', '你没有报名这个活动')
  await pushMessages(deps, result.offered.map(offerNotice(event, policy.now)))
  return result.cancelled
}

/** Check in or out by the scanned code, or by position at the event. */
async function attend (deps: Deps, me: User, input: { code: string } | { eventId: string; location: { lng: number; lat: number } }, mode: 'in' | 'out') {
  const now = deps.clock.now()
  const s = deps.settings.volunteer
  const byCode = 'code' in input
  const eventId = byCode ? verifyCode(deps.checkinKey, input.code, now, s.qrRotateSeconds).eventId : input.eventId
  const event = await deps.store.getEvent(eventId)
  const signup = await deps.store.getSignup(eventId, me.id)
  const refusal = attendRefusal(event, signup, mode, now, s)
  if (refusal || !event || !signup) throw new AppError(refusal?.code ?? 'NOT_FOUND', refusal?.message)
  if (!byCode) {
    const near = withinCheckinRadius(event, input.location, s)
    if (near === null) throw new AppError('CONFLICT', '本活动没有设置定位签到，请扫描组织者的二维码')
    if (!near) throw new AppError('CONFLICT', `你不在活动地点 ${s.checkinRadiusM} 米范围内，请到场后再签到，或扫描组织者的二维码`)
  }
  const by = byCode ? 'qr' : 'position'
  const next = mode === 'in' ? checkedIn(signup, now, by) : checkedOut(signup, event, now, by, s)
  // On the version read: a doubled tap or a second phone finds it already written and is told so.
  if (!(await deps.store.updateSignup(next, signup.version, await attendanceMarks(deps, signup, next)))) throw new AppError('CONFLICT', mode === 'in' ? '你已经签到过了' : '你已经签退过了')
  return { signup: next, event: { id: event.id, title: event.title }, mode }
}

function checkCodeOf (): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

const statementOf = (c: Certificate): ReturnType<typeof certificateStatement> => ({
  earnedHours: c.earnedHours, manualHours: c.manualHours, serviceCount: c.serviceCount, firstServiceAt: c.firstServiceAt,
  lastServiceAt: c.lastServiceAt, topics: c.topics, records: c.records
})

const certificateView = (deps: Deps, c: Certificate): CertificateView =>
  ({ ...c, verifyUrl: `${deps.publicBaseUrl}/v/${encodeURIComponent(c.number)}?c=${c.checkCode}` })

export const volunteerActions: ActionsOf<'volunteer'> = {
  events: action({
    input: eventsInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const now = deps.clock.now()
      const fromIso = q.fromIso && q.fromIso > now ? q.fromIso : now
      const withinM = (q.withinKm ?? 5) * 1000
      const want = q.limit ?? 20
      // Read store pages until a page's worth passes the filters (or the guard of pages read), and answer the
      // store's cursor: a short page means the filters left few, never that the list ended before `next`.
      const found: Array<{ e: VolunteerEvent; d: number | null }> = []
      let cursor = q.cursor ?? null
      let pages = 0
      do {
        const page = await deps.store.listEvents({ cursor, limit: want, fromIso, toIso: q.toIso })
        for (const e of page.items) {
          if (e.status !== 'published') continue
          if (q.kind && e.kind !== q.kind) continue
          if (q.topic && e.topic !== q.topic) continue
          const d = q.near && e.location ? Math.round(distanceMeters(q.near, e.location)) : null
          if (q.near && (d === null || d > withinM)) continue
          found.push({ e, d })
        }
        cursor = page.next
      } while (cursor && found.length < want && ++pages < MAX_SCAN_PAGES)
      const mine = await signupsOfPerson(deps, me.id)
      const byEvent = new Map(mine.filter(isLiveSignup).map((s) => [s.eventId, s]))
      const held = found.some(({ e }) => e.requiredTrainings.length > 0) ? await trainingsOf(deps, me) : []
      const lengths = await deps.store.waitlistLengths(found.map(({ e }) => e.id))
      const names = new Map<string, string>()
      for (const { e } of found) if (!names.has(e.organizerId)) names.set(e.organizerId, await nameOf(deps, e.organizerId))
      const items: EventView[] = []
      for (const { e, d } of found) {
        const mySignup = byEvent.get(e.id) ?? null
        const position = mySignup?.status === 'waitlisted' ? await deps.store.waitlistPosition(e.id, me.id) : null
        items.push(await viewOf(deps, e, me, mySignup, held, lengths[e.id] ?? 0, position, d, names.get(e.organizerId) ?? '组织者'))
      }
      return { items, next: cursor, canSignUp: canSignUp(me.roles) }
    }
  }),

  event: action({
    input: idInput,
    access: 'signedIn',
    async run ({ deps, user }, { id }) {
      const me = requireUser(user)
      const e = await deps.store.getEvent(id)
      // Drafts are the organiser's own business until published.
      if (!e || (e.status === 'draft' && e.organizerId !== me.id && !me.roles.includes('admin'))) throw new AppError('NOT_FOUND', '活动不存在或还没有发布')
      const mine = await deps.store.getSignup(id, me.id)
      const lengths = await deps.store.waitlistLengths([id])
      const position = mine?.status === 'waitlisted' ? await deps.store.waitlistPosition(id, me.id) : null
      const held = e.requiredTrainings.length > 0 ? await trainingsOf(deps, me) : []
      return viewOf(deps, e, me, mine, held, lengths[id] ?? 0, position, null, await nameOf(deps, e.organizerId))
    }
  }),

  signup: action({
    input: signupInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId }) {
      const me = requireUser(user)
      const event = await deps.store.getEvent(eventId)
      const now = deps.clock.now()
      const refusal = signupRefusal(event, now)
      if (refusal || !event) throw new AppError(refusal?.code ?? 'NOT_FOUND', refusal?.message)
      if (event.organizerId === me.id) throw new AppError('CONFLICT', '这是你组织的活动，无需报名')
      if (event.requiredTrainings.length > 0) {
        const missing = missingTrainings(event, await trainingsOf(deps, me))
        if (missing.length > 0) throw new AppError('FORBIDDEN', missingTrainingMessage(missing))
      }
      const result = await deps.store.takeSeat(newSignup(eventId, me.id, now))
      if (result.outcome === 'full' || !result.signup) throw new AppError('CAPACITY_FULL', '名额已满，本活动不设候补')
      const position = result.signup.status === 'waitlisted' ? await deps.store.waitlistPosition(eventId, me.id) : null
      return { outcome: result.outcome, signup: result.signup, waitlistPosition: position }
    }
  }),

  cancel: action({
    input: signupInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId }) {
      return { signup: await cancelMine(deps, requireUser(user), eventId) }
    }
  }),

  acceptOffer: action({
    input: signupInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId }) {
      const me = requireUser(user)
      const accepted = await deps.store.acceptOffer(eventId, me.id, deps.clock.now())
      if (!accepted) {
        const s = await deps.store.getSignup(eventId, me.id)
        if (!s) throw new AppError('NOT_FOUND', '没有找到你对这个活动的报名')
        if (s.status === 'confirmed') return { signup: s }
        throw new AppError('CONFLICT', s?.status === 'lapsed' || s?.status === 'offered' ? '保留名额已过期，已让给下一位候补' : '没有为你保留的名额')
      }
      return { signup: accepted }
    }
  }),

  register: action({
    input: registerVolunteerInput,
    access: 'signedIn',
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const existing = await deps.store.getVolunteer(me.id)
      if (existing) return { profile: toProfileView(existing, true) }
      if (input.homeGridId && !(await deps.directory.get()).activeGridIds.has(input.homeGridId)) throw new AppError('VALIDATION', '所选网格不存在，请重新选择')
      const now = deps.clock.now()
      const seq = await deps.store.incrementCounter(counterKeys.volunteerNo, 1)
      const profile = await deps.store.registerVolunteer({
        userId: me.id, realName: input.realName, phone: input.phone, homeGridId: input.homeGridId ?? null,
        community: input.community, skills: input.skills, volunteerNo: volunteerNumber(now, seq), registeredAt: now
      }, await registrationCells(deps, input.homeGridId ?? null, now))
      return { profile: toProfileView(profile, true) }
    }
  }),

  mine: action({
    input: emptyInput,
    access: 'signedIn',
    async run ({ deps, user }) {
      const me = requireUser(user)
      const now = deps.clock.now()
      const s = deps.settings.volunteer
      const profile = await deps.store.getVolunteer(me.id)
      const rows = await personRecord(deps, me.id)
      const hours = hoursTotals(rows)
      const certificates = await deps.store.listCertificates({ userId: me.id, limit: 20 })
      return {
        profile: profile && toProfileView(profile, true),
        hours,
        stars: starProgress(hours.total, s.starThresholds),
        thresholds: s.starThresholds,
        trainings: trainingsHeld(rows, now, s),
        reliability: reliability(rows, now),
        certificates: certificates.items.map((c) => ({ number: c.number, issuedAt: c.issuedAt, earnedHours: c.earnedHours, manualHours: c.manualHours })),
        moreCertificates: certificates.next !== null,
        offers: rows.filter((r) => r.signup.status === 'offered' && r.signup.offerExpiresAt !== null && r.signup.offerExpiresAt > now)
          .map((r) => ({ eventId: r.event.id, title: r.event.title, expiresAt: r.signup.offerExpiresAt as string }))
      }
    }
  }),

  mySignups: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listSignups({ ...q, userId: me.id })
      const events = await eventsById(deps, page.items.map((s) => s.eventId))
      const now = Date.parse(deps.clock.now())
      const items: MySignupView[] = page.items.flatMap((signup) => {
        const e = events.get(signup.eventId)
        if (!e) return []
        const over = Date.parse(e.endAt) <= now
        return [{
          signup,
          event: { id: e.id, title: e.title, kind: e.kind, topic: e.topic, startAt: e.startAt, endAt: e.endAt, address: e.address, status: e.status },
          counted: countedHours(signup),
          canAppeal: over && signup.status === 'confirmed' && signup.appeal === null && (signup.noShow || signup.hoursConfirmedAt !== null || signup.checkOutAt === null)
        }]
      })
      return { items, next: page.next }
    }
  }),

  checkIn: action({
    input: attendInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, input) { return attend(deps, requireUser(user), input, 'in') }
  }),

  checkOut: action({
    input: attendInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, input) { return attend(deps, requireUser(user), input, 'out') }
  }),

  appeal: action({
    input: appealInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }, { eventId, reason }) {
      const me = requireUser(user)
      const s = await deps.store.getSignup(eventId, me.id)
      const e = await deps.store.getEvent(eventId)
      if (!s || !e || s.status !== 'confirmed') throw new AppError('NOT_FOUND', '没有找到你参加这个活动的记录')
      if (Date.parse(e.endAt) > Date.parse(deps.clock.now())) throw new AppError('CONFLICT', '活动结束后才能申诉')
      if (s.appeal !== null) throw new AppError('CONFLICT', '你已经申诉过了，请等待组织者处理')
      const next: Signup = { ...s, appeal: { at: deps.clock.now(), reason, resolvedAt: null }, version: s.version + 1 }
      if (!(await deps.store.updateSignup(next, s.version))) throw new AppError('CONFLICT')
      return { signup: next }
    }
  }),

  requestCertificate: action({
    input: emptyInput,
    access: { roles: SIGNUP_ROLES },
    async run ({ deps, user }) {
      const me = requireUser(user)
      const profile = await deps.store.getVolunteer(me.id)
      if (!profile) throw new AppError('CONFLICT', '请先完成志愿者注册（实名信息会写在证明上）')
      const statement = certificateStatement(await personRecord(deps, me.id))
      if (statement.serviceCount === 0) throw new AppError('CONFLICT', '还没有经组织者确认的服务时长，暂不能开具证明')
      // Nothing served since the last certificate: that one still states the record (numbers are not spent on repeats).
      const [latest] = (await deps.store.listCertificates({ userId: me.id, limit: 1 })).items
      if (latest && latest.realName === profile.realName && JSON.stringify(statementOf(latest)) === JSON.stringify(statement)) return certificateView(deps, latest)
      const now = deps.clock.now()
      const seq = await deps.store.incrementCounter(counterKeys.certificate(now), 1)
      const certificate: Certificate = {
        number: certificateNumber(now, seq), checkCode: checkCodeOf(), userId: me.id, issuedAt: now,
        realName: profile.realName, volunteerNo: profile.volunteerNo, ...statement, issuer: deps.settings.volunteer.issuer
      }
      if (!(await deps.store.addCertificate(certificate))) throw new AppError('CONFLICT', '证明编号冲突，请重试')
      return certificateView(deps, certificate)
    }
  }),

  certificate: action({
    input: certificateInput,
    access: 'signedIn',
    async run ({ deps, user }, { number }) {
      const me = requireUser(user)
      const c = await deps.store.getCertificate(number)
      // Someone else's certificate is not found for this caller (the public check needs the code).
      if (!c || (c.userId !== me.id && !me.roles.includes('admin'))) throw new AppError('NOT_FOUND', '证明不存在')
      return certificateView(deps, c)
    }
  }),

  verifyCertificate: action({
    input: verifyCertificateInput,
    access: 'public',
    async run ({ deps }, { number, code }) {
      const c = await deps.store.getCertificate(number)
      if (!c || c.checkCode !== code) throw new AppError('NOT_FOUND', '证明不存在或校验码不对，请核对证明上的编号和校验码')
      const { userId: _u, checkCode: _c, ...stated } = c
      void _u; void _c
      return { valid: true as const, certificate: stated }
    }
  }),

  ...organizerActions
}
