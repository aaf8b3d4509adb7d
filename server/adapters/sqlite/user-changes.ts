import type { Grid, User } from '../../../core/types'
import type { UserChange, UserChangeStore } from '../../ports/user-changes'
import type { AuditOps } from './audit'
import { parseDoc, type Db, type Sql } from './db'
import type { MessageOps } from './messages'
import { conditions, readPage } from './paging'

/** The fields a change compares with what it read: another change to any of them first makes it lose. */
export const changedFacts = (u: User): string =>
  JSON.stringify([u.roles, u.gridIds, u.organisation ?? null, u.areaCode ?? null, u.reportBan ?? null])

/** The first character after every nickname that starts with `text` (a prefix range the index can use). */
const PREFIX_END = '\uffff'

/**
 * The office's change to one person in one transaction: compare with what the change read, write the user and its
 * role rows, mirror the grids' managerIds, add the audit entry and the messages.
 */
export function userChangeStore (db: Db, sql: Sql, ops: { audit: AuditOps; messages: MessageOps }): UserChangeStore {
  const userById = db.prepare('SELECT doc FROM users WHERE id = ?').pluck()
  const setUserDoc = db.prepare('UPDATE users SET doc = ? WHERE id = ?')
  const clearRoles = db.prepare('DELETE FROM user_roles WHERE user_id = ?')
  const addRole = db.prepare('INSERT INTO user_roles (role, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const gridById = db.prepare('SELECT doc FROM grids WHERE id = ?').pluck()
  const setGridDoc = db.prepare('UPDATE grids SET doc = ? WHERE id = ?')

  const mirror = (gridId: string, userId: string, manages: boolean) => {
    const grid = parseDoc<Grid>(gridById.get(gridId))
    if (!grid) return
    const has = grid.managerIds.includes(userId)
    if (has === manages) return
    const managerIds = manages ? [...grid.managerIds, userId] : grid.managerIds.filter((id) => id !== userId)
    setGridDoc.run(JSON.stringify({ ...grid, managerIds }), gridId)
  }

  const change = db.transaction((c: UserChange): User | null => {
    const current = parseDoc<User>(userById.get(c.before.id))
    if (!current || changedFacts(current) !== changedFacts(c.before)) return null
    const { roles, gridIds, organisation, areaCode, reportBan } = c.after
    const next: User = { ...current, roles: [...roles], gridIds: [...gridIds], organisation: organisation ?? null, areaCode: areaCode ?? null, reportBan: reportBan ?? null }
    setUserDoc.run(JSON.stringify(next), next.id)
    clearRoles.run(next.id)
    for (const role of new Set(next.roles)) addRole.run(role, next.id)
    for (const g of c.managerOf.add) mirror(g, next.id, true)
    for (const g of c.managerOf.remove) mirror(g, next.id, false)
    ops.audit.add(c.audit)
    for (const m of c.messages) ops.messages.insert(m)
    return next
  })

  return {
    changeUser: async (c) => change.immediate(c),
    findUsers: async (q) => {
      const c = conditions()
      const text = q.text
      c.add(`(id = ? OR json_extract(doc, '$.phone') = ? OR (json_extract(doc, '$.nickname') >= ? AND json_extract(doc, '$.nickname') < ?)
        OR id IN (SELECT user_id FROM volunteers WHERE json_extract(doc, '$.phone') = ? OR json_extract(doc, '$.volunteerNo') = ?))`,
      text, text, text, text + PREFIX_END, text, text)
      if (q.role !== undefined) c.add('id IN (SELECT user_id FROM user_roles WHERE role = ?)', q.role)
      return readPage<User>(sql, { table: 'users', ...c, sortColumn: 'id', direction: 'ASC' }, q)
    }
  }
}
