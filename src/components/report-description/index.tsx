import { View, Textarea } from '@tarojs/components'
import { reportInput } from '../../../core/schemas'
import './index.css'

/** The schema's limit (core/schemas.ts reportInput), so the form and the server never disagree. */
export const DESCRIPTION_MAX = reportInput.shape.description.maxLength ?? 500
/** From this many characters left, the counter says how many remain. */
const NEAR_LIMIT = 50

/** Characters that count against the limit: the server trims before it checks. */
export const countedLength = (text: string): number => text.trim().length

/**
 * 问题描述 with a live counter. Nothing is cut off silently: a longer text stays as typed (or pasted), the
 * counter turns red and says by how much it is over, and the form refuses to submit until it fits.
 */
export function ReportDescription ({ value, onChange, max = DESCRIPTION_MAX }: { value: string; onChange: (text: string) => void; max?: number }) {
  const n = countedLength(value)
  const over = n - max
  const state = over > 0 ? 'over' : max - n <= NEAR_LIMIT ? 'near' : 'ok'
  return (
    <View className={`report-desc ${state}`} data-state={state}>
      <Textarea
        className='desc'
        value={value}
        maxlength={-1}
        placeholder='简单描述一下问题，例如：电线杆上贴满了小广告'
        ariaLabel='问题描述'
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='report-desc-foot'>
        <View className='report-desc-note' id='desc-limit'>
          {state === 'over' ? `超出 ${over} 字：问题描述最多 ${max} 字，请删减后再提交` : state === 'near' ? `还可以输入 ${max - n} 字` : `最多 ${max} 字`}
        </View>
        <View className='report-desc-count' id='desc-count'>{n}/{max}</View>
      </View>
    </View>
  )
}
