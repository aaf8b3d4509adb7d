import { DEFAULT_SETTINGS, type Settings } from './settings'
import {
  changesSummary, rangeText, resolveSettings, saveSettingsInput, settingChanges, settingField, settingsSchema, settingText,
  settingValue, SETTING_FIELDS, withSetting, type NumberSetting
} from './settings-schema'

const firstMessage = (s: unknown): string | undefined => {
  const r = settingsSchema.safeParse(s)
  return r.success ? undefined : r.error.issues[0].message
}

describe('the settings schema', () => {
  it('takes the defaults as they are', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS)
  })

  it('holds every number to the range the page shows, and says it in the field\'s words', () => {
    for (const f of SETTING_FIELDS) {
      if (f.kind !== 'number') continue
      const over = withSetting(DEFAULT_SETTINGS, f.path, f.max + (f.integer ? 1 : 0.01))
      const under = withSetting(DEFAULT_SETTINGS, f.path, f.min - (f.integer ? 1 : 0.01))
      expect({ path: f.path, message: firstMessage(over) }).toEqual({ path: f.path, message: `${f.label}应在 ${rangeText(f).replace('，可留空', '')} 之间` })
      expect({ path: f.path, ok: settingsSchema.safeParse(under).success }).toEqual({ path: f.path, ok: false })
    }
  })

  it('shows a share as a percentage, with its range', () => {
    const target = settingField('targets.awareness') as NumberSetting
    expect(rangeText(target)).toBe('0–100%')
    expect(settingText(target, 0.8)).toBe('80%')
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'targets.awareness', 1.2))).toBe('知晓率目标应在 0–100% 之间')
    expect(settingText(settingField('volunteer.maxHoursPerEvent'), null)).toBe('不限')
  })

  it('refuses what is not a number, a fraction where a count is asked, and a missing part', () => {
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'reportsPerHour', '10'))).toBe('每小时上报上限请填写数字')
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'reportsPerHour', Number.NaN))).toBe('每小时上报上限请填写数字')
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'reportsPerHour', 2.5))).toBe('每小时上报上限请填写整数')
    expect(firstMessage({ ...DEFAULT_SETTINGS, volunteer: undefined })).toBe('缺少志愿服务设置')
    // No cap on an event's hours is a choice the office may make.
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'volunteer.maxHoursPerEvent', null))).toBeUndefined()
  })

  it('keeps the rules between fields: per hour within per day, the office\'s check before the auto-close, stars ascending', () => {
    expect(firstMessage({ ...DEFAULT_SETTINGS, reportsPerHour: 40, reportsPerDay: 30 })).toBe('每小时上报上限不能超过每天上报上限（30 条）')
    expect(firstMessage({ ...DEFAULT_SETTINGS, adminVerifyAfterDays: 3, verifyWindowDays: 3 })).toBe('转文明办核查要早于自动结案：应少于居民核查期限（3 天）')
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'volunteer.starThresholds', [100, 100, 300]))).toBe('星级时长要逐级递增（后一级比前一级多）')
    expect(firstMessage(withSetting(DEFAULT_SETTINGS, 'volunteer.starThresholds', []))).toBe('星级至少要有 1 级')
  })

  it('takes an age structure per area code, only for the surveyed bands', () => {
    const ok: Settings = { ...DEFAULT_SETTINGS, ageStructure: { '': { '18-29': 600 }, 430111: { '18-29': 100, '60-65': 50 } } }
    expect(settingsSchema.parse(ok).ageStructure).toEqual(ok.ageStructure)
    expect(firstMessage({ ...DEFAULT_SETTINGS, ageStructure: { 4301: { '18-29': 1 } } })).toBe('年龄结构的区域代码应为 6、9、12 或 15 位数字（留空为全市）')
    expect(firstMessage({ ...DEFAULT_SETTINGS, ageStructure: { 430111: { other: 1 } } })).toBe('年龄结构只能填 18–65 岁的四个年龄段')
  })

  it('a save needs a reason of at least 4 characters and a whole version number', () => {
    const base = { expectedVersion: 0, reason: '新考核办法', settings: DEFAULT_SETTINGS }
    expect(saveSettingsInput.safeParse(base).success).toBe(true)
    expect(saveSettingsInput.safeParse({ ...base, reason: ' 调整 ' }).error?.issues[0].message).toBe('请写明修改原因（至少 4 个字），会记入修改记录')
    expect(saveSettingsInput.safeParse({ ...base, expectedVersion: 1.5 }).success).toBe(false)
  })
})

describe('what changed between two versions', () => {
  it('lists each changed field in the page\'s words, and a summary of the first few', () => {
    const after = withSetting(withSetting(DEFAULT_SETTINGS, 'reportsPerHour', 5), 'targets.satisfaction', 0.95)
    const changes = settingChanges(DEFAULT_SETTINGS, after)
    expect(changes).toEqual([
      { path: 'reportsPerHour', label: '每小时上报上限', before: '10 条', after: '5 条' },
      { path: 'targets.satisfaction', label: '满意率目标', before: '90%', after: '95%' }
    ])
    expect(changesSummary(changes)).toBe('每小时上报上限 10 条 → 5 条；满意率目标 90% → 95%')
    expect(changesSummary([...changes, ...changes], 3)).toBe('每小时上报上限 10 条 → 5 条；满意率目标 90% → 95%；每小时上报上限 10 条 → 5 条；等 4 项')
    expect(settingChanges(DEFAULT_SETTINGS, DEFAULT_SETTINGS)).toEqual([])
  })

  it('names the area whose age structure changed', () => {
    const after = { ...DEFAULT_SETTINGS, ageStructure: { 430111: { '18-29': 600, '30-44': 800 } } }
    expect(settingChanges(DEFAULT_SETTINGS, after)).toEqual([
      { path: 'ageStructure', label: '年龄结构（430111）', before: '未录入', after: '18–29 岁 600 人、30–44 岁 800 人' }
    ])
  })
})

describe('a stored version over the defaults', () => {
  it('fills a field the stored document predates from the base', () => {
    const old = { ...DEFAULT_SETTINGS, reportsPerHour: 3, volunteer: { ...DEFAULT_SETTINGS.volunteer, offerHours: 2 } } as Partial<Settings>
    delete old.ageStructure
    const resolved = resolveSettings(old as Settings)
    expect(resolved.reportsPerHour).toBe(3)
    expect(resolved.volunteer.offerHours).toBe(2)
    expect(resolved.ageStructure).toEqual({})
    expect(resolveSettings(null)).toBe(DEFAULT_SETTINGS)
    expect(settingValue(resolved, 'volunteer.issuer.contact')).toBe(DEFAULT_SETTINGS.volunteer.issuer.contact)
  })
})
