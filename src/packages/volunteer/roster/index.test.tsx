import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { aSignup, aVolunteerEvent } from '../../../../core/testing/builders'
import type { Signup, VolunteerEvent } from '../../../../core/types'
import type { RosterEntry, RosterView } from '../../../../core/volunteer/views'
import { until } from '../../../testing/fake-transport'
import { type Handlers, sent, usePageTest } from '../../../testing/page-test'
import { hoursFromNow as at, rosterEntryOf, rosterOf as viewOf } from '../events/testing/fixtures'
import Roster from './index'

jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, default: actual.default ?? actual, useRouter: () => ({ params: { id: 'ev-1' } }) }
})

const { setConfirm, get: $, text, tap, type, serve, open: mount, reset, dialogs, toasts } = usePageTest(Roster)

const person = (userId: string, name: string, attendance: RosterEntry['attendance'], s: Partial<Signup> = {}) => rosterEntryOf('ev-1', userId, name, attendance, s)

function rosterOf (event: Partial<VolunteerEvent> = {}, codeOpen = true): RosterView {
  const checkIn = at(-2)
  const entries = [
    person('u1', '张三', 'out', { checkInAt: checkIn, checkInBy: 'qr', checkOutAt: at(-0.1), checkOutBy: 'qr', earnedHours: 2.5 }),
    person('u2', '李四', 'out', { checkInAt: checkIn, checkInBy: 'qr', checkOutAt: at(-0.1), checkOutBy: 'position', earnedHours: 3 }),
    person('u3', '王五', 'in', { checkInAt: checkIn, checkInBy: 'qr' }),
    person('u4', '赵六', 'booked'),
    person('u5', '陈七', 'no_show', { noShow: true, appeal: { at: at(-1), reason: '我到了，扫码时手机没电', resolvedAt: null } }),
    person('u8', '周八', 'out', {
      checkInAt: checkIn, checkOutAt: at(-0.1), earnedHours: 2, hoursConfirmedAt: at(-0.05), hoursConfirmedBy: 'u-org',
      adjustments: [{ at: at(-0.05), by: 'u-org', field: 'earned', from: 2.5, to: 2, reason: '中途离开半小时' }]
    }),
    person('u6', '吴九', 'waiting'),
    person('u7', '郑十', 'gone')
  ]
  return viewOf(
    aVolunteerEvent({ id: 'ev-1', title: '香樟路垃圾分类宣传', organizerId: 'u-org', capacity: 10, taken: 6, startAt: at(-2.5), endAt: at(0.5), cancelDeadline: at(-26.5), ...event }),
    { entries, counts: { confirmed: 6, waitlisted: 1, offered: 0, checkedIn: 4, checkedOut: 3, noShow: 1, pendingHours: 2 }, codeOpen }
  )
}

const entry = (uid: string) => document.querySelector(`[data-entry="${uid}"]`)
const shown = () => Array.from(document.querySelectorAll('[data-entry]')).map((x) => x.getAttribute('data-entry'))
async function open (view: RosterView, more: Handlers = {}) {
  const fake = serve({ 'volunteer.roster': () => ({ ok: true, data: view }), ...more })
  await mount('#roster')
  return fake
}

describe('报名名单', () => {
  it('draws the counts, opens on 签到情况 during the event, and each tab lists its people', async () => {
    await open(rosterOf())
    expect($('#bar-confirmed').getAttribute('aria-label')).toBe('已报名 6/10')
    expect($('#bar-checked-in').getAttribute('aria-label')).toBe('已签到 4/6')
    expect($('#roster-figures').textContent).toContain('候补 1 人')
    expect($('[data-tab="attendance"]').getAttribute('aria-selected')).toBe('true')
    expect(shown()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u8'])
    expect(entry('u1')!.textContent).toContain('信用时长 2.5 小时')
    expect(entry('u1')!.textContent).toContain('138****5678')
    expect(entry('u5')!.textContent).toContain('我到了，扫码时手机没电')
    expect($('#adjustments-u8').textContent).toContain('活动组织者 · 信用时长 2.5 → 2 小时 · 原因：中途离开半小时')
    expect(entry('u8')!.textContent).toContain('✓ 已确认')

    await tap('[data-tab="waiting"]')
    expect(shown()).toEqual(['u6'])
    expect(entry('u6')!.textContent).toContain('候补中')
    await tap('[data-tab="signed"]')
    expect(shown()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u8', 'u7'])
    expect(entry('u7')!.textContent).toContain('已取消')
  })

  it('marks absent only after confirming, and present without asking', async () => {
    const fake = await open(rosterOf(), { 'volunteer.markAttendance': () => ({ ok: true, data: { signup: aSignup() } }) })
    setConfirm(false)
    await tap('#mark-absent-u3')
    await until(() => dialogs().length === 1)
    expect(sent(fake, 'markAttendance')).toEqual([])
    setConfirm(true)
    await tap('#mark-absent-u3')
    await until(() => sent(fake, 'markAttendance').length === 1)
    await tap('#mark-in-u4')
    await until(() => sent(fake, 'markAttendance').length === 2)
    expect(sent(fake, 'markAttendance')).toEqual([
      { action: 'markAttendance', eventId: 'ev-1', userId: 'u3', attended: false },
      { action: 'markAttendance', eventId: 'ev-1', userId: 'u4', attended: true }
    ])
    // The no-show can be marked present again; the one who has not come cannot be 确认时长 yet.
    expect(document.querySelector('#mark-in-u5')).not.toBeNull()
    expect(document.querySelector('#confirm-hours-u4')).toBeNull()
    // The roster was read again after each change.
    await until(() => sent(fake, 'roster').length === 3)
  })

  it('确认时长: 信用时长 only lower, 补录 within the event, a reason for any change', async () => {
    const fake = await open(rosterOf(), { 'volunteer.confirmHours': () => ({ ok: true, data: { signup: aSignup() } }) })
    await tap('#confirm-hours-u1')
    await type('#earned-input-u1', '3')
    await tap('#hours-submit-u1')
    expect($('#hours-error-u1').textContent).toContain('不能调高')
    await type('#earned-input-u1', '2')
    await tap('#hours-submit-u1')
    expect($('#hours-error-u1').textContent).toBe('调整或补录时长需要写明原因')
    await type('#manual-input-u1', '1.5')
    await type('#hours-reason-u1', '中途离开半小时，帮忙搬运另记')
    await tap('#hours-submit-u1')
    expect($('#hours-error-u1').textContent).toBe('本次活动最多记 3 小时（信用 2 + 补录 1.5）')
    expect(sent(fake, 'confirmHours')).toEqual([])
    await type('#manual-input-u1', '1')
    await tap('#hours-submit-u1')
    await until(() => sent(fake, 'confirmHours').length === 1)
    expect(sent(fake, 'confirmHours')).toEqual([{
      action: 'confirmHours', eventId: 'ev-1', userId: 'u1', earnedHours: 2, manualHours: 1, reason: '中途离开半小时，帮忙搬运另记'
    }])
    await until(() => document.querySelector('#hours-form-u1') === null)
  })

  it('a check-in without a check-out can be given 补录 with a reason', async () => {
    const fake = await open(rosterOf(), { 'volunteer.confirmHours': () => ({ ok: true, data: { signup: aSignup() } }) })
    await tap('#confirm-hours-u3')
    expect($('#hours-form-u3').textContent).toContain('未签退，没有信用时长')
    await type('#manual-input-u3', '2')
    await type('#hours-reason-u3', '忘记签退，现场核实到 11:30')
    await tap('#hours-submit-u3')
    await until(() => sent(fake, 'confirmHours').length === 1)
    expect(sent(fake, 'confirmHours')[0]).toEqual({ action: 'confirmHours', eventId: 'ev-1', userId: 'u3', manualHours: 2, reason: '忘记签退，现场核实到 11:30' })
  })

  it('全部确认 confirms each checked-out person with computed hours, showing progress and who failed', async () => {
    const fake = await open(rosterOf(), {
      'volunteer.confirmHours': (e) => (e.userId === 'u2'
        ? { ok: false, error: { code: 'CONFLICT', message: '这条记录刚被改过，请刷新名单后再试' } }
        : { ok: true, data: { signup: aSignup() } })
    })
    await tap('#confirm-all')
    await until(() => text('#confirm-all-progress')?.includes('已确认 1/2') ?? false)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认 2 人的时长？' }))
    expect(sent(fake, 'confirmHours')).toEqual([
      { action: 'confirmHours', eventId: 'ev-1', userId: 'u1' },
      { action: 'confirmHours', eventId: 'ev-1', userId: 'u2' }
    ])
    await until(() => $('#confirm-all-progress').textContent!.includes('未成功 1 人'))
    expect($('#confirm-all-progress').textContent).toContain('李四（这条记录刚被改过，请刷新名单后再试）')
  })

  it('显示签到码 opens the code screen while check-in is open, and only explains itself before then', async () => {
    await open(rosterOf())
    await tap('#show-code')
    expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url)).toEqual([pageUrl(PAGES.checkinCode, { id: 'ev-1' })])
    reset()
    await open(rosterOf({ startAt: at(24), endAt: at(27), cancelDeadline: at(0.5) }, false))
    expect($('[data-tab="signed"]').getAttribute('aria-selected')).toBe('true')
    await tap('#show-code')
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
    expect($('#code-hint').textContent).toContain('签到码在活动开始前 30 分钟开放')
    // Before the start nobody's attendance is marked yet.
    await tap('[data-tab="attendance"]')
    expect(document.querySelector('#mark-in-u4')).toBeNull()
    expect(document.querySelector('#edit-event')).not.toBeNull()
  })

  it('取消活动 needs a reason and a confirmation, then says how many were told', async () => {
    const fake = await open(rosterOf(), { 'volunteer.cancelEvent': () => ({ ok: true, data: { event: aVolunteerEvent({ status: 'cancelled' }), told: 7 } }) })
    await tap('#cancel-event')
    await tap('#cancel-submit')
    expect($('#cancel-error').textContent).toBe('请写明取消原因，会通知所有报名者')
    await type('#cancel-reason', '暴雨预警，活动改期')
    setConfirm(false)
    await tap('#cancel-submit')
    await until(() => dialogs().length === 1)
    expect(sent(fake, 'cancelEvent')).toEqual([])
    setConfirm(true)
    await tap('#cancel-submit')
    await until(() => sent(fake, 'cancelEvent').length === 1)
    expect(sent(fake, 'cancelEvent')).toEqual([{ action: 'cancelEvent', id: 'ev-1', reason: '暴雨预警，活动改期' }])
    await until(() => toasts().includes('已取消，已通知 7 人'))
  })

  it('after the event: 填写服务人次 is recorded, and it can no longer be cancelled or edited', async () => {
    const fake = await open(rosterOf({ startAt: at(-5), endAt: at(-2), cancelDeadline: at(-29) }, false), {
      'volunteer.recordServed': () => ({ ok: true, data: aVolunteerEvent({ servedCount: 120 }) })
    })
    expect($('#roster-status').textContent).toBe('已结束')
    expect(document.querySelector('#cancel-event')).toBeNull()
    expect(document.querySelector('#edit-event')).toBeNull()
    await tap('#record-served')
    await tap('#served-submit')
    expect($('#served-error').textContent).toContain('请填写服务群众人次')
    await type('#served-input', '120')
    await tap('#served-submit')
    await until(() => sent(fake, 'recordServed').length === 1)
    expect(sent(fake, 'recordServed')).toEqual([{ action: 'recordServed', id: 'ev-1', servedCount: 120 }])
  })

  it('导出名单 downloads the workbook in a browser', async () => {
    const clicked: Array<{ download: string; href: string }> = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push({ download: this.download, href: this.href }) })
    const urls = { createObjectURL: jest.fn(() => 'blob:roster'), revokeObjectURL: jest.fn() }
    Object.assign(URL, urls)
    const fake = await open(rosterOf(), { 'volunteer.exportRoster': () => ({ ok: true, data: { filename: '香樟路垃圾分类宣传-名单.xlsx', base64: 'UEsDBBQ=', rows: 6 } }) })
    await tap('#export-roster')
    await until(() => clicked.length === 1)
    expect(sent(fake, 'exportRoster')).toEqual([{ action: 'exportRoster', id: 'ev-1' }])
    expect(clicked).toEqual([{ download: '香樟路垃圾分类宣传-名单.xlsx', href: 'blob:roster' }])
    const blob = (urls.createObjectURL.mock.calls[0] as unknown[])[0] as Blob
    expect([blob.size, blob.type]).toEqual([5, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'])
    await until(() => toasts().includes('已下载 6 人'))
  })

  it('导出名单 on WeChat writes the file to the user folder and opens it to forward or save', async () => {
    process.env['TARO_ENV_JEST'] = 'weapp' // bracketed: the transformer rewrites the dotted name
    const writes: unknown[] = []
    jest.spyOn(Taro, 'getFileSystemManager').mockImplementation((() => ({
      writeFile: (o: { filePath: string; data: string; encoding: string; success: () => void }) => { writes.push({ filePath: o.filePath, data: o.data, encoding: o.encoding }); o.success() }
    })) as unknown as typeof Taro.getFileSystemManager)
    const openDoc = jest.spyOn(Taro, 'openDocument').mockImplementation((async () => ({ errMsg: 'openDocument:ok' })) as unknown as typeof Taro.openDocument)
    const env = Taro.env as unknown as Record<string, string>
    const before = env.USER_DATA_PATH
    env.USER_DATA_PATH = 'wxfile://usr'
    try {
      await open(rosterOf(), { 'volunteer.exportRoster': () => ({ ok: true, data: { filename: 'roster.xlsx', base64: 'UEsDBBQ=', rows: 6 } }) })
      await tap('#export-roster')
      await until(() => openDoc.mock.calls.length === 1)
      expect(writes).toEqual([{ filePath: 'wxfile://usr/roster.xlsx', data: 'UEsDBBQ=', encoding: 'base64' }])
      expect(openDoc).toHaveBeenCalledWith({ filePath: 'wxfile://usr/roster.xlsx', fileType: 'xlsx', showMenu: true })
    } finally {
      env.USER_DATA_PATH = before
    }
  })
})
