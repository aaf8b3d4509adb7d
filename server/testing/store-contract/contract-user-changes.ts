import type { AuditEntry } from '../../../core/audit'
import { aGrid, aMessage, aTicket, aTicketEvent, aUser, isoAt } from '../../../core/testing/builders'
import type { User, VolunteerProfile } from '../../../core/types'
import type { Store } from '../../ports/store'
import type { UserChange } from '../../ports/user-changes'
import { ids, readAllPages } from './pages'
import { aChange, aFiling } from './unit-builders'

const audit = (id: string, targetId: string, o: Partial<AuditEntry> = {}): AuditEntry =>
  ({ id, at: isoAt(5), kind: 'role', action: 'grant', actorId: 'u-office', targetId, reason: '新任网格员', summary: '授予 网格员（1 个网格）', ...o })

const change = (before: User, after: User, o: Partial<UserChange> = {}): UserChange =>
  ({ before, after, managerOf: { add: [], remove: [] }, audit: audit(`a-${after.id}-${after.roles.length}`, after.id), messages: [], ...o })

const profile = (userId: string, o: Partial<VolunteerProfile> = {}): VolunteerProfile => ({
  userId, realName: '李四', phone: '13900000001', homeGridId: null, community: '东塘社区', skills: ['环境保护'], volunteerNo: `V${userId.slice(-4).padStart(10, '0')}`, registeredAt: isoAt(1), ...o
})

const gridManagers = async (store: Store, id: string): Promise<string[] | undefined> =>
  (await readAllPages((cursor) => store.listGrids({ cursor, limit: 100 }))).flat().find((g) => g.id === id)?.managerIds

export function userChangeContract (store: () => Store): void {
  describe('user changes (roles, bans) and finding people', () => {
    it('a grant writes the user, its role rows, the grids\' managers, the audit entry and the messages as one change', async () => {
      const user = aUser({ id: 'u-new-gm' })
      await store().putUser(user)
      await store().putGrids([aGrid({ id: 'g-1', managerIds: ['u-old'] }), aGrid({ id: 'g-2' })])
      const after: User = { ...user, roles: ['citizen', 'grid_manager'], gridIds: ['g-1', 'g-2'] }
      const told = aMessage({ id: 'm-grant', userId: user.id, title: '你已成为网格员' })
      const written = await store().changeUser(change(user, after, { managerOf: { add: ['g-1', 'g-2'], remove: [] }, messages: [told] }))
      expect(written).toMatchObject({ id: user.id, roles: ['citizen', 'grid_manager'], gridIds: ['g-1', 'g-2'] })
      expect(await store().getUser(user.id)).toEqual(written)
      expect(ids((await store().listUsers({ role: 'grid_manager' })).items)).toEqual([user.id])
      expect(await gridManagers(store(), 'g-1')).toEqual(['u-old', user.id])
      expect(await gridManagers(store(), 'g-2')).toEqual([user.id])
      expect((await store().listAudit({ targetId: user.id })).items).toEqual([audit(`a-${user.id}-2`, user.id)])
      expect((await store().listMessages({ userId: user.id })).items).toEqual([told])
    })

    it('a revoke takes the user off the grids it names and leaves the other managers', async () => {
      const user = aUser({ id: 'u-gm', roles: ['citizen', 'grid_manager'], gridIds: ['g-1', 'g-2'] })
      await store().putUser(user)
      await store().putGrids([aGrid({ id: 'g-1', managerIds: ['u-gm', 'u-other'] }), aGrid({ id: 'g-2', managerIds: ['u-gm'] })])
      const after: User = { ...user, roles: ['citizen'], gridIds: [] }
      expect(await store().changeUser(change(user, after, { managerOf: { add: [], remove: ['g-1', 'g-2'] }, audit: audit('a-revoke', user.id, { action: 'revoke' }) }))).toMatchObject({ roles: ['citizen'], gridIds: [] })
      expect(await gridManagers(store(), 'g-1')).toEqual(['u-other'])
      expect(await gridManagers(store(), 'g-2')).toEqual([])
      expect((await store().listUsers({ role: 'grid_manager' })).items).toEqual([])
    })

    it('a change read before another one landed writes nothing and answers null', async () => {
      const user = aUser({ id: 'u-raced' })
      await store().putUser(user)
      await store().putGrids([aGrid({ id: 'g-1' })])
      const organizer: User = { ...user, roles: ['citizen', 'organizer'], organisation: '东塘志愿服务队' }
      expect(await store().changeUser(change(user, organizer, { audit: audit('a-first', user.id) }))).not.toBeNull()
      // The second tab read the user before the first change.
      const late = await store().changeUser(change(user, { ...user, roles: ['citizen', 'grid_manager'], gridIds: ['g-1'] }, { managerOf: { add: ['g-1'], remove: [] }, audit: audit('a-late', user.id), messages: [aMessage({ id: 'm-late', userId: user.id })] }))
      expect(late).toBeNull()
      expect(await store().getUser(user.id)).toMatchObject({ roles: ['citizen', 'organizer'], gridIds: [], organisation: '东塘志愿服务队' })
      expect(await gridManagers(store(), 'g-1')).toEqual([])
      expect(ids((await store().listAudit({ targetId: user.id })).items)).toEqual(['a-first'])
      expect((await store().listMessages({ userId: user.id })).items).toEqual([])
      expect(await store().changeUser(change(aUser({ id: 'u-missing' }), aUser({ id: 'u-missing' })))).toBeNull()
    })

    it('a ban is kept on the user and lifted again; the user reads back with it', async () => {
      const user = aUser({ id: 'u-banned' })
      await store().putUser(user)
      const ban = { until: isoAt(60 * 24 * 7), reason: '多次上报虚假信息', by: 'u-office', at: isoAt(5) }
      const banned = await store().changeUser(change(user, { ...user, reportBan: ban }, { audit: audit('a-ban', user.id, { kind: 'moderation', action: 'ban' }) }))
      expect(banned?.reportBan).toEqual(ban)
      expect((await store().getUser(user.id))?.reportBan).toEqual(ban)
      const lifted = await store().changeUser(change(banned!, { ...banned!, reportBan: null }, { audit: audit('a-unban', user.id, { kind: 'moderation', action: 'unban' }) }))
      expect(lifted?.reportBan).toBeNull()
      expect((await store().getUser(user.id))?.reportBan ?? null).toBeNull()
      expect(ids((await store().listAudit({ kind: 'moderation' })).items).sort()).toEqual(['a-ban', 'a-unban'])
    })

    it('findUsers: by id, own or registered phone, volunteer number, or the start of a nickname; by role; paged by id', async () => {
      const people = [
        aUser({ id: 'u-01', nickname: '张阿姨', phone: '13800000001' }),
        aUser({ id: 'u-02', nickname: '张大伯', roles: ['citizen', 'grid_manager'], gridIds: ['g-1'] }),
        aUser({ id: 'u-03', nickname: '老张', roles: ['citizen', 'volunteer'] }),
        aUser({ id: 'u-04', nickname: '李志愿', roles: ['citizen', 'volunteer'] }),
        aUser({ id: 'u-05', nickname: '张三丰' })
      ]
      for (const u of people) await store().putUser(u)
      await store().registerVolunteer(profile('u-03', { phone: '13900000003', volunteerNo: 'V2026000003' }))
      await store().registerVolunteer(profile('u-04', { phone: '13900000004', volunteerNo: 'V2026000004' }))
      const find = async (text: string, role?: User['roles'][number]) => ids((await store().findUsers({ text, role, limit: 100 })).items)
      expect(await find('张')).toEqual(['u-01', 'u-02', 'u-05'])
      expect(await find('张阿')).toEqual(['u-01'])
      expect(await find('阿姨')).toEqual([])
      expect(await find('u-04')).toEqual(['u-04'])
      expect(await find('13800000001')).toEqual(['u-01'])
      expect(await find('13900000003')).toEqual(['u-03'])
      expect(await find('V2026000004')).toEqual(['u-04'])
      expect(await find('1390000000')).toEqual([])
      expect(await find('张', 'grid_manager')).toEqual(['u-02'])
      const pages = await readAllPages((cursor) => store().findUsers({ text: '张', cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['u-01', 'u-02'], ['u-05']])
    })

    it('a ticket change carries its audit entry (moderation) in the same unit; a lost change writes none', async () => {
      const t = aTicket()
      await store().fileReport(aFiling(t))
      const hiddenAt = isoAt(5)
      const hide = aChange(t, {
        patch: { hidden: { at: hiddenAt, by: 'u-office', reason: '含有他人隐私' }, updatedAt: hiddenAt },
        event: aTicketEvent({ id: 'te-hide', ticketId: t.id, action: 'hide', fromState: t.state, toState: t.state, at: hiddenAt }),
        audit: audit('a-hide', t.id, { kind: 'moderation', action: 'hide', summary: '不公开显示' })
      })
      expect(await store().changeTicket(hide)).toMatchObject({ hidden: { reason: '含有他人隐私' }, version: t.version + 1 })
      expect(await store().changeTicket({ ...hide, event: { ...hide.event, id: 'te-late' }, audit: audit('a-late', t.id, { kind: 'moderation' }) })).toBeNull()
      expect(ids((await store().listAudit({ targetId: t.id })).items)).toEqual(['a-hide'])
      expect(await store().recover()).toBe(0)
    })
  })
}
