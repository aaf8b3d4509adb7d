import { aCategory } from '../../../../core/testing/builders'
import type { Category } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import Categories from './index'

const { testUtils, get, $, tap, type, serve, open, toasts, dialogs, setConfirm } = usePageTest(Categories)

const group = aCategory({ id: 'cat-E02', code: 'E02', kind: 'event', level: 1, parentCode: null, name: '宣传广告', icon: '📢', timeLimitHours: 72, department: '城管局', duplicateRadiusM: 50 })
const ads = aCategory({ id: 'cat-E02-01', code: 'E02-01', kind: 'event', level: 2, parentCode: 'E02', name: '非法小广告', icon: '📄', timeLimitHours: 72, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true })
const banner = aCategory({ id: 'cat-E02-04', code: 'E02-04', kind: 'event', level: 2, parentCode: 'E02', name: '违规悬挂横幅', icon: '🎌', timeLimitHours: 72, department: '城管局', duplicateRadiusM: 50, active: false })
const lamps = aCategory({ id: 'cat-01', code: '01', kind: 'component', level: 1, parentCode: null, name: '公用设施', icon: '🔧' })

/** A fake server holding the categories: a save replaces (or adds) the one with its code. */
function server (initial: Category[]) {
  let all = [...initial]
  return serve({
    'admin.categories': () => ({ ok: true, data: all }),
    'admin.saveCategory': (e) => {
      const saved = { ...(e as unknown as Category), id: `cat-${String(e.code)}`, level: (String(e.code).length > 3 ? 2 : 1) as 1 | 2 }
      all = [...all.filter((c) => c.code !== saved.code), saved]
      return { ok: true, data: saved }
    }
  })
}

const fieldsDrawn = () => until(() => Array.from(document.querySelectorAll('taro-input-core')).every((f) => f.querySelector('input') !== null))

describe('问题分类: the list', () => {
  it('shows each 大类 with its 小类, their facts, and which are off', async () => {
    server([lamps, group, ads, banner])
    await open('#category-groups')
    expect(Array.from(document.querySelectorAll('.cg-group-name')).map((el) => el.textContent)).toEqual(['公用设施', '宣传广告'])
    expect(get('[data-category="E02-01"]').textContent).toContain('E02-01 · 时限 3 天 · 城管局 · 重复提示 30 米')
    expect(get('[data-category="E02-04"]').textContent).toContain('已停用')
    expect(get('[data-group="01"]').textContent).toContain('还没有小类')
  })

  it('停用 asks first, then saves the category switched off; 取消 sends nothing', async () => {
    const fake = server([group, ads])
    await open('#category-groups')
    setConfirm(false)
    await tap('[data-toggle="E02-01"]')
    expect(fake.sent('saveCategory')).toEqual([])

    setConfirm(true)
    await tap('[data-toggle="E02-01"]')
    await until(() => toasts().includes('已停用'))
    expect(dialogs().map((d) => d.title)).toEqual(['停用「非法小广告」？', '停用「非法小广告」？'])
    expect(dialogs()[1].content).toContain('已有的案卷不受影响')
    expect(fake.sent('saveCategory')).toEqual([{
      action: 'saveCategory', create: false, code: 'E02-01', parentCode: 'E02', kind: 'event', name: '非法小广告', icon: '📄',
      timeLimitHours: 72, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true, active: false
    }])
    await until(() => get('[data-category="E02-01"]').textContent!.includes('已停用'))
    expect(get('[data-toggle="E02-01"]').textContent).toBe('启用')
  })
})

describe('问题分类: the edit form', () => {
  it('checks a 小类 with the server\'s own rules, shows the message by its field, and saves the new time limit', async () => {
    const fake = server([group, ads])
    await open('#category-groups')
    await tap(get('[data-category="E02-01"] .cell-body'))
    await fieldsDrawn()
    expect(get('#form-title').textContent).toBe('编辑小类「非法小广告」')
    expect(get('#code-readonly').textContent).toBe('E02-01')

    await type('#hours-input', '')
    await tap('#save-category')
    expect(get('#error-timeLimitHours').textContent).toBe('处理时限请填写数字（小时）')
    await type('#hours-input', '3000')
    await tap('#save-category')
    expect(get('#error-timeLimitHours').textContent).toBe('处理时限应在 1 小时到 90 天（2160 小时）之间')
    expect(fake.sent('saveCategory')).toEqual([])

    await type('#hours-input', '8')
    expect($('#error-timeLimitHours')).toBeNull()
    await type('#department-input', '街道办')
    await tap('#save-category')
    await until(() => toasts().includes('已保存'))
    expect(fake.sent('saveCategory')).toEqual([{
      action: 'saveCategory', create: false, code: 'E02-01', parentCode: 'E02', kind: 'event', name: '非法小广告', icon: '📄',
      timeLimitHours: 8, department: '街道办', duplicateRadiusM: 30, allowAnonymous: true, active: true
    }])
    await testUtils.queries.waitForQuerySelector('#category-groups')
    expect(get('[data-category="E02-01"]').textContent).toContain('时限 8 小时 · 街道办')
  })

  it('a new 小类 starts from its 大类\'s limits with the next free code; a refusal shows by its field', async () => {
    const fake = serve({
      'admin.categories': () => ({ ok: true, data: [group, ads] }),
      'admin.saveCategory': () => ({ ok: false, error: { code: 'VALIDATION', message: '代码 E02-02 已被「乱涂写」使用，请换一个代码', details: [{ path: 'code', message: '代码 E02-02 已被「乱涂写」使用，请换一个代码' }] } })
    })
    await open('#category-groups')
    await tap('[data-add-to="E02"]')
    await fieldsDrawn()
    expect(get('#form-title').textContent).toBe('在「宣传广告」下新增小类')
    expect((get('#code-input input') as HTMLInputElement).value).toBe('E02-02')
    expect((get('#hours-input input') as HTMLInputElement).value).toBe('72')

    await tap('#save-category')
    expect(get('#error-name').textContent).toBe('请填写名称')
    await type('#name-input', '乱扔烟头')
    await type('#icon-input', '🚬')
    await tap('#save-category')
    await until(() => $('#error-code') !== null)
    expect(get('#error-code').textContent).toBe('代码 E02-02 已被「乱涂写」使用，请换一个代码')
    expect(fake.sent('saveCategory')).toEqual([{
      action: 'saveCategory', create: true, code: 'E02-02', parentCode: 'E02', kind: 'event', name: '乱扔烟头', icon: '🚬',
      timeLimitHours: 72, department: '城管局', duplicateRadiusM: 50, allowAnonymous: true, active: true
    }])

    await tap('#cancel-edit')
    expect($('#category-form')).toBeNull()
    expect($('#category-groups')).not.toBeNull()
  })

  it('a code of the wrong shape is refused before sending, with the format to use', async () => {
    const fake = server([group])
    await open('#category-groups')
    await tap('#add-group')
    await fieldsDrawn()
    expect((get('#code-input input') as HTMLInputElement).value).toBe('01')
    await type('#code-input', '1A')
    await type('#name-input', '公用设施')
    await tap('#save-category')
    expect(get('#error-code').textContent).toContain('分类代码格式不对')
    expect(fake.sent('saveCategory')).toEqual([])
  })
})
