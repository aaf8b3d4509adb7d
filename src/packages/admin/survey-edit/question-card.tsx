import { View, Text, Input, Picker, Switch } from '@tarojs/components'
import { MAX_OPTIONS } from '../../../../core/survey-schemas'
import type { IndicatorTag, QuestionType } from '../../../../core/types'
import { INDICATORS, INDICATOR_LABELS, TYPES, TYPE_LABELS, conditionSources, type QuestionForm, type SurveyForm } from './form'

interface Props {
  form: SurveyForm
  question: QuestionForm
  index: number
  error?: string
  onType: (t: QuestionType) => void
  onIndicator: (i: IndicatorTag) => void
  onTitle: (text: string) => void
  onOption: (i: number, text: string) => void
  onAddOption: () => void
  onRemoveOption: (i: number) => void
  onMark: (i: number, mark: 'positive' | 'excluded') => void
  onCondition: (questionId: string | null) => void
  onConditionOption: (i: number) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}

const optionLabel = (o: string, i: number) => o.trim() || `选项 ${i + 1}`

/** 仅当第 2 题选了「知道」或「了解一些」时显示 */
export function conditionText (form: SurveyForm, showIf: QuestionForm['showIf']): string {
  if (!showIf) return ''
  const at = form.questions.findIndex((q) => q.id === showIf.questionId)
  const src = form.questions[at]
  if (!src) return '跳题条件引用的题目已不存在'
  const picked = showIf.anyOf.map((i) => `「${optionLabel(src.options[i] ?? '', i)}」`)
  return picked.length ? `仅当第 ${at + 1} 题选了${picked.join('或')}时显示` : `仅当第 ${at + 1} 题选了……时显示（请选选项）`
}

/**
 * One question of the editor: its type, title and options, which indicator it feeds and how each option counts
 * (计为肯定 / 不计入: offered, never counted), the skip condition, and moving or deleting it.
 */
export function QuestionCard (p: Props) {
  const { form, question: q, index, error } = p
  const n = index + 1
  const last = index === form.questions.length - 1
  const choice = q.type !== 'text'
  const sources = conditionSources(form, q.key)
  const source = q.showIf ? form.questions.find((x) => x.id === q.showIf!.questionId) : undefined
  const sourceAt = sources.findIndex((x) => x.id === q.showIf?.questionId)
  return (
    <View className={`card se-question ${error ? 'se-question-bad' : ''}`} id={`question-${q.key}`} data-question={index} data-question-id={q.id}>
      <View className='row se-q-head'>
        <Text className='se-q-number'>第 {n} 题</Text>
        <View className='spacer' />
        <View className={`se-icon ${index === 0 ? 'se-off' : ''}`} data-move='up' ariaRole='button' ariaLabel={`上移第 ${n} 题`} aria-disabled={index === 0 ? 'true' : 'false'} onClick={() => index > 0 && p.onMove(-1)}>↑</View>
        <View className={`se-icon ${last ? 'se-off' : ''}`} data-move='down' ariaRole='button' ariaLabel={`下移第 ${n} 题`} aria-disabled={last ? 'true' : 'false'} onClick={() => !last && p.onMove(1)}>↓</View>
        <View className='se-icon se-delete' data-remove-question ariaRole='button' ariaLabel={`删除第 ${n} 题`} onClick={p.onRemove}>删除</View>
      </View>

      <View className='se-label'>题型</View>
      <View className='se-chips' ariaRole='radiogroup' ariaLabel={`第 ${n} 题的题型`}>
        {TYPES.map((t) => (
          <View key={t} className={`se-chip ${q.type === t ? 'on' : ''}`} data-type={t} ariaRole='radio' aria-checked={q.type === t ? 'true' : 'false'} onClick={() => p.onType(t)}>{TYPE_LABELS[t]}</View>
        ))}
      </View>

      <View className='se-label'>题目</View>
      <Input className='se-input' id={`q-title-${q.key}`} value={q.title} maxlength={200} placeholder='例如：您是否知道我市正在创建全国文明城市？' ariaLabel={`第 ${n} 题的题目`} onInput={(e) => p.onTitle(e.detail.value)} />

      {choice && (
        <>
          <View className='se-label'>计入哪个指标</View>
          <View className='se-chips' ariaRole='radiogroup' ariaLabel={`第 ${n} 题计入的指标`}>
            {INDICATORS.map((i) => (
              <View key={i} className={`se-chip ${q.indicator === i ? 'on' : ''}`} data-indicator={i} ariaRole='radio' aria-checked={q.indicator === i ? 'true' : 'false'} onClick={() => p.onIndicator(i)}>{INDICATOR_LABELS[i]}</View>
            ))}
          </View>
          <View className='se-label'>选项</View>
          <View className='se-hint'>
            {q.indicator === 'none' ? '「不计入」：可以选，但不算进任何比率（如「不清楚」）。' : `「计为肯定」的选项算进${INDICATOR_LABELS[q.indicator]}的分子；「不计入」的选项（如「不清楚」）可以选，但不算进分母。`}
          </View>
          {q.options.map((o, i) => {
            const positive = q.positive.includes(i)
            const excluded = q.excluded.includes(i)
            return (
              <View key={i} className='se-option' data-option={i}>
                <View className='row'>
                  <Input className='se-input se-option-input' id={`option-${q.key}-${i}`} value={o} maxlength={40} placeholder={`选项 ${i + 1}`} ariaLabel={`第 ${n} 题的选项 ${i + 1}`} onInput={(e) => p.onOption(i, e.detail.value)} />
                  <View className='se-icon se-option-remove' data-remove-option={i} ariaRole='button' ariaLabel={`删除选项 ${i + 1}：${optionLabel(o, i)}`} onClick={() => p.onRemoveOption(i)}>✕</View>
                </View>
                <View className='row se-marks'>
                  {q.indicator !== 'none' && (
                    <View className={`se-mark ${positive ? 'on' : ''}`} data-positive={i} ariaRole='checkbox' aria-checked={positive ? 'true' : 'false'} ariaLabel={`选项 ${i + 1} 计为肯定`} onClick={() => p.onMark(i, 'positive')}>
                      {positive ? '✓ ' : ''}计为肯定
                    </View>
                  )}
                  <View className={`se-mark se-mark-excluded ${excluded ? 'on' : ''}`} data-excluded={i} ariaRole='checkbox' aria-checked={excluded ? 'true' : 'false'} ariaLabel={`选项 ${i + 1} 不计入`} onClick={() => p.onMark(i, 'excluded')}>
                    {excluded ? '✓ ' : ''}不计入
                  </View>
                </View>
              </View>
            )
          })}
          {q.options.length < MAX_OPTIONS
            ? <View className='btn-small plain se-add-option' data-add-option ariaRole='button' onClick={p.onAddOption}>＋ 添加选项</View>
            : <View className='se-hint'>每题最多 {MAX_OPTIONS} 个选项</View>}
        </>
      )}
      {!choice && <View className='se-hint'>填空题：居民写下自己的话，不计入任何指标，默认可以不填。</View>}

      {index > 0 && (
        <View className='se-skip'>
          <View className='cell se-switch-cell'>
            <View className='cell-body'>
              <View className='cell-title'>跳题</View>
              <View className='cell-desc'>{q.showIf ? conditionText(form, q.showIf) : '始终显示；打开后只在前面某题选了特定选项时显示'}</View>
            </View>
            <Switch id={`skip-switch-${q.key}`} checked={q.showIf !== null} color='#06773b' ariaLabel={`第 ${n} 题按条件显示`}
              onChange={(e) => p.onCondition(e.detail.value ? (sources[sources.length - 1]?.id ?? '') : null)} />
          </View>
          {q.showIf && (
            sources.length === 0
              ? <View className='se-hint'>前面没有选择题，不能设跳题条件。</View>
              : (
                <>
                  <Picker mode='selector' range={sources.map((s) => `第 ${form.questions.indexOf(s) + 1} 题：${s.title || '（未填题目）'}`)} value={Math.max(0, sourceAt)}
                    onChange={(e) => p.onCondition(sources[Number(e.detail.value)]?.id ?? null)}>
                    <View className='se-input se-picker' id={`skip-source-${q.key}`} ariaRole='button' ariaLabel='跳题条件引用的题目'>
                      仅当 {source ? `第 ${form.questions.indexOf(source) + 1} 题` : '请选择题目'} 选了 ▾
                    </View>
                  </Picker>
                  <View className='se-chips'>
                    {(source?.options ?? []).map((o, i) => {
                      const on = q.showIf!.anyOf.includes(i)
                      return (
                        <View key={i} className={`se-chip ${on ? 'on' : ''}`} data-show-option={i} ariaRole='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => p.onConditionOption(i)}>
                          {on ? '✓ ' : ''}{optionLabel(o, i)}
                        </View>
                      )
                    })}
                  </View>
                  <View className='se-hint'>时显示这道题</View>
                </>
                )
          )}
        </View>
      )}
      {error && <View className='se-error error-text' id={`error-question-${index + 1}`} ariaRole='alert'>{error}</View>}
    </View>
  )
}

/** A published question as it stands: what residents see and how it counts. */
export function QuestionView ({ form, question: q, index }: { form: SurveyForm; question: QuestionForm; index: number }) {
  return (
    <View className='card se-question se-readonly' data-question={index} data-question-id={q.id}>
      <View className='row se-q-head'>
        <Text className='se-q-number'>第 {index + 1} 题</Text>
        <Text className='tag'>{TYPE_LABELS[q.type]}</Text>
        {q.type !== 'text' && <Text className={`tag ${q.indicator === 'none' ? '' : 'blue'}`}>{INDICATOR_LABELS[q.indicator]}</Text>}
      </View>
      <View className='se-view-title'>{q.title}</View>
      {q.options.map((o, i) => (
        <View key={i} className='se-view-option'>
          {i + 1}. {o}
          {q.indicator !== 'none' && q.positive.includes(i) && <Text className='tag green se-view-tag'>计为肯定</Text>}
          {q.excluded.includes(i) && <Text className='tag se-view-tag'>不计入</Text>}
        </View>
      ))}
      {q.showIf && <View className='se-hint'>{conditionText(form, q.showIf)}</View>}
    </View>
  )
}
