import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { MAX_QUESTIONS } from '../../../../core/survey-schemas'
import { AGE_BAND_LABELS, type Survey } from '../../../../core/types'
import { ApiError, call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { findSurvey } from '../surveys/find-survey'
import { PHASE_LABELS, chinaDate, surveyPhase, versionText, windowText } from '../surveys/survey-format'
import {
  addOption, blankForm, blankQuestion, checkForm, closesOn, dependentsOf, firstMessage, formOf,
  moveQuestion, opensOn, placeMessage, removeOption, removeQuestion, setCondition, setIndicator, setOption, setType,
  toggleConditionOption, toggleMark, type ErrorPlace, type FormErrors, type SurveyForm
} from './form'
import { QuestionCard, QuestionView } from './question-card'
import { AudienceCard } from './audience-card'
import { AudienceView } from './audience-view'
import { Field } from './field'
import { useGrids } from './grids'
import { QuotaCard } from './quota-card'
import { goBackOr } from '../../../utils/navigate'
import './index.css'

/** Back to where it was opened from; to its list when opened by its address. */
const leave = () => { void goBackOr(PAGES.adminSurveys) }

/**
 * 编辑问卷 (`?id=` opens one): the survey's title, description, window (days in China time), who may answer (areas,
 * roles, age bands), its quotas and its questions as cards. Checked with the server's own schema and rules before
 * sending, each message where it belongs.
 * Only a draft is edited: a published survey opens read-only, with 复制为新版本 to change it.
 */
export default function EditSurvey () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const existing = useAction(async () => (id ? await findSurvey(id) : null), [id])
  const [form, setForm] = useState<SurveyForm>(() => blankForm(Date.now()))
  const [savedId, setSavedId] = useState<string | null>(id || null)
  const [status, setStatus] = useState<Survey['status']>('draft')
  const [errors, setErrors] = useState<FormErrors>({})
  const [failure, setFailure] = useState<{ text: string; copy: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  // The form shows once it holds the loaded survey: never a blank one first (whose fields would then all change at once).
  const [filled, setFilled] = useState(!id)
  // The grids name the picked areas: read once there are some (or a picker opens), never for a survey for everyone.
  const grids = useGrids(filled && (form.audience.areaCodes.length > 0 || form.quotas.some((x) => x.areaCode !== '')))

  useEffect(() => {
    const s = existing.data
    if (!s) return
    setForm(formOf(s))
    setStatus(s.status)
    setFilled(true)
    void Taro.setNavigationBarTitle({ title: s.status === 'draft' ? '编辑问卷' : '问卷内容' }).catch(() => undefined)
  }, [existing.data])

  /** A change, and the messages it may have answered cleared. */
  const change = (next: (f: SurveyForm) => SurveyForm, ...places: ErrorPlace[]) => {
    setForm(next)
    setFailure(null)
    if (places.length) setErrors((e) => { const n = { ...e }; for (const k of places) delete n[k]; return n })
  }
  const q = (key: string): ErrorPlace => `q:${key}`

  const addQuestion = () => change((f) => ({ ...f, questions: [...f.questions, blankQuestion(f.questions)] }), 'questions')

  const deleteQuestion = async (key: string) => {
    const at = form.questions.findIndex((x) => x.key === key)
    const deps = dependentsOf(form, key).map((d) => `第 ${form.questions.indexOf(d) + 1} 题`)
    const { confirm } = await Taro.showModal({
      title: `删除第 ${at + 1} 题？`,
      content: `「${form.questions[at]?.title || '未填题目'}」和它的选项会一并删除。${deps.length ? `${deps.join('、')}的跳题条件引用了它，会改为始终显示。` : ''}`,
      confirmText: '删除',
      confirmColor: '#c92a2a',
      cancelText: '保留'
    })
    if (!confirm) return
    change((f) => removeQuestion(f, key), q(key), 'questions')
  }

  const setConditionOf = (key: string, questionId: string | null) => {
    if (questionId === '') {
      void Taro.showToast({ title: '前面没有选择题，不能设跳题条件', icon: 'none' })
      return
    }
    change((f) => setCondition(f, key, questionId), q(key))
  }

  /** A server's refusal: VALIDATION where it belongs, CONFLICT (no longer a draft) with the way on. */
  const refused = (e: unknown, prefix = '') => {
    const text = errorText(e)
    if (e instanceof ApiError && e.code === 'VALIDATION') {
      const place = placeMessage(form, text)
      if (place !== 'general') { setErrors({ [place]: text }); setFailure(prefix ? { text: `${prefix}${text}`, copy: false } : null); return }
    }
    setFailure({ text: `${prefix}${text}`, copy: e instanceof ApiError && e.code === 'CONFLICT' })
  }

  const save = async (publish: boolean) => {
    if (busy) return
    const checked = checkForm(form, savedId)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFailure(null)
      void Taro.showToast({ title: checked.first, icon: 'none', duration: 3000 })
      return
    }
    if (publish) {
      const { confirm } = await Taro.showModal({
        title: '保存并发布？',
        content: '发布后居民就能在开放时间内填写；题目不能再修改，要改只能「复制为新版本」。',
        confirmText: '发布',
        cancelText: '再想想'
      })
      if (!confirm) return
    }
    setErrors({})
    setFailure(null)
    setBusy(true)
    try {
      let saved: Survey
      try {
        saved = await call('surveys', 'save', checked.input)
      } catch (e) {
        refused(e)
        return
      }
      // Kept, so a retry after a failed publish edits this draft instead of creating another.
      setSavedId(saved.id)
      if (publish) {
        try {
          saved = await call('surveys', 'publish', { id: saved.id })
        } catch (e) {
          refused(e, '已存为草稿，但没有发布成功：')
          return
        }
        setStatus(saved.status)
        void Taro.showToast({ title: '已发布', icon: 'success' })
        leave()
        return
      }
      void Taro.showToast({ title: '草稿已保存', icon: 'success' })
    } finally {
      setBusy(false)
    }
  }

  const duplicate = async () => {
    const from = savedId ?? id
    if (busy || !from) return
    setBusy(true)
    try {
      const copy = await call('surveys', 'duplicate', { id: from })
      void Taro.showToast({ title: `已复制为${versionText(copy)}`, icon: 'success' })
      void Taro.redirectTo({ url: pageUrl(PAGES.surveyEdit, { id: copy.id }) })
    } catch (e) {
      setFailure({ text: errorText(e), copy: false })
    } finally {
      setBusy(false)
    }
  }

  const loaded = existing.data
  const readOnly = status !== 'draft'
  const phase = loaded ? surveyPhase(loaded, Date.now()) : 'draft'
  const generalError = errors.general

  return (
    <PageShell className='survey-edit'>
      <View className='se-body'>
        <StatusView signInReason='登录后可以编辑问卷' loading={!filled && (existing.loading || !existing.error)} error={loaded ? null : existing.error} onRetry={existing.reload}>
          {readOnly
            ? (
              <View id='survey-readonly'>
                <View className='se-note' id='published-note'>
                  这份问卷已发布（{PHASE_LABELS[phase]}，{versionText(loaded ?? {})}），题目不能再改——改了会让已收到的答卷失去意义。要调整题目，请「复制为新版本」，改好后再发布。
                </View>
                <View className='se-bar'>
                  <View className={`btn-primary se-save ${busy ? 'se-busy' : ''}`} id='duplicate-survey' ariaRole='button' onClick={() => void duplicate()}>{busy ? '正在复制…' : '复制为新版本'}</View>
                  <View className='btn-plain se-save' id='open-results' ariaRole='button' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.surveyResults, { id: savedId ?? id }) })}>查看结果</View>
                </View>
                {failure && <View className='card error-text' id='edit-error' ariaRole='alert'>{failure.text}</View>}
                <View className='card'>
                  <View className='se-view-survey-title' id='survey-title'>{form.title}</View>
                  {form.description && <View className='se-hint'>{form.description}</View>}
                  <View className='se-hint'>开放时间：{windowText(form)}{form.asksAge ? ` · 先选年龄段（${form.audience.ageBands.map((b) => AGE_BAND_LABELS[b]).join('、') || '不限'}）` : ''}</View>
                </View>
                <AudienceView form={form} grids={grids} />
                {form.questions.map((x, i) => <QuestionView key={x.key} form={form} question={x} index={i} />)}
              </View>
              )
            : (
              <View id='survey-form'>
                <View className='card'>
                  <Field label='问卷标题' place='title' errors={errors} required>
                    <Input className='se-input' id='survey-title-input' value={form.title} maxlength={80} placeholder='例如：2026年5月创文满意度调查' ariaLabel='问卷标题' onInput={(e) => change((f) => ({ ...f, title: e.detail.value }), 'title')} />
                  </Field>
                  <Field label='问卷说明' place='description' errors={errors} hint='写给居民：为什么调查、大约几分钟、是否匿名'>
                    <Textarea className='se-textarea' id='survey-description-input' value={form.description} maxlength={500} placeholder='可不填' ariaLabel='问卷说明' onInput={(e) => change((f) => ({ ...f, description: e.detail.value }), 'description')} />
                    <View className='se-count'>{form.description.length}/500 字</View>
                  </Field>
                </View>

                <View className='card'>
                  <View className='row se-dates'>
                    <View className='se-date'>
                      <Field label='开始日期' place='opensAt' errors={errors} required>
                        <Picker mode='date' value={chinaDate(form.opensAt)} onChange={(e) => change((f) => ({ ...f, opensAt: opensOn(String(e.detail.value)) }), 'opensAt', 'closesAt')}>
                          <View className='se-input se-picker' id='opens-date' ariaRole='button' ariaLabel={`开始日期：${chinaDate(form.opensAt)}`}>{chinaDate(form.opensAt) || '请选择'} ▾</View>
                        </Picker>
                      </Field>
                    </View>
                    <Text className='se-to' aria-hidden='true'>至</Text>
                    <View className='se-date'>
                      <Field label='结束日期' place='closesAt' errors={errors} required>
                        <Picker mode='date' value={chinaDate(form.closesAt)} onChange={(e) => change((f) => ({ ...f, closesAt: closesOn(String(e.detail.value)) }), 'opensAt', 'closesAt')}>
                          <View className='se-input se-picker' id='closes-date' ariaRole='button' ariaLabel={`结束日期：${chinaDate(form.closesAt)}`}>{chinaDate(form.closesAt) || '请选择'} ▾</View>
                        </Picker>
                      </Field>
                    </View>
                  </View>
                  <View className='se-hint'>北京时间：开始日当天 0 点开放，结束日当天 23:59 截止。</View>
                </View>

                <AudienceCard form={form} errors={errors} grids={grids} change={change} />
                <QuotaCard form={form} errors={errors} grids={grids} change={change} />

                <View className='section-title'>题目（{form.questions.length} 道）</View>
                {errors.questions && <View className='se-error error-text se-error-block' id='error-questions' ariaRole='alert'>{errors.questions}</View>}
                {form.questions.map((x, i) => (
                  <QuestionCard
                    key={x.key} form={form} question={x} index={i} error={errors[q(x.key)]}
                    onType={(t) => change((f) => setType(f, x.key, t), q(x.key))}
                    onIndicator={(ind) => change((f) => setIndicator(f, x.key, ind), q(x.key))}
                    onTitle={(text) => change((f) => ({ ...f, questions: f.questions.map((y) => (y.key === x.key ? { ...y, title: text } : y)) }), q(x.key))}
                    onOption={(oi, text) => change((f) => setOption(f, x.key, oi, text), q(x.key))}
                    onAddOption={() => change((f) => addOption(f, x.key), q(x.key))}
                    onRemoveOption={(oi) => change((f) => removeOption(f, x.key, oi), q(x.key))}
                    onMark={(oi, mark) => change((f) => toggleMark(f, x.key, oi, mark), q(x.key))}
                    onCondition={(qid) => setConditionOf(x.key, qid)}
                    onConditionOption={(oi) => change((f) => toggleConditionOption(f, x.key, oi), q(x.key))}
                    onMove={(by) => change((f) => moveQuestion(f, x.key, by))}
                    onRemove={() => void deleteQuestion(x.key)}
                  />
                ))}
                {form.questions.length < MAX_QUESTIONS
                  ? <View className='btn-plain se-add' id='add-question' ariaRole='button' onClick={addQuestion}>＋ 添加题目</View>
                  : <View className='se-hint se-add'>问卷最多 {MAX_QUESTIONS} 道题</View>}

                {(failure || generalError) && (
                  <View className='card se-failure' id='edit-error' ariaRole='alert'>
                    <View className='error-text'>{failure?.text ?? generalError}</View>
                    {failure?.copy && <View className='btn-small se-failure-copy' id='duplicate-after-conflict' ariaRole='button' onClick={() => void duplicate()}>复制为新版本</View>}
                  </View>
                )}
                {Object.keys(errors).length > 0 && !generalError && <View className='se-summary error-text' ariaRole='status'>还有 {Object.keys(errors).length} 处要修改：{firstMessage(form, errors)}</View>}
                <View className='se-bar'>
                  <View className={`btn-plain se-save ${busy ? 'se-busy' : ''}`} id='save-draft' ariaRole='button' onClick={() => void save(false)}>{busy ? '请稍候…' : '保存'}</View>
                  <View className={`btn-primary se-save ${busy ? 'se-busy' : ''}`} id='save-publish' ariaRole='button' onClick={() => void save(true)}>{busy ? '请稍候…' : '保存并发布'}</View>
                </View>
              </View>
              )}
        </StatusView>
      </View>
    </PageShell>
  )
}
