import type { AuditEntry } from '../../../core/audit'
import { ROLES, type Message, type User } from '../../../core/types'
import type { UserChange, UserChangeStore } from '../../ports/user-changes'
import type { Cond, Db } from './client'
import { COLLECTIONS as C } from './collections'
import { activeGridOps } from './directory'
import type { MessageOps } from './messages'
import { inBatches, readDocs } from './paging'
import { USER_OUTBOX, USER_REV, userFromDoc } from './users'

/** What a committed change still has to write beyond the user document (README "Units of work", as for tickets). */
interface UserOutbox {
  /** The change's audit entry id: only this unit's outbox may be cleared by it. */
  id: string
  managerOf: UserChange['managerOf']
  audit: AuditEntry
  messages: readonly Message[]
}

/** Volunteer registrations a phone or volunteer number can match (one, really; a few at most). */
const VOLUNTEER_MATCHES = 20
const MESSAGE_WIDTH = 10
const PREFIX_END = '\uffff'

const facts = (u: User): string => JSON.stringify([u.roles, u.gridIds, u.organisation ?? null, u.areaCode ?? null, u.reportBan ?? null])

/**
 * The office's change to one person as ordered, idempotent steps (CloudBase has no multi-document transaction):
 * 1. read the user; an outbox a crashed change left there is flushed first;
 * 2. compare with what the change read, then the commit point: one conditional update of the user document —
 *    on its change counter, and on the roles it holds (so a volunteer registration's `push` in between is not
 *    overwritten) — writing the new facts with the outbox;
 * 3. flush: each grid of the active version gains or loses the user in its managerIds (a no-op when it already
 *    did), the audit entry and the messages are added by id, then the outbox is cleared. A crash between 2 and 3 is
 *    finished by the next change of the same person. A grid's manager list is rewritten whole, as saveGrid does:
 *    two role changes touching one grid in the same instant could drop one of the two (re-granting mends it).
 */
export function userChangeStore (db: Db, messages: MessageOps): UserChangeStore {
  // The active grid version's documents (directory.ts): a grid of an earlier version keeps the managers it had.
  const grids = activeGridOps(db)
  const mirror = async (gridId: string, userId: string, manages: boolean): Promise<void> => {
    const grid = await grids.get(gridId)
    if (!grid || grid.managerIds.includes(userId) === manages) return
    const managerIds = manages ? [...grid.managerIds, userId] : grid.managerIds.filter((m) => m !== userId)
    await grids.put([{ ...grid, managerIds }])
  }

  const flush = async (userId: string, o: UserOutbox): Promise<void> => {
    for (const g of o.managerOf.add) await mirror(g, userId, true)
    for (const g of o.managerOf.remove) await mirror(g, userId, false)
    await db.insert(C.audit, o.audit.id, o.audit)
    await inBatches(o.messages, MESSAGE_WIDTH, messages.insert)
    await db.update(C.users, { _id: userId, [`${USER_OUTBOX}.id`]: o.id }, { [USER_OUTBOX]: db._.set(null) })
  }

  return {
    async changeUser (c) {
      const id = c.before.id
      let doc = await db.findById(C.users, id)
      const pending = (doc?.[USER_OUTBOX] as UserOutbox | null | undefined) ?? null
      if (doc && pending) {
        await flush(id, pending)
        doc = await db.findById(C.users, id)
      }
      if (!doc) return null
      const current = userFromDoc(doc)
      if (facts(current) !== facts(c.before)) return null
      const rev = typeof doc[USER_REV] === 'number' ? doc[USER_REV] as number : null
      const held = current.roles
      const cond: Cond = db._.and([
        { _id: id },
        { [USER_REV]: rev },
        ...held.map((r) => ({ roles: r })),
        ...ROLES.filter((r) => !held.includes(r)).map((r) => ({ roles: db._.neq(r) }))
      ])
      const { roles, gridIds, organisation, areaCode, reportBan } = c.after
      const next: User = { ...current, roles: [...roles], gridIds: [...gridIds], organisation: organisation ?? null, areaCode: areaCode ?? null, reportBan: reportBan ?? null }
      const outbox: UserOutbox = { id: c.audit.id, managerOf: c.managerOf, audit: c.audit, messages: c.messages }
      const committed = await db.update(C.users, cond, {
        roles: db._.set(next.roles),
        gridIds: db._.set(next.gridIds),
        organisation: db._.set(next.organisation),
        areaCode: db._.set(next.areaCode),
        reportBan: db._.set(next.reportBan),
        [USER_REV]: db._.set((rev ?? 0) + 1),
        [USER_OUTBOX]: db._.set(outbox)
      })
      if (committed !== 1) return null
      await flush(id, outbox)
      return next
    },

    async findUsers (q) {
      const text = q.text
      const volunteers = await db.find(C.volunteers, [db._.or([{ phone: text }, { volunteerNo: text }])], [['userId', 'asc']], VOLUNTEER_MATCHES)
      const match: Cond[] = [
        { id: text },
        { phone: text },
        db._.and([{ nickname: db._.gte(text) }, { nickname: db._.lt(text + PREFIX_END) }])
      ]
      if (volunteers.length > 0) match.push({ id: db._.in(volunteers.map((v) => String(v.userId))) })
      const filters: Cond[] = [db._.or(match)]
      if (q.role) filters.push({ roles: q.role })
      const page = await readDocs(db, C.users, filters, { field: 'id', dir: 'asc' }, q)
      return { items: page.items.map(userFromDoc), next: page.next }
    }
  }
}
