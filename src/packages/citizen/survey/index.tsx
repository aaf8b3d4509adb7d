import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { ActionInput } from '../../../../core/api'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { AnswerResult, MySurveyResult, SurveyDetail } from '../../../../core/survey-views'
import {
  answerProgress, answersToSend, answersToStore, audienceRefusal, missingAnswers, questionRequired, questionTitle, shownQuestions, TEXT_ANSWER_MAX
} from '../../../../core/surveys'
import { AGE_BANDS, AGE_BAND_LABELS, type AgeBand, type Answer, type Question } from '../../../../core/types'
import { ApiError, call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { clearDraft, draftHasContent, newClientKey, readDraft, saveDraft } from './draft'
import { SurveyResultView } from './result-view'
import { dayText, notOpenYet, resultsOut, windowText } from './survey-text'
import './index.css'

/** The last failed submit: `final` when the server refused for good (answered already, quota full, not in the audience). */
type Outcome = { final: boolean; text: string } | null

interface Loaded {
  survey: SurveyDetail
  /** After closing, to someone who answered: the results; else null (with why, when they could not be read). */
  result: MySurveyResult | null
  resultNote: string | null
}

/** Marks the age band, when it is missing, among the unanswered questions. */
const AGE = 'age'

/** The id as sent: Taro hands some platforms' query values still encoded; a malformed one is taken as is. */
function decoded (value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Opened without ?id= (an old link, a shared card): the open survey this person can answer, else the first. */
async function firstSurvey (): Promise<SurveyDetail | null> {
  const { items } = await call('surveys', 'list', {})
  return items.find((s) => s.takingAnswers && !s.answered && !s.notForMe) ?? items.find((s) => s.takingAnswers) ?? items[0] ?? null
}

async function load (id: string | null): Promise<Loaded | null> {
  const survey = id ? await call('surveys', 'get', { id }) : await firstSurvey()
  if (!survey) return null
  if (!survey.answered || !resultsOut(survey)) return { survey, result: null, resultNote: null }
  try {
    return { survey, result: await call('surveys', 'result', { id: survey.id }), resultNote: null }
  } catch (e) {
    return { survey, result: null, resultNote: errorText(e) }
  }
}

/**
 * 问卷: one survey (?id=, else the first open one) — the age band first when it asks for it, then the questions skip
 * logic shows, with a progress bar. Answers are kept on the phone until sent, so leaving or a failed network loses
 * nothing, and a resend is the same submission (one client key per draft). An empty or partial submit marks each
 * unanswered question in place and scrolls to the first. Someone who answered sees so, and after closing the results.
 */
export default function SurveyPage () {
  const params = useRouter()?.params ?? {}
  const wanted = params.id ? decoded(params.id) : null
  const { data, loading, error, reload } = useAction(() => load(wanted), [wanted])
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const [ageBand, setAgeBand] = useState<AgeBand | null>(null)
  const [missing, setMissing] = useState<string[]>([])
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<AnswerResult | null>(null)
  const [restored, setRestored] = useState(false)
  const clientKey = useRef<string | null>(null)
  // The survey whose draft is on screen: the draft is written only once it was read back, never over it.
  const [draftOf, setDraftOf] = useState<string | null>(null)

  const survey = data?.survey ?? null
  const answering = survey !== null && !survey.answered && survey.takingAnswers && !survey.notForMe && !done

  // Opening the survey brings back what was answered and not sent; an answered survey's draft is of no use.
  useEffect(() => {
    if (!survey) return
    if (survey.answered) {
      clearDraft(survey.id)
      return
    }
    const draft = readDraft(survey.id)
    if (draft && draftHasContent(draft)) {
      setAnswers(draft.answers)
      setAgeBand(survey.asksAge ? draft.ageBand : null)
      clientKey.current = draft.clientKey
      setRestored(true)
    }
    setDraftOf(survey.id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [survey?.id, survey?.answered])

  useEffect(() => {
    if (!survey || draftOf !== survey.id || !answering) return
    if (Object.keys(answers).length === 0 && ageBand === null) return
    clientKey.current ??= newClientKey()
    saveDraft(survey.id, { answers, ageBand, clientKey: clientKey.current })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answers, ageBand, draftOf])

  const answer = (qid: string, a: Answer) => {
    setAnswers((prev) => ({ ...prev, [qid]: a }))
    setMissing((prev) => prev.filter((id) => id !== qid))
  }

  const pick = (q: Question, i: number) => {
    const cur = Array.isArray(answers[q.id]) ? (answers[q.id] as number[]) : []
    const next = q.type === 'multi' ? (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i].sort((a, b) => a - b)) : [i]
    answer(q.id, next)
  }

  const pickAge = (band: AgeBand) => {
    setAgeBand(band)
    setMissing((prev) => prev.filter((id) => id !== AGE))
  }

  const restart = async (s: SurveyDetail) => {
    const { confirm } = await Taro.showModal({
      title: '清空重新填写？', content: '上次填写的回答会被清空。', confirmText: '清空重填', cancelText: '保留', confirmColor: '#c93030'
    })
    if (!confirm) return
    clearDraft(s.id)
    clientKey.current = null
    setAnswers({})
    setAgeBand(null)
    setMissing([])
    setOutcome(null)
    setRestored(false)
  }

  const send = async (s: SurveyDetail) => {
    if (sending) return
    const shown = shownQuestions(s.questions, answers)
    const gaps = [...(s.asksAge && !ageBand ? [AGE] : []), ...missingAnswers(shown, answers)]
    setMissing(gaps)
    if (gaps.length > 0) {
      setOutcome(null)
      void Taro.pageScrollTo({ selector: gaps[0] === AGE ? '#survey-age' : `#q-${gaps[0]}`, offsetTop: -16, duration: 300 }).catch(() => undefined)
      return
    }
    // The key goes to the phone's storage before the call: a resend after a lost answer, even after a restart, is the same submission.
    const key = clientKey.current ??= newClientKey()
    saveDraft(s.id, { answers, ageBand, clientKey: key })
    const input: ActionInput<'surveys', 'answer'> = { surveyId: s.id, answers: answersToSend(answersToStore(s.questions, answers)), clientKey: key }
    if (s.asksAge && ageBand) input.ageBand = ageBand
    setSending(true)
    setOutcome(null)
    try {
      const res = await call('surveys', 'answer', input)
      clearDraft(s.id)
      clientKey.current = null
      setDone(res)
    } catch (e) {
      const final = e instanceof ApiError && (e.code === 'CONFLICT' || e.code === 'FORBIDDEN')
      // Answered already, or the quota is full: what is kept here can never be sent.
      if (e instanceof ApiError && e.code === 'CONFLICT') clearDraft(s.id)
      setOutcome({ final, text: errorText(e) })
    } finally {
      setSending(false)
    }
  }

  const backToList = () => {
    const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : []
    void (pages.length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url: pageUrl(PAGES.surveys) }))
  }
  const home = () => void Taro.switchTab({ url: pageUrl(PAGES.home) })

  const header = (s: SurveyDetail) => (
    <View className='card'>
      <View className='survey-title'>{s.title}</View>
      {s.description && <View className='survey-desc'>{s.description}</View>}
      <View className='survey-window'>填写时间：{windowText(s)}</View>
      {answering && <View className='survey-hint'>标「选填」的题可以不答；回答会先保存在手机上，提交后才算数</View>}
    </View>
  )

  const thanks = (s: SurveyDetail) => (
    <View className='card survey-thanks' id='survey-done' aria-live='polite'>
      <Text className='thanks-icon' aria-hidden='true'>✓</Text>
      <View className='thanks-title'>提交成功，感谢参与！</View>
      <View className='thanks-text'>你的回答已记录。问卷于 {dayText(s.closesAt)} 结束，之后可以在这里查看调查结果。</View>
      <View className='thanks-actions'>
        <Button className='btn-primary' id='survey-back' onClick={backToList}>返回问卷列表</Button>
        <Button className='btn-plain' onClick={home}>返回首页</Button>
      </View>
    </View>
  )

  const answered = (d: Loaded) => (
    <View>
      <View className='card'>
        <View className='survey-done' id='survey-answered'>✓ 你已经填写过这份问卷，感谢参与！每人只需填写一次。</View>
        {!resultsOut(d.survey) && <View className='survey-hint'>问卷于 {dayText(d.survey.closesAt)} 结束，之后可以在这里查看调查结果。</View>}
        {d.resultNote && <View className='survey-hint' id='survey-result-note'>调查结果暂时看不到：{d.resultNote}</View>}
      </View>
      {d.result && <SurveyResultView result={d.result} />}
    </View>
  )

  const note = (id: string, text: string) => (
    <View className='card'>
      <View className='survey-note' id={id}>{text}</View>
      <View className='thanks-actions'>
        <Button className='btn-plain' onClick={backToList}>看看其他问卷</Button>
      </View>
    </View>
  )

  const form = (s: SurveyDetail) => {
    // A resident outside the ages a survey asks is told at once, not after answering it all (the server checks again).
    const ageRefusal = s.asksAge && ageBand && s.audience ? audienceRefusal({ areaCodes: [], roles: [], ageBands: s.audience.ageBands }, { roles: [], areaCode: null }, ageBand) : null
    const ready = !s.asksAge || (ageBand !== null && !ageRefusal)
    const shown = shownQuestions(s.questions, answers)
    const progress = answerProgress(s.questions, answers)
    const unanswered = missing.filter((id) => id !== AGE).length
    const pct = progress.shown === 0 ? 0 : Math.round((progress.answered / progress.shown) * 100)
    return (
      <View>
        {restored && (
          <View className='card survey-restored' id='survey-restored'>
            <Text className='restored-text'>已恢复上次未提交的回答</Text>
            <View className='restored-restart' id='survey-restart' ariaRole='button' onClick={() => void restart(s)}>清空重填</View>
          </View>
        )}
        {s.asksAge && (
          <View id='survey-age' className={`card question ${missing.includes(AGE) ? 'question-missing' : ''}`}>
            <View className='q-head'><Text className='q-title'>请先选择你的年龄段</Text></View>
            {missing.includes(AGE) && <View className='q-missing' role='alert'>请选择年龄段后再提交</View>}
            <View className='age-chips' ariaRole='radiogroup'>
              {AGE_BANDS.map((b) => (
                <View key={b} className={`age-chip ${ageBand === b ? 'on' : ''}`} data-age={b} ariaRole='radio' aria-checked={ageBand === b ? 'true' : 'false'} onClick={() => pickAge(b)}>
                  {AGE_BAND_LABELS[b]}
                </View>
              ))}
            </View>
            {ageRefusal && <View className='survey-note age-refusal' id='survey-age-refusal'>{ageRefusal}</View>}
            {!ageBand && <View className='survey-hint'>选好后就会出现问卷题目</View>}
          </View>
        )}
        {ready && (
          <View className='survey-progress' id='survey-progress' ariaRole='progressbar' aria-valuemin={0} aria-valuemax={progress.shown} aria-valuenow={progress.answered}
            ariaLabel={`已答 ${progress.answered} 题，共 ${progress.shown} 题`}>
            <View className='progress-text'>已答 {progress.answered} / {progress.shown} 题</View>
            <View className='progress-track' aria-hidden='true'><View className='progress-fill' style={{ width: `${pct}%` }} /></View>
          </View>
        )}
        {ready && shown.map((q, n) => {
          const marked = missing.includes(q.id)
          const chosen = Array.isArray(answers[q.id]) ? (answers[q.id] as number[]) : []
          const text = typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''
          return (
            <View key={q.id} id={`q-${q.id}`} className={`card question ${marked ? 'question-missing' : ''}`} data-question={q.id}>
              <View className='q-head'>
                <Text className='q-title'>{n + 1}. {questionTitle(q)}</Text>
                {!questionRequired(q) && <Text className='q-optional'>选填</Text>}
              </View>
              {marked && <View className='q-missing' role='alert'>{q.type === 'text' ? '请填写这道题' : q.type === 'multi' ? '请至少选择一项后再提交' : '请选择一项后再提交'}</View>}
              {q.type === 'text'
                ? (
                  <View className='q-text'>
                    <Textarea
                      className='q-textarea' value={text} maxlength={TEXT_ANSWER_MAX} autoHeight
                      placeholder={questionRequired(q) ? '请填写' : '选填：写下你的想法，不写也可以提交'}
                      ariaLabel={questionTitle(q)} onInput={(e) => answer(q.id, e.detail.value)}
                    />
                    <View className='q-count'>{text.length}/{TEXT_ANSWER_MAX}</View>
                  </View>
                  )
                : q.options.map((o, i) => {
                  const on = chosen.includes(i)
                  const multi = q.type === 'multi'
                  return (
                    <View
                      key={i} className={`option ${on ? 'on' : ''}`} data-q={q.id} data-option={i}
                      ariaRole={multi ? 'checkbox' : 'radio'} aria-checked={on ? 'true' : 'false'}
                      onClick={() => pick(q, i)}
                    >
                      <Text className={`option-mark ${multi ? 'square' : ''}`} aria-hidden='true'>{on ? '✓' : ''}</Text>
                      <Text className='option-text'>{o}</Text>
                    </View>
                  )
                })}
            </View>
          )
        })}
        {ready && (
          <View className='submit-bar'>
            {missing.length > 0 && (
              <View className='submit-error' id='survey-missing'>
                {[missing.includes(AGE) ? '还没有选择年龄段' : '', unanswered > 0 ? `还有 ${unanswered} 道题没有回答` : ''].filter(Boolean).join('，')}，已在题目旁标出
              </View>
            )}
            {outcome && <View className={outcome.final ? 'submit-note' : 'submit-error'} id='survey-error'>{outcome.text}</View>}
            {outcome && !outcome.final && <View className='submit-retry' id='survey-retry-hint'>你的回答已保存在手机上，可以直接再点「重新提交」</View>}
            {/* The label says it is sending (Taro's `loading` spinner and a changing label trip over each other on H5). */}
            <Button className='btn-primary survey-submit' id='survey-submit' disabled={sending} onClick={() => void send(s)}>
              {sending ? '正在提交…' : outcome && !outcome.final ? '重新提交' : '提交问卷'}
            </Button>
          </View>
        )}
      </View>
    )
  }

  const body = (d: Loaded) => {
    const s = d.survey
    if (done) return thanks(s)
    if (s.answered) return answered(d)
    if (s.notForMe) return note('survey-not-for-me', s.notForMe)
    if (!s.takingAnswers) {
      return note('survey-closed', notOpenYet(s) ? `这份问卷将于 ${dayText(s.opensAt)} 开始填写，到时再来看看` : '这份问卷已经结束，感谢你的关注')
    }
    return form(s)
  }

  return (
    <PageShell className='survey'>
      <StatusView
        signInReason='登录后才能填写问卷，每人填写一次' loading={loading && !data} error={data ? null : error}
        empty={!data} emptyText='暂时没有开放的问卷，新的问卷开放后会显示在这里' onRetry={reload}
      >
        {data && (
          <View id='survey-page' data-survey={data.survey.id}>
            {header(data.survey)}
            {body(data)}
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
