import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { SurveyListItem } from '../../../../core/survey-views'
import type { Page } from '../../../../core/types'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { usePaged } from '../../../utils/use-paged'
import { dayText, notOpenYet, resultsOut, windowText } from '../survey/survey-text'
import './index.css'

/** What a card offers: fill it in, see it (answered; its results once out), or why not. */
type CardState = 'todo' | 'answered' | 'result' | 'not-for-me' | 'upcoming' | 'ended'

function stateOf (s: SurveyListItem, nowMs: number): CardState {
  if (s.answered) return resultsOut(s, nowMs) ? 'result' : 'answered'
  if (s.notForMe) return 'not-for-me'
  if (s.takingAnswers) return 'todo'
  return notOpenYet(s, nowMs) ? 'upcoming' : 'ended'
}

/** How long it is: skip logic may leave some questions out, so a survey with it says 最多. */
function sizeText (s: SurveyListItem): string {
  return s.questions.some((q) => q.showIf) ? `最多 ${s.questions.length} 题` : `共 ${s.questions.length} 题`
}

/**
 * 问卷调查: the open surveys, each with its window and what this person can do — 去填写, 已填写 (with 查看结果 once the
 * results are out), or, when it is not for them, a gentle note saying why instead of a button. Back from a survey the
 * list is read again, so one just answered shows 已填写.
 */
export default function Surveys () {
  const list = usePaged<Page<SurveyListItem>>((cursor) => call('surveys', 'list', { cursor, limit: 20 }))
  const opened = useRef(false)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void list.load(null) }, [])
  useDidShow(() => {
    if (!opened.current) return
    opened.current = false
    void list.load(null)
  })
  usePullDownRefresh(() => { void list.load(null).finally(() => Taro.stopPullDownRefresh()) })
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }
  useReachBottom(more)

  const open = (s: SurveyListItem) => {
    opened.current = true
    void Taro.navigateTo({ url: pageUrl(PAGES.survey, { id: s.id }) })
  }

  const now = Date.now()
  const first = list.items.length === 0

  const foot = (s: SurveyListItem, state: CardState) => {
    switch (state) {
      case 'todo':
        return <View className='svl-btn svl-btn-go' ariaRole='button' ariaLabel={`去填写：${s.title}`} data-action='answer'>去填写</View>
      case 'answered':
        return <Text className='svl-state'>✓ 已填写</Text>
      case 'result':
        return (
          <>
            <Text className='svl-state'>✓ 已填写</Text>
            <View className='svl-btn svl-btn-plain' ariaRole='button' ariaLabel={`查看结果：${s.title}`} data-action='result'>查看结果</View>
          </>
        )
      case 'not-for-me':
        return <View className='svl-note' data-note='not-for-me'>{s.notForMe}</View>
      case 'upcoming':
        return <View className='svl-note' data-note='upcoming'>{dayText(s.opensAt, now)} 开始填写，到时再来</View>
      case 'ended':
        return <View className='svl-note' data-note='ended'>已结束，感谢关注</View>
    }
  }

  return (
    <PageShell className='surveys'>
      <View className='svl-intro'>你的回答帮助我们了解大家对文明城市创建的看法。每份问卷每人填写一次。</View>
      <StatusView
        signInReason='登录后可以填写问卷，每人填写一次' loading={list.loading && first} error={first ? list.error : null}
        empty={first} emptyText='暂时没有开放的问卷' emptyHint='新的问卷开放后会显示在这里' onRetry={() => void list.load(null)}
      >
        <View id='survey-list'>
          {list.items.map((s) => {
            const state = stateOf(s, now)
            // Only a survey there is something to do or see on opens; the others say why right on the card.
            const tappable = state === 'todo' || state === 'answered' || state === 'result'
            return (
              <View
                key={s.id} className={`card svl-card ${tappable ? '' : 'svl-card-quiet'}`} data-survey={s.id} data-state={state}
                ariaRole={tappable ? 'link' : undefined} onClick={tappable ? () => open(s) : undefined}
              >
                <View className='svl-title'>{s.title}</View>
                {s.description && <View className='svl-desc'>{s.description}</View>}
                <View className='svl-line'>填写时间：{windowText(s, now)}</View>
                <View className='svl-line'>{sizeText(s)}{s.asksAge ? ' · 先选年龄段' : ''}</View>
                <View className='svl-foot'>{foot(s, state)}</View>
              </View>
            )
          })}
        </View>
        <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={list.items.length} onMore={more} />
      </StatusView>
    </PageShell>
  )
}
