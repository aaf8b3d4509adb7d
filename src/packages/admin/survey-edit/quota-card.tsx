import { View, Text, Input, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand } from '../../../../core/types'
import { AreaTree } from './area-tree'
import { addQuota, areaLabel, quotaText, quotaUnused, removeQuota, setQuota, type QuotaField, type QuotaForm } from './audience'
import { quotaPlace, type ErrorPlace, type FormErrors, type SurveyForm } from './form'
import type { GridsState } from './grids'

interface Props {
  form: SurveyForm
  errors: FormErrors
  grids: GridsState
  change: (next: (f: SurveyForm) => SurveyForm, ...places: ErrorPlace[]) => void
}

const BANDS: Array<AgeBand | null> = [null, ...AGE_BANDS]
const bandLabel = (b: AgeBand | null) => (b ? AGE_BAND_LABELS[b] : '不限年龄')

/**
 * 配额: rows of area, age band (or 不限) and how many answers to take there. A full row closes only its own cell,
 * politely (core/surveys.ts quotaFor: an answer counts against the most specific row that fits it).
 */
export function QuotaCard ({ form, errors, grids, change }: Props) {
  const [pickingFor, setPickingFor] = useState<string | null>(null)
  const places = (key: string) => (['area', 'band', 'limit'] as QuotaField[]).map((x) => quotaPlace(key, x))

  const add = () => {
    change(addQuota, 'quotas')
    grids.want()
  }

  const remove = async (q: QuotaForm, n: number) => {
    const { confirm } = await Taro.showModal({
      title: `删除第 ${n} 条配额？`,
      content: `「${quotaText(grids.grids, q)}」会被删除，保存后生效；那里的答卷将不再单独限额。`,
      confirmText: '删除',
      confirmColor: '#c92a2a',
      cancelText: '保留'
    })
    if (!confirm) return
    if (pickingFor === q.key) setPickingFor(null)
    change((f) => removeQuota(f, q.key), 'quotas', ...places(q.key))
  }

  return (
    <View className='card' id='quota-card'>
      <View className='se-card-title'>配额（选填）</View>
      <View className='se-hint' id='quota-explain'>某个区域（或其中某个年龄段）收满份数后，那里的人再提交会看到「样本已经收满了，感谢你的支持」；其他区域照常作答。</View>
      {errors.quotas && <View className='se-error error-text' id='error-quotas' ariaRole='alert'>{errors.quotas}</View>}
      {form.quotas.map((q, i) => {
        const n = i + 1
        const error = (field: QuotaField) => errors[quotaPlace(q.key, field)]
        const bad = places(q.key).some((p) => errors[p])
        const unused = quotaUnused(form, q)
        const picking = pickingFor === q.key
        return (
          <View key={q.key} className={`se-quota ${bad ? 'se-quota-bad' : ''}`} id={`quota-${q.key}`} data-quota={i}>
            <View className='row se-q-head'>
              <Text className='se-q-number'>第 {n} 条</Text>
              <View className='spacer' />
              <View className='se-icon se-delete' data-remove-quota ariaRole='button' ariaLabel={`删除第 ${n} 条配额`} onClick={() => void remove(q, n)}>删除</View>
            </View>

            <View className='se-label'>区域</View>
            <View className='se-input se-picker' data-quota-area ariaRole='button' aria-expanded={picking ? 'true' : 'false'} ariaLabel={`第 ${n} 条配额的区域：${q.areaCode ? areaLabel(grids.grids, q.areaCode) : '未选'}`}
              onClick={() => { grids.want(); setPickingFor(picking ? null : q.key) }}>
              {q.areaCode ? areaLabel(grids.grids, q.areaCode) : '请选择区域'} {picking ? '▴' : '▾'}
            </View>
            {picking && (
              <AreaTree id={`quota-tree-${q.key}`} grids={grids} mode='one' picked={q.areaCode ? [q.areaCode] : []}
                onPick={(code) => { change((f) => setQuota(f, q.key, { areaCode: code }), quotaPlace(q.key, 'area'), 'quotas'); setPickingFor(null) }} />
            )}
            {error('area') && <View className='se-error error-text' id={`error-quota-${n}-area`} ariaRole='alert'>{error('area')}</View>}

            <View className='se-label'>年龄段</View>
            {form.asksAge || q.ageBand !== null
              ? (
                <Picker mode='selector' range={BANDS.map(bandLabel)} value={Math.max(0, BANDS.indexOf(q.ageBand))}
                  onChange={(e) => change((f) => setQuota(f, q.key, { ageBand: BANDS[Number(e.detail.value)] ?? null }), quotaPlace(q.key, 'band'), 'quotas')}>
                  <View className='se-input se-picker' data-quota-band ariaRole='button' ariaLabel={`第 ${n} 条配额的年龄段：${bandLabel(q.ageBand)}`}>{bandLabel(q.ageBand)} ▾</View>
                </Picker>
                )
              : <View className='se-hint'>不限年龄（打开上面的「年龄段筛选」后，可以按年龄段分别设配额）</View>}
            {error('band') && <View className='se-error error-text' id={`error-quota-${n}-band`} ariaRole='alert'>{error('band')}</View>}

            <View className='se-label'>最多收多少份</View>
            <View className='row'>
              <Input className='se-input se-quota-limit' id={`quota-limit-${q.key}`} type='number' value={q.limit} maxlength={6} placeholder='例如 100' ariaLabel={`第 ${n} 条配额最多收多少份`}
                onInput={(e) => change((f) => setQuota(f, q.key, { limit: e.detail.value }), quotaPlace(q.key, 'limit'), 'quotas')} />
              <Text className='se-unit'>份</Text>
            </View>
            {error('limit') && <View className='se-error error-text' id={`error-quota-${n}-limit`} ariaRole='alert'>{error('limit')}</View>}
            {unused && <View className='se-hint se-warn' data-quota-unused>{unused}</View>}
          </View>
        )
      })}
      {form.quotas.length > 1 && <View className='se-hint'>一份答卷只算进最细的那一条（网格 › 社区 › 街道 › 区县，同一区域里先按年龄段）。</View>}
      <View className='btn-small plain se-add-quota' id='add-quota' ariaRole='button' onClick={add}>＋ 添加配额</View>
    </View>
  )
}
