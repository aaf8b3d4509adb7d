import type { EventKind, Grid, VolunteerEvent } from '../../core/types'
import { centroidOf, distanceM, round6 } from './geo'
import { addDays, addHours, localDayAt } from './time'

/**
 * Volunteer services and trainings published by 王组织 (u-organizer): one past, the rest upcoming, with the
 * training themes the campaign bulletin names (居家养老, 网络文明 …). Seats start untaken: signups come
 * from the app. Times are local (CST) hours on days relative to nowIso.
 */

interface EventSpec {
  kind: EventKind
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
    kind: 'service', title: '文明交通劝导志愿服务（东塘路口）', address: '韶山中路与劳动东路交叉口',
    near: [113.001, 28.176], day: -9, startHour: 7, hours: 2, capacity: 20, waitlist: false,
    description: '早高峰在东塘路口协助交警劝导行人和非机动车遵守信号灯、不闯红灯、不逆行。统一着红马甲，请提前15分钟到岗签到。'
  },
  {
    kind: 'service', title: '垃圾分类宣传进社区', address: '雨花亭街道 香樟路社区广场',
    near: [113.006, 28.156], day: 3, startHour: 9, hours: 3, capacity: 30, waitlist: true,
    description: '设摊讲解“四分类”标准，指导居民现场投放，发放宣传折页。适合首次参加志愿服务的居民。'
  },
  {
    kind: 'service', title: '“洁净家园”社区环境清扫行动', address: '圭塘河风光带 劳动东路入口集合',
    near: [113.030, 28.150], day: 6, startHour: 8, hours: 3, capacity: 50, waitlist: true,
    description: '清理风光带沿线白色垃圾、铲除小广告、整理乱停放的共享单车。工具由组织方统一发放，请穿运动鞋。'
  },
  {
    kind: 'training', title: '居家养老服务志愿者培训', address: '洞井街道 社区党群服务中心二楼',
    near: [113.006, 28.117], day: 10, startHour: 14, hours: 3, capacity: 40, waitlist: true,
    description: '联合区民政局开展：老年人沟通技巧、居家安全排查、突发情况应急处置。完成培训可报名上门助老服务。'
  },
  {
    kind: 'training', title: '网络文明志愿者培训', address: '高桥街道 社区文化活动室',
    near: [113.036, 28.193], day: 14, startHour: 19, hours: 2, capacity: 30, waitlist: false,
    description: '讲解网络谣言识别、未成年人网络保护和文明上网倡议，培训后参与网络文明宣传志愿服务。'
  },
  {
    kind: 'service', title: '长沙南站“和谐号”旅客引导服务', address: '长沙南站 东广场志愿服务站',
    near: [113.064, 28.148], day: 20, startHour: 9, hours: 4, capacity: 25, waitlist: true,
    description: '在高铁站为旅客提供问询引导、行李帮扶和重点旅客服务。需提前完成岗前培训，请携带身份证。'
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
      // Published two weeks ahead, but never after "now".
      createdAt: Date.parse(published) < Date.parse(nowIso) ? published : addDays(nowIso, -1)
    }
  })
}
