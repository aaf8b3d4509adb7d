import { View } from '@tarojs/components'
import { areaLabel, quotaText, rolesText } from './audience'
import type { SurveyForm } from './form'
import type { GridsState } from './grids'

/** A published survey's audience and quotas as they stand: read, not edited (a new version changes them). */
export function AudienceView ({ form, grids }: { form: SurveyForm; grids: GridsState }) {
  const { areaCodes, roles } = form.audience
  return (
    <View className='card' id='audience-view'>
      <View className='se-card-title'>谁能作答</View>
      <View className='se-view-option' id='view-areas'>面向区域：{areaCodes.length ? areaCodes.map((c) => areaLabel(grids.grids, c)).join('、') : '不限'}</View>
      <View className='se-view-option' id='view-roles'>面向人群：{roles.length ? rolesText(roles) : '不限'}</View>
      <View className='se-view-option' id='view-quotas'>配额：{form.quotas.length ? '' : '不设'}</View>
      {form.quotas.map((q, i) => <View key={q.key} className='se-hint se-view-quota' data-quota={i}>{i + 1}. {quotaText(grids.grids, q)}</View>)}
    </View>
  )
}
