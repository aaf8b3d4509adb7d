import { auditInput, banInput, findUsersInput, grantRoleInput, revokeRoleInput, unbanInput } from '../../core/schemas'
import { banNotice, banRefusal, chinaDateTime, moderationAudit, reportBan } from '../../core/moderation'
import {
  heldRefusal, heldTickets, planGrant, planRevoke, reassignRefusal, reassignStep, roleAudit,
  type AuditItemView, type PersonView, type RolePlan
} from '../../core/people'
import { statesOfKind } from '../../core/tickets/workflow'
import { ROLE_LABELS, type Message, type User } from '../../core/types'
import type { AuditEntry } from '../../core/audit'
import { requireUser } from '../caller'
import type { Deps } from '../deps'
import { directoryChanged } from '../directory'
import { AppError } from '../errors'
import { pushMessages } from '../notices'
import { readAll } from '../paging'
import { endSessionsForRoleChange } from '../role-sessions'
import { action, type ActionsOf } from '../router'
import { inPlace } from './act-on-ticket'

/** Guards: the open tickets one grid manager holds (what a revoke would reassign); the people one page names. */
const MAX_HELD = 2_000
const HANDLING = statesOfKind('open').filter((s) => s !== 'triage')

const office = { roles: ['admin'] } as const

/**
 * The office's people and roles (admin.findUsers, grantRole, revokeRole, audit) and report bans (banReporter,
 * unban). Core decides (core/people.ts, core/moderation.ts); each change goes to the store as one unit with its
 * audit entry and the message that tells the person (store changeUser).
 */
export const peopleActions: Pick<ActionsOf<'admin'>, 'findUsers' | 'grantRole' | 'revokeRole' | 'audit' | 'banReporter' | 'unban'> = {
  findUsers: action({
    input: findUsersInput,
    access: office,
    async run ({ deps }, { q, role, cursor, limit }) {
      const page = q === ''
        ? await deps.store.listUsers({ role, cursor, limit })
        : await deps.store.findUsers({ text: q, role, cursor, limit })
      return { items: await personViews(deps, page.items), next: page.next }
    }
  }),

  grantRole: action({
    input: grantRoleInput,
    access: office,
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const target = await personOf(deps, input.userId)
      const dir = await deps.directory.get()
      // Only grids of the version in use route reports (a retired grid keeps its name for old tickets, no more).
      const missing = (input.role === 'grid_manager' ? input.gridIds ?? [] : []).filter((id) => !dir.activeGridIds.has(id))
      if (missing.length > 0) throw new AppError('NOT_FOUND', `网格不存在或已停用：${missing.join('、')}，请刷新网格列表后重选`)
      const planned = planGrant(target, input, (id) => dir.gridsById.get(id)?.name)
      if (!planned.ok) throw new AppError(planned.code, planned.message)
      const person = await commitRoles(deps, me, target, planned.plan, 'grant', input.reason, {
        title: `你已成为${ROLE_LABELS[input.role]}`,
        body: `文明办${planned.plan.summary.replace(/^授予 /, '授予你 ')}。说明：${input.reason}`
      })
      return person
    }
  }),

  revokeRole: action({
    input: revokeRoleInput,
    access: office,
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const target = await personOf(deps, input.userId)
      const dir = await deps.directory.get()
      const planned = planRevoke(target, input, me.id, (id) => dir.gridsById.get(id)?.name)
      if (!planned.ok) throw new AppError(planned.code, planned.message)
      const plan = planned.plan
      let reassigned = 0
      if (input.role === 'grid_manager') {
        const all = !plan.after.roles.includes('grid_manager')
        const open = await readAll((q) => deps.store.listTickets({ ...q, assigneeId: target.id, states: HANDLING }), MAX_HELD, '他手中的案卷')
        const held = heldTickets(open, target.id, all ? 'all' : plan.managerOf.remove)
        if (held.length > 0) {
          if (!input.reassignTo) throw new AppError('CONFLICT', heldRefusal(target, held.length), { openTickets: held.length })
          if (input.reassignTo === target.id) throw new AppError('VALIDATION', '接手的人不能是被撤销的网格员本人，请另选一位')
          const to = await deps.store.getUser(input.reassignTo)
          if (!to) throw new AppError('NOT_FOUND', '接手的网格员不存在，请另选一位')
          // Each ticket moves as its own step (timeline, message to the new handler); a ticket changed meanwhile
          // answers CONFLICT, and the office's retry moves the rest — those moved stay moved.
          const refusal = held.map((t) => reassignRefusal(t, to)).find((r) => r !== null)
          if (refusal) throw new AppError('VALIDATION', refusal)
          for (const t of held) {
            await inPlace(deps, me, t, t.version, 'reassign', () => null,
              (eventId, now) => reassignStep(t, me, to, eventId, now, input.reason), input.reason)
            reassigned++
          }
          plan.summary += `，${reassigned} 件案卷改派给${to.nickname}`
        }
      }
      const person = await commitRoles(deps, me, target, plan, 'revoke', input.reason, {
        title: `你的${ROLE_LABELS[input.role]}角色有变化`,
        body: `文明办${plan.summary.replace(/^撤销 /, '撤销了你的 ')}。说明：${input.reason}`
      })
      // Desk sessions opened with the role end with it (they sign in again with what they hold now).
      await endSessionsForRoleChange(deps, target.id)
      return { person, reassigned }
    }
  }),

  /** The audit list, newest first, with the name of whoever did each thing. */
  audit: action({
    input: auditInput,
    access: office,
    async run ({ deps }, q) {
      const page = await deps.store.listAudit(q)
      const names = new Map<string, string | null>()
      await Promise.all([...new Set(page.items.map((e) => e.actorId))].map(async (id) => { names.set(id, (await deps.store.getUser(id))?.nickname ?? null) }))
      return { items: page.items.map((e): AuditItemView => ({ ...e, actorName: names.get(e.actorId) ?? null })), next: page.next }
    }
  }),

  /** 暂停上报 until a time, with a reason the person is told (with the date, China time). */
  banReporter: action({
    input: banInput,
    access: office,
    async run ({ deps, user }, { userId, until, reason }) {
      const me = requireUser(user)
      const target = await personOf(deps, userId)
      const now = deps.clock.now()
      const refusal = banRefusal(target, me.id, until, now)
      if (refusal) throw new AppError('VALIDATION', refusal)
      const ban = { until, reason, by: me.id, at: now }
      const standing = reportBan(target, now)
      const summary = `暂停上报至 ${chinaDateTime(until)}${standing ? `（原至 ${chinaDateTime(standing.until)}）` : ''}`
      return commitBan(deps, me, target, { ...target, reportBan: ban }, 'ban', reason, summary, banNotice(ban, reason))
    }
  }),

  unban: action({
    input: unbanInput,
    access: office,
    async run ({ deps, user }, { userId, reason }) {
      const me = requireUser(user)
      const target = await personOf(deps, userId)
      if (!reportBan(target, deps.clock.now())) throw new AppError('CONFLICT', `${target.nickname}现在可以正常上报，没有被暂停`)
      return commitBan(deps, me, target, { ...target, reportBan: null }, 'unban', reason, '恢复上报', banNotice(null, reason))
    }
  })
}

async function personOf (deps: Deps, id: string): Promise<User> {
  const u = await deps.store.getUser(id)
  if (!u) throw new AppError('NOT_FOUND', '这个人不存在，请刷新后重新查找')
  return u
}

const messageTo = (deps: Deps, userId: string, at: string, n: { title: string; body: string }): Message =>
  ({ id: deps.ids.next('m'), userId, ticketId: null, title: n.title, body: n.body, read: false, at })

/** A role change as one unit (user, grids' managers, audit entry, message); routing sees it on the next report. */
async function commitRoles (deps: Deps, me: User, target: User, plan: RolePlan, what: 'grant' | 'revoke', reason: string, notice: { title: string; body: string }): Promise<PersonView> {
  const now = deps.clock.now()
  const audit = roleAudit({ id: deps.ids.next('audit'), at: now, actorId: me.id, action: what, before: target, plan, reason })
  return commitUser(deps, { before: target, after: plan.after, managerOf: plan.managerOf, audit, messages: [messageTo(deps, target.id, now, notice)] })
}

async function commitBan (deps: Deps, me: User, target: User, after: User, what: 'ban' | 'unban', reason: string, summary: string, notice: { title: string; body: string }): Promise<PersonView> {
  const now = deps.clock.now()
  const audit = moderationAudit({
    id: deps.ids.next('audit'), at: now, actorId: me.id, action: what, targetId: target.id, reason, summary,
    before: { reportBan: target.reportBan ?? null }, after: { reportBan: after.reportBan ?? null }
  })
  return commitUser(deps, { before: target, after, managerOf: { add: [], remove: [] }, audit, messages: [messageTo(deps, target.id, now, notice)] })
}

async function commitUser (deps: Deps, change: { before: User; after: User; managerOf: RolePlan['managerOf']; audit: AuditEntry; messages: Message[] }): Promise<PersonView> {
  const written = await deps.store.changeUser(change)
  if (!written) throw new AppError('CONFLICT', `${change.before.nickname}的角色或状态刚被改过，请刷新后再试`)
  // The grids' managers changed: this process routes by them at once, the others on their next directory check.
  if (change.managerOf.add.length > 0 || change.managerOf.remove.length > 0) await directoryChanged(deps.store, deps.directory)
  await pushMessages(deps, change.messages)
  return (await personViews(deps, [written]))[0]
}

/** People as the console shows them: grids by name, the volunteer registration's name, phone and number, open work. */
export async function personViews (deps: Deps, users: readonly User[]): Promise<PersonView[]> {
  const dir = await deps.directory.get()
  const now = deps.clock.now()
  return Promise.all(users.map(async (u): Promise<PersonView> => {
    const profile = await deps.store.getVolunteer(u.id)
    const openTickets = u.roles.includes('grid_manager')
      ? (await readAll((q) => deps.store.listTickets({ ...q, assigneeId: u.id, states: HANDLING }), MAX_HELD, '他手中的案卷')).length
      : null
    return {
      id: u.id,
      nickname: u.nickname,
      roles: [...u.roles],
      gridIds: [...u.gridIds],
      grids: u.gridIds.map((id) => dir.gridsById.get(id)).flatMap((g) => (g ? [{ id: g.id, code: g.code, name: g.name }] : [])),
      organisation: u.organisation ?? null,
      areaCode: u.roles.includes('admin') ? u.areaCode ?? '' : null,
      phone: u.phone ?? profile?.phone ?? null,
      realName: profile?.realName ?? null,
      volunteerNo: profile?.volunteerNo ?? null,
      homeGridName: u.homeGridId ? dir.gridsById.get(u.homeGridId)?.name ?? null : null,
      reportBan: reportBan(u, now),
      openTickets,
      createdAt: u.createdAt
    }
  }))
}
