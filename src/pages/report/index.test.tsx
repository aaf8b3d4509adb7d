import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import type { Result } from '../../../core/errors'
import type { Category } from '../../../core/types'
import type { TicketView } from '../../../core/views'
import { setTransport } from '../../api'
import { useReportDraft } from '../../store/report-draft'
import { useSession } from '../../store/session'
import { fakeTransport, until } from '../../testing/fake-transport'
import Report from './index'

/**
 * 随手拍 end to end inside the page: the network is the fake transport; the album, the upload and the device
 * position are Taro's APIs mocked at the edge; jsdom's canvas gets a 300×200 box and no 2D context (the map still picks).
 */

const testUtils = new TestUtils()

const category = (over: Partial<Category>): Category => ({
  id: 'cat-E02', code: 'E02', kind: 'event', level: 1, parentCode: null, name: '宣传广告', icon: '📢', timeLimitHours: 24,
  department: '城管局', duplicateRadiusM: 50, allowAnonymous: true, active: true, ...over
})
const CATEGORIES: Category[] = [
  category({}),
  category({ id: 'cat-E02-01', code: 'E02-01', level: 2, parentCode: 'E02', name: '非法小广告', icon: '🧾' }),
  category({ id: 'cat-E01', code: 'E01', name: '市容环境', icon: '🧹' }),
  category({ id: 'cat-E01-01', code: 'E01-01', level: 2, parentCode: 'E01', name: '暴露垃圾', icon: '🗑️', allowAnonymous: false }),
  category({ id: 'cat-03', code: '03', kind: 'component', name: '市容环境', icon: '🏙️' }),
  category({ id: 'cat-0301', code: '0301', kind: 'component', level: 2, parentCode: '03', name: '垃圾桶破损满溢', icon: '🗑️' })
]
const GRIDS = [{ id: 'g1', code: '001', name: '侯家塘街道·01网格', polygon: [[113.0, 28.0], [113.02, 28.0], [113.02, 28.02], [113.0, 28.02]] as Array<[number, number]> }]

const filed = (id: string): TicketView => ({
  id, reporterId: 'u-zhang', reporterName: '张阿姨', anonymous: false, categoryId: 'cat-E02-01', categoryName: '非法小广告',
  description: '电线杆上贴满小广告', location: { lng: 113.01, lat: 28.01 }, address: '', gridId: 'g1', gridName: '侯家塘街道·01网格',
  assigneeId: 'u-zhao', department: '城管局', state: 'dispatched', closeReason: null, mergedInto: null, photos: ['f-1'], afterPhotos: [],
  deadline: '2026-11-21T00:00:00.000Z', overdue: false, reworkCount: 0, followers: 0, rating: null, createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z', dispatchedAt: '2026-11-20T00:00:00.000Z', acceptedAt: null, resolvedAt: null, closedAt: null,
  version: 1, actions: [], photoStatus: {}
})

let submitAnswers: Array<Result<unknown>> = []
let locateAnswer: Result<unknown> | null = null
let fake: ReturnType<typeof fakeTransport>

beforeAll(() => {
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, left: 0, top: 0, width: 300, height: 200, right: 300, bottom: 200, toJSON: () => ({}) })
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { configurable: true, value: () => null })
})

beforeEach(() => {
  submitAnswers = []
  locateAnswer = null
  useReportDraft.getState().reset()
  fake = fakeTransport({
    'reports.categories': () => ({ ok: true, data: CATEGORIES }),
    'reports.gridMap': () => ({ ok: true, data: { grids: GRIDS } }),
    'reports.locate': () => locateAnswer ?? ({ ok: true, data: { grid: { id: 'g1', code: '001', name: '侯家塘街道·01网格' }, managerNames: ['赵网格'], handledBy: 'grid' } }),
    'reports.nearby': () => ({ ok: true, data: [] }),
    'reports.submit': () => submitAnswers.shift() ?? { ok: true, data: { ticket: filed('t-new'), created: true } }
  })
  setTransport(fake.transport)
  jest.spyOn(Taro, 'chooseImage').mockImplementation((async () => ({ tempFilePaths: ['blob:photo'], tempFiles: [], errMsg: 'chooseImage:ok' })) as unknown as typeof Taro.chooseImage)
  jest.spyOn(Taro, 'uploadFile').mockImplementation(((o: Taro.uploadFile.Option) => {
    void Promise.resolve().then(() => o.success?.({ data: JSON.stringify({ ok: true, data: { fileId: 'f-1', url: '/files/f-1' } }), statusCode: 200, errMsg: 'uploadFile:ok' }))
    return { onProgressUpdate: () => undefined, abort: () => undefined }
  }) as unknown as typeof Taro.uploadFile)
  jest.spyOn(Taro, 'getLocation').mockImplementation((async () => ({ longitude: 113.01, latitude: 28.01, accuracy: 10, errMsg: 'getLocation:ok' })) as unknown as typeof Taro.getLocation)
})
afterEach(() => {
  jest.mocked(Taro.chooseImage).mockRestore()
  jest.mocked(Taro.uploadFile).mockRestore()
  jest.mocked(Taro.getLocation).mockRestore()
  testUtils.unmout()
  document.body.innerHTML = ''
})

const draft = () => useReportDraft.getState()
const submits = () => fake.calls.filter((c) => c.fn === 'reports' && c.event.action === 'submit').map((c) => c.event)

async function tap (el: Element, init?: Record<string, unknown>) {
  await testUtils.act(async () => { testUtils.fireEvent.click(el, init) })
}

async function type (el: Element, value: string) {
  await testUtils.act(() => { el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true })) })
}

/** Tap the map at a lng/lat through its published view (x = tx + sx·lng, y = ty − sy·lat), as the e2e test does. */
async function tapMap (lng: number, lat: number) {
  await testUtils.queries.waitForQuerySelector('.grid-map[data-ready="1"]')
  const v = JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-view')!) as { sx: number; sy: number; tx: number; ty: number }
  const canvas = document.querySelector('.grid-map-canvas canvas') ?? document.querySelector('.grid-map-canvas')!
  await tap(canvas, { clientX: Math.round(v.tx + v.sx * lng), clientY: Math.round(v.ty - v.sy * lat) })
}

/** The two levels: the group first (市容环境 opens first), then the category in it. */
async function chooseCategory () {
  await testUtils.queries.waitForQuerySelector('#category-items .cat-item')
  expect(document.querySelector('[data-category="cat-E02-01"]')).toBeNull()
  const group = Array.from(document.querySelectorAll('.cat-group')).find((g) => g.textContent?.startsWith('宣传广告'))!
  await tap(group)
  await tap(document.querySelector('[data-category="cat-E02-01"]')!)
}

/** Category, one uploaded photo, words: everything but the point. */
async function fillWhat () {
  await testUtils.mount(Report, { props: {} })
  await chooseCategory()
  expect(draft().categoryId).toBe('cat-E02-01')
  expect(document.querySelector('.cat-chosen')?.textContent).toContain('非法小广告')

  await tap(document.querySelector('.photo-picker .photo.add')!)
  await until(() => draft().photos[0]?.status === 'done')
  expect(draft().photos.map((p) => p.fileId)).toEqual(['f-1'])

  await type(document.querySelector('.desc')!, '电线杆上贴满小广告')
}

describe('随手拍', () => {
  it('files the report once with the draft\'s request id, then starts a fresh draft', async () => {
    await fillWhat()
    await tapMap(113.01, 28.01)
    const point = draft().point!
    expect(point.lng).toBeCloseTo(113.01, 3)
    expect(point.lat).toBeCloseTo(28.01, 3)
    const where = await testUtils.queries.waitForQuerySelector('#report-where taro-text-core')
    expect(where.textContent).toBe('侯家塘街道·01网格 · 网格员 赵网格 处理')

    const requestId = draft().clientRequestId
    await tap(document.querySelector('#report-submit')!)
    await testUtils.queries.waitForQuerySelector('#report-done')
    expect(submits()).toEqual([{
      action: 'submit', clientRequestId: requestId, categoryId: 'cat-E02-01', description: '电线杆上贴满小广告',
      location: point, address: '', anonymous: false, photos: ['f-1']
    }])
    expect(document.querySelector('#report-done')?.getAttribute('data-ticket')).toBe('t-new')
    expect(draft()).toMatchObject({ categoryId: null, point: null, photos: [], description: '' })
    expect(draft().clientRequestId).not.toBe(requestId)
  })

  it('keeps the whole draft after a failed submit, and the retry carries the same request id', async () => {
    submitAnswers = [{ ok: false, error: { code: 'INTERNAL', message: '网络不通，请检查网络后重试' } }]
    await fillWhat()
    await tap(document.querySelector('#use-device')!)
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' })
    expect(draft().point).toEqual({ lng: 113.01, lat: 28.01 })

    const before = { ...draft() }
    await tap(document.querySelector('#report-submit')!)
    const error = await testUtils.queries.waitForQuerySelector('#report-error')
    expect(error.textContent).toBe('网络不通，请检查网络后重试')
    expect(document.querySelector('#report-done')).toBeNull()
    expect(draft()).toMatchObject({
      clientRequestId: before.clientRequestId, categoryId: 'cat-E02-01', point: { lng: 113.01, lat: 28.01 }, description: '电线杆上贴满小广告',
      photos: [expect.objectContaining({ fileId: 'f-1', status: 'done' })]
    })

    await tap(document.querySelector('#report-submit')!)
    await testUtils.queries.waitForQuerySelector('#report-done')
    expect(submits().map((s) => s.clientRequestId)).toEqual([before.clientRequestId, before.clientRequestId])
  })

  it('asks for what is missing and sends nothing', async () => {
    await testUtils.mount(Report, { props: {} })
    const submit = await testUtils.queries.waitForQuerySelector('#report-submit')
    await tap(submit)
    expect(document.querySelector('#report-error')?.textContent).toBe('请选择问题类别')
    await chooseCategory()
    await tap(document.querySelector('#report-submit')!)
    expect(document.querySelector('#report-error')?.textContent).toBe('请在地图上点选问题位置，或使用当前位置')
    expect(submits()).toEqual([])
  })
})

describe('随手拍: what a resident reads', () => {
  it('says while typing that a description is over the limit, keeps every character, and refuses to submit it', async () => {
    await fillWhat()
    await tapMap(113.01, 28.01)
    const long = '路'.repeat(600)
    await type(document.querySelector('.desc')!, long)
    expect(draft().description).toBe(long)
    expect(document.querySelector('#desc-count')?.textContent).toBe('600/500')
    expect(document.querySelector('#desc-limit')?.textContent).toBe('超出 100 字：问题描述最多 500 字，请删减后再提交')
    expect(document.querySelector('.report-desc')?.getAttribute('data-state')).toBe('over')
    await tap(document.querySelector('#report-submit')!)
    expect(document.querySelector('#report-error')?.textContent).toBe('问题描述不能超过 500 个字')
    expect(submits()).toEqual([])

    await type(document.querySelector('.desc')!, '路'.repeat(480))
    expect(document.querySelector('#desc-count')?.textContent).toBe('480/500')
    expect(document.querySelector('#desc-limit')?.textContent).toBe('还可以输入 20 字')
  })

  it('asks about nearby duplicates with the uncertainty of the tap at the map\'s scale', async () => {
    await fillWhat()
    await tapMap(113.01, 28.01)
    await until(() => fake.calls.some((c) => c.event.action === 'nearby'))
    const asked = fake.calls.filter((c) => c.event.action === 'nearby').map((c) => c.event).pop()!
    const v = JSON.parse(document.querySelector('.grid-map')!.getAttribute('data-view')!) as { sy: number }
    expect(asked).toMatchObject({ categoryId: 'cat-E02-01', location: draft().point, toleranceM: Math.min(300, Math.round((111_320 / v.sy) * 4)) })
    expect(asked.toleranceM).toBeGreaterThan(0)
    // The device position searches with its own accuracy instead.
    await tap(document.querySelector('#use-device')!)
    await until(() => fake.calls.filter((c) => c.event.action === 'nearby').pop()?.event.toleranceM === 10)
  })

  it('shows the two category kinds as sections, so the two 市容环境 groups are told apart', async () => {
    await testUtils.mount(Report, { props: {} })
    await testUtils.queries.waitForQuerySelector('.cat-kind')
    const sections = Array.from(document.querySelectorAll('.cat-kind'))
    expect(sections.map((s) => s.getAttribute('data-kind'))).toEqual(['event', 'component'])
    expect(sections.map((s) => s.querySelector('.cat-kind-title')?.textContent)).toEqual(['事件类脏乱、乱贴乱画、占道等行为', '部件类路灯、井盖、垃圾桶等设施损坏'])
    expect(sections.map((s) => Array.from(s.querySelectorAll('.cat-group')).map((g) => g.textContent))).toEqual([['市容环境', '宣传广告'], ['市容环境']])
    expect(document.querySelector('#category-open')?.textContent).toBe('市容环境（事件）里的问题：')
    await tap(sections[1].querySelector('.cat-group')!)
    expect(document.querySelector('#category-open')?.textContent).toBe('市容环境（部件）里的问题：')
    expect(Array.from(document.querySelectorAll('#category-items .cat-item')).map((c) => c.textContent)).toEqual(['🗑️垃圾桶破损满溢'])
  })

  it('shows the done screen from the top, with a drawn check mark', async () => {
    const scrolled = jest.spyOn(Taro, 'pageScrollTo').mockImplementation((async () => ({ errMsg: 'pageScrollTo:ok' })) as unknown as typeof Taro.pageScrollTo)
    await fillWhat()
    await tapMap(113.01, 28.01)
    await tap(document.querySelector('#report-submit')!)
    await testUtils.queries.waitForQuerySelector('#report-done')
    expect(scrolled).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 })
    expect(document.querySelector('#report-done .done-icon')?.getAttribute('aria-label')).toBe('提交成功')
    scrolled.mockRestore()
  })

  it('tells a visitor at once that sending needs signing in, and never spins on the grid lookup', async () => {
    useSession.setState({ me: null, status: 'signedOut', error: null })
    locateAnswer = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再操作' } }
    try {
      await fillWhat()
      expect(document.querySelector('#sign-in-prompt')?.textContent).toContain('登录后才能上报问题')
      await tapMap(113.01, 28.01)
      await until(() => document.querySelector('#report-where')?.textContent === '登录后显示所属网格和处理人')
    } finally {
      useSession.setState({ me: null, status: 'idle', error: null })
    }
  })
})
