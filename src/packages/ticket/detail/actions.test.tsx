import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { availableActions, type ActingUser } from '../../../../core/tickets/workflow'
import type { TicketState } from '../../../../core/types'
import type { DispatchOptionView, MergeCandidateView, TicketView } from '../../../../core/views'
import { setTransport } from '../../../api'
import { fakeTransport, until } from '../../../testing/fake-transport'
import { TicketActions } from './actions'

/**
 * The server decides `ticket.actions` with core's availableActions; here the same function stands in for it, so each
 * role sees the buttons the server would send for that state. Taro's modal, album and upload are mocked at the edge.
 */

const testUtils = new TestUtils()

const USERS: Record<'reporter' | 'manager' | 'admin' | 'neighbour', ActingUser> = {
  reporter: { id: 'u-zhang', roles: ['citizen'] },
  manager: { id: 'u-zhao', roles: ['citizen', 'grid_manager'], gridIds: ['g1'] },
  admin: { id: 'u-liu', roles: ['admin'] },
  neighbour: { id: 'u-wang', roles: ['citizen', 'volunteer'] }
}

function ticketFor (who: keyof typeof USERS, state: TicketState, extra: Partial<TicketView> = {}): TicketView {
  const t: TicketView = {
    id: 't1', reporterId: 'u-zhang', reporterName: '张阿姨', anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
    description: '电线杆上贴满小广告', location: null, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-zhao',
    department: '城管局', state, closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-20T00:00:00.000Z',
    overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
    dispatchedAt: '2026-11-18T00:00:00.000Z', acceptedAt: null, resolvedAt: null, closedAt: null, version: 3, actions: [], photoStatus: {}
  }
  return { ...t, actions: availableActions(USERS[who], { reporterId: 'u-zhang', assigneeId: t.assigneeId, gridId: t.gridId, state }), ...extra }
}

const OPTIONS: DispatchOptionView[] = [
  { managerId: 'u-zhao', nickname: '赵网格', gridId: 'g1', gridName: '侯家塘街道·01网格', distanceM: 0, inGrid: true, suggested: true, gridCount: 1 },
  { managerId: 'u-qian', nickname: '钱网格', gridId: 'g3', gridName: '左家塘街道·02网格', distanceM: 420, inGrid: false, suggested: true, gridCount: 2 },
  { managerId: 'u-sun', nickname: '孙网格', gridId: 'g9', gridName: '洞井街道·05网格', distanceM: 5600, inGrid: false, suggested: false, gridCount: 1 }
]

const candidate = (o: Partial<MergeCandidateView>): MergeCandidateView => ({
  id: 't0', number: '261118-7K3Q', categoryName: '非法小广告', description: '同一根电线杆', gridName: '侯家塘街道·01网格', address: '芙蓉中路',
  state: 'dispatched', createdAt: '2026-11-17T00:00:00.000Z', followers: 2, distanceM: 40, differences: [], refusal: null, ...o
})
const FAR = candidate({ id: 't-far', number: '261117-AB12', categoryName: '暴露垃圾', distanceM: 3200, differences: ['类别不同：本案卷是「非法小广告」，原案卷是「暴露垃圾」', '地点相距 3.2 公里'] })

let fake: ReturnType<typeof fakeTransport>
let actAnswer: 'ok' | 'conflict' = 'ok'
let deferAnswer: 'ok' | 'conflict' = 'ok'
let confirm = true
let reloads = 0

beforeEach(() => {
  actAnswer = 'ok'
  deferAnswer = 'ok'
  confirm = true
  reloads = 0
  fake = fakeTransport({
    'tickets.dispatchOptions': () => ({ ok: true, data: OPTIONS }),
    'tickets.mergeCandidates': (e) => ({ ok: true, data: { candidates: e.number ? [FAR] : [candidate({})] } }),
    'tickets.urge': () => ({ ok: true, data: ticketFor('admin', 'accepted', { urgeCount: 1 }) }),
    'tickets.defer': () => (deferAnswer === 'ok'
      ? { ok: true, data: ticketFor('admin', 'accepted') }
      : { ok: false, error: { code: 'CONFLICT', message: '案卷已经缓办过一次；如仍不能按期处理，请督办或结案' } }),
    'tickets.act': (e) => (actAnswer === 'ok'
      ? { ok: true, data: { ...ticketFor('admin', 'accepted'), id: String(e.id) } }
      : { ok: false, error: { code: 'CONFLICT', message: '案卷已被他人处理，当前状态：处置中' } })
  })
  setTransport(fake.transport)
  jest.spyOn(Taro, 'showModal').mockImplementation((async () => ({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })) as unknown as typeof Taro.showModal)
  jest.spyOn(Taro, 'showToast').mockImplementation((async () => ({ errMsg: 'showToast:ok' })) as unknown as typeof Taro.showToast)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

async function mountFor (who: keyof typeof USERS, state: TicketState, extra: Partial<TicketView> = {}) {
  const ticket = ticketFor(who, state, extra)
  await testUtils.mount(TicketActions, { props: { ticket, onDone: async () => { reloads++ } } })
  return ticket
}

const buttons = () => Array.from(document.querySelectorAll('#ticket-actions .btn-row .tk-btn'))
const labels = () => buttons().map((b) => b.textContent)
const button = (label: string) => {
  const b = buttons().find((x) => x.textContent === label)
  if (!b) throw new Error(`no button ${label} in ${JSON.stringify(labels())}`)
  return b
}
/** Enabled means no disabled attribute at all: Taro's H5 Button styles even disabled="false" as disabled. */
const disabled = (b: Element) => b.hasAttribute('disabled')
const acts = () => fake.calls.filter((c) => c.fn === 'tickets' && ['act', 'urge', 'defer'].includes(String(c.event.action))).map((c) => c.event)
const placeholder = () => document.querySelector('.act-prompt .note-input')?.getAttribute('placeholder')

/** Taro's Input / Textarea answer a CustomEvent carrying `detail.value`; typed once their own field has rendered. */
async function type (el: Element, value: string) {
  await until(() => el.querySelector('input, textarea') !== null)
  await testUtils.act(() => { el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
}

async function tap (el: Element) {
  await testUtils.act(async () => { testUtils.fireEvent.click(el) })
}

describe('ticket actions: who sees which buttons', () => {
  const cases: Array<[keyof typeof USERS, TicketState, Partial<TicketView>, string[]]> = [
    ['reporter', 'dispatched', {}, []],
    ['reporter', 'resolved', {}, ['确认已解决', '未解决，返工']],
    ['reporter', 'fixed', {}, ['问题又出现了']],
    ['manager', 'dispatched', {}, ['受理', '退回']],
    ['manager', 'accepted', {}, ['提交处理结果', '退回']],
    ['manager', 'resolved', {}, []],
    ['admin', 'triage', {}, ['派遣', '合并重复', '转办', '驳回']],
    ['admin', 'accepted', {}, ['提交处理结果', '合并重复', '无法处理']],
    ['admin', 'accepted', { mayUrge: true }, ['提交处理结果', '督办', '合并重复', '无法处理']],
    ['admin', 'accepted', { mayDefer: true }, ['提交处理结果', '缓办', '合并重复', '无法处理']],
    ['admin', 'accepted', { mayUrge: true, mayDefer: true }, ['提交处理结果', '督办', '缓办', '合并重复', '无法处理']],
    ['admin', 'accepted', { mayDefer: false }, ['提交处理结果', '合并重复', '无法处理']],
    ['admin', 'rework', { actions: [], mayDefer: true }, ['缓办']],
    ['admin', 'resolved', {}, ['确认已解决', '未解决，返工']],
    ['neighbour', 'resolved', {}, []],
    ['admin', 'closed', {}, []]
  ]

  it.each(cases)('%s on a %s ticket %j: %j', async (who, state, extra, expected) => {
    await mountFor(who, state, extra)
    expect(labels()).toEqual(expected)
    expect(document.querySelector('#ticket-actions') !== null).toBe(expected.length > 0)
  })

  it('asks the reporter to rate a resolved fix, and the manager for after-photos', async () => {
    await mountFor('reporter', 'resolved')
    expect(Array.from(document.querySelectorAll('.rating')).map((r) => r.textContent)).toEqual(['😊 满意', '🙂 基本满意', '🙁 不满意'])
    expect(document.querySelector('.act-resolve')).toBeNull()
    testUtils.unmout()
    document.body.innerHTML = ''

    await mountFor('manager', 'accepted')
    expect(document.querySelector('.act-verify')).toBeNull()
    expect(document.querySelector('.act-resolve .photo-picker')).not.toBeNull()
  })

  it('an enabled button carries no disabled attribute', async () => {
    await mountFor('manager', 'dispatched')
    expect(disabled(button('受理'))).toBe(false)
    expect(disabled(button('退回'))).toBe(false)
  })

  it('never shows the office\'s shared "说明（…必填）" box', async () => {
    for (const [who, state] of [['admin', 'triage'], ['manager', 'accepted'], ['reporter', 'resolved']] as const) {
      await mountFor(who, state)
      expect(document.body.innerHTML).not.toMatch(/必填）/)
      testUtils.unmout()
      document.body.innerHTML = ''
    }
  })
})

describe('ticket actions: what each sends', () => {
  it('accept sends the ticket id and the version it saw, then reloads', async () => {
    await mountFor('manager', 'dispatched')
    await tap(button('受理'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'accept', expectedVersion: 3, note: '' }])
  })

  it('confirming the fix carries the chosen rating and the note', async () => {
    await mountFor('reporter', 'resolved')
    await tap(document.querySelector('[data-rating="basic"]')!)
    expect(document.querySelector('.rating.on')?.getAttribute('data-rating')).toBe('basic')
    await type(document.querySelector('.note-input')!, '清理得很干净')
    await tap(button('确认已解决'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'confirmFixed', expectedVersion: 3, note: '清理得很干净', rating: 'basic' }])
  })

  it('返工 first asks what is still wrong, then sends it with the rating; an empty answer is named, not sent', async () => {
    await mountFor('reporter', 'resolved')
    await tap(document.querySelector('[data-rating="unsatisfied"]')!)
    await tap(button('未解决，返工'))
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(acts()).toEqual([])
    expect(document.querySelector('.act-prompt[data-prompt="rejectFix"] .act-title')?.textContent).toBe('哪里还没有解决？')
    expect(placeholder()).toMatch(/还存在的问题/)

    await tap(button('提交，请网格员返工'))
    expect(document.querySelector('#act-error')?.textContent).toBe('请说明哪里还没有解决')
    expect(acts()).toEqual([])

    await type(document.querySelector('.act-prompt .note-input')!, '还有一半没撕掉')
    await tap(button('提交，请网格员返工'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'rejectFix', expectedVersion: 3, note: '还有一半没撕掉', rating: 'unsatisfied' }])
  })

  it('each office step asks its own question, and cancelling sends nothing', async () => {
    await mountFor('admin', 'triage')
    await tap(button('驳回'))
    expect(placeholder()).toMatch(/驳回的原因/)
    await tap(button('取消'))
    await tap(button('转办'))
    expect(placeholder()).toMatch(/转给哪个部门/)
    await tap(button('取消'))
    expect(labels()).toEqual(['派遣', '合并重复', '转办', '驳回'])
    expect(acts()).toEqual([])
  })

  it('resolving waits for an uploaded after-photo, asks for a note, and sends its file id', async () => {
    jest.spyOn(Taro, 'chooseImage').mockImplementation((async () => ({ tempFilePaths: ['blob:after'], tempFiles: [], errMsg: 'chooseImage:ok' })) as unknown as typeof Taro.chooseImage)
    jest.spyOn(Taro, 'uploadFile').mockImplementation(((o: Taro.uploadFile.Option) => {
      void Promise.resolve().then(() => o.success?.({ data: JSON.stringify({ ok: true, data: { fileId: 'f-after', url: '/files/f-after' } }), statusCode: 200, errMsg: 'uploadFile:ok' }))
      return { onProgressUpdate: () => undefined, abort: () => undefined }
    }) as unknown as typeof Taro.uploadFile)
    await mountFor('manager', 'accepted')
    expect(disabled(button('提交处理结果'))).toBe(true)

    await tap(document.querySelector('.act-resolve .photo.add')!)
    await until(() => document.querySelector('.act-resolve .photo[data-status="done"]') !== null)
    expect(disabled(button('提交处理结果'))).toBe(false)
    await tap(button('提交处理结果'))
    expect(document.querySelector('#act-error')?.textContent).toBe('请填写处置说明')
    expect(acts()).toEqual([])
    await type(document.querySelector('.act-resolve .note-input')!, '已铲除')
    await tap(button('提交处理结果'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'resolve', expectedVersion: 3, note: '已铲除', afterPhotos: ['f-after'] }])
  })

  it('dispatch suggests the managers by place, and sends the picked one with the grid it goes to', async () => {
    await mountFor('admin', 'triage')
    await until(() => document.querySelectorAll('#dispatch-options .tk-option').length === 2)
    expect(Array.from(document.querySelectorAll('#dispatch-options .tk-option')).map((o) => o.textContent)).toEqual([
      '赵网格所在网格侯家塘街道·01网格 · 案卷位置就在此网格',
      '钱网格左家塘街道·02网格 · 离案卷 420 米'
    ])
    await until(() => document.querySelectorAll('.weui-picker__item').length === 3)
    expect(Array.from(document.querySelectorAll('.weui-picker__item')).map((i) => i.textContent)).toEqual([
      '赵网格 · 侯家塘街道·01网格 · 所在网格', '钱网格 · 左家塘街道·02网格 · 420 米', '孙网格 · 洞井街道·05网格 · 5.6 公里'
    ])
    expect(disabled(button('派遣'))).toBe(true)
    await tap(document.querySelector('[data-manager="u-qian"]')!)
    expect(document.querySelector('#dispatch-picker')?.textContent).toBe('派遣给：钱网格（左家塘街道·02网格）· 更换 ›')
    await tap(button('派遣'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'dispatch', expectedVersion: 3, note: '', assigneeId: 'u-qian', gridId: 'g3' }])
  })

  it('dispatch to someone further away, from the full list', async () => {
    await mountFor('admin', 'triage')
    await until(() => document.querySelectorAll('.weui-picker__item').length === 3)
    await testUtils.act(async () => { document.querySelector('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: 2 }, bubbles: true })) })
    await tap(button('派遣'))
    await until(() => reloads === 1)
    expect(acts()[0]).toMatchObject({ transition: 'dispatch', assigneeId: 'u-sun', gridId: 'g9' })
  })

  it('merge offers the nearby candidates to pick from, then confirms and sends the original', async () => {
    await mountFor('admin', 'triage')
    await tap(button('合并重复'))
    await until(() => document.querySelector('#merge-nearby [data-candidate="t0"]') !== null)
    expect(document.querySelector('#merge-nearby [data-candidate="t0"]')?.textContent).toMatch(/261118-7K3Q非法小广告/)
    expect(disabled(button('请先选出原案卷'))).toBe(true)
    await tap(document.querySelector('[data-candidate="t0"]')!)
    await tap(button('合并到 261118-7K3Q'))
    await until(() => reloads === 1)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '合并到 261118-7K3Q？' }))
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'merge', expectedVersion: 3, note: '', mergedInto: 't0' }])
  })

  it('merge into a ticket found by number spells out how the two differ; declining sends nothing', async () => {
    await mountFor('admin', 'triage')
    await tap(button('合并重复'))
    await type(document.querySelector('.merge-number')!, '261117-ab12')
    await tap(document.querySelector('.tk-btn-search')!)
    await until(() => document.querySelector('#merge-found [data-candidate="t-far"]') !== null)
    expect(Array.from(document.querySelectorAll('#merge-found .tk-warn')).map((w) => w.textContent)).toEqual([
      '⚠ 类别不同：本案卷是「非法小广告」，原案卷是「暴露垃圾」', '⚠ 地点相距 3.2 公里'
    ])
    expect(fake.calls.find((c) => c.event.number)?.event).toEqual({ action: 'mergeCandidates', id: 't1', number: '261117-ab12' })
    confirm = false
    await tap(button('合并到 261117-AB12'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({
      title: '这两件可能不是同一问题',
      content: '类别不同：本案卷是「非法小广告」，原案卷是「暴露垃圾」；地点相距 3.2 公里。确定仍要合并到 261117-AB12 吗？'
    }))
    expect(acts()).toEqual([])
  })

  it('督办 asks what to tell the handler, then urges with the version it saw', async () => {
    await mountFor('admin', 'accepted', { mayUrge: true })
    await tap(button('督办'))
    expect(placeholder()).toMatch(/想对处理人说的话/)
    await type(document.querySelector('.act-prompt .note-input')!, '请今天内处理')
    await tap(button('发送督办'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'urge', id: 't1', expectedVersion: 3, note: '请今天内处理' }])
  })

  it('a conflict shows the current state and reloads the ticket', async () => {
    actAnswer = 'conflict'
    await mountFor('manager', 'dispatched')
    await tap(button('受理'))
    await until(() => reloads === 1)
    expect(document.querySelector('#act-error')?.textContent).toBe('案卷已被他人处理，当前状态：处置中')
  })
})

describe('ticket actions: 缓办', () => {
  // 2026-11-18 10:00 in China; the fixture's deadline is 2026-11-20 08:00 China time.
  const NOW = Date.parse('2026-11-18T02:00:00.000Z')
  const picker = () => Array.from(document.querySelectorAll('taro-picker-core')).find((p) => p.querySelector('#defer-date'))!
  async function pick (day: string) {
    await testUtils.act(async () => { picker().dispatchEvent(new CustomEvent('change', { detail: { value: day }, bubbles: true })) })
  }
  beforeEach(() => { jest.spyOn(Date, 'now').mockReturnValue(NOW) })

  it('opens on a week past the deadline, offers the day after it up to the last day allowed, and cancelling sends nothing', async () => {
    await mountFor('admin', 'accepted', { mayDefer: true })
    await tap(document.querySelector('#defer-open')!)
    expect(document.querySelector('.act-prompt[data-prompt="defer"] .act-title')?.textContent).toBe('缓办：延长处理时限')
    expect(document.querySelector('#defer-date')?.textContent).toBe('11月27日 当天内办完 ▾')
    const p = picker() as unknown as { value: string; start: string; end: string }
    expect([p.value, p.start, p.end]).toEqual(['2026-11-27', '2026-11-21', '2027-05-16'])
    expect(document.querySelector('#defer-reason')).not.toBeNull()
    await tap(button('取消'))
    expect(labels()).toEqual(['提交处理结果', '缓办', '合并重复', '无法处理'])
    expect(acts()).toEqual([])
  })

  it('sends the picked day to its 23:59:59 China time, the reason and the version it saw, then says so and reloads', async () => {
    await mountFor('admin', 'accepted', { mayDefer: true })
    await tap(document.querySelector('#defer-open')!)
    await pick('2026-12-05')
    expect(document.querySelector('#defer-date')?.textContent).toBe('12月5日 当天内办完 ▾')
    await type(document.querySelector('#defer-reason')!, '需等待维修资金到位')
    await tap(document.querySelector('#defer-submit')!)
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'defer', id: 't1', expectedVersion: 3, until: '2026-12-05T15:59:59.000Z', reason: '需等待维修资金到位' }])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已缓办' }))
    expect(document.querySelector('[data-prompt="defer"]')).toBeNull()
  })

  it('names a missing reason with the schema\'s words and sends nothing', async () => {
    await mountFor('admin', 'accepted', { mayDefer: true })
    await tap(document.querySelector('#defer-open')!)
    await type(document.querySelector('#defer-reason')!, '等等')
    await tap(document.querySelector('#defer-submit')!)
    expect(document.querySelector('#act-error')?.textContent).toBe('请写明缓办原因（至少 4 个字），会告诉处理人和上报人')
    expect(acts()).toEqual([])
  })

  it('shows the server\'s refusal and keeps the panel open', async () => {
    deferAnswer = 'conflict'
    await mountFor('admin', 'accepted', { mayDefer: true })
    await tap(document.querySelector('#defer-open')!)
    await type(document.querySelector('#defer-reason')!, '需等待维修资金到位')
    await tap(document.querySelector('#defer-submit')!)
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'defer', id: 't1', expectedVersion: 3, until: '2026-11-27T15:59:59.000Z', reason: '需等待维修资金到位' }])
    expect(document.querySelector('#act-error')?.textContent).toBe('案卷已经缓办过一次；如仍不能按期处理，请督办或结案')
    expect(document.querySelector('[data-prompt="defer"]')).not.toBeNull()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })
})
