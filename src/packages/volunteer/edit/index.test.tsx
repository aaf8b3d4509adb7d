import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { aVolunteerEvent } from '../../../../core/testing/builders'
import type { VolunteerEvent } from '../../../../core/types'
import { until } from '../../../testing/fake-transport'
import { sent, usePageTest } from '../../../testing/page-test'
import { rosterOf } from '../events/testing/fixtures'
import EditEvent from './index'

let mockParams: Record<string, string> = {}
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: mockParams }) }
})

const { testUtils, get: $, tap, type, serve, open, toasts } = usePageTest(EditEvent)

beforeEach(() => {
  mockParams = {}
  jest.spyOn(Taro, 'getCurrentPages').mockImplementation((() => [{}, {}]) as unknown as typeof Taro.getCurrentPages)
})

/** A Picker answers `change` with the chosen value (an index for selectors, text for dates and times). */
async function pick (triggerId: string, value: string | number) {
  const picker = Array.from(document.querySelectorAll('taro-picker-core')).find((p) => p.querySelector(`#${triggerId}`))!
  await testUtils.act(async () => { picker.dispatchEvent(new CustomEvent('change', { detail: { value }, bubbles: true })) })
}

const saved = (o: Partial<VolunteerEvent>) => ({ ok: true as const, data: aVolunteerEvent({ id: 'ev-new', status: 'draft', ...o }) })

const openForm = () => open('#event-form')

async function fillNew () {
  await type('#event-title-input', '香樟路垃圾分类宣传')
  await pick('event-topic', 0)
  await type('#event-address-input', '香樟路社区服务中心')
  await pick('event-date', '2027-03-06')
  await pick('event-start', '14:00')
  await pick('event-end', '16:30')
}

describe('发布活动: the event form', () => {
  it('a new event is saved (times in China time, deadline 24 h before) and then published, and the roster opens', async () => {
    const fake = serve({
      'volunteer.saveEvent': () => saved({}),
      'volunteer.publishEvent': () => saved({ status: 'published' })
    })
    await openForm()
    await fillNew()
    await tap('#capacity-plus')
    await tap('[data-training="居家养老"]')
    await tap('#save-publish')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length === 1)
    expect(sent(fake, 'saveEvent')).toEqual([{
      action: 'saveEvent', kind: 'service', title: '香樟路垃圾分类宣传', description: '', topic: '环境保护', servingTarget: '',
      requiredTrainings: ['居家养老'], address: '香樟路社区服务中心', location: null,
      startAt: '2027-03-06T06:00:00.000Z', endAt: '2027-03-06T08:30:00.000Z', capacity: 21, waitlistEnabled: true,
      cancelDeadline: '2027-03-05T06:00:00.000Z'
    }])
    expect(sent(fake, 'publishEvent')).toEqual([{ action: 'publishEvent', id: 'ev-new' }])
    expect((Taro.redirectTo as jest.Mock).mock.calls[0][0].url).toBe(pageUrl(PAGES.roster, { id: 'ev-new' }))
  })

  it('names what is missing or wrong next to the field, and sends nothing', async () => {
    const fake = serve({})
    await openForm()
    await type('#event-title-input', '宣传')
    await pick('event-start', '10:00')
    await pick('event-end', '09:00')
    await tap('#save-draft')
    expect($('#error-title').textContent).toBe('活动名称至少 4 个字')
    expect($('#error-topic').textContent).toBe('请选择服务领域')
    expect($('#error-address').textContent).toBe('请填写集合地点')
    // Fixing a field clears its message.
    await type('#event-title-input', '香樟路垃圾分类宣传')
    expect(document.querySelector('#error-title')).toBeNull()
    // The times are checked against each other once every field reads right (the schema's own order).
    await pick('event-topic', 1)
    await type('#event-address-input', '香樟路社区服务中心')
    await tap('#save-draft')
    expect($('#error-endAt').textContent).toBe('结束时间要晚于开始时间')
    expect(fake.calls).toEqual([])
  })

  it('a training needs no trainings, and a deadline set by hand no longer follows the start', async () => {
    const fake = serve({ 'volunteer.saveEvent': () => saved({ kind: 'training' }) })
    await openForm()
    await tap('[data-training="医疗健康"]')
    await tap('#kind-training')
    expect(document.querySelector('#required-trainings')).toBeNull()
    await fillNew()
    await pick('deadline-date', '2027-03-06')
    await pick('deadline-time', '08:00')
    await pick('event-start', '13:00')
    await tap('#save-draft')
    await until(() => sent(fake, 'saveEvent').length === 1)
    expect(sent(fake, 'saveEvent')[0]).toEqual(expect.objectContaining({
      kind: 'training', requiredTrainings: [], startAt: '2027-03-06T05:00:00.000Z', cancelDeadline: '2027-03-06T00:00:00.000Z'
    }))
    expect(sent(fake, 'publishEvent')).toEqual([])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已存为草稿' }))
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('a failed publish leaves the draft saved, says so, and a retry publishes that same draft', async () => {
    let publishFails = true
    const fake = serve({
      'volunteer.saveEvent': () => saved({}),
      'volunteer.publishEvent': () => (publishFails ? { ok: false, error: { code: 'CONFLICT', message: '活动开始时间已过，不能发布' } } : saved({ status: 'published' }))
    })
    await openForm()
    await fillNew()
    await tap('#save-publish')
    await until(() => document.querySelector('#edit-error') !== null)
    expect($('#edit-error').textContent).toBe('已存为草稿，但没有发布成功：活动开始时间已过，不能发布')
    publishFails = false
    await tap('#save-publish')
    await until(() => (Taro.redirectTo as jest.Mock).mock.calls.length === 1)
    expect(sent(fake, 'saveEvent').map((e) => e.id)).toEqual([undefined, 'ev-new'])
    expect(sent(fake, 'publishEvent')).toHaveLength(2)
  })

  it('edits a published event in place: the form shows it, 保存修改 keeps it published, a refusal is shown', async () => {
    mockParams = { id: 'ev-7' }
    const event = aVolunteerEvent({
      id: 'ev-7', title: '敬老院陪伴', topic: '居家养老', capacity: 12, taken: 5, requiredTrainings: ['医疗健康'],
      startAt: '2027-01-09T01:00:00.000Z', endAt: '2027-01-09T03:00:00.000Z', cancelDeadline: '2027-01-08T01:00:00.000Z'
    })
    let refuse = true
    const fake = serve({
      'volunteer.roster': () => ({ ok: true, data: rosterOf(event) }),
      'volunteer.saveEvent': (e) => (refuse
        ? { ok: false, error: { code: 'CONFLICT', message: '已有 5 人报名，名额不能少于 5' } }
        : { ok: true, data: { ...event, capacity: e.capacity as number } })
    })
    await openForm()
    await until(() => document.querySelector('#event-topic')?.textContent?.includes('居家养老') ?? false)
    expect($('#event-topic').textContent).toContain('居家养老')
    expect($('#event-date').textContent).toContain('2027-01-09')
    expect($('#event-start').textContent).toContain('09:00')
    expect(document.querySelector('#save-publish')).toBeNull()
    expect($('[data-training="医疗健康"]').getAttribute('aria-checked')).toBe('true')
    await type('#capacity-input', '3')
    await tap('#save-event')
    await until(() => document.querySelector('#edit-error') !== null)
    expect($('#edit-error').textContent).toBe('已有 5 人报名，名额不能少于 5')
    refuse = false
    await type('#capacity-input', '15')
    await tap('#save-event')
    await until(() => (Taro.navigateBack as jest.Mock).mock.calls.length === 1)
    expect(sent(fake, 'saveEvent').map((e) => [e.id, e.capacity, e.cancelDeadline])).toEqual([
      ['ev-7', 3, '2027-01-08T01:00:00.000Z'], ['ev-7', 15, '2027-01-08T01:00:00.000Z']
    ])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存修改' }))
  })

  it('an event that has begun or was cancelled is not offered for editing', async () => {
    mockParams = { id: 'ev-8' }
    const begun = aVolunteerEvent({ id: 'ev-8', startAt: new Date(Date.now() - 3_600_000).toISOString(), endAt: new Date(Date.now() + 3_600_000).toISOString() })
    serve({ 'volunteer.roster': () => ({ ok: true, data: rosterOf(begun, { codeOpen: true }) }) })
    const locked = await open('#edit-locked')
    expect(locked.textContent).toContain('活动已开始，不能再修改')
    expect(document.querySelector('#event-form')).toBeNull()
  })

  it('a map place is optional: when the map cannot open the form says so and still saves without one', async () => {
    jest.spyOn(Taro, 'chooseLocation').mockImplementation((async () => { throw new Error('chooseLocation:fail not supported') }) as unknown as typeof Taro.chooseLocation)
    const fake = serve({ 'volunteer.saveEvent': () => saved({}) })
    await openForm()
    await tap('#choose-location')
    await until(() => toasts().length === 1)
    expect((Taro.showToast as jest.Mock).mock.calls[0][0].title).toContain('可以不选位置')
    await fillNew()
    await tap('#save-draft')
    await until(() => sent(fake, 'saveEvent').length === 1)
    expect(sent(fake, 'saveEvent')[0].location).toBeNull()
  })

  it('a picked map place is sent, and names the meeting point when none is written', async () => {
    jest.spyOn(Taro, 'chooseLocation').mockImplementation((async () => ({ name: '香樟园小区东门', address: '香樟路 8 号', longitude: 113.015, latitude: 28.105, errMsg: 'chooseLocation:ok' })) as unknown as typeof Taro.chooseLocation)
    const fake = serve({ 'volunteer.saveEvent': () => saved({}) })
    await openForm()
    await tap('#choose-location')
    await until(() => $('#location-text').textContent === '已选：香樟园小区东门')
    await type('#event-title-input', '香樟路垃圾分类宣传')
    await pick('event-topic', 0)
    await tap('#save-draft')
    await until(() => sent(fake, 'saveEvent').length === 1)
    expect(sent(fake, 'saveEvent')[0]).toEqual(expect.objectContaining({ address: '香樟园小区东门', location: { lng: 113.015, lat: 28.105 } }))
  })
})
