import { View, Text, Input, Textarea, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { WEIGHTED_BANDS } from '../../../../core/indicators/age'
import { DEFAULT_SETTINGS } from '../../../../core/settings'
import {
  rangeText, settingText, settingValue, SETTING_FIELDS, SETTING_GROUPS, type AgeStructureSetting, type SettingField, type SettingsView
} from '../../../../core/settings-schema'
import { AGE_BAND_LABELS } from '../../../../core/types'
import { ApiError, call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { chinaDate, chinaTime } from '../../../utils/china-time'
import { useAction } from '../../../utils/use-action'
import { blankAgeRow, checkDraft, defaultText, draftOf, placeOf, type AgeRow, type Band, type Place, type SettingsDraft } from './form'
import './index.css'

type Scalar = Exclude<SettingField, AgeStructureSetting>

const when = (iso: string) => `${chinaDate(iso)} ${chinaTime(iso)}`

/**
 * 系统设置: what the office may set without code — report quotas, the verification windows, volunteer service rules,
 * the dashboard's targets and minimum samples, residents per age band — grouped as the office thinks of them, each
 * with its unit, the range allowed and its default (恢复默认). Saved with a reason, after a confirmation listing the
 * changes; in force from the next action anyone takes. 修改记录 lists who changed what, when and why.
 */
export default function SettingsPage () {
  const loaded = useAction(() => call('admin', 'settings', {}))
  const [view, setView] = useState<SettingsView | null>(null)
  const [draft, setDraft] = useState<SettingsDraft | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<Place, string>>({})
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!loaded.data) return
    setView(loaded.data)
    setDraft(draftOf(loaded.data.settings))
  }, [loaded.data])

  const clear = (place: Place) => {
    setFailure(null)
    setErrors((e) => { if (!(place in e) && !('general' in e)) return e; const n = { ...e }; delete n[place]; delete n.general; return n })
  }
  const setValue = (f: Scalar, value: string | boolean) => {
    setDraft((d) => (d ? { ...d, values: { ...d.values, [f.path]: value } } : d))
    clear(placeOf(f.path))
  }
  const setAges = (next: (rows: AgeRow[]) => AgeRow[]) => {
    setDraft((d) => (d ? { ...d, ages: next(d.ages) } : d))
    clear('ageStructure')
  }

  const save = async () => {
    if (!view || !draft || busy) return
    const checked = checkDraft(draft, view, reason)
    if (!checked.ok) {
      setErrors({ [checked.place]: checked.message })
      void Taro.showToast({ title: checked.message, icon: 'none', duration: 3000 })
      return
    }
    const lines = checked.changes.slice(0, 6).map((c) => `${c.label}：${c.before} → ${c.after}`)
    const { confirm } = await Taro.showModal({
      title: `保存 ${checked.changes.length} 项修改？`,
      content: `${lines.join('\n')}${checked.changes.length > 6 ? `\n……等 ${checked.changes.length} 项` : ''}\n保存后立即生效，所有人的下一次操作就按新设置办理。`,
      confirmText: '保存',
      cancelText: '再看看'
    })
    if (!confirm) return
    setBusy(true)
    setErrors({})
    setFailure(null)
    try {
      const saved = await call('admin', 'saveSettings', checked.input)
      setView(saved)
      setDraft(draftOf(saved.settings))
      setReason('')
      void Taro.showToast({ title: '设置已保存', icon: 'success' })
    } catch (e) {
      setFailure({ text: errorText(e), stale: e instanceof ApiError && e.code === 'CONFLICT' })
    } finally {
      setBusy(false)
    }
  }

  const reload = async () => {
    setFailure(null)
    setErrors({})
    await loaded.reload()
  }

  const field = (f: Scalar) => {
    if (!draft) return null
    const place = placeOf(f.path)
    const value = draft.values[f.path]
    const byDefault = defaultText(f, DEFAULT_SETTINGS)
    const reset = value !== byDefault && (
      <View className='st-reset' data-reset={place} ariaRole='button' ariaLabel={`${f.label}恢复默认`} onClick={() => setValue(f, byDefault)}>恢复默认</View>
    )
    if (f.kind === 'boolean') {
      return (
        <View className='st-field' key={f.path} data-field={place}>
          <View className='row'>
            <View className='cell-body'><View className='st-label'>{f.label}</View><View className='st-hint'>{f.hint}</View></View>
            <Switch data-input={place} checked={Boolean(value)} color='#06773b' ariaLabel={f.label} onChange={(e) => setValue(f, e.detail.value)} />
          </View>
          <View className='row st-meta'><Text>默认：{settingText(f, settingValue(DEFAULT_SETTINGS, f.path))}</Text>{reset}</View>
        </View>
      )
    }
    const numeric = f.kind === 'number' || f.kind === 'thresholds'
    const unit = f.kind === 'number' ? (f.percent ? '%' : f.unit) : f.kind === 'thresholds' ? f.unit : ''
    const meta = f.kind === 'number' || f.kind === 'thresholds' ? `范围：${rangeText(f)}` : `${f.minLength}–${f.maxLength} 个字`
    return (
      <FormField prefix='st' key={f.path} name={place} label={f.label} error={errors[place]}>
        <View className='row'>
          <Input
            className={`st-input ${numeric ? 'st-number' : ''}`} data-input={place} value={String(value)} ariaLabel={`${f.label}${unit ? `（${unit}）` : ''}`}
            type={f.kind === 'number' ? 'digit' : 'text'} placeholder={f.kind === 'number' && f.nullable ? '不限' : f.kind === 'thresholds' ? '如 100/300/600' : ''}
            onInput={(e) => setValue(f, e.detail.value)}
          />
          {unit && <Text className='st-unit'>{unit}</Text>}
        </View>
        <View className='st-hint'>{f.hint}</View>
        <View className='row st-meta'><Text>{meta} · 默认 {settingText(f, settingValue(DEFAULT_SETTINGS, f.path))}</Text>{reset}</View>
      </FormField>
    )
  }

  const agesCard = (f: AgeStructureSetting) => draft && (
    <View className='st-field' key={f.path} data-field='ageStructure'>
      <View className='st-label'>{f.label}</View>
      <View className='st-hint'>{f.hint}。区域代码 6 位为区县、9 位街道、12 位社区、15 位网格，留空为全市。</View>
      {draft.ages.length === 0 && <View className='muted st-empty' id='ages-empty'>还没有录入任何区域</View>}
      {draft.ages.map((row, i) => (
        <View className='st-age' key={row.key} data-age-row={i}>
          <View className='row'>
            <Input className='st-input st-age-code' data-age-code={i} value={row.code} type='number' maxlength={15} placeholder='区域代码（留空为全市）' ariaLabel={`第 ${i + 1} 个区域的代码`}
              onInput={(e) => { const code = e.detail.value; setAges((rows) => rows.map((r) => (r.key === row.key ? { ...r, code } : r))) }} />
            <View className='st-reset st-remove' data-remove-age={i} ariaRole='button' ariaLabel={`删除第 ${i + 1} 个区域`} onClick={() => setAges((rows) => rows.filter((r) => r.key !== row.key))}>删除</View>
          </View>
          <View className='st-bands'>
            {WEIGHTED_BANDS.map((b) => (
              <View className='st-band' key={b}>
                <Text className='st-band-label'>{AGE_BAND_LABELS[b]}</Text>
                <Input className='st-input st-number' data-age-band={`${i}-${b}`} type='number' value={row.bands[b as Band]} placeholder='人数' ariaLabel={`${row.code || '全市'} ${AGE_BAND_LABELS[b]} 人数`}
                  onInput={(e) => { const v = e.detail.value; setAges((rows) => rows.map((r) => (r.key === row.key ? { ...r, bands: { ...r.bands, [b]: v } } : r))) }} />
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className='btn-plain st-add' id='add-age-row' ariaRole='button' onClick={() => setAges((rows) => [...rows, blankAgeRow()])}>添加区域</View>
      {errors.ageStructure && <View className='error-text st-error' id='error-ageStructure' ariaRole='alert'>{errors.ageStructure}</View>}
    </View>
  )

  return (
    <PageShell className='settings'>
      <View className='st-body'>
        <StatusView signInReason='登录后可以修改系统设置' loading={!view && (loaded.loading || !loaded.error)} error={view ? null : loaded.error} onRetry={loaded.reload}>
          {view && draft && (
            <View id='settings-form'>
              <View className='st-note' id='settings-version'>
                {view.version === 0 ? '现在用的是默认设置，还没有人修改过。' : `现在是第 ${view.version} 版设置（${when(view.history[0]?.savedAt ?? '')} ${view.history[0]?.savedBy ?? ''}修改）。`}
                保存后立即生效。
              </View>
              {SETTING_GROUPS.map((g) => (
                <View key={g.group} data-group={g.group}>
                  <View className='section-title st-group-title'><Text className='st-group-name'>{g.label}</Text><Text className='st-group-hint'>{g.hint}</Text></View>
                  <View className='card'>
                    {SETTING_FIELDS.filter((f) => f.group === g.group).map((f) => (f.kind === 'ageStructure' ? agesCard(f) : field(f)))}
                  </View>
                </View>
              ))}
              <View className='section-title'>保存</View>
              <View className='card'>
                <FormField prefix='st' name='reason' label='修改原因' required error={errors.reason} hint='会记入修改记录，例如：按市文明办 2026 年考核办法调整'>
                  <Textarea className='st-textarea' id='reason-input' value={reason} maxlength={200} placeholder='为什么修改（至少 4 个字）' ariaLabel='修改原因'
                    onInput={(e) => { setReason(e.detail.value); clear('reason') }} />
                </FormField>
                {errors.general && <View className='error-text st-error' id='error-general' ariaRole='alert'>{errors.general}</View>}
                {failure && (
                  <View className='st-failure' id='save-error' ariaRole='alert'>
                    <View className='error-text'>{failure.text}</View>
                    {failure.stale && <View className='btn-plain st-add' id='reload-settings' ariaRole='button' onClick={() => void reload()}>重新加载最新设置（会丢掉这次的改动）</View>}
                  </View>
                )}
                <View className={`btn-primary st-save ${busy ? 'st-busy' : ''}`} id='save-settings' ariaRole='button' onClick={() => void save()}>{busy ? '正在保存…' : '保存设置'}</View>
              </View>

              <View className='section-title'>修改记录</View>
              <View id='settings-history'>
                {view.history.length === 0 && <View className='status inline'>还没有修改记录</View>}
                {view.history.map((h) => (
                  <View className='card st-change' key={h.version} data-version={h.version}>
                    <View className='row st-change-head'><Text className='st-change-version'>第 {h.version} 版</Text><Text className='muted'>{when(h.savedAt)} · {h.savedBy}</Text></View>
                    <View className='st-change-reason'>原因：{h.reason}</View>
                    {h.changes.map((c, i) => <View className='st-change-line' key={i}>{c.label}：{c.before} → {c.after}</View>)}
                  </View>
                ))}
              </View>
            </View>
          )}
        </StatusView>
      </View>
    </PageShell>
  )
}
