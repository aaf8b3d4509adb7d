import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { availableActions, type ActingUser } from '../../../../core/tickets/workflow'
import type { TicketState } from '../../../../core/types'
import type { TicketView } from '../../../../core/views'
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

function ticketFor (who: keyof typeof USERS, state: TicketState): TicketView {
  const t: TicketView = {
    id: 't1', reporterId: 'u-zhang', reporterName: '张阿姨', anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
    description: '电线杆上贴满小广告', location: null, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格', assigneeId: 'u-zhao',
    department: '城管局', state, closeReason: null, mergedInto: null, photos: [], afterPhotos: [], deadline: '2026-11-20T00:00:00.000Z',
    overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-18T00:00:00.000Z', updatedAt: '2026-11-18T00:00:00.000Z',
    dispatchedAt: '2026-11-18T00:00:00.000Z', acceptedAt: null, resolvedAt: null, closedAt: null, version: 3, actions: [], photoStatus: {}
  }
  return { ...t, actions: availableActions(USERS[who], { reporterId: 'u-zhang', assigneeId: t.assigneeId, gridId: t.gridId, state }) }
}

let fake: ReturnType<typeof fakeTransport>
let actAnswer: 'ok' | 'conflict' = 'ok'
let confirm = true
let reloads = 0

beforeEach(() => {
  actAnswer = 'ok'
  confirm = true
  reloads = 0
  fake = fakeTransport({
    'admin.managers': () => ({ ok: true, data: [{ id: 'u-zhao', nickname: '赵网格', gridIds: ['g1'] }, { id: 'u-qian', nickname: '钱网格', gridIds: ['g2', 'g3'] }] }),
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

async function mountFor (who: keyof typeof USERS, state: TicketState) {
  const ticket = ticketFor(who, state)
  await testUtils.mount(TicketActions, { props: { ticket, onDone: async () => { reloads++ } } })
  return ticket
}

const buttons = () => Array.from(document.querySelectorAll('#ticket-actions .btn-row .btn-small'))
const labels = () => buttons().map((b) => b.textContent)
const button = (label: string) => buttons().find((b) => b.textContent === label)!
/** Taro's H5 Button writes disabled="false" when enabled. */
const disabled = (b: Element) => b.hasAttribute('disabled') && b.getAttribute('disabled') !== 'false'
const acts = () => fake.calls.filter((c) => c.fn === 'tickets' && c.event.action === 'act').map((c) => c.event)

/** Taro's Input / Textarea answer a CustomEvent carrying `detail.value`. */
async function type (el: Element, value: string) {
  await testUtils.act(() => { el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
}

async function tap (el: Element) {
  await testUtils.act(async () => { testUtils.fireEvent.click(el) })
}

describe('ticket actions: who sees which buttons', () => {
  const cases: Array<[keyof typeof USERS, TicketState, string[]]> = [
    ['reporter', 'dispatched', []],
    ['reporter', 'resolved', ['确认已解决', '未解决，返工']],
    ['reporter', 'fixed', ['重新打开']],
    ['manager', 'dispatched', ['受理', '退回']],
    ['manager', 'accepted', ['提交处理结果', '退回']],
    ['manager', 'resolved', []],
    ['admin', 'triage', ['派遣', '合并', '转办', '驳回']],
    ['admin', 'accepted', ['提交处理结果', '合并', '无法处理']],
    ['admin', 'resolved', ['确认已解决', '未解决，返工']],
    ['neighbour', 'resolved', []],
    ['admin', 'closed', []]
  ]

  it.each(cases)('%s on a %s ticket: %j', async (who, state, expected) => {
    await mountFor(who, state)
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

  it('sending back for rework asks first; cancelling sends nothing', async () => {
    await mountFor('reporter', 'resolved')
    confirm = false
    await tap(button('未解决，返工'))
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(acts()).toEqual([])

    confirm = true
    await tap(document.querySelector('[data-rating="unsatisfied"]')!)
    await tap(button('未解决，返工'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'rejectFix', expectedVersion: 3, note: '', rating: 'unsatisfied' }])
  })

  it('resolving waits for an uploaded after-photo and sends its file id', async () => {
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
    await type(document.querySelector('.note-input')!, '已铲除')
    await tap(button('提交处理结果'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'resolve', expectedVersion: 3, note: '已铲除', afterPhotos: ['f-after'] }])
  })

  it('dispatch sends the picked grid manager', async () => {
    await mountFor('admin', 'triage')
    await until(() => document.querySelectorAll('.weui-picker__item').length === 2)
    expect(Array.from(document.querySelectorAll('.weui-picker__item')).map((i) => i.textContent)).toEqual(['赵网格（1 个网格）', '钱网格（2 个网格）'])
    expect(disabled(button('派遣'))).toBe(true)
    await testUtils.act(async () => { document.querySelector('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: 1 }, bubbles: true })) })
    expect(document.querySelector('#dispatch-picker')?.textContent).toBe('派遣给：钱网格')
    await tap(button('派遣'))
    await until(() => reloads === 1)
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'dispatch', expectedVersion: 3, note: '', assigneeId: 'u-qian' }])
  })

  it('merge sends the original ticket id after a confirm', async () => {
    await mountFor('admin', 'triage')
    expect(disabled(button('合并'))).toBe(true)
    await type(document.querySelector('taro-input-core.picker-field')!, ' t0 ')
    await tap(button('合并'))
    await until(() => reloads === 1)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '合并为重复上报？' }))
    expect(acts()).toEqual([{ action: 'act', id: 't1', transition: 'merge', expectedVersion: 3, note: '', mergedInto: 't0' }])
  })

  it('a conflict shows the current state and reloads the ticket', async () => {
    actAnswer = 'conflict'
    await mountFor('manager', 'dispatched')
    await tap(button('受理'))
    await until(() => reloads === 1)
    expect(document.querySelector('#act-error')?.textContent).toBe('案卷已被他人处理，当前状态：处置中')
  })
})
