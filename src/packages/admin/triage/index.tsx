import { View, Text, Input, Picker, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { ticketNumber } from '../../../../core/tickets/number'
import { overdueFigures } from '../../../../core/tickets/urge'
import type { Page } from '../../../../core/types'
import type { TicketView } from '../../../../core/views'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { TicketCard } from '../../../components/ticket-card'
import {
  NO_FILTERS, SORT_LABELS, choices, filterTickets, nextSort, sortTickets, streetOf, type Filters, type Sort, type SortKey
} from '../../../components/ticket-list'
import { TicketTable } from '../../../components/ticket-table'
import '../../../components/ticket-ui.css'
import { usePaged, type PagedList } from '../../../utils/use-paged'
import './index.css'

type Queue = 'triage' | 'overdue' | 'verifyQueue'

const QUEUES: Array<{ key: Queue; label: string; hint: string; empty: string; sort: Sort }> = [
  { key: 'triage', label: '待分拣', hint: '位置不在网格内、网格无人负责或被退回的上报：打开案卷派遣、合并、转办或驳回；在电脑上可多选后批量派遣', empty: '分拣台已清空', sort: { key: 'createdAt', dir: 'asc' } },
  { key: 'overdue', label: '已超期', hint: '超过处理时限仍未办结的案卷：点「督办」提醒处理人；在电脑上可多选后批量督办', empty: '没有超期案卷', sort: { key: 'deadline', dir: 'asc' } },
  { key: 'verifyQueue', label: '待核查', hint: '网格员已处理、居民逾期未核查的案卷：请打开案卷代为核查或结案', empty: '没有待核查案卷', sort: { key: 'createdAt', dir: 'asc' } }
]

const PAGE_SIZE = 100
const ALL = '全部'
const SORT_KEYS = Object.keys(SORT_LABELS) as SortKey[]

interface Manager { id: string; nickname: string; gridIds: string[] }

/** A bulk step, one ticket after another (each its own unit of work); the answer says which went through. */
async function eachTicket (tickets: TicketView[], one: (t: TicketView) => Promise<unknown>): Promise<{ done: number; failed: string[] }> {
  let done = 0
  const failed: string[] = []
  for (const t of tickets) {
    try {
      await one(t)
      done++
    } catch (e) {
      failed.push(`${ticketNumber(t)}：${errorText(e)}`)
    }
  }
  return { done, failed }
}

/**
 * 分拣台: the office's three queues. On a phone a list of cards; at a desk (from 1,024 px) a table with sortable
 * columns, search, filters and bulk steps (派遣 in 待分拣, 督办 in 已超期). A tap opens the ticket.
 */
export default function Triage () {
  const [queue, setQueue] = useState<Queue>('triage')
  const lists: Record<Queue, PagedList<Page<TicketView>>> = {
    triage: usePaged((cursor) => call('tickets', 'triage', { cursor, limit: PAGE_SIZE })),
    overdue: usePaged((cursor) => call('tickets', 'overdue', { cursor, limit: PAGE_SIZE })),
    verifyQueue: usePaged(async () => ({ items: (await call('tickets', 'verifyQueue', {})).items, next: null }))
  }
  const list = lists[queue]
  const current = QUEUES.find((q) => q.key === queue)!
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [sort, setSort] = useState<Sort>(current.sort)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [managers, setManagers] = useState<Manager[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ text: string; failed: string[] } | null>(null)
  const loaded = useRef<Record<Queue, boolean>>({ triage: false, overdue: false, verifyQueue: false })
  const shown = useRef(false)

  const reload = () => { setSelected(new Set()); return list.load(null) }
  useEffect(() => {
    if (!loaded.current[queue]) { loaded.current[queue] = true; void list.load(null) }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue])
  useDidShow(() => {
    // Coming back from a ticket: it may have left this queue.
    if (shown.current) {
      loaded.current = { triage: false, overdue: false, verifyQueue: false }
      loaded.current[queue] = true
      void reload()
    }
    shown.current = true
  })

  const switchTo = (q: Queue) => {
    setQueue(q)
    setSort(QUEUES.find((x) => x.key === q)!.sort)
    setFilters(NO_FILTERS)
    setSelected(new Set())
    setResult(null)
  }

  const shownItems = useMemo(() => sortTickets(filterTickets(list.items, filters), sort), [list.items, filters, sort])
  const categories = useMemo(() => choices(list.items, (t) => t.categoryName), [list.items])
  const streets = useMemo(() => choices(list.items, streetOf), [list.items])
  const figures = queue === 'overdue' ? overdueFigures(list.items, new Date().toISOString()) : null
  const picked = shownItems.filter((t) => selected.has(t.id))
  const filtered = filters.text !== '' || filters.category !== null || filters.street !== null

  const select = (ids: string[], on: boolean) => setSelected((prev) => {
    const next = new Set(prev)
    for (const id of ids) { if (on) next.add(id); else next.delete(id) }
    return next
  })

  // The bulk dispatch's choice of managers, read once the office first ticks a ticket in 待分拣.
  const askedManagers = useRef(false)
  useEffect(() => {
    if (queue !== 'triage' || selected.size === 0 || askedManagers.current) return
    askedManagers.current = true
    call('admin', 'managers', {}).then((ms) => setManagers(ms.filter((m) => m.gridIds.length > 0)), () => setManagers([]))
  }, [queue, selected])

  const finish = async (text: string, r: { done: number; failed: string[] }) => {
    setResult({ text: r.failed.length ? `${text} ${r.done} 件；${r.failed.length} 件未成功：` : `${text} ${r.done} 件`, failed: r.failed })
    await reload()
  }

  const bulkDispatch = async (m: Manager) => {
    const targets = picked.filter((t) => t.actions.includes('dispatch'))
    if (targets.length === 0) return
    const ok = await Taro.showModal({ title: `把 ${targets.length} 件派遣给${m.nickname}？`, content: '每件派到他负责的网格中离案卷最近的一个，他会收到待办通知。', confirmText: '派遣', confirmColor: '#06773b' })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await finish(`已派遣给${m.nickname}`, await eachTicket(targets, (t) => call('tickets', 'act', { id: t.id, transition: 'dispatch', expectedVersion: t.version, assigneeId: m.id })))
    } finally {
      setBusy(false)
    }
  }

  const urge = async (targets: TicketView[]) => {
    if (targets.length === 0) return
    const ok = await Taro.showModal({
      title: targets.length === 1 ? `督办 ${ticketNumber(targets[0])}？` : `督办 ${targets.length} 件超期案卷？`,
      content: '处理人会收到「文明办督办」消息，督办记入办理过程和超期统计。', confirmText: '督办', confirmColor: '#06773b'
    })
    if (!ok.confirm) return
    setBusy(true)
    try {
      await finish('已督办', await eachTicket(targets, (t) => call('tickets', 'urge', { id: t.id, expectedVersion: t.version })))
    } finally {
      setBusy(false)
    }
  }

  const urgeCell = (t: TicketView) => (
    <View className='tr-urge'>
      <Text className='tr-urged'>{(t.urgeCount ?? 0) > 0 ? `已督办 ${t.urgeCount} 次` : '未督办'}</Text>
      {t.mayUrge && (
        <Button className={`tk-btn plain tr-urge-btn ${busy ? 'is-off' : ''}`} {...(busy ? { disabled: true } : {})} data-urge={t.id} onClick={(e) => { e.stopPropagation(); void urge([t]) }}>督办</Button>
      )}
    </View>
  )

  const bulkable = queue === 'triage' ? picked.filter((t) => t.actions.includes('dispatch')) : queue === 'overdue' ? picked.filter((t) => t.mayUrge) : []
  const first = list.items.length === 0
  const now = Date.now()

  return (
    <PageShell className='triage'>
      <View className='tr-links'>
        <View className='tr-link' id='open-dashboard' ariaRole='link' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminDashboard) })}>指标看板 ›</View>
      </View>
      <View className='tabs tr-tabs' ariaRole='tablist'>
        {QUEUES.map((q) => (
          <View key={q.key} className={`tab ${queue === q.key ? 'on' : ''}`} ariaRole='tab' aria-selected={queue === q.key ? 'true' : 'false'} data-queue={q.key} onClick={() => switchTo(q.key)}>
            {q.label}{queue === q.key && !list.loading ? `（${list.items.length}${list.next ? '+' : ''}）` : ''}
          </View>
        ))}
      </View>
      <View className='tr-body'>
        <View className='tr-hint'>{current.hint}</View>
        {figures && !first && (
          <View className='tr-figures' id='overdue-figures'>
            已超期 <Text className='tr-figure'>{figures.overdue}</Text> 件 · 已督办 <Text className='tr-figure'>{figures.urged}</Text> 件（共 {figures.urges} 次）· 未督办 <Text className='tr-figure late'>{figures.overdue - figures.urged}</Text> 件
          </View>
        )}
        <View className='tr-toolbar'>
          <Input className='tk-input tr-search' id='triage-search' value={filters.text} placeholder='搜索编号、描述、地址或网格' ariaLabel='搜索案卷' confirmType='search'
            onInput={(e) => setFilters((f) => ({ ...f, text: e.detail.value }))} />
          <View className='tr-filters'>
            <Picker mode='selector' range={[ALL, ...categories]} onChange={(e) => { const i = Number(e.detail.value); setFilters((f) => ({ ...f, category: i === 0 ? null : categories[i - 1] })) }}>
              <View className='tk-field tr-filter' id='filter-category' ariaRole='button'>类别：{filters.category ?? ALL} ▾</View>
            </Picker>
            <Picker mode='selector' range={[ALL, ...streets]} onChange={(e) => { const i = Number(e.detail.value); setFilters((f) => ({ ...f, street: i === 0 ? null : streets[i - 1] })) }}>
              <View className='tk-field tr-filter' id='filter-street' ariaRole='button'>街道：{filters.street ?? ALL} ▾</View>
            </Picker>
            <View className='tr-sort-phone'>
              <Picker mode='selector' range={SORT_KEYS.map((k) => `按${SORT_LABELS[k]}`)} onChange={(e) => { const k = SORT_KEYS[Number(e.detail.value)]; if (k) setSort((s) => nextSort(s, k)) }}>
                <View className='tk-field tr-filter' ariaRole='button'>排序：{SORT_LABELS[sort.key]}{sort.dir === 'asc' ? '↑' : '↓'} ▾</View>
              </Picker>
            </View>
            {filtered && <View className='tr-clear' ariaRole='button' onClick={() => setFilters(NO_FILTERS)}>清除筛选</View>}
          </View>
        </View>
        {!first && <View className='tr-count'>{filtered ? `符合条件 ${shownItems.length} 件，共 ${list.items.length} 件` : `共 ${list.items.length} 件`}{list.next ? '（还有更多）' : ''}</View>}
        {(queue === 'triage' || queue === 'overdue') && !first && (
          <View className={`tr-bulk ${picked.length > 0 ? 'on' : ''}`} id='bulk-bar'>
            <Text className='tr-bulk-count'>{picked.length > 0 ? `已选 ${picked.length} 件` : '勾选左侧方框，可批量处理'}</Text>
            {queue === 'triage' && picked.length > 0 && (
              managers && managers.length > 0
                ? (
                  <Picker mode='selector' range={managers.map((m) => `${m.nickname}（${m.gridIds.length} 个网格）`)} onChange={(e) => { const m = managers[Number(e.detail.value)]; if (m) void bulkDispatch(m) }}>
                    <View className={`tk-btn tr-bulk-btn ${busy || bulkable.length === 0 ? 'is-off' : ''}`} id='bulk-dispatch' ariaRole='button'>批量派遣给…</View>
                  </Picker>
                  )
                : <Text className='tk-hint'>{managers === null ? '正在读取网格员…' : '没有可派遣的网格员'}</Text>
            )}
            {queue === 'overdue' && picked.length > 0 && (
              <Button className={`tk-btn tr-bulk-btn ${busy || bulkable.length === 0 ? 'is-off' : ''}`} id='bulk-urge' {...(busy || bulkable.length === 0 ? { disabled: true } : {})} onClick={() => void urge(bulkable)}>
                批量督办（{bulkable.length}）
              </Button>
            )}
            {picked.length > 0 && <View className='tr-clear' ariaRole='button' onClick={() => setSelected(new Set())}>取消选择</View>}
          </View>
        )}
        {result && (
          <View className={`tr-result ${result.failed.length ? 'partial' : ''}`} id='bulk-result' ariaRole='status'>
            {result.text}
            {result.failed.map((f) => <View key={f} className='tr-result-line'>{f}</View>)}
          </View>
        )}
        <StatusView loading={list.loading && first} error={first ? list.error : null} empty={!list.loading && first} emptyText={current.empty} onRetry={() => void reload()}>
          {shownItems.length === 0 && <View className='status' id='triage-none'>没有符合条件的案卷</View>}
          <View className={`tr-desk ${shownItems.length === 0 ? 'empty' : ''}`}>
            <TicketTable tickets={shownItems} nowMs={now} sort={sort} onSort={(k) => setSort((s) => nextSort(s, k))}
              selected={queue === 'verifyQueue' ? undefined : selected} onSelect={queue === 'verifyQueue' ? undefined : select}
              extra={queue === 'overdue' ? { title: '督办', render: urgeCell } : undefined} />
          </View>
          <View id='triage-list' className='tr-cards'>
            {shownItems.map((t) => (
              <TicketCard key={t.id} ticket={t} nowMs={now}>
                {queue === 'overdue' && t.mayUrge && (
                  <View className='ticket-actions'>
                    <Button className={`tk-btn plain ${busy ? 'is-off' : ''}`} {...(busy ? { disabled: true } : {})} data-urge={t.id} onClick={(e) => { e.stopPropagation(); void urge([t]) }}>督办</Button>
                  </View>
                )}
              </TicketCard>
            ))}
          </View>
          {list.next && (
            <View className='tr-more'>
              <Button className={`tk-btn plain ${list.loading ? 'is-off' : ''}`} onClick={() => { if (list.next && !list.loading) void list.load(list.next) }}>{list.loading ? '正在加载…' : '加载更多'}</Button>
            </View>
          )}
        </StatusView>
      </View>
    </PageShell>
  )
}
