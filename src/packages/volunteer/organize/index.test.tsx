import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { aVolunteerEvent } from '../../../../core/testing/builders'
import type { VolunteerEvent } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { usePageTest } from '../../../testing/page-test'
import { hoursFromNow as at } from '../events/testing/fixtures'
import { chinaInstant, eventPhase, whenText } from './event-format'
import Organize from './index'

// The test renderer runs no page lifecycle: show the page once on mount, as the app does when it opens.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useDidShow: (fn: () => void) => useEffect(() => { fn() }, []) }
})

const { setConfirm, tap, serve, open, dialogs, navigated } = usePageTest(Organize)
const mine = (id: string, o: Partial<VolunteerEvent> = {}, waitlistLength = 0) =>
  ({ ...aVolunteerEvent({ id, title: `活动${id}`, startAt: at(48), endAt: at(51), cancelDeadline: at(24), ...o }), waitlistLength })
const page = (items: unknown[], next: string | null = null) => ({ ok: true as const, data: { items, next } })

const card = (id: string) => document.querySelector(`[data-event="${id}"]`)!

describe('我组织的活动', () => {
  it('lists my events with their state, date, seats and waitlist; a card opens its roster', async () => {
    serve({
      'volunteer.myEvents': () => page([
        mine('d1', { status: 'draft' }),
        mine('p1', { taken: 12, capacity: 30 }, 3),
        mine('c1', { status: 'cancelled', cancelReason: '暴雨预警' }),
        mine('x1', { startAt: at(-5), endAt: at(-2), cancelDeadline: at(-30) })
      ])
    })
    await open('#my-event-list')
    const states = Array.from(document.querySelectorAll('[data-status]')).map((t) => t.textContent)
    expect(states).toEqual(['草稿', '已发布', '已取消', '已结束'])
    expect(card('p1').textContent).toContain('已报 12/30 · 候补 3 人')
    expect(card('p1').textContent).toContain(whenText(mine('p1')))
    expect(card('c1').textContent).toContain('取消原因：暴雨预警')
    // Only drafts offer 编辑 / 发布 on the card.
    expect(document.querySelectorAll('[id^="publish-"]')).toHaveLength(1)
    await tap(card('p1'))
    expect(navigated()).toEqual([pageUrl(PAGES.roster, { id: 'p1' })])
  })

  it('a draft is edited or published from its card (after confirming), without opening the roster', async () => {
    let status: VolunteerEvent['status'] = 'draft'
    const fake = serve({
      'volunteer.myEvents': () => page([mine('d1', { status })]),
      'volunteer.publishEvent': () => { status = 'published'; return { ok: true, data: mine('d1', { status }) } }
    })
    await open('#my-event-list')
    await tap('#edit-d1')
    expect(navigated()).toEqual([pageUrl(PAGES.eventEdit, { id: 'd1' })])

    setConfirm(false)
    await tap('#publish-d1')
    await until(() => dialogs().length === 1)
    expect(fake.calls.filter((c) => c.event.action === 'publishEvent')).toEqual([])

    setConfirm(true)
    await tap('#publish-d1')
    await until(() => card('d1')?.getAttribute('data-phase') === 'published')
    expect(fake.calls.filter((c) => c.event.action === 'publishEvent').map((c) => c.event)).toEqual([{ action: 'publishEvent', id: 'd1' }])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已发布' }))
    expect(navigated()).toEqual([pageUrl(PAGES.eventEdit, { id: 'd1' })])
  })

  it('with no events says how to start, and 发布新活动 opens the empty form', async () => {
    serve({ 'volunteer.myEvents': () => page([]) })
    const empty = await open('#organize-empty')
    expect(empty.textContent).toContain('还没有组织过活动')
    await tap('#new-event')
    expect(navigated()).toEqual([pageUrl(PAGES.eventEdit)])
  })

  it('pages on 加载更多', async () => {
    const fake = serve({ 'volunteer.myEvents': (e) => (e.cursor ? page([mine('b')]) : page([mine('a')], 'c2')) })
    await open('#list-more')
    await tap('#list-more')
    await until(() => document.querySelectorAll('.og-event').length === 2)
    expect(fake.calls.map((c) => c.event)).toEqual([
      { action: 'myEvents', cursor: null, limit: 20 },
      { action: 'myEvents', cursor: 'c2', limit: 20 }
    ])
  })
})

describe('event times in China time', () => {
  it('a picked date and time are read as UTC+8, and an event past its end reads 已结束', () => {
    expect(chinaInstant('2026-12-04', '09:30')).toBe('2026-12-04T01:30:00.000Z')
    expect(chinaInstant('2026-12-04', '')).toBe('')
    expect(whenText({ startAt: '2026-12-04T01:00:00.000Z', endAt: '2026-12-04T04:00:00.000Z' })).toBe('12月4日 周五 09:00–12:00')
    expect(eventPhase({ status: 'published', endAt: '2026-12-04T04:00:00.000Z' }, Date.parse('2026-12-04T04:00:00.000Z'))).toBe('ended')
    expect(eventPhase({ status: 'published', endAt: '2026-12-04T04:00:00.000Z' }, Date.parse('2026-12-04T03:59:00.000Z'))).toBe('published')
  })
})
