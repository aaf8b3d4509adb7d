import { aTicket, aUser } from './testing/builders'
import { grantRoleInput, revokeRoleInput } from './admin-schemas'
import { heldTickets, planGrant, planRevoke, reassignRefusal, reassignStep, roleAudit } from './people'

const names: Record<string, string> = { g1: '东塘01网格', g2: '东塘02网格', g3: '东塘03网格', g4: '东塘04网格' }
const nameOf = (id: string) => names[id]

describe('granting roles', () => {
  it('a grid manager gets the grids, and a manager more of them; all held already is a CONFLICT', () => {
    const wang = aUser({ id: 'u-wang', nickname: '王师傅' })
    const first = planGrant(wang, { role: 'grid_manager', gridIds: ['g1', 'g2', 'g1'] }, nameOf)
    expect(first).toEqual({ ok: true, plan: { after: { ...wang, roles: ['citizen', 'grid_manager'], gridIds: ['g1', 'g2'] }, managerOf: { add: ['g1', 'g2'], remove: [] }, summary: '授予 网格员（2 个网格：东塘01网格、东塘02网格）' } })
    const manager = first.ok ? first.plan.after : wang
    const more = planGrant(manager, { role: 'grid_manager', gridIds: ['g2', 'g3', 'g4', 'g1', 'g9'] }, nameOf)
    expect(more.ok && more.plan.managerOf.add).toEqual(['g3', 'g4', 'g9'])
    expect(more.ok && more.plan.summary).toBe('增加负责的网格（3 个网格：东塘03网格、东塘04网格、g9）')
    expect(planGrant(manager, { role: 'grid_manager', gridIds: ['g1'] }, nameOf)).toEqual({ ok: false, code: 'CONFLICT', message: '王师傅已经是这些网格的网格员' })
  })

  it('a stale grid list on someone who is no manager is replaced, and the grids it named let go of them', () => {
    const stale = aUser({ gridIds: ['g1'] })
    const r = planGrant(stale, { role: 'grid_manager', gridIds: ['g2'] }, nameOf)
    expect(r.ok && r.plan.managerOf).toEqual({ add: ['g2'], remove: ['g1'] })
  })

  it('an organizer carries an organisation, an admin an area (全市 by default)', () => {
    const li = aUser({ nickname: '李老师' })
    const org = planGrant(li, { role: 'organizer', organisation: '东塘社区志愿服务队' }, nameOf)
    expect(org.ok && org.plan).toMatchObject({ after: { roles: ['citizen', 'organizer'], organisation: '东塘社区志愿服务队' }, summary: '授予 组织者（东塘社区志愿服务队）' })
    const office = planGrant(li, { role: 'admin' }, nameOf)
    expect(office.ok && office.plan).toMatchObject({ after: { roles: ['citizen', 'admin'], areaCode: '' }, summary: '授予 文明办（全市）' })
    const moved = planGrant({ ...li, roles: ['citizen', 'admin'], areaCode: '' }, { role: 'admin', areaCode: '430111' }, nameOf)
    expect(moved.ok && moved.plan.summary).toBe('文明办的负责区域改为区域 430111')
  })

  it('the form\'s schema asks for the grids or the organisation the role needs', () => {
    const base = { userId: 'u-1', reason: '新任' }
    expect(grantRoleInput.safeParse({ ...base, role: 'grid_manager' }).error?.issues[0]).toMatchObject({ path: ['gridIds'], message: '请选择他负责的网格' })
    expect(grantRoleInput.safeParse({ ...base, role: 'organizer' }).error?.issues[0].path).toEqual(['organisation'])
    expect(grantRoleInput.safeParse({ ...base, role: 'volunteer' }).success).toBe(false)
    expect(revokeRoleInput.safeParse({ userId: 'u-1', role: 'admin', reason: ' 嗯 ' }).error?.issues[0].message).toBe('请写明撤销的原因（至少 2 个字），会记入操作记录')
  })
})

describe('revoking roles', () => {
  const zhao = aUser({ id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'], gridIds: ['g1', 'g2'] })

  it('some grids, or the role with all of them; a grid not held is a CONFLICT', () => {
    const some = planRevoke(zhao, { role: 'grid_manager', gridIds: ['g2'] }, 'u-liu', nameOf)
    expect(some.ok && some.plan).toMatchObject({ after: { roles: ['citizen', 'grid_manager'], gridIds: ['g1'] }, managerOf: { add: [], remove: ['g2'] }, summary: '减少负责的网格（1 个网格：东塘02网格）' })
    const all = planRevoke(zhao, { role: 'grid_manager' }, 'u-liu', nameOf)
    expect(all.ok && all.plan).toMatchObject({ after: { roles: ['citizen'], gridIds: [] }, managerOf: { remove: ['g1', 'g2'] }, summary: '撤销 网格员（2 个网格：东塘01网格、东塘02网格）' })
    expect(planRevoke(zhao, { role: 'grid_manager', gridIds: ['g3'] }, 'u-liu', nameOf)).toEqual({ ok: false, code: 'CONFLICT', message: '赵网格不负责东塘03网格' })
    expect(planRevoke(zhao, { role: 'organizer' }, 'u-liu', nameOf)).toEqual({ ok: false, code: 'CONFLICT', message: '赵网格没有组织者角色' })
  })

  it('an admin may not revoke their own admin role', () => {
    const liu = aUser({ id: 'u-liu', roles: ['admin'], areaCode: '' })
    expect(planRevoke(liu, { role: 'admin' }, 'u-liu', nameOf)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(planRevoke(liu, { role: 'admin' }, 'u-other', nameOf)).toMatchObject({ ok: true, plan: { after: { roles: [], areaCode: null } } })
  })

  it('the tickets a revoke would strand: assigned, still being handled, in the grids taken away', () => {
    const tickets = [
      aTicket({ id: 't1', assigneeId: 'u-zhao', gridId: 'g1', state: 'accepted' }),
      aTicket({ id: 't2', assigneeId: 'u-zhao', gridId: 'g2', state: 'resolved' }),
      aTicket({ id: 't3', assigneeId: 'u-zhao', gridId: 'g2', state: 'fixed' }),
      aTicket({ id: 't4', assigneeId: 'u-qian', gridId: 'g2', state: 'dispatched' })
    ]
    expect(heldTickets(tickets, 'u-zhao', 'all').map((t) => t.id)).toEqual(['t1', 't2'])
    expect(heldTickets(tickets, 'u-zhao', ['g2']).map((t) => t.id)).toEqual(['t2'])
  })

  it('moves them to another grid manager as an in-place step', () => {
    const t = aTicket({ id: 't1', assigneeId: 'u-zhao', state: 'accepted' })
    const qian = aUser({ id: 'u-qian', nickname: '钱网格', roles: ['citizen', 'grid_manager'] })
    expect(reassignRefusal(t, aUser({ nickname: '孙阿姨' }))).toBe('孙阿姨不是网格员，不能接手案卷')
    expect(reassignRefusal(t, qian)).toBeNull()
    const step = reassignStep(t, { id: 'u-liu' }, qian, 'te-1', '2026-11-20T02:00:00.000Z', '赵网格调岗')
    expect(step.patch.assigneeId).toBe('u-qian')
    expect(step.event).toMatchObject({ action: 'reassign', fromState: 'accepted', toState: 'accepted', note: '改派给钱网格：赵网格调岗' })
  })

  it('the audit entry keeps the facts before and after', () => {
    const all = planRevoke(zhao, { role: 'grid_manager' }, 'u-liu', nameOf)
    if (!all.ok) throw new Error('expected a plan')
    expect(roleAudit({ id: 'a1', at: 'now', actorId: 'u-liu', action: 'revoke', before: zhao, plan: all.plan, reason: '调岗' })).toEqual({
      id: 'a1', at: 'now', kind: 'role', action: 'revoke', actorId: 'u-liu', targetId: 'u-zhao', reason: '调岗', summary: all.plan.summary,
      before: { roles: ['citizen', 'grid_manager'], gridIds: ['g1', 'g2'], organisation: null, areaCode: null },
      after: { roles: ['citizen'], gridIds: [], organisation: null, areaCode: null }
    })
  })
})
