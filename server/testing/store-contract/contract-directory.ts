import type { Store } from '../../ports/store'
import { aCategory, aGrid, aUser } from '../../../core/testing/builders'
import { ids, readAllPages } from './pages'

export function directoryContract (store: () => Store): void {
  describe('users', () => {
    it('round-trips a user by id and by openid', async () => {
      const user = aUser({ phone: '13800000000', roles: ['citizen', 'volunteer'], homeGridId: 'grid-1' })
      await store().putUser(user)
      expect(await store().getUser(user.id)).toEqual(user)
      expect(await store().getUserByOpenid(user.openid)).toEqual(user)
    })

    it('createUser: one user per openid, whoever asks first; five concurrent first calls end with one', async () => {
      const first = await store().createUser(aUser({ id: 'user-first', openid: 'wx-new' }))
      expect(first.id).toBe('user-first')
      expect(await store().createUser(aUser({ id: 'user-second', openid: 'wx-new' }))).toEqual(first)
      const raced = await Promise.all(Array.from({ length: 5 }, (_, i) => store().createUser(aUser({ id: `user-race-${i}`, openid: 'wx-race' }))))
      expect(new Set(raced.map((u) => u.id)).size).toBe(1)
      const all = await readAllPages((cursor) => store().listUsers({ cursor, limit: 100 }))
      expect(all.flat().filter((u) => u.openid === 'wx-race')).toHaveLength(1)
      expect(await store().getUserByOpenid('wx-race')).toEqual(raced[0])
    })

    it('returns null for a missing user', async () => {
      expect(await store().getUser('user-missing')).toBeNull()
      expect(await store().getUserByOpenid('openid-missing')).toBeNull()
    })

    it('putUser replaces the user with the same id', async () => {
      const user = aUser({ openid: 'openid-old' })
      await store().putUser(user)
      const changed = { ...user, openid: 'openid-new', nickname: '李四', roles: [...user.roles, 'grid_manager' as const], gridIds: ['grid-9'] }
      await store().putUser(changed)
      expect(await store().getUser(user.id)).toEqual(changed)
      expect(await store().getUserByOpenid('openid-new')).toEqual(changed)
      expect(await store().getUserByOpenid('openid-old')).toBeNull()
      expect(ids((await store().listUsers({})).items)).toEqual([user.id])
    })

    it('a role granted or revoked by putUser is what the role filter sees', async () => {
      const user = aUser({ id: 'u-role', roles: ['citizen'] })
      await store().putUser(user)
      expect(ids((await store().listUsers({ role: 'admin' })).items)).toEqual([])
      await store().putUser({ ...user, roles: ['citizen', 'admin'] })
      expect(ids((await store().listUsers({ role: 'admin' })).items)).toEqual(['u-role'])
      await store().putUser({ ...user, roles: ['citizen'] })
      expect(ids((await store().listUsers({ role: 'admin' })).items)).toEqual([])
      const created = await store().createUser(aUser({ id: 'u-new-gm', openid: 'wx-gm', roles: ['citizen', 'grid_manager'] }))
      expect(ids((await store().listUsers({ role: 'grid_manager' })).items)).toEqual([created.id])
    })

    it('lists users by id, paged, and filters by role', async () => {
      const users = ['u-05', 'u-01', 'u-04', 'u-02', 'u-03'].map((id) =>
        aUser({ id, roles: id === 'u-02' || id === 'u-04' ? ['citizen', 'grid_manager'] : ['citizen'] }))
      for (const u of users) await store().putUser(u)
      const pages = await readAllPages((cursor) => store().listUsers({ cursor, limit: 2 }))
      expect(pages.map(ids)).toEqual([['u-01', 'u-02'], ['u-03', 'u-04'], ['u-05']])
      expect(ids((await store().listUsers({ role: 'grid_manager' })).items)).toEqual(['u-02', 'u-04'])
      expect((await store().listUsers({ role: 'admin' })).items).toEqual([])
    })
  })

  describe('grids', () => {
    it('round-trips grids and returns null for a missing one', async () => {
      const grid = aGrid({ managerIds: ['user-m'] })
      await store().putGrids([grid])
      expect((await store().listGrids({})).items).toEqual([grid])
    })

    it('putGrids upserts by id', async () => {
      const grid = aGrid({ population: 100 })
      await store().putGrids([grid])
      await store().putGrids([{ ...grid, population: 250 }])
      expect((await store().listGrids({})).items).toEqual([{ ...grid, population: 250 }])
      expect((await store().listGrids({})).items).toHaveLength(1)
    })

    it('lists grids by code, paged', async () => {
      const grids = ['330102001001003', '330102001001001', '330102001001002'].map((code, i) => aGrid({ id: `g-${3 - i}`, code }))
      await store().putGrids(grids)
      const pages = await readAllPages((cursor) => store().listGrids({ cursor, limit: 2 }))
      expect(pages.map((p) => p.map((g) => g.code))).toEqual([['330102001001001', '330102001001002'], ['330102001001003']])
    })
  })

  describe('categories', () => {
    it('round-trips categories, upserts by id and returns null for a missing one', async () => {
      const cat = aCategory()
      await store().putCategories([cat])
      expect((await store().listCategories({})).items).toEqual([cat])
      await store().putCategories([{ ...cat, active: false }])
      expect((await store().listCategories({})).items).toEqual([{ ...cat, active: false }])
    })

    it('lists categories by code, paged', async () => {
      const cats = ['0203', '01', '0201', '02'].map((code, i) => aCategory({ id: `c-${i}`, code, level: code.length === 2 ? 1 : 2 }))
      await store().putCategories(cats)
      const pages = await readAllPages((cursor) => store().listCategories({ cursor, limit: 3 }))
      expect(pages.map((p) => p.map((c) => c.code))).toEqual([['01', '02', '0201'], ['0203']])
    })
  })
}
