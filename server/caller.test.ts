import { ok, openTestApp } from './testing/app'

describe('a first-time WeChat caller', () => {
  it('becomes one citizen when a page makes its first calls at once', async () => {
    const app = await openTestApp()
    const as = app.as('wx-new-person')
    const results = await Promise.all([as('users', 'me', {}), as('reports', 'categories', {}), as('users', 'me', {})])
    expect(results.map((r) => r.ok)).toEqual([true, true, true])
    const [a, , b] = results.map((r) => r.ok ? r.data : null) as Array<{ user: { id: string; roles: string[] } }>
    expect(a.user.id).toBe(b.user.id)
    expect(a.user.roles).toEqual(['citizen'])
    expect(ok(await as('users', 'me', {})).user.id).toBe(a.user.id)
    await app.close()
  })
})
