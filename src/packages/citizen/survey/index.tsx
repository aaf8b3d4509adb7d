import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { answersToSend, missingAnswers, questionRequired, questionTitle, TEXT_ANSWER_MAX } from '../../../../core/surveys'
import type { Answer, Question, Survey } from '../../../../core/types'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { PageShell } from '../../../components/page-shell'
import './index.css'

/** The last submit: accepted, or the server's reason for refusing it. */
type Outcome = { ok: boolean; text: string } | null

/**
 * 问卷: the open survey — choice, scale and text questions — one response per person (the server enforces it).
 * An empty or partial submit marks each unanswered question in place and scrolls to the first.
 */
export default function SurveyPage () {
  const { data, loading, error, reload } = useAction(async () => {
    const list = await call('surveys', 'list', {})
    return list.items[0] ? call('surveys', 'get', { id: list.items[0].id }) : null
  })
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const [missing, setMissing] = useState<string[]>([])
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [sending, setSending] = useState(false)

  const answer = (qid: string, a: Answer) => {
    setAnswers((prev) => ({ ...prev, [qid]: a }))
    setMissing((prev) => prev.filter((id) => id !== qid))
  }

  const pick = (q: Question, i: number) => {
    const cur = Array.isArray(answers[q.id]) ? (answers[q.id] as number[]) : []
    const next = q.type === 'multi' ? (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i].sort((a, b) => a - b)) : [i]
    answer(q.id, next)
  }

  const send = async (s: Survey) => {
    if (sending) return
    const gaps = missingAnswers(s.questions, answers)
    setMissing(gaps)
    if (gaps.length > 0) {
      setOutcome(null)
      void Taro.pageScrollTo({ selector: `#q-${gaps[0]}`, offsetTop: -16, duration: 300 }).catch(() => undefined)
      return
    }
    setSending(true)
    setOutcome(null)
    try {
      await call('surveys', 'answer', { surveyId: s.id, answers: answersToSend(answers) })
      setOutcome({ ok: true, text: '' })
      await reload()
    } catch (e) {
      setOutcome({ ok: false, text: (e as Error).message })
    } finally {
      setSending(false)
    }
  }

  return (
    <PageShell className='survey'>
      <StatusView signInReason='登录后才能填写问卷，每人填写一次' loading={loading && !data} error={data ? null : error} empty={!data} emptyText='暂时没有开放的问卷，新的问卷开放后会显示在这里' onRetry={reload}>
        {data && (
          <View>
            <View className='card'>
              <View className='survey-title'>{data.title}</View>
              <View className='survey-desc'>{data.description}</View>
              {!data.answered && <View className='survey-hint'>共 {data.questions.length} 题，标「选填」的可以不答</View>}
              {data.answered && (
                <View className='survey-done' id='survey-answered'>
                  {outcome?.ok ? '✓ 提交成功，感谢参与！你的回答已记录。' : '✓ 你已填写过这份问卷，感谢参与！每人只需填写一次。'}
                </View>
              )}
              {data.answered && (
                <View className='survey-home' ariaRole='button' onClick={() => void Taro.switchTab({ url: pageUrl(PAGES.home) })}>返回首页看看测评结果</View>
              )}
            </View>
            {!data.answered && data.questions.map((q, n) => {
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
                          key={o} className={`option ${on ? 'on' : ''}`} data-option={i}
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
            {!data.answered && (
              <View className='submit-bar'>
                {missing.length > 0 && <View className='submit-error' id='survey-missing'>还有 {missing.length} 道题没有回答，已在题目旁标出</View>}
                {outcome && !outcome.ok && <View className='submit-error' id='survey-error'>{outcome.text}</View>}
                <Button className='btn-primary survey-submit' loading={sending} onClick={() => void send(data)}>提交问卷</Button>
              </View>
            )}
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
