import { Text, View } from '@tarojs/components'
import { formatCount, formatRate } from '../../../../core/indicators/display'
import type { RateView } from '../../../../core/views'
import { intervalText } from './figures'

export interface FigureRow {
  key: string
  name: string
  rate: RateView
  /** The map's fill for this area (null: hatched), when the table stands under the map. */
  swatch?: string | null
  /** Drill down into this area. */
  onTap?: () => void
  total?: boolean
}

interface Props {
  id: string
  caption: string
  /** The first column's heading: 街道, 时段 … */
  head: string
  rows: readonly FigureRow[]
  withSwatch?: boolean
}

/** What the value cell says: the figure, or 暂无数据, or why it cannot be given. */
function valueText (r: RateView): string {
  if (r.unavailable) return '不适用'
  if (r.value === null) return '暂无数据'
  return formatRate(r.value)
}

/**
 * A chart's figures as a plain table — area (or period), value, n, 95% interval — for older eyes and screen
 * readers, and wherever a canvas cannot draw. 样本不足 is said in words; a tappable row drills down.
 */
export function FigureTable ({ id, caption, head, rows, withSwatch = false }: Props) {
  return (
    <View className='db-table' id={id} ariaRole='table' ariaLabel={caption}>
      <View className='db-tr db-th' ariaRole='row'>
        {withSwatch && <View className='db-td db-td-swatch' ariaRole='columnheader'>色</View>}
        <View className='db-td db-td-name' ariaRole='columnheader'>{head}</View>
        <View className='db-td db-td-value' ariaRole='columnheader'>数值</View>
        <View className='db-td db-td-n' ariaRole='columnheader'>n</View>
        <View className='db-td db-td-ci' ariaRole='columnheader'>95%区间</View>
      </View>
      {rows.map((r) => {
        const short = r.rate.insufficient === true && r.rate.value !== null && !r.rate.unavailable
        return (
          <View key={r.key} className={`db-tr ${r.onTap ? 'db-tap' : ''} ${r.total ? 'db-total' : ''} ${short ? 'db-short' : ''}`} data-row={r.key}
            {...(short ? { 'data-insufficient': '1' } : {})} ariaRole='row' onClick={r.onTap}>
            {withSwatch && (
              <View className='db-td db-td-swatch' ariaRole='cell'>
                <View className={`db-swatch ${r.swatch ? '' : 'db-swatch-hatch'}`} style={r.swatch ? { background: r.swatch } : undefined} aria-hidden='true' />
              </View>
            )}
            <View className='db-td db-td-name' ariaRole='cell'>
              <Text>{r.name}</Text>
              {r.onTap && <Text className='db-more' aria-hidden='true'> ›</Text>}
            </View>
            <View className='db-td db-td-value' ariaRole='cell'>
              <Text>{valueText(r.rate)}</Text>
              {short && <Text className='db-short-tag'>样本不足</Text>}
            </View>
            <View className='db-td db-td-n' ariaRole='cell'>{formatCount(r.rate.denominator)}</View>
            <View className='db-td db-td-ci' ariaRole='cell'>{intervalText(r.rate) || '—'}</View>
          </View>
        )
      })}
    </View>
  )
}
