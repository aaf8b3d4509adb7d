import type { GridDraft, GridImportReport } from '../geo/geojson'
import { aGrid, aUser } from '../testing/builders'
import type { Grid, User } from '../types'
import { editGrid, gridAuditSummary, planImport, planRestore, restoreManagerIds, revivedManagerIds, storedRing, type ManagerFacts } from './versions'

const ring = (x: number): Grid['polygon'] => [[x, 28], [x + 0.01, 28], [x + 0.01, 28.01], [x, 28.01]]
const grid = (id: string, code: string, o: Partial<Grid> = {}): Grid => aGrid({ id, code, name: `网格${code.slice(-3)}`, polygon: ring(Number(code.slice(-3)) / 100), ...o })
const draft = (g: Pick<Grid, 'code'> & Partial<Grid>, featureIndex: number): GridDraft => {
  const { id: _id, managerIds: _m, ...rest } = grid('x', g.code, g)
  return { ...rest, featureIndex }
}
const report = (missingPopulation: number[] = []): GridImportReport => ({
  datum: { input: 'gcj02', source: 'option', converted: false },
  featureCount: 0,
  errorCount: 0,
  warningCount: missingPopulation.length,
  file: [],
  features: missingPopulation.map((index) => ({ index, code: null, name: null, problems: [{ rule: 'population_missing', severity: 'warning', message: '未填写常住人口' }] }))
})
const ids = () => { let n = 0; return () => `grid-new-${++n}` }
const gm = (id: string, gridIds: string[], roles: User['roles'] = ['citizen', 'grid_manager']): ManagerFacts => ({ id, roles, gridIds })

const ACTIVE = [grid('g-1', '430111001001001', { managerIds: ['u-1'], population: 800 }), grid('g-2', '430111001001002', { managerIds: ['u-2', 'u-3'] })]

describe('planImport', () => {
  it('keeps ids and managers by code, gives new codes new ids, and counts what changes', () => {
    const plan = planImport(ACTIVE, [draft({ code: '430111001001001', name: '新名字' }, 0), draft({ code: '430111001001005' }, 1)], report(), ids())
    expect(plan.grids.map((g) => [g.id, g.code, g.managerIds])).toEqual([['g-1', '430111001001001', ['u-1']], ['grid-new-1', '430111001001005', []]])
    expect(plan.grids[0].name).toBe('新名字')
    expect(plan.retired.map((g) => g.id)).toEqual(['g-2'])
    expect(plan.diff).toEqual({
      total: 2, added: 1, revived: 0, kept: 1, renamed: 1, reshaped: 0, removed: 1,
      removedGrids: [{ id: 'g-2', code: '430111001001002', name: '网格002', managerIds: ['u-2', 'u-3'] }], managersLosingGrid: 2, populationCarried: 0
    })
  })

  it('counts a moved boundary, and keeps the population a file leaves out', () => {
    const plan = planImport(ACTIVE, [draft({ code: '430111001001001', polygon: ring(0.5), population: 0 }, 0)], report([0]), ids())
    expect(plan.diff).toMatchObject({ reshaped: 1, populationCarried: 1 })
    expect(plan.grids[0].population).toBe(800)
  })

  it('brings a retired code back with its id and the managers who still manage it', () => {
    const retired = [grid('g-9', '430111001001009', { managerIds: ['u-7', 'u-8', 'u-9'] })]
    const codes = ['430111001001001', '430111001001009']
    expect(revivedManagerIds(ACTIVE, retired, codes)).toEqual(['u-7', 'u-8', 'u-9'])
    const managers = new Map([['u-7', gm('u-7', ['g-9'])], ['u-8', gm('u-8', [])], ['u-9', gm('u-9', ['g-9'], ['citizen'])]])
    const plan = planImport(ACTIVE, codes.map((code, i) => draft({ code }, i)), report(), ids(), { grids: retired, managers })
    expect(plan.grids[1]).toMatchObject({ id: 'g-9', managerIds: ['u-7'] })
    expect(plan.diff).toMatchObject({ added: 1, revived: 1 })
  })
})

describe('storedRing', () => {
  it('keeps 7 decimals and drops the points that become one, the closing one too', () => {
    expect(storedRing([[113.123456789012, 28.1], [113.12345679, 28.10000001], [113.2, 28.1], [113.2, 28.2], [113.12345678999, 28.1]]))
      .toEqual([[113.1234568, 28.1], [113.2, 28.1], [113.2, 28.2]])
  })

  it('is what an import stores: a file read again with more digits is not a new boundary', () => {
    const exact = planImport([], [draft({ code: '430111001001001', polygon: [[113.1, 28.1], [113.2, 28.1], [113.2, 28.2]] }, 0)], report(), ids())
    const noisy = planImport(exact.grids, [draft({ code: '430111001001001', polygon: [[113.10000000001, 28.1], [113.2, 28.09999999998], [113.2, 28.2]] }, 0)], report(), ids())
    expect(noisy.grids[0].polygon).toEqual(exact.grids[0].polygon)
    expect(noisy.diff.reshaped).toBe(0)
  })
})

describe('planRestore', () => {
  it('brings back the old grids with today\'s managers where both have the grid, and the old ones who still manage it elsewhere', () => {
    const current = [grid('g-1', '430111001001001', { managerIds: ['u-new'] }), grid('g-5', '430111001001005')]
    const target = [grid('g-1', '430111001001001', { managerIds: ['u-1'] }), grid('g-2', '430111001001002', { managerIds: ['u-2', 'u-3'] })]
    expect(restoreManagerIds(current, target)).toEqual(['u-2', 'u-3'])
    const plan = planRestore(current, target, new Map([['u-2', gm('u-2', ['g-2'])], ['u-3', gm('u-3', ['g-1'])]]))
    expect(plan.grids.map((g) => [g.id, g.managerIds])).toEqual([['g-1', ['u-new']], ['g-2', ['u-2']]])
    expect(plan.changed.map((g) => g.id)).toEqual(['g-1', 'g-2'])
    expect(plan.retired.map((g) => g.id)).toEqual(['g-5'])
    expect(plan.managersDropped).toBe(1)
  })
})

describe('editGrid', () => {
  const people = new Map<string, User>([
    ['u-1', aUser({ id: 'u-1', nickname: '赵网格', roles: ['citizen', 'grid_manager'], gridIds: ['g-1'] })],
    ['u-4', aUser({ id: 'u-4', nickname: '钱网格', roles: ['citizen', 'grid_manager'], gridIds: ['g-7'] })],
    ['u-5', aUser({ id: 'u-5', nickname: '孙居民', roles: ['citizen'] })]
  ])

  it('moves the grid between people: the one added gains it, the one removed loses it', () => {
    const r = editGrid(ACTIVE[0], { managerIds: ['u-4', 'u-4'], name: '新名', population: 900 }, people)
    if (!r.ok) throw new Error(r.message)
    expect(r.grid).toMatchObject({ managerIds: ['u-4'], name: '新名', population: 900 })
    expect(r.users.map((u) => [u.id, u.gridIds])).toEqual([['u-4', ['g-7', 'g-1']], ['u-1', []]])
    expect([r.added, r.removed]).toEqual([['u-4'], ['u-1']])
    expect(gridAuditSummary.save(ACTIVE[0], r.grid, new Map([['u-4', '钱网格']]))).toBe('修改网格 网格001（430111001001001）：名称改为「新名」；常住人口 800 → 900；网格员改为 钱网格')
  })

  it('refuses someone who is not a grid manager, or nobody it knows', () => {
    expect(editGrid(ACTIVE[0], { managerIds: ['u-5'] }, people)).toEqual({ ok: false, message: expect.stringContaining('孙居民 还不是网格员') })
    expect(editGrid(ACTIVE[0], { managerIds: ['u-x'] }, people)).toEqual({ ok: false, message: expect.stringContaining('找不到用户 u-x') })
  })
})
