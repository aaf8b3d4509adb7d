import { DEFAULT_SETTINGS, type Settings } from '../../../../core/settings'
import { SETTING_GROUPS, type SettingsView } from '../../../../core/settings-schema'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import SettingsPage from './index'

const { get, $, tap, type, serve, open, toasts, dialogs, setConfirm } = usePageTest(SettingsPage)

const viewOf = (settings: Settings = DEFAULT_SETTINGS, version = 0, history: SettingsView['history'] = []): SettingsView => ({ version, settings, history })
const input = (place: string) => `[data-input="${place}"]`
const valueOf = (place: string) => (get(`${input(place)} input`) as HTMLInputElement).value
const errorOf = (place: string) => $(`[id="error-${place}"]`)?.textContent ?? null

/** A fake server that answers a save with the next version, as admin.saveSettings does. */
function server (start: SettingsView = viewOf()) {
  let current = start
  return serve({
    'admin.settings': () => ({ ok: true, data: current }),
    'admin.saveSettings': (e) => {
      const { settings, reason } = e as unknown as { settings: Settings; reason: string }
      current = viewOf(settings, current.version + 1, [{ version: current.version + 1, savedAt: '2026-11-20T02:00:00.000Z', savedBy: '文明办刘主任', reason, changes: [] }, ...current.history])
      return { ok: true, data: current }
    }
  })
}

describe('系统设置: what shows', () => {
  it('groups the settings, each number with its unit, range and default, and lists the changes made', async () => {
    server(viewOf({ ...DEFAULT_SETTINGS, reportsPerHour: 5 }, 2, [
      { version: 2, savedAt: '2026-11-19T06:30:00.000Z', savedBy: '文明办刘主任', reason: '防止刷单', changes: [{ path: 'reportsPerHour', label: '每小时上报上限', before: '10 条', after: '5 条' }] },
      { version: 1, savedAt: '2026-11-18T06:30:00.000Z', savedBy: '文明办小陈', reason: '新考核办法', changes: [{ path: 'targets.satisfaction', label: '满意率目标', before: '90%', after: '95%' }] }
    ]))
    await open('#settings-form')
    const groups = Array.from(document.querySelectorAll('.st-group-name')).map((el) => el.textContent)
    expect(groups).toEqual(SETTING_GROUPS.map((g) => g.label))
    expect(groups).toEqual(expect.arrayContaining(['上报', '核查', '志愿服务', '指标']))
    const perHour = get('[data-field="reportsPerHour"]').textContent!
    expect(perHour).toContain('每小时上报上限')
    expect(perHour).toContain('范围：1–100 条 · 默认 10 条')
    expect(valueOf('reportsPerHour')).toBe('5')
    expect(valueOf('targets-satisfaction')).toBe('90')
    expect(get('[data-field="targets-satisfaction"]').textContent).toContain('范围：0–100% · 默认 90%')
    expect(valueOf('volunteer-starThresholds')).toBe('100/300/600/1000/1500')
    expect(get('#settings-version').textContent).toContain('现在是第 2 版设置（2026-11-19 14:30 文明办刘主任修改）')
    expect(Array.from(document.querySelectorAll('#settings-history .st-change')).map((el) => el.textContent)).toEqual([
      '第 2 版2026-11-19 14:30 · 文明办刘主任原因：防止刷单每小时上报上限：10 条 → 5 条',
      '第 1 版2026-11-18 14:30 · 文明办小陈原因：新考核办法满意率目标：90% → 95%'
    ])
  })

  it('恢复默认 shows only where a field differs from its default, and puts the default back', async () => {
    server(viewOf({ ...DEFAULT_SETTINGS, reportsPerHour: 5 }, 1))
    await open('#settings-form')
    expect($('[data-reset="reportsPerDay"]')).toBeNull()
    await tap('[data-reset="reportsPerHour"]')
    expect(valueOf('reportsPerHour')).toBe('10')
    expect($('[data-reset="reportsPerHour"]')).toBeNull()
  })
})

describe('系统设置: saving', () => {
  it('checks each value with the server\'s schema, asks with the list of changes, and saves with the reason', async () => {
    const fake = server()
    await open('#settings-form')
    await type(input('reportsPerHour'), '200')
    await tap('#save-settings')
    expect(errorOf('reportsPerHour')).toBe('每小时上报上限应在 1–100 条 之间')
    await type(input('reportsPerHour'), '5')
    expect(errorOf('reportsPerHour')).toBeNull()
    await type(input('targets-satisfaction'), '95')
    await tap('#save-settings')
    expect(errorOf('reason')).toBe('请写明修改原因（至少 4 个字），会记入修改记录')
    expect(fake.sent('saveSettings')).toEqual([])

    await type('#reason-input', '按新的考核办法调整')
    setConfirm(false)
    await tap('#save-settings')
    expect(fake.sent('saveSettings')).toEqual([])
    expect(dialogs()[0].title).toBe('保存 2 项修改？')
    expect(dialogs()[0].content).toContain('每小时上报上限：10 条 → 5 条\n满意率目标：90% → 95%')

    setConfirm(true)
    await tap('#save-settings')
    await until(() => toasts().includes('设置已保存'))
    expect(fake.sent('saveSettings')).toEqual([{
      action: 'saveSettings', expectedVersion: 0, reason: '按新的考核办法调整',
      settings: { ...DEFAULT_SETTINGS, reportsPerHour: 5, targets: { ...DEFAULT_SETTINGS.targets, satisfaction: 0.95 } }
    }])
    expect(get('#settings-version').textContent).toContain('现在是第 1 版设置')
    expect((get('#reason-input textarea') as HTMLTextAreaElement).value).toBe('')
  })

  it('a save that changes nothing is not sent; star hours must rise level by level', async () => {
    const fake = server()
    await open('#settings-form')
    await type('#reason-input', '看一看能不能保存')
    await tap('#save-settings')
    expect(get('#error-general').textContent).toBe('还没有改动任何设置')
    await type(input('volunteer-starThresholds'), '100/300/200')
    await tap('#save-settings')
    expect(errorOf('volunteer-starThresholds')).toBe('星级时长要逐级递增（后一级比前一级多）')
    expect(fake.sent('saveSettings')).toEqual([])
  })

  it('an age structure is entered per area and sent as residents per band', async () => {
    const fake = server()
    await open('#settings-form')
    expect($('#ages-empty')).not.toBeNull()
    await tap('#add-age-row')
    await type('[data-age-code="0"]', '430111')
    await type('[data-age-band="0-18-29"]', '600')
    await type('[data-age-band="0-60-65"]', '400')
    await type('#reason-input', '录入区县的人口结构')
    await tap('#save-settings')
    await until(() => fake.sent('saveSettings').length === 1)
    expect((fake.sent('saveSettings')[0].settings as Settings).ageStructure).toEqual({ 430111: { '18-29': 600, '60-65': 400 } })
  })

  it('a save from a stale version says so, and 重新加载 brings the newest', async () => {
    let reads = 0
    serve({
      'admin.settings': () => { reads++; return { ok: true, data: viewOf(DEFAULT_SETTINGS, reads === 1 ? 0 : 1) } },
      'admin.saveSettings': () => ({ ok: false, error: { code: 'CONFLICT', message: '设置刚被其他人修改过（现在是第 1 版），请刷新后在最新的设置上再改' } })
    })
    await open('#settings-form')
    await type(input('minSample'), '50')
    await type('#reason-input', '提高样本要求')
    await tap('#save-settings')
    await until(() => $('#save-error') !== null)
    expect(get('#save-error').textContent).toContain('设置刚被其他人修改过（现在是第 1 版）')
    await tap('#reload-settings')
    await until(() => get('#settings-version').textContent!.includes('第 1 版'))
    expect(valueOf('minSample')).toBe('30')
    expect($('#save-error')).toBeNull()
  })
})
