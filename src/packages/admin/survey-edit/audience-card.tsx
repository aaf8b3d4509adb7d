import { View, Text, Switch } from '@tarojs/components'
import { useState } from 'react'
import { AGE_BANDS, AGE_BAND_LABELS, ROLE_LABELS, type AgeBand, type Role } from '../../../../core/types'
import { AreaTree } from './area-tree'
import { AUDIENCE_ROLES, areaLabel, audienceSummary, toggleArea, toggleRole } from './audience'
import { Field } from './field'
import { DEFAULT_AGE_BANDS, type ErrorPlace, type FormErrors, type SurveyForm } from './form'
import type { GridsState } from './grids'

interface Props {
  form: SurveyForm
  errors: FormErrors
  grids: GridsState
  change: (next: (f: SurveyForm) => SurveyForm, ...places: ErrorPlace[]) => void
}

/**
 * 谁能作答: 面向区域 (a tree; a picked area covers all inside it), 面向人群 and 年龄段筛选 — as core/surveys.ts
 * audienceRefusal reads them: empty means everyone; a person needs any one of the roles and a home grid in any area.
 */
export function AudienceCard ({ form, errors, grids, change }: Props) {
  const [picking, setPicking] = useState(false)
  const { areaCodes, roles, ageBands } = form.audience
  /** The audience changed from what it is at that moment (two quick taps both count). */
  const edit = (next: (a: SurveyForm['audience']) => Partial<SurveyForm['audience']>, ...places: ErrorPlace[]) =>
    change((f) => ({ ...f, audience: { ...f.audience, ...next(f.audience) } }), ...places)
  const pickArea = (code: string) => edit((a) => ({ areaCodes: toggleArea(a.areaCodes, code) }), 'areaCodes')
  const pickRole = (role: Role) => edit((a) => ({ roles: toggleRole(a.roles, role) }), 'roles')
  const toggleAge = (band: AgeBand) => edit((a) => ({
    ageBands: a.ageBands.includes(band) ? a.ageBands.filter((b) => b !== band) : AGE_BANDS.filter((b) => b === band || a.ageBands.includes(b))
  }))

  return (
    <View className='card' id='audience-card'>
      <View className='se-card-title'>谁能作答</View>
      <View className='se-hint' id='audience-kept'>{audienceSummary(form)}</View>

      <Field label='面向区域' place='areaCodes' errors={errors} hint='只有家在所选区域（按「我的」里设置的网格）的居民能作答；选了上级区域，就包含它下面的全部。'>
        {areaCodes.length === 0
          ? <View className='se-any' id='areas-any'>不限：所有区域的居民都能作答</View>
          : (
            <View className='se-chips' id='picked-areas' ariaRole='list' ariaLabel='已选的区域'>
              {areaCodes.map((c) => {
                const label = areaLabel(grids.grids, c)
                return (
                  <View key={c} className='se-chip on se-area-chip' data-picked-area={c} ariaRole='listitem'>
                    <Text>{label}</Text>
                    <View className='se-chip-x' data-unpick={c} ariaRole='button' ariaLabel={`移除「${label}」`} onClick={() => pickArea(c)}>×</View>
                  </View>
                )
              })}
            </View>
            )}
        {areaCodes.length > 0 && grids.error && !picking && (
          <View id='area-names-failed'>
            <View className='se-hint'>区域名称没有读出来（{grids.error}），先显示编码。</View>
            <View className='btn-small plain se-pick' ariaRole='button' onClick={() => void grids.reload()}>重新读取区域名称</View>
          </View>
        )}
        <View className='btn-small plain se-pick' id='pick-areas' ariaRole='button' aria-expanded={picking ? 'true' : 'false'}
          onClick={() => { grids.want(); setPicking(!picking) }}>
          {picking ? '选好了，收起' : areaCodes.length ? '＋ 修改区域' : '＋ 选择区域'}
        </View>
        {picking && <AreaTree id='area-tree' grids={grids} mode='many' picked={areaCodes} onPick={pickArea} />}
      </Field>

      <Field label='面向人群' place='roles' errors={errors} hint={roles.length ? '有其中任一身份的人都能作答。' : '不选即不限：所有人都能作答。'}>
        <View className='se-chips' id='audience-roles' ariaRole='group' ariaLabel='可以作答的人群'>
          {AUDIENCE_ROLES.map((r) => {
            const on = roles.includes(r)
            return <View key={r} className={`se-chip ${on ? 'on' : ''}`} data-role={r} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => pickRole(r)}>{on ? '✓ ' : ''}{ROLE_LABELS[r]}</View>
          })}
        </View>
      </Field>

      <View className='cell se-switch-cell'>
        <View className='cell-body'>
          <View className='cell-title'>年龄段筛选</View>
          <View className='cell-desc'>居民先选年龄段，只有所选年龄段的人能作答（模拟测评：18–65 岁）</View>
        </View>
        <Switch id='asks-age-switch' checked={form.asksAge} color='#06773b' ariaLabel='年龄段筛选'
          onChange={(e) => change((f) => ({ ...f, asksAge: e.detail.value, audience: { ...f.audience, ageBands: e.detail.value && f.audience.ageBands.length === 0 ? [...DEFAULT_AGE_BANDS] : f.audience.ageBands } }))} />
      </View>
      {form.asksAge && (
        <View className='se-chips' id='age-bands' ariaRole='group' ariaLabel='可以作答的年龄段'>
          {AGE_BANDS.map((b) => {
            const on = ageBands.includes(b)
            return <View key={b} className={`se-chip ${on ? 'on' : ''}`} data-age-band={b} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggleAge(b)}>{on ? '✓ ' : ''}{AGE_BAND_LABELS[b]}</View>
          })}
        </View>
      )}
      {form.asksAge && ageBands.length === 0 && <View className='se-hint'>没有选年龄段：所有年龄都能作答，只记录年龄段。</View>}
    </View>
  )
}
