import { categoryCodeShape, categoryFromInput, categoryInput, categoryRefusal, categorySaveSummary, type CategoryInput } from './categories'
import { aCategory } from './testing/builders'

const input = (o: Partial<CategoryInput> = {}): CategoryInput => ({
  create: true, code: 'E02-05', parentCode: 'E02', kind: 'event', name: '乱扔烟头', icon: '🚬',
  timeLimitHours: 24, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true, active: true, ...o
})
const message = (o: Record<string, unknown>) => {
  const r = categoryInput.safeParse({ ...input(), ...o })
  return r.success ? undefined : r.error.issues[0].message
}

const group = aCategory({ id: 'cat-E02', code: 'E02', level: 1, parentCode: null, name: '宣传广告', active: true })
const ads = aCategory({ id: 'cat-E02-01', code: 'E02-01', level: 2, parentCode: 'E02', name: '非法小广告', active: true })
const offGroup = aCategory({ id: 'cat-E06', code: 'E06', level: 1, parentCode: null, name: '市场监管', active: false })

describe('category codes', () => {
  it('say level, group and kind, as the seed writes them', () => {
    expect(categoryCodeShape('01')).toEqual({ level: 1, parentCode: null, kind: 'component' })
    expect(categoryCodeShape('E01')).toEqual({ level: 1, parentCode: null, kind: 'event' })
    expect(categoryCodeShape('0102')).toEqual({ level: 2, parentCode: '01', kind: 'component' })
    expect(categoryCodeShape('E01-02')).toEqual({ level: 2, parentCode: 'E01', kind: 'event' })
    for (const bad of ['1', 'E1', '010', 'E0101', 'e01', 'E01-1', '01-01']) expect(categoryCodeShape(bad)).toBeNull()
  })
})

describe('the category form schema', () => {
  it('takes a well-formed 小类 and builds the category from its code', () => {
    expect(categoryFromInput(categoryInput.parse(input()))).toEqual({
      id: 'cat-E02-05', code: 'E02-05', kind: 'event', level: 2, parentCode: 'E02', name: '乱扔烟头', icon: '🚬',
      timeLimitHours: 24, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true, active: true
    })
  })

  it('holds the time limit to 1 h – 90 days and the radius to 0–500 m', () => {
    expect(message({ timeLimitHours: 0 })).toBe('处理时限应在 1 小时到 90 天（2160 小时）之间')
    expect(message({ timeLimitHours: 2161 })).toBe('处理时限应在 1 小时到 90 天（2160 小时）之间')
    expect(message({ timeLimitHours: 2160 })).toBeUndefined()
    expect(message({ duplicateRadiusM: 501 })).toBe('重复提示范围应在 0–500 米之间')
    expect(message({ duplicateRadiusM: 0 })).toBeUndefined()
  })

  it('refuses a code of no known shape, and a group or kind the code does not say', () => {
    expect(message({ code: 'E2-5' })).toBe('分类代码格式不对：大类如 01（部件）或 E01（事件），小类在大类代码后加两位：0101、E01-01')
    expect(message({ parentCode: 'E03' })).toBe('小类 E02-05 属于大类 E02：代码要以所属大类的代码开头')
    expect(message({ code: 'E02', parentCode: 'E01' })).toBe('大类没有上级：所属大类应留空')
    expect(message({ kind: 'component' })).toBe('以 E 开头的代码是事件类')
    expect(message({ name: ' 烟 ' })).toBe('名称至少 2 个字')
  })
})

describe('what the taxonomy refuses', () => {
  const all = [group, ads, offGroup]

  it('a new code must be unused; an edit must name a category', () => {
    expect(categoryRefusal(input({ code: 'E02-01' }), all)?.message).toBe('代码 E02-01 已被「非法小广告」使用，请换一个代码')
    expect(categoryRefusal(input({ create: false }), all)).toEqual({ code: 'NOT_FOUND', field: 'code', message: '没有代码为 E02-05 的分类，请刷新列表后再改' })
    expect(categoryRefusal(input(), all)).toBeNull()
  })

  it('a 小类 needs its 大类, and an active one an active 大类', () => {
    expect(categoryRefusal(input({ code: 'E09-01', parentCode: 'E09' }), all)?.message).toBe('没有代码为 E09 的大类，请先新建这个大类')
    expect(categoryRefusal(input({ code: 'E06-09', parentCode: 'E06' }), all)?.message).toBe('大类「市场监管」已停用：请先启用大类，再启用其下的小类')
    expect(categoryRefusal(input({ code: 'E06-09', parentCode: 'E06', active: false }), all)).toBeNull()
  })

  it('a 大类 is switched off only once none of its 小类 is on', () => {
    const off = input({ create: false, code: 'E02', parentCode: null, name: '宣传广告', active: false })
    expect(categoryRefusal(off, all)?.message).toBe('「宣传广告」下还有 1 个启用的小类（非法小广告），请先停用它们')
    expect(categoryRefusal(off, [group, { ...ads, active: false }])).toBeNull()
  })
})

describe('the audit line of a save', () => {
  it('says what was created, switched or changed', () => {
    const after = categoryFromInput(input())
    expect(categorySaveSummary(null, after)).toBe('新建 小类 E02-05 乱扔烟头')
    expect(categorySaveSummary(after, { ...after, timeLimitHours: 48, department: '街道办' })).toBe('修改 小类 E02-05 乱扔烟头：处理时限 24 小时 → 48 小时；责任部门 城管局 → 街道办')
    expect(categorySaveSummary(after, { ...after, active: false })).toBe('停用 小类 E02-05 乱扔烟头')
    expect(categorySaveSummary(after, after)).toBe('保存 小类 E02-05 乱扔烟头（未改动）')
  })
})
