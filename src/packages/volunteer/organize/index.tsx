import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import type { VolunteerEvent } from '../../../../core/types'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentEmpty, ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { usePaged } from '../../../utils/use-paged'
import { KIND_LABELS, PHASE_LABELS, PHASE_TAGS, eventPhase, whenText } from './event-format'
import './index.css'

type MyEvent = VolunteerEvent & { waitlistLength: number }

const seatsLine = (e: MyEvent): string =>
  `已报 ${e.taken}/${e.capacity}${e.waitlistEnabled ? ` · 候补 ${e.waitlistLength} 人` : ''}`

/**
 * 我组织的活动: every event I run, drafts included, by start time. A card opens its roster; a draft also offers
 * 编辑 and 发布 on the card, as it has no roster to speak of yet.
 */
export default function Organize () {
  const list = usePaged((cursor) => call('volunteer', 'myEvents', { cursor, limit: 20 }))
  const [busy, setBusy] = useState<string | null>(null)
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }

  // Coming back from the form or a roster: what was saved or published there shows.
  useDidShow(() => { void list.load(null) })
  useReachBottom(more)

  const create = () => void Taro.navigateTo({ url: pageUrl(PAGES.eventEdit) })
  const edit = (e: MyEvent) => void Taro.navigateTo({ url: pageUrl(PAGES.eventEdit, { id: e.id }) })
  const open = (e: MyEvent) => void Taro.navigateTo({ url: pageUrl(PAGES.roster, { id: e.id }) })

  const publish = async (e: MyEvent) => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '发布这个活动？',
      content: '发布后志愿者就能看到并报名。',
      confirmText: '发布',
      cancelText: '再想想'
    })
    if (!confirm) return
    setBusy(e.id)
    try {
      await call('volunteer', 'publishEvent', { id: e.id })
      void Taro.showToast({ title: '已发布', icon: 'success' })
      await list.load(null)
    } catch (err) {
      void Taro.showModal({ title: '没有发布成功', content: errorText(err), showCancel: false, confirmText: '知道了' })
    } finally {
      setBusy(null)
    }
  }

  const now = Date.now()
  const first = list.items.length === 0
  return (
    <PageShell className='organize'>
      <View className='og-top'>
        <View className='btn-primary og-new' id='new-event' ariaRole='button' onClick={create}>＋ 发布新活动</View>
        <View className='btn-plain og-report' id='open-report' ariaRole='button' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.orgReport) })}>组织报告</View>
      </View>
      <StatusView signInReason='登录后可以管理你组织的志愿活动' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}>
        {first
          ? (
            <ResidentEmpty
              id='organize-empty' icon='📋' title='还没有组织过活动'
              text='点「发布新活动」填写时间、地点和名额，先存为草稿，确认无误后发布，志愿者就能报名。'
              action={{ label: '发布新活动', onClick: create }}
            />
            )
          : (
            <View id='my-event-list'>
              {list.items.map((e) => {
                const phase = eventPhase(e, now)
                const share = Math.min(100, (e.taken / Math.max(1, e.capacity)) * 100)
                return (
                  <View key={e.id} className='card og-event' data-event={e.id} data-phase={phase} ariaRole='link' onClick={() => open(e)}>
                    <View className='row og-head'>
                      <Text className={`tag ${PHASE_TAGS[phase]}`} data-status={phase}>{PHASE_LABELS[phase]}</Text>
                      <Text className={`tag ${e.kind === 'training' ? 'blue' : ''}`}>{KIND_LABELS[e.kind]}</Text>
                      <View className='spacer' />
                      <Text className='cell-arrow' aria-hidden='true'>›</Text>
                    </View>
                    <View className='og-title'>{e.title}</View>
                    <View className='og-line'>{whenText(e)}</View>
                    <View className='og-line'>{e.address}</View>
                    {phase !== 'draft' && (
                      <>
                        <View className='og-seats' aria-hidden='true'><View className='og-seats-fill' style={{ width: `${share}%` }} /></View>
                        <View className='og-line og-count'>{seatsLine(e)}</View>
                      </>
                    )}
                    {phase === 'cancelled' && e.cancelReason && <View className='og-line og-cancelled'>取消原因：{e.cancelReason}</View>}
                    {phase === 'draft' && (
                      <View className='row og-actions'>
                        <Text className='og-line og-draft-note'>草稿只有你能看到</Text>
                        <View className='spacer' />
                        <View className='btn-small plain' id={`edit-${e.id}`} ariaRole='button' ariaLabel={`编辑：${e.title}`} onClick={(ev) => { ev.stopPropagation(); edit(e) }}>编辑</View>
                        <View className={`btn-small og-publish ${busy === e.id ? 'og-busy' : ''}`} id={`publish-${e.id}`} ariaRole='button' ariaLabel={`发布：${e.title}`} onClick={(ev) => { ev.stopPropagation(); void publish(e) }}>{busy === e.id ? '请稍候…' : '发布'}</View>
                      </View>
                    )}
                  </View>
                )
              })}
            </View>
            )}
        <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={list.items.length} onMore={more} />
      </StatusView>
    </PageShell>
  )
}
