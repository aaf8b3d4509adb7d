import type { z } from 'zod'
import { aSaveEventForm } from '../testing/builders'
import { attendInput, confirmHoursInput, registerVolunteerInput, saveEventInput } from './schemas'

/** The messages a form shows, by field. */
const problems = (schema: z.ZodType, value: unknown): Array<[string, string]> => {
  const r = schema.safeParse(value)
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('saveEventInput', () => {
  const event = aSaveEventForm()

  test('a valid event, with the defaults filled in', () => {
    const r = saveEventInput.parse(event)
    expect(r).toMatchObject({ description: '', servingTarget: '', requiredTrainings: [], location: null, waitlistEnabled: true })
  })

  test('the end after the start', () => {
    expect(problems(saveEventInput, { ...event, endAt: event.startAt })).toEqual([['endAt', '结束时间要晚于开始时间']])
    expect(problems(saveEventInput, { ...event, endAt: '2026-12-10T00:59:00.000Z' })).toEqual([['endAt', '结束时间要晚于开始时间']])
  })

  test('at most 24 hours', () => {
    expect(problems(saveEventInput, { ...event, endAt: '2026-12-11T01:00:00.000Z' })).toEqual([])
    expect(problems(saveEventInput, { ...event, endAt: '2026-12-11T01:00:00.001Z' })).toEqual([['endAt', '一次活动最长 24 小时，多日活动请分场发布']])
  })

  test('the cancellation deadline not after the start', () => {
    expect(problems(saveEventInput, { ...event, cancelDeadline: event.startAt })).toEqual([])
    expect(problems(saveEventInput, { ...event, cancelDeadline: '2026-12-10T01:00:00.001Z' })).toEqual([['cancelDeadline', '取消截止时间不能晚于活动开始']])
  })

  test('a training sets no training requirements; a service event may', () => {
    expect(problems(saveEventInput, { ...event, kind: 'training', requiredTrainings: ['医疗健康'] })).toEqual([['requiredTrainings', '培训本身不设培训要求']])
    expect(problems(saveEventInput, { ...event, kind: 'training' })).toEqual([])
    expect(problems(saveEventInput, { ...event, requiredTrainings: ['医疗健康'] })).toEqual([])
  })

  test('fields: title length, capacity bounds, topics from the list', () => {
    expect(problems(saveEventInput, { ...event, title: '清洁' })).toEqual([['title', '活动名称至少 4 个字']])
    expect(problems(saveEventInput, { ...event, capacity: 0 })).toEqual([['capacity', '名额至少 1 人']])
    expect(problems(saveEventInput, { ...event, capacity: 1001 })).toEqual([['capacity', '名额最多 1000 人']])
    expect(problems(saveEventInput, { ...event, capacity: 2.5 })).toEqual([['capacity', '名额必须是整数']])
    expect(problems(saveEventInput, { ...event, topic: '打扫卫生' })).toEqual([['topic', '请选择服务领域']])
    expect(problems(saveEventInput, { ...event, startAt: '12月10日' })[0]).toEqual(['startAt', '开始时间格式不对'])
  })
})

describe('registerVolunteerInput', () => {
  const person = { realName: '王小明', phone: '13800138000', community: '香樟路社区', skills: ['环境保护'] }

  test('a mainland mobile number of 11 digits', () => {
    expect(problems(registerVolunteerInput, person)).toEqual([])
    expect(registerVolunteerInput.parse({ ...person, phone: ' 13800138000 ' }).phone).toBe('13800138000')
    for (const phone of ['12800138000', '1380013800', '138001380001', '138-0013-8000', '+8613800138000']) {
      expect(problems(registerVolunteerInput, { ...person, phone })).toEqual([['phone', '请填写 11 位手机号']])
    }
  })

  test('a real name: at least 2 characters, Chinese or Latin letters', () => {
    for (const realName of ['李明', '阿卜杜·热合曼', 'Li Lei', 'Mary Jane']) {
      expect(problems(registerVolunteerInput, { ...person, realName })).toEqual([])
    }
    expect(problems(registerVolunteerInput, { ...person, realName: '李' })).toEqual([['realName', '请填写真实姓名（至少 2 个字）']])
    expect(problems(registerVolunteerInput, { ...person, realName: ' 李 ' })).toEqual([['realName', '请填写真实姓名（至少 2 个字）']])
    expect(problems(registerVolunteerInput, { ...person, realName: '王小明1' })).toEqual([['realName', '姓名只能包含汉字或字母']])
    expect(problems(registerVolunteerInput, { ...person, realName: '王'.repeat(21) })).toEqual([['realName', '姓名不能超过 20 个字']])
  })

  test('at least one service interest, none twice', () => {
    expect(problems(registerVolunteerInput, { ...person, skills: [] })).toEqual([['skills', '请至少选择一个服务意向']])
    expect(problems(registerVolunteerInput, { ...person, skills: ['环境保护', '环境保护'] })).toEqual([['skills', '服务意向重复']])
  })
})

describe('attendInput', () => {
  test('either a scanned code or a position at an event', () => {
    expect(attendInput.parse({ code: ' WMV1.event-1.59066640.Xk3_9a-QzP0uVwYb12cdEf ' })).toEqual({ code: 'WMV1.event-1.59066640.Xk3_9a-QzP0uVwYb12cdEf' })
    expect(attendInput.parse({ eventId: 'event-1', location: { lng: 112.98, lat: 28.19 } })).toEqual({ eventId: 'event-1', location: { lng: 112.98, lat: 28.19 } })
  })

  test('neither: one message that says what to do', () => {
    expect(problems(attendInput, {})).toEqual([['', '请扫描签到二维码，或在活动地点定位签到']])
    expect(problems(attendInput, { eventId: 'event-1' })).toEqual([['', '请扫描签到二维码，或在活动地点定位签到']])
  })

  test('a code too short to be ours, or a position off the globe', () => {
    expect(problems(attendInput, { code: 'short' })).toEqual([['code', '签到码无效']])
    expect(attendInput.safeParse({ eventId: 'event-1', location: { lng: 200, lat: 28.19 } }).success).toBe(false)
  })
})

describe('confirmHoursInput', () => {
  const who = { eventId: 'event-1', userId: 'user-v' }
  test('hours with at most one decimal, from 0 to 24', () => {
    expect(confirmHoursInput.parse({ ...who, earnedHours: 1.5, manualHours: 0.3, reason: ' 提前离开 ' })).toEqual({ ...who, earnedHours: 1.5, manualHours: 0.3, reason: '提前离开' })
    expect(problems(confirmHoursInput, { ...who, earnedHours: 0 })).toEqual([])
    expect(problems(confirmHoursInput, { ...who, manualHours: 24 })).toEqual([])
    expect(problems(confirmHoursInput, { ...who, earnedHours: 1.25 })).toEqual([['earnedHours', '信用时长最多保留一位小数']])
    expect(problems(confirmHoursInput, { ...who, manualHours: -0.5 })).toEqual([['manualHours', '补录时长不能为负']])
    expect(problems(confirmHoursInput, { ...who, manualHours: 24.1 })).toEqual([['manualHours', '补录时长不能超过 24 小时']])
  })
  test('a plain confirmation carries no hours', () => {
    expect(confirmHoursInput.parse(who)).toEqual(who)
  })
})
