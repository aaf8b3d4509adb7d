import type { EventKind, Grid, Signup, VolunteerEvent, VolunteerProfile, VolunteerTopic } from '../../core/types'
import { newSignup } from '../../core/volunteer/seats'
import { centroidOf, distanceM, round6 } from './geo'
import { addDays, addHours, localDayAt } from './time'

/**
 * Volunteer services and trainings published by 王组织 (u-organizer): one past, the rest upcoming, with the
 * training themes the campaign bulletin names (居家养老, 网络文明 …). Seats start untaken: signups come
 * from the app. Times are local (CST) hours on days relative to nowIso.
 */

interface EventSpec {
  kind: EventKind
  topic: VolunteerTopic
  servingTarget: string
  requires?: VolunteerTopic[]
  title: string
  description: string
  address: string
  near: [number, number]
  /** Local calendar days from today; negative = already held. */
  day: number
  startHour: number
  hours: number
  capacity: number
  waitlist: boolean
}

const SPECS: EventSpec[] = [
  {
    kind: 'service', topic: '交通劝导', servingTarget: '过往行人和非机动车驾驶人', title: '文明交通劝导志愿服务（东塘路口）', address: '韶山中路与劳动东路交叉口',
    near: [113.001, 28.176], day: -9, startHour: 7, hours: 2, capacity: 20, waitlist: false,
    description: '早高峰在东塘路口协助交警劝导行人和非机动车遵守信号灯、不闯红灯、不逆行。统一着红马甲，请提前15分钟到岗签到。'
  },
  {
    kind: 'service', topic: '环境保护', servingTarget: '社区居民', title: '垃圾分类宣传进社区', address: '雨花亭街道 香樟路社区广场',
    near: [113.006, 28.156], day: 3, startHour: 9, hours: 3, capacity: 30, waitlist: true,
    description: '设摊讲解“四分类”标准，指导居民现场投放，发放宣传折页。适合首次参加志愿服务的居民。'
  },
  {
    kind: 'service', topic: '环境保护', servingTarget: '风光带游客和周边居民', title: '“洁净家园”社区环境清扫行动', address: '圭塘河风光带 劳动东路入口集合',
    near: [113.030, 28.150], day: 6, startHour: 8, hours: 3, capacity: 50, waitlist: true,
    description: '清理风光带沿线白色垃圾、铲除小广告、整理乱停放的共享单车。工具由组织方统一发放，请穿运动鞋。'
  },
  {
    kind: 'training', topic: '居家养老', servingTarget: '有意参加助老服务的志愿者', title: '居家养老服务志愿者培训', address: '洞井街道 社区党群服务中心二楼',
    near: [113.006, 28.117], day: 10, startHour: 14, hours: 3, capacity: 40, waitlist: true,
    description: '联合区民政局开展：老年人沟通技巧、居家安全排查、突发情况应急处置。完成培训可报名上门助老服务。'
  },
  {
    kind: 'training', topic: '网络文明', servingTarget: '社区青年志愿者', title: '网络文明志愿者培训', address: '高桥街道 社区文化活动室',
    near: [113.036, 28.193], day: 14, startHour: 19, hours: 2, capacity: 30, waitlist: false,
    description: '讲解网络谣言识别、未成年人网络保护和文明上网倡议，培训后参与网络文明宣传志愿服务。'
  },
  {
    kind: 'service', topic: '文明引导', servingTarget: '进出站旅客', requires: ['文明引导'], title: '长沙南站“和谐号”旅客引导服务', address: '长沙南站 东广场志愿服务站',
    near: [113.064, 28.148], day: 20, startHour: 9, hours: 4, capacity: 25, waitlist: true,
    description: '在高铁站为旅客提供问询引导、行李帮扶和重点旅客服务。需提前完成文明引导岗前培训，请携带身份证。'
  },
  {
    kind: 'training', topic: '文明引导', servingTarget: '文明引导岗志愿者', title: '文明引导志愿者岗前培训', address: '雨花区新时代文明实践中心 三楼报告厅',
    near: [113.021, 28.136], day: -30, startHour: 14, hours: 2, capacity: 60, waitlist: false,
    description: '讲解文明引导岗的服务规范、礼仪用语和突发情况处置，完成培训可报名车站、景区文明引导服务。'
  }
]

function nearestGrid (grids: readonly Grid[], p: { lng: number; lat: number }): Grid {
  return grids.reduce((best, g) => (distanceM(p, centroidOf(g.polygon)) < distanceM(p, centroidOf(best.polygon)) ? g : best))
}

export function buildVolunteerEvents (nowIso: string, grids: readonly Grid[]): VolunteerEvent[] {
  return SPECS.map((s, i) => {
    const startAt = localDayAt(nowIso, s.day, s.startHour)
    const location = { lng: round6(s.near[0]), lat: round6(s.near[1]) }
    const published = addDays(startAt, -14)
    return {
      id: `ev-${String(i + 1).padStart(3, '0')}`,
      kind: s.kind,
      title: s.title,
      description: s.description,
      topic: s.topic,
      servingTarget: s.servingTarget,
      requiredTrainings: s.requires ?? [],
      organizerId: 'u-organizer',
      gridId: nearestGrid(grids, location).id,
      address: s.address,
      location,
      startAt,
      endAt: addHours(startAt, s.hours),
      capacity: s.capacity,
      taken: 0,
      waitlistEnabled: s.waitlist,
      cancelDeadline: addHours(startAt, -24),
      status: 'published',
      servedCount: s.day < 0 ? 120 + i * 40 : null,
      cancelReason: null,
      // Published two weeks ahead, but never after "now".
      createdAt: Date.parse(published) < Date.parse(nowIso) ? published : addDays(nowIso, -1),
      updatedAt: Date.parse(published) < Date.parse(nowIso) ? published : addDays(nowIso, -1)
    }
  })
}

/** The seeded volunteers' registrations (李志愿 is the demo volunteer account). */
export function buildVolunteerProfiles (nowIso: string, grids: readonly Grid[]): VolunteerProfile[] {
  const people: Array<[string, string, string, VolunteerTopic[]]> = [
    ['u-volunteer', '李志愿', '13807310001', ['环境保护', '文明引导']],
    ['u-volunteer-2', '周晓雯', '13907310002', ['居家养老', '医疗健康']],
    ['u-volunteer-3', '黄志刚', '13607310003', ['交通劝导']]
  ]
  return people.map(([userId, realName, phone, skills], i) => ({
    userId, realName, phone, skills,
    homeGridId: grids[(i * 11) % grids.length].id,
    community: grids[(i * 11) % grids.length].community,
    volunteerNo: `V${new Date(nowIso).getUTCFullYear()}${String(i + 1).padStart(6, '0')}`,
    registeredAt: addDays(nowIso, -100 + i * 10)
  }))
}

/**
 * What the held events left: the three volunteers at the pre-service training and the 东塘路口 drive, with
 * check-in/out and confirmed hours; 黄志刚 did not come to the drive (a no-show he can see and appeal).
 */
export function buildPastSignups (events: readonly VolunteerEvent[]): Signup[] {
  const held = events.filter((e) => e.id === 'ev-001' || e.title === '文明引导志愿者岗前培训')
  const out: Signup[] = []
  for (const e of held) {
    for (const [n, userId] of ['u-volunteer', 'u-volunteer-2', 'u-volunteer-3'].entries()) {
      const base = newSignup(e.id, userId, addDays(e.startAt, -5 + n * 0.01))
      const absent = userId === 'u-volunteer-3' && e.kind === 'service'
      const hours = Math.round((Date.parse(e.endAt) - Date.parse(e.startAt)) / 360_000) / 10
      out.push(absent
        ? { ...base, noShow: true }
        : {
            ...base,
            checkInAt: addHours(e.startAt, -0.2), checkInBy: 'qr', checkOutAt: addHours(e.endAt, 0.1), checkOutBy: 'qr',
            earnedHours: hours, hoursConfirmedAt: addHours(e.endAt, 2), hoursConfirmedBy: e.organizerId
          })
    }
  }
  return out
}
