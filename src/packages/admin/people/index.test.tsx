import type { PersonView } from '../../../../core/people'
import { aGrid } from '../../../../core/testing/builders'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import People from './index'

const { $, tap, text, type, serve, open, dialogs, toasts, setConfirm } = usePageTest(People)

const NOW = Date.parse('2026-11-20T02:00:00.000Z')

function person (o: Partial<PersonView> = {}): PersonView {
  return {
    id: 'u-zhang', nickname: '张阿姨', roles: ['citizen'], gridIds: [], grids: [], organisation: null, areaCode: null, phone: '13800000001',
    realName: null, volunteerNo: null, homeGridName: '东塘01网格', reportBan: null, openTickets: null, createdAt: '2026-01-01T00:00:00.000Z', ...o
  }
}

const ZHAO = person({
  id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'], gridIds: ['g1'], grids: [{ id: 'g1', code: '430111001001001', name: '东塘01网格' }], openTickets: 3, phone: null
})
const LI = person({ id: 'u-li', nickname: '李志愿', roles: ['citizen', 'volunteer'], volunteerNo: 'V2026000004', realName: '李明', phone: '13900000004' })
const page = (items: PersonView[], next: string | null = null) => ({ ok: true as const, data: { items, next } })
const GRIDS = [aGrid({ id: 'g1', name: '东塘01网格', managerIds: ['u-zhao'] }), aGrid({ id: 'g2', name: '东塘02网格', managerIds: [] })]

beforeEach(() => { jest.spyOn(Date, 'now').mockReturnValue(NOW) })

describe('人员与角色: the list', () => {
  it('lists people with their roles, a masked phone, their grids and a ban in force; finds by text and filters by role', async () => {
    const banned = person({ id: 'u-chen', nickname: '陈某', reportBan: { until: '2026-11-27T15:59:00.000Z', reason: '虚假上报', by: 'u-admin', at: '2026-11-20T02:00:00.000Z' } })
    const fake = serve({ 'admin.findUsers': (e) => page(e.q === '李' ? [LI] : [person(), ZHAO, banned]) })
    await open('#people-list')
    expect(fake.sent('findUsers')).toEqual([{ action: 'findUsers', q: '', cursor: null, limit: 20 }])
    expect(text('[data-person="u-zhang"]')).toContain('138****0001')
    expect(text('[data-person="u-zhang"]')).not.toContain('13800000001')
    expect(Array.from(document.querySelectorAll('[data-person="u-zhao"] [data-chip]')).map((c) => c.textContent)).toEqual(['网格员'])
    expect(text('[data-person="u-zhao"]')).toContain('负责：东塘01网格 · 手中 3 件')
    expect(text('[data-banned="u-chen"]')).toBe('暂停上报至 2026年11月27日')

    await type('#people-search', ' 李 ')
    await tap('#people-search-go')
    await until(() => $('[data-person="u-li"]') !== null)
    await tap('[data-role-filter="volunteer"]')
    await until(() => fake.sent('findUsers').length === 3)
    expect(fake.sent('findUsers').slice(1)).toEqual([
      { action: 'findUsers', q: '李', cursor: null, limit: 20 },
      { action: 'findUsers', q: '李', role: 'volunteer', cursor: null, limit: 20 }
    ])
  })

  it('says when nobody matches, and what to try', async () => {
    serve({ 'admin.findUsers': () => page([]) })
    await open('.status-empty')
    await type('#people-search', '王')
    await tap('#people-search-go')
    await until(() => text('.status-empty .status-message') === '没有找到「王」')
    expect(text('.status-empty .status-desc')).toContain('完整的手机号')
  })

  it('someone who is not the office sees why, and no search box', async () => {
    serve({ 'admin.findUsers': () => ({ ok: false, error: { code: 'FORBIDDEN', message: '你没有权限进行这个操作' } }) })
    await open('.status-error')
    expect(text('.status-error .status-message')).toBe('你没有权限进行这个操作')
    expect($('#people-search')).toBeNull()
  })
})

describe('人员与角色: a person\'s sheet', () => {
  it('shows the whole phone, and grants 网格员 with grids and a reason after a confirm', async () => {
    const granted = person({ roles: ['citizen', 'grid_manager'], gridIds: ['g2'], grids: [{ id: 'g2', code: '430111001001002', name: '东塘02网格' }], openTickets: 0 })
    const fake = serve({
      'admin.findUsers': () => page([person()]),
      'admin.grids': () => page(GRIDS as never),
      'admin.grantRole': () => ({ ok: true, data: granted })
    })
    await open('[data-person="u-zhang"]')
    await tap('[data-person="u-zhang"]')
    expect(text('#person-phone')).toContain('13800000001')
    await tap('#grant-open')
    await tap('[data-grant-role="grid_manager"]')
    await until(() => $('[data-grid="g2"]') !== null)
    expect(text('[data-grid="g1"]')).toContain('已有 1 位网格员')
    await tap('[data-grid="g2"]')
    await type('#grant-reason', '街道推荐，新任东塘02网格员')
    await tap('#sheet-submit')
    await until(() => fake.sent('grantRole').length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '授予张阿姨「网格员」？', confirmText: '确认授予' })
    expect(fake.sent('grantRole')).toEqual([{ action: 'grantRole', userId: 'u-zhang', role: 'grid_manager', reason: '街道推荐，新任东塘02网格员', gridIds: ['g2'] }])
    await until(() => $('[data-panel="grant"]') === null)
    expect(toasts()).toEqual(['已授予'])
    expect(text('#person-grids .pp-fact-value')).toBe('东塘02网格')
  })

  it('names what is missing by its field and sends nothing; a declined confirm sends nothing either', async () => {
    const fake = serve({ 'admin.findUsers': () => page([person()]), 'admin.grantRole': () => ({ ok: true, data: person() }) })
    await open('[data-person="u-zhang"]')
    await tap('[data-person="u-zhang"]')
    await tap('#grant-open')
    await tap('[data-grant-role="organizer"]')
    await type('#grant-reason', '社区推荐')
    await tap('#sheet-submit')
    expect(text('#error-organisation')).toBe('请填写他代表的组织，例如 香樟路社区志愿服务队')
    await type('#grant-organisation', '东塘社区志愿服务队')
    await type('#grant-reason', '嗯')
    await tap('#sheet-submit')
    expect(text('#error-reason')).toBe('请写明授予的原因（至少 2 个字），会记入操作记录')
    setConfirm(false)
    await type('#grant-reason', '社区推荐')
    await tap('#sheet-submit')
    await until(() => dialogs().length === 1)
    expect(fake.sent('grantRole')).toEqual([])
  })

  it('revoking a grid manager who holds open tickets asks who takes them over, and sends it', async () => {
    const fake = serve({
      'admin.findUsers': () => page([ZHAO]),
      'admin.managers': () => ({ ok: true, data: [{ id: 'u-zhao', nickname: '赵网格', gridIds: ['g1'] }, { id: 'u-qian', nickname: '钱网格', gridIds: ['g3', 'g4'] }] }),
      'admin.revokeRole': () => ({ ok: true, data: { person: person({ id: 'u-zhao', nickname: '赵网格' }), reassigned: 3 } })
    })
    await open('[data-person="u-zhao"]')
    await tap('[data-person="u-zhao"]')
    expect(text('#person-open .pp-fact-value')).toBe('3 件未办结')
    await tap('[data-revoke="grid_manager"]')
    await until(() => $('[data-reassign="u-qian"]') !== null)
    expect($('[data-reassign="u-zhao"]')).toBeNull()
    expect(text('[data-panel="revoke"]')).toContain('他手中还有 3 件未办结的案卷')
    await tap('[data-reassign="u-qian"]')
    await type('#revoke-reason', '调往其他街道')
    await tap('#sheet-submit')
    await until(() => fake.sent('revokeRole').length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '撤销赵网格的「网格员」？', content: expect.stringContaining('3 件未办结的案卷会改派给钱网格'), confirmColor: '#c92a2a' })
    expect(fake.sent('revokeRole')).toEqual([{ action: 'revokeRole', userId: 'u-zhao', role: 'grid_manager', reason: '调往其他街道', reassignTo: 'u-qian' }])
    await until(() => toasts().includes('已撤销'))
  })

  it('a refusal shows the server\'s words and keeps the form', async () => {
    serve({
      'admin.findUsers': () => page([ZHAO]),
      'admin.managers': () => ({ ok: true, data: [] }),
      'admin.revokeRole': () => ({ ok: false, error: { code: 'CONFLICT', message: '赵网格还有 3 件未办结的案卷。请先选一位接手的网格员' } })
    })
    await open('[data-person="u-zhao"]')
    await tap('[data-person="u-zhao"]')
    await tap('[data-revoke="grid_manager"]')
    await type('#revoke-reason', '调往其他街道')
    await tap('#sheet-submit')
    await until(() => $('#sheet-error') !== null)
    expect(text('#sheet-error')).toContain('还有 3 件未办结的案卷')
    expect($('[data-panel="revoke"]')).not.toBeNull()
  })

  it('暂停上报 to the end of a picked day (a week by default) with a reason the person is told; then 恢复上报', async () => {
    const banned = person({ reportBan: { until: '2026-11-27T15:59:00.000Z', reason: '一周内多次虚假上报', by: 'u-admin', at: '2026-11-20T02:00:00.000Z' } })
    const fake = serve({
      'admin.findUsers': () => page([person()]),
      'admin.banReporter': () => ({ ok: true, data: banned }),
      'admin.unban': () => ({ ok: true, data: person() })
    })
    await open('[data-person="u-zhang"]')
    await tap('[data-person="u-zhang"]')
    await tap('#ban-open')
    expect(text('#ban-date')).toBe('2026年11月27日 当天结束 ▾')
    await type('#ban-reason', '一周内多次虚假上报')
    await tap('#sheet-submit')
    await until(() => fake.sent('banReporter').length === 1)
    expect(dialogs()[0]).toMatchObject({ title: '暂停张阿姨的随手拍上报？', content: expect.stringContaining('2026年11月27日') })
    expect(fake.sent('banReporter')).toEqual([{ action: 'banReporter', userId: 'u-zhang', until: '2026-11-27T15:59:00.000Z', reason: '一周内多次虚假上报' }])
    await until(() => $('#person-ban') !== null)
    expect(text('#person-ban')).toContain('暂停上报至 2026年11月27日')
    expect(text('#person-ban')).toContain('原因：一周内多次虚假上报')

    await tap('#unban-open')
    await type('#unban-reason', '核实后为误判')
    await tap('#sheet-submit')
    await until(() => fake.sent('unban').length === 1)
    expect(fake.sent('unban')).toEqual([{ action: 'unban', userId: 'u-zhang', reason: '核实后为误判' }])
    await until(() => $('#person-ban') === null)
  })
})
