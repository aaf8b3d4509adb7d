import { View, Text, Picker } from '@tarojs/components'
import { distanceLabel } from '../../core/tickets/labels'
import type { DispatchOptionView } from '../../core/views'
import { call } from '../api'
import { useAction } from '../utils/use-action'
import './ticket-ui.css'

const where = (o: DispatchOptionView) => (o.inGrid ? '案卷位置就在此网格' : `离案卷 ${distanceLabel(o.distanceM)}`)

/**
 * Whom to dispatch a ticket to: the managers of the grid its point falls in, then those of the nearest grids, each
 * with the grid it would go to and how far; every other manager in a picker, nearest first.
 */
export function DispatchPicker ({ ticketId, value, onChange }: { ticketId: string; value: DispatchOptionView | null; onChange: (o: DispatchOptionView) => void }) {
  const { data, loading, error, reload } = useAction(() => call('tickets', 'dispatchOptions', { id: ticketId }), [ticketId])
  const options = data ?? []
  const suggested = options.filter((o) => o.suggested)
  return (
    <View className='tk-picker dispatch-picker' id='dispatch-options'>
      <View className='act-title'>派遣给网格员</View>
      {loading && !data && <View className='tk-hint'>正在按位置查找网格员…</View>}
      {error && <View className='tk-hint error-text'>{error} <Text className='link' onClick={() => void reload()}>重试</Text></View>}
      {data && options.length === 0 && <View className='tk-hint'>还没有负责网格的网格员，请先在后台为网格指定网格员</View>}
      {suggested.length > 0 && <View className='tk-hint'>按案卷位置推荐（先是所在网格，再是最近的网格）：</View>}
      <View className='tk-options' ariaRole='radiogroup' ariaLabel='推荐的网格员'>
        {suggested.map((o) => {
          const on = value?.managerId === o.managerId
          return (
            <View key={o.managerId} className={`tk-option ${on ? 'on' : ''}`} data-manager={o.managerId} ariaRole='radio' aria-checked={on ? 'true' : 'false'}
              ariaLabel={`${o.nickname}，${o.gridName}，${where(o)}`} onClick={() => onChange(o)}>
              <View className='tk-radio' aria-hidden='true'>{on ? '●' : ''}</View>
              <View className='tk-option-body'>
                <View className='tk-option-title'>{o.nickname}{o.inGrid && <Text className='tag green tk-tag'>所在网格</Text>}</View>
                <View className='tk-option-desc'>{o.gridName} · {where(o)}</View>
              </View>
            </View>
          )
        })}
      </View>
      {options.length > 0 && (
        <Picker mode='selector' range={options.map((o) => `${o.nickname} · ${o.gridName} · ${o.inGrid ? '所在网格' : distanceLabel(o.distanceM)}`)}
          onChange={(e) => { const o = options[Number(e.detail.value)]; if (o) onChange(o) }}>
          <View className='picker-field tk-field' id='dispatch-picker' ariaRole='button'>
            {value ? `派遣给：${value.nickname}（${value.gridName}）· 更换 ›` : `选择其他网格员（共 ${options.length} 人，按距离排列）›`}
          </View>
        </Picker>
      )}
    </View>
  )
}
