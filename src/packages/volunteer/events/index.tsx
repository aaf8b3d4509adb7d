import { View, Text, Picker } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import type { ActionInput } from '../../../../core/api'
import { PAGES, pageUrl } from '../../../../core/pages'
import { VOLUNTEER_TOPICS, type EventKind, type GcjPoint, type VolunteerTopic } from '../../../../core/types'
import type { EventView, EventsView } from '../../../../core/views'
import { SIGN_IN_MESSAGE, call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { usePaged } from '../../../utils/use-paged'
import { dayTime, distanceText, placesText, requirements, whenText } from './event-text'
import './index.css'

type Days = 7 | 30 | null

interface Filters {
  kind: EventKind | null
  topic: VolunteerTopic | null
  days: Days
  near: GcjPoint | null
}

const NEAR_KM = 5
const KIND_CHIPS: Array<{ value: EventKind | null; label: string }> = [{ value: null, label: '全部' }, { value: 'service', label: '志愿服务' }, { value: 'training', label: '培训' }]
const DAY_CHIPS: Array<{ value: Days; label: string }> = [{ value: 7, label: '近7天' }, { value: 30, label: '近30天' }, { value: null, label: '全部' }]
const TOPIC_RANGE = ['全部领域', ...VOLUNTEER_TOPICS]

/** The list may be opened filtered (先报名培训 on an event opens the trainings of the missing topic). */
function initialFilters (params: Record<string, string | undefined>): Filters {
  const kind = params.kind === 'service' || params.kind === 'training' ? params.kind : null
  const topic = VOLUNTEER_TOPICS.find((t) => t === (params.topic ? decodeURIComponent(params.topic) : '')) ?? null
  return { kind, topic, days: null, near: null }
}

function query (f: Filters, cursor: string | null): ActionInput<'volunteer', 'events'> {
  const q: ActionInput<'volunteer', 'events'> = { cursor, limit: 20 }
  if (f.kind) q.kind = f.kind
  if (f.topic) q.topic = f.topic
  if (f.days) {
    q.fromIso = dayjs().startOf('day').toISOString()
    q.toIso = dayjs().add(f.days, 'day').endOf('day').toISOString()
  }
  if (f.near) {
    q.near = f.near
    q.withinKm = NEAR_KM
  }
  return q
}

const filtered = (f: Filters) => f.kind !== null || f.topic !== null || f.days !== null || f.near !== null

/**
 * 志愿活动: upcoming events, filtered by type, service area, time and distance, each with what this person can do
 * (the server decides: core/volunteer/event-choice). A volunteer signs up, joins the waitlist, confirms an offered
 * place or cancels right here; a resident is led to the volunteer registration; an organizer sees their own events;
 * a full event without a waitlist says 已满. Tapping a card opens the event with all its facts.
 */
export default function Events () {
  const params = useRouter()?.params ?? {}
  const [filters, setFilters] = useState<Filters>(() => initialFilters(params))
  const [canSignUp, setCanSignUp] = useState<boolean | null>(null)
  // Events answered again after an action here or on the detail page, laid over the list so it keeps its place.
  const [fresh, setFresh] = useState<Record<string, EventView>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [locating, setLocating] = useState(false)
  const seq = useRef(0)
  const opened = useRef<string | null>(null)

  const list = usePaged<EventsView>(async (cursor) => {
    const mine = cursor ? seq.current : ++seq.current
    const page = await call('volunteer', 'events', query(filters, cursor))
    // An answer for filters no longer chosen never lands: the newer request's answer does.
    if (mine !== seq.current) return new Promise<never>(() => undefined)
    if (!cursor) setCanSignUp(page.canSignUp)
    return page
  })
  useEffect(() => {
    setFresh({})
    void list.load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters])
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }
  useReachBottom(more)

  const refresh = async (id: string) => {
    try {
      const e = await call('volunteer', 'event', { id })
      setFresh((f) => ({ ...f, [id]: e }))
    } catch {
      await list.load(null)
    }
  }
  // Back from an event's page: what was done there shows on its card.
  useDidShow(() => {
    const id = opened.current
    opened.current = null
    if (id) void refresh(id)
  })

  const run = async (e: EventView, work: () => Promise<string>) => {
    if (busy) return
    setBusy(e.id)
    try {
      Taro.showToast({ title: await work(), icon: 'success' })
      await refresh(e.id)
    } catch (err) {
      Taro.showToast({ title: (err as Error).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const signup = (e: EventView) => run(e, async () => {
    const res = await call('volunteer', 'signup', { eventId: e.id })
    if (res.outcome === 'waitlisted') return res.waitlistPosition ? `已候补第 ${res.waitlistPosition} 位` : '已进入候补'
    return '报名成功'
  })

  const accept = (e: EventView) => run(e, async () => {
    await call('volunteer', 'acceptOffer', { eventId: e.id })
    return '已确认参加'
  })

  const cancel = async (e: EventView) => {
    if (busy) return
    const waiting = e.choice === 'waitlisted'
    const { confirm } = await Taro.showModal({
      title: waiting ? '取消候补？' : '取消报名？',
      content: waiting ? '取消后将不再为你保留候补位置。' : '取消后名额会让给其他志愿者，之后仍可再报名。',
      confirmText: waiting ? '取消候补' : '取消报名',
      cancelText: '再想想',
      confirmColor: '#c93030'
    })
    if (!confirm) return
    await run(e, async () => {
      await call('volunteer', 'cancel', { eventId: e.id })
      return waiting ? '已取消候补' : '已取消报名'
    })
  }

  const open = (e: EventView) => {
    opened.current = e.id
    void Taro.navigateTo({ url: pageUrl(PAGES.eventDetail, { id: e.id }) })
  }

  const toggleNear = async () => {
    if (filters.near) { setFilters((f) => ({ ...f, near: null })); return }
    if (locating) return
    setLocating(true)
    try {
      const loc = await Taro.getLocation({ type: 'gcj02' })
      setFilters((f) => ({ ...f, near: { lng: loc.longitude, lat: loc.latitude } }))
    } catch {
      Taro.showToast({ title: '无法获取你的位置，请允许定位后再试', icon: 'none' })
    } finally {
      setLocating(false)
    }
  }

  const items = list.items.map((e) => fresh[e.id] ?? e)
  const first = items.length === 0
  const signedOut = list.error === SIGN_IN_MESSAGE
  const organizing = items.some((e) => e.choice === 'organizing')
  // The registration note is for events this person could join; an organizer's own events need none.
  const needsRegistration = canSignUp === false && (items.length === 0 || items.some((e) => e.choice !== 'organizing'))

  // Buttons sit on a card that opens the event: their taps stay theirs.
  const tap = (work: () => void) => (ev: { stopPropagation?: () => void }) => { ev.stopPropagation?.(); work() }

  const actionFor = (e: EventView) => {
    const pending = busy === e.id
    switch (e.choice) {
      case 'signup':
      case 'waitlist':
        return (
          <View
            className={`ev-btn ${e.choice === 'waitlist' ? 'ev-btn-wait' : 'ev-btn-go'} ${pending ? 'ev-btn-busy' : ''}`}
            ariaRole='button' ariaLabel={`${e.choice === 'waitlist' ? '候补报名' : '报名'}：${e.title}`}
            data-action={e.choice} onClick={tap(() => void signup(e))}
          >{pending ? '请稍候…' : e.choice === 'waitlist' ? '候补' : '报名'}</View>
        )
      case 'offered':
        return (
          <View className={`ev-btn ev-btn-go ${pending ? 'ev-btn-busy' : ''}`} ariaRole='button' ariaLabel={`确认参加：${e.title}`}
            data-action='accept' onClick={tap(() => void accept(e))}>{pending ? '请稍候…' : '确认参加'}</View>
        )
      case 'full':
        return <View className='ev-btn ev-btn-off' ariaRole='button' aria-disabled='true' ariaLabel={`${e.title}：名额已满`} onClick={tap(() => undefined)}>已满</View>
      case 'confirmed':
      case 'waitlisted':
        return <Text className={`ev-state ${e.choice === 'waitlisted' ? 'ev-state-wait' : ''}`}>{e.choice === 'waitlisted' ? '候补中' : '✓ 已报名'}</Text>
      case 'closed':
        return <Text className='ev-note'>{e.status === 'cancelled' ? '活动已取消' : '报名已截止'}</Text>
      case 'register':
        return <Text className='ev-note'>注册为志愿者可报名</Text>
      case 'training':
        return <Text className='ev-note ev-note-warn'>需先完成培训</Text>
      case 'organizing':
        return null
    }
  }

  const mineRow = (e: EventView) => {
    if (e.choice === 'offered') {
      return (
        <View className='ev-mine ev-offer'>
          <View className='ev-deadline'>有名额空出，为你保留到 {e.mySignup?.offerExpiresAt ? dayTime(e.mySignup.offerExpiresAt) : '—'}，逾期将让给下一位</View>
        </View>
      )
    }
    if (e.choice !== 'confirmed' && e.choice !== 'waitlisted') return null
    const waiting = e.choice === 'waitlisted'
    return (
      <View className='ev-mine'>
        {e.canCancel
          ? <View className='ev-deadline'>{waiting && e.waitlistPosition ? <View>候补第 {e.waitlistPosition} 位</View> : null}<View>取消截止</View><View>{dayTime(e.cancelDeadline)}</View></View>
          : <View className='ev-deadline'>已过取消截止时间，如不能参加请联系组织者</View>}
        <View className='ev-spacer' />
        {e.canCancel && (
          <View
            className={`ev-btn ev-btn-plain ${busy === e.id ? 'ev-btn-busy' : ''}`} ariaRole='button' data-action='cancel'
            ariaLabel={`${waiting ? '取消候补' : '取消报名'}：${e.title}`} onClick={tap(() => void cancel(e))}
          >{busy === e.id ? '请稍候…' : waiting ? '取消候补' : '取消报名'}</View>
        )}
      </View>
    )
  }

  const chip = (key: string, label: string, on: boolean, onClick: () => void, attrs: Record<string, string> = {}) => (
    <View key={key} className={`ev-chip ${on ? 'on' : ''}`} ariaRole='button' aria-pressed={on ? 'true' : 'false'} onClick={onClick} {...attrs}>{label}</View>
  )

  return (
    <PageShell className='events'>
      {!signedOut && (
        <View className='ev-filters' id='event-filters'>
          <View className='ev-filter-row'>
            <Text className='ev-filter-label'>类型</Text>
            {KIND_CHIPS.map((c) => chip(`k-${c.value ?? 'all'}`, c.label, filters.kind === c.value, () => setFilters((f) => ({ ...f, kind: c.value })), { 'data-filter-kind': c.value ?? 'all' }))}
          </View>
          <View className='ev-filter-row'>
            <Text className='ev-filter-label'>时间</Text>
            {DAY_CHIPS.map((c) => chip(`d-${c.value ?? 'all'}`, c.label, filters.days === c.value, () => setFilters((f) => ({ ...f, days: c.value })), { 'data-filter-days': String(c.value ?? 'all') }))}
          </View>
          <View className='ev-filter-row'>
            <Text className='ev-filter-label'>领域</Text>
            <Picker mode='selector' range={TOPIC_RANGE} value={filters.topic ? TOPIC_RANGE.indexOf(filters.topic) : 0}
              onChange={(ev) => { const i = Number(ev.detail.value); setFilters((f) => ({ ...f, topic: i > 0 ? VOLUNTEER_TOPICS[i - 1] : null })) }}>
              <View className={`ev-chip ev-chip-picker ${filters.topic ? 'on' : ''}`} id='filter-topic' ariaRole='button' ariaLabel={`服务领域：${filters.topic ?? '全部领域'}`}>
                {filters.topic ?? '全部领域'} ▾
              </View>
            </Picker>
            {chip('near', locating ? '定位中…' : `离我近（${NEAR_KM}公里内）`, filters.near !== null, () => void toggleNear(), { id: 'filter-near' })}
          </View>
        </View>
      )}
      {needsRegistration && (
        <View className='ev-banner' id='events-register-note'>
          <View className='ev-banner-title'>报名活动需要先注册成为志愿者</View>
          <View className='ev-banner-text'>只需填写姓名、手机号和所在社区，注册后就能报名活动和培训。</View>
          <View className='ev-btn ev-btn-go ev-banner-btn' id='events-register-button' ariaRole='button'
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.volunteerRegister) })}>去注册志愿者</View>
        </View>
      )}
      {organizing && (
        <View className='ev-banner ev-banner-info' id='events-organizer-note'>
          <View className='ev-banner-text'>标有「我组织的」是你发布的活动，这里可以看到报名人数。</View>
        </View>
      )}
      <StatusView
        signInReason='登录后可以查看志愿活动，志愿者可以报名' loading={list.loading && first} error={first ? list.error : null}
        empty={first} emptyText={filtered(filters) ? '没有符合条件的活动' : '近期没有活动，新活动发布后会显示在这里'}
        emptyHint={filters.near ? `只列出 ${NEAR_KM} 公里内标注了地点的活动，可以关掉「离我近」看看全部` : filtered(filters) ? '换个条件试试' : undefined}
        onRetry={() => void list.load(null)}
      >
        <View id='event-list'>
          {items.map((e) => {
            const full = e.taken >= e.capacity
            const distance = distanceText(e.distanceM)
            return (
              <View key={e.id} className='card event' data-event={e.id} data-choice={e.choice} ariaRole='link' onClick={() => open(e)}>
                <View className='ev-head'>
                  <Text className={`ev-kind ${e.kind === 'training' ? 'ev-kind-training' : ''}`}>{e.kind === 'training' ? '培训' : '服务'}</Text>
                  <Text className='ev-topic'>{e.topic}</Text>
                  {e.choice === 'organizing' && <Text className='ev-kind ev-kind-mine'>我组织的</Text>}
                  <View className='ev-spacer' />
                  <Text className='ev-more' aria-hidden='true'>详情 ›</Text>
                </View>
                <View className='event-title'>{e.title}</View>
                <View className='event-line ev-when'>{whenText(e)}</View>
                <View className='event-line ev-place'>{e.address}{distance && <Text className='ev-distance'> · {distance}</Text>}</View>
                {requirements(e).map((r) => (
                  <View key={r.topic} className={`event-line ev-req ${canSignUp ? (r.met ? 'met' : 'unmet') : ''}`} data-requirement={r.topic}>
                    需完成「{r.topic}」培训{canSignUp && e.choice !== 'organizing' ? (r.met ? ' — ✓ 已具备' : ' — ✗ 未具备') : ''}
                  </View>
                ))}
                <View className='seats' aria-hidden='true'>
                  <View className={`seats-fill ${full ? 'seats-full' : ''}`} style={{ width: `${Math.min(100, (e.taken / Math.max(1, e.capacity)) * 100)}%` }} />
                </View>
                <View className='ev-foot'>
                  <Text className='ev-seats'>{placesText(e)}</Text>
                  <View className='ev-spacer' />
                  {actionFor(e)}
                </View>
                {mineRow(e)}
              </View>
            )
          })}
        </View>
        <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={items.length} onMore={more} />
      </StatusView>
    </PageShell>
  )
}
