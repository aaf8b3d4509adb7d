import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { periodLabel } from '../../../../core/indicators/period'
import { statsTableInput } from '../../../../core/schemas'
import { MODES, MODE_LABELS, stepPeriod, switchMode, type PeriodChoice, type PeriodMode } from './figures'

interface Props {
  period: PeriodChoice
  today: string
  areaCode: string
  onChange: (p: PeriodChoice) => void
}

/**
 * 日 / 周 / 月 / 季 / 年 as a segmented control with ‹ › to the period before and after (never into the future),
 * or 自定义: two dates, checked by the same schema the server checks them with, its message shown beside them.
 */
export function PeriodPicker ({ period, today, areaCode, onChange }: Props) {
  const [draft, setDraft] = useState({ fromDay: period.fromDay, toDay: period.toDay })
  const [error, setError] = useState<string | null>(null)
  const back = stepPeriod(period, -1, today)
  const forward = stepPeriod(period, 1, today)

  const choose = (mode: PeriodMode) => {
    if (mode === period.mode) return
    setError(null)
    const next = switchMode(period, mode, today)
    setDraft({ fromDay: next.fromDay, toDay: next.toDay })
    onChange(next)
  }

  const setDay = (which: 'fromDay' | 'toDay', day: string) => {
    const next = { ...draft, [which]: day }
    setDraft(next)
    const checked = statsTableInput.safeParse({ areaCode, ...next })
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? '日期不对，请重新选择')
      return
    }
    setError(null)
    onChange({ mode: 'custom', fromDay: next.fromDay, toDay: next.toDay })
  }

  return (
    <View className='db-period' id='period-picker'>
      <View className='db-modes' ariaRole='radiogroup' ariaLabel='统计时段'>
        {MODES.map((m) => (
          <View key={m} id={`mode-${m}`} className={`db-mode ${period.mode === m ? 'on' : ''}`} ariaRole='radio' aria-checked={period.mode === m ? 'true' : 'false'} onClick={() => choose(m)}>
            {MODE_LABELS[m]}
          </View>
        ))}
      </View>
      {period.mode !== 'custom'
        ? (
          <View className='db-stepper'>
            <View id='period-back' className={`db-step ${back ? '' : 'off'}`} ariaRole='button' ariaLabel={back ? `上一${MODE_LABELS[period.mode]}：${periodLabel(back.fromDay, back.toDay)}` : '没有更早的时段'}
              aria-disabled={back ? 'false' : 'true'} onClick={() => { if (back) onChange(back) }}>‹</View>
            <Text className='db-period-label' id='period-label'>{periodLabel(period.fromDay, period.toDay)}</Text>
            <View id='period-forward' className={`db-step ${forward ? '' : 'off'}`} ariaRole='button' ariaLabel={forward ? `下一${MODE_LABELS[period.mode]}：${periodLabel(forward.fromDay, forward.toDay)}` : '已经是最近的时段'}
              aria-disabled={forward ? 'false' : 'true'} onClick={() => { if (forward) onChange(forward) }}>›</View>
          </View>
          )
        : (
          <View className='db-custom'>
            <View className='db-custom-row'>
              <Picker mode='date' value={draft.fromDay} end={today} onChange={(e) => setDay('fromDay', String(e.detail.value))}>
                <View className='db-date' id='custom-from' ariaRole='button'>开始：{draft.fromDay} ▾</View>
              </Picker>
              <Text className='db-custom-to'>至</Text>
              <Picker mode='date' value={draft.toDay} end={today} onChange={(e) => setDay('toDay', String(e.detail.value))}>
                <View className='db-date' id='custom-to' ariaRole='button'>结束：{draft.toDay} ▾</View>
              </Picker>
            </View>
            {error
              ? <View className='error-text db-custom-error' id='custom-error' ariaRole='alert'>{error}</View>
              : <View className='db-custom-hint' id='period-label'>{periodLabel(period.fromDay, period.toDay)}</View>}
          </View>
          )}
    </View>
  )
}
