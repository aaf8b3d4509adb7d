import { View, Text, Button } from '@tarojs/components'
import { useState } from 'react'
import type { Answer, Survey } from '../../../../core/types'
import { call } from '../../../api'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import './index.css'

/** 问卷: the open survey, one choice per question, one response per person (the server enforces it). */
export default function SurveyPage () {
  const { data, loading, error, reload } = useAction(async () => {
    const list = await call('surveys', 'list', {})
    return list.items[0] ? call('surveys', 'get', { id: list.items[0].id }) : null
  })
  const [answers, setAnswers] = useState<Record<string, Answer>>({})
  const [message, setMessage] = useState<string | null>(null)
  const [sending, setSending] = useState(false)

  const pick = (s: Survey, qid: string, i: number) => {
    const q = s.questions.find((x) => x.id === qid)
    if (!q) return
    setAnswers((prev) => {
      const cur = Array.isArray(prev[qid]) ? (prev[qid] as number[]) : []
      const next = q.type === 'multi' ? (cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i]) : [i]
      return { ...prev, [qid]: next }
    })
  }

  const send = async (s: Survey) => {
    setSending(true)
    setMessage(null)
    try {
      await call('surveys', 'answer', { surveyId: s.id, answers })
      setMessage('提交成功，感谢参与！')
      await reload()
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='page survey'>
      <StatusView loading={loading} error={error} empty={!data} emptyText='暂时没有开放的问卷' onRetry={reload}>
        {data && (
          <View>
            <View className='card'>
              <View className='survey-title'>{data.title}</View>
              <View className='muted'>{data.description}</View>
              {data.answered && <View className='tag green answered'>你已填写过，感谢参与</View>}
            </View>
            {!data.answered && data.questions.filter((q) => q.type !== 'text').map((q, n) => (
              <View key={q.id} className='card'>
                <View className='q-title'>{n + 1}. {q.title}{q.type === 'multi' ? '（可多选）' : ''}</View>
                {q.options.map((o, i) => {
                  const on = Array.isArray(answers[q.id]) && (answers[q.id] as number[]).includes(i)
                  return <View key={o} className={`option ${on ? 'on' : ''}`} onClick={() => pick(data, q.id, i)}><Text>{on ? '◉' : '○'} {o}</Text></View>
                })}
              </View>
            ))}
            {message && <View className='card muted' id='survey-message'>{message}</View>}
            {!data.answered && <View className='submit-bar'><Button className='btn-primary' loading={sending} disabled={sending} onClick={() => void send(data)}>提交问卷</Button></View>}
          </View>
        )}
      </StatusView>
    </View>
  )
}
