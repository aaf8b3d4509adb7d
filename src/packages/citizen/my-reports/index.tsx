import { View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { call } from '../../../api'
import { ResidentEmpty, ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import { usePaged } from '../../../utils/use-paged'
import { PageShell } from '../../../components/page-shell'
import './index.css'

type Tab = 'mine' | 'followed'

const TABS: Array<{ key: Tab; label: string }> = [{ key: 'mine', label: '我上报的' }, { key: 'followed', label: '我关注的' }]

/** 我的随手拍: what I reported and what I follow, newest first, paged as the list scrolls (or on 加载更多). */
export default function MyReports () {
  const [tab, setTab] = useState<Tab>('mine')
  // One list per tab, so a slow answer for one tab can never land in the other.
  const mine = usePaged((cursor) => call('reports', 'mine', { cursor, limit: 20 }))
  const followed = usePaged((cursor) => call('reports', 'followed', { cursor, limit: 20 }))
  const list = tab === 'mine' ? mine : followed
  const loaded = useRef<Record<Tab, boolean>>({ mine: false, followed: false })

  const show = (t: Tab) => {
    setTab(t)
    if (!loaded.current[t]) { loaded.current[t] = true; void (t === 'mine' ? mine : followed).load(null) }
  }
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }

  useDidShow(() => {
    // Coming back from a ticket: its state may have changed, so the shown tab reloads; the other on its next visit.
    loaded.current = { mine: false, followed: false }
    loaded.current[tab] = true
    void list.load(null)
  })
  useReachBottom(more)

  const now = Date.now()
  const { items } = list
  const first = items.length === 0
  return (
    <PageShell className='my-reports'>
      <View className='mr-tabs' ariaRole='tablist'>
        {TABS.map(({ key, label }) => (
          <View key={key} className={`mr-tab ${tab === key ? 'on' : ''}`} ariaRole='tab' aria-selected={tab === key ? 'true' : 'false'} data-tab={key} onClick={() => show(key)}>{label}</View>
        ))}
      </View>
      <StatusView signInReason='登录后可以查看你上报和关注的问题' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}>
        {first
          ? tab === 'mine'
            ? (
              <ResidentEmpty
                id='my-reports-empty' icon='📷' title='还没有上报过问题'
                text='看到乱贴小广告、垃圾乱倒、占道经营等问题，拍张照片上报，网格员处理的每一步都会在这里显示。'
                action={{ label: '去随手拍', onClick: () => void Taro.switchTab({ url: pageUrl(PAGES.report) }) }}
              />
              )
            : (
              <ResidentEmpty
                id='my-reports-empty' icon='👀' title='还没有关注的问题'
                text='随手拍时，如果附近已有人上报同样的问题，点「+1 关注」即可，不用重复上报；关注的问题有进展会显示在这里并通知你。'
              />
              )
          : (
            <View id='my-report-list'>
              {items.map((t) => <TicketCard key={t.id} ticket={t} nowMs={now} />)}
            </View>
            )}
        <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={items.length} onMore={more} />
      </StatusView>
    </PageShell>
  )
}
