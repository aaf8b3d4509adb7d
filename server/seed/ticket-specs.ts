import type { CloseReason, Rating, TicketState } from '../../core/types'

/**
 * The demo city's tickets as data: what was reported, where, how long ago and how far it got. The builder
 * (tickets.ts) turns each row into a Ticket with a consistent timeline. About half are 非法小广告 or
 * 暴露垃圾, as in real 数字城管 data. Coordinates in `near` are approximate GCJ-02 positions of the named
 * places; the ticket lands in the grid there.
 */

export type Where =
  | { near: [number, number] }
  /** The n-th grid of 赵网格 (u-grid), the demo grid manager. */
  | { mine: number }
  /** One of the grids left without a manager on purpose. */
  | { unmanaged: true }
  /** Just outside every grid, next to the n-th of OUTSIDE_ANCHORS. */
  | { outside: number }

export interface TicketSpec {
  cat: string
  state: TicketState
  where: Where
  /** Hours between filing and now. */
  ageH: number
  reporter: string
  desc: string
  addr: string
  anon?: boolean
  close?: CloseReason
  /** Reporter's rating on confirming the fix (fixed tickets; default satisfied). */
  rating?: Rating
  /** Fixed by the system after the verification window instead of by the reporter. */
  auto?: boolean
  /** Closed after the deadline. */
  late?: boolean
  /** Failed verifications (返工) before the current state. */
  rework?: number
  /** 1-based row of the original ticket, for duplicates. */
  dupOf?: number
  followers?: number
  /** Note of the admin's closing action, or of the manager's hand-back. */
  note?: string
  /** Dispatched then handed back by the manager (state stays triage). */
  handBack?: boolean
}

/** Points on the district edge whose outside is another district: 浏阳河 east bank, 芙蓉区 to the north. */
export const OUTSIDE_ANCHORS: Array<[number, number]> = [[113.061, 28.197], [113.0, 28.193], [113.034, 28.199]]

const 东塘: [number, number] = [113.001, 28.176]
const 左家塘: [number, number] = [113.015, 28.185]
const 高桥: [number, number] = [113.036, 28.193]
const 雨花亭: [number, number] = [113.006, 28.156]
const 砂子塘: [number, number] = [112.992, 28.163]
const 井湾子: [number, number] = [113.004, 28.142]
const 圭塘: [number, number] = [113.030, 28.150]
const 南站: [number, number] = [113.064, 28.148]
const 黎托: [number, number] = [113.074, 28.166]
const 洞井: [number, number] = [113.006, 28.117]
const 红星: [number, number] = [113.012, 28.125]
const 同升: [number, number] = [113.035, 28.100]
const 东山: [number, number] = [113.090, 28.112]
const 树木岭: [number, number] = [113.045, 28.166]

export const TICKET_SPECS: TicketSpec[] = [
  { cat: 'E02-01', state: 'dispatched', where: { mine: 0 }, ageH: 30, reporter: 'u-citizen', addr: '城南东路芙蓉中路口往东约100米 居民楼单元门口', desc: '单元门口和电表箱上贴满了开锁、疏通管道的小广告，上周刚清理过又贴上了。' },
  { cat: 'E01-01', state: 'dispatched', where: { mine: 1 }, ageH: 6, reporter: 'u-citizen', addr: '芙蓉中路三段 侯家塘公交站北侧人行道', desc: '人行道边堆了好几袋生活垃圾，已经有异味，路过的人都捂着鼻子走。' },
  { cat: 'E05-02', state: 'accepted', where: { mine: 2 }, ageH: 20, reporter: 'u-citizen-2', addr: '韶山北路与城南东路交叉口西南侧 早餐店门前', desc: '早餐店把桌椅和蒸笼摆到人行道上经营，行人只能走到机动车道上。' },
  { cat: 'E02-01', state: 'accepted', where: { mine: 0 }, ageH: 90, reporter: 'u-citizen', addr: '芙蓉中路三段 侯家塘公交站台', desc: '公交站台灯箱和旁边电线杆上贴满了“高薪招聘”“无抵押贷款”小广告。' },
  { cat: 'E01-01', state: 'resolved', where: { mine: 1 }, ageH: 40, reporter: 'u-citizen', addr: '侯家塘农贸市场后巷拐角', desc: '后巷拐角处有人乱倒生活垃圾和烂菜叶，招了很多苍蝇。' },
  { cat: 'E05-04', state: 'rework', where: { mine: 3 }, ageH: 70, reporter: 'u-citizen', rework: 1, addr: '城南东路与韶山北路交叉口东北角盲道', desc: '几十辆共享单车堆在盲道和路口，轮椅和婴儿车都过不去。' },
  { cat: 'E01-02', state: 'dispatched', where: { mine: 2 }, ageH: 100, reporter: 'u-volunteer', addr: '东二环一段辅道旁 拆迁空地', desc: '拆迁空地边积存了大量建筑渣土，没有覆盖，刮风时扬尘很严重。' },
  { cat: 'E01-01', state: 'fixed', where: { mine: 0 }, ageH: 900, reporter: 'u-citizen', rating: 'satisfied', addr: '城南东路 老干部小区东门垃圾桶旁', desc: '垃圾桶旁边散落了很多垃圾，好几天没人清扫。' },
  { cat: 'E02-01', state: 'dispatched', where: { near: 东塘 }, ageH: 12, reporter: 'u-citizen-3', addr: '韶山中路与劳动东路交叉口东北角 地铁站出口', desc: '地铁站出口外的护栏上绑满了租房、装修的小广告牌。' },
  { cat: 'E02-01', state: 'accepted', where: { near: 砂子塘 }, ageH: 50, reporter: 'u-citizen-4', addr: '砂子塘路中段 老住宅小区5栋楼道', desc: '楼道墙面和信报箱被贴满了通下水道、开锁小广告，层层叠叠很难看。' },
  { cat: 'E02-01', state: 'resolved', where: { near: 雨花亭 }, ageH: 60, reporter: 'u-volunteer-2', addr: '香樟路与韶山中路交叉口西侧人行道', desc: '人行道地面被喷涂了办证电话，共有十几处，雨后也冲不掉。', followers: 1 },
  { cat: 'E02-01', state: 'fixed', where: { near: 井湾子 }, ageH: 620, reporter: 'u-citizen-5', rating: 'satisfied', addr: '韶山南路 井湾子公交站', desc: '公交站广告栏被大量小广告覆盖，连线路图都看不清了。' },
  { cat: 'E02-01', state: 'fixed', where: { near: 高桥 }, ageH: 1100, reporter: 'u-citizen-3', rating: 'basic', late: true, addr: '高桥大市场 万家丽中路入口', desc: '市场入口周边的电线杆和配电箱贴满了物流、货运小广告。' },
  { cat: 'E02-01', state: 'fixed', where: { near: 南站 }, ageH: 1400, reporter: 'u-volunteer-3', auto: true, anon: true, addr: '长沙南站东广场出站口外人行道', desc: '出站口外的护栏和路灯杆上有大量住宿、租车小广告，影响城市门户形象。' },
  { cat: 'E02-01', state: 'closed', close: 'duplicate', dupOf: 11, where: { near: 雨花亭 }, ageH: 55, reporter: 'u-resident-012', addr: '香樟路 韶山中路口附近人行道', desc: '人行道上喷了很多办证的电话号码。', note: '与工单 tk-011 为同一问题，已合并处理，请关注原工单进度。' },
  { cat: 'E02-01', state: 'closed', close: 'invalid', where: { near: 圭塘 }, ageH: 200, reporter: 'u-resident-027', addr: '劳动东路', desc: '试一下这个功能', note: '内容不是具体的城市管理问题，予以驳回。' },
  { cat: 'E02-01', state: 'fixed', where: { near: 左家塘 }, ageH: 850, reporter: 'u-citizen-2', rating: 'satisfied', rework: 1, addr: '曙光中路 左家塘小区12栋外墙', desc: '居民楼外墙一楼贴满了小广告，上次清理后没两天又贴上了。' },
  { cat: 'E02-01', state: 'triage', where: { outside: 0 }, ageH: 5, reporter: 'u-citizen-2', addr: '浏阳河风光带 河堤步道东岸', desc: '河堤步道的栏杆上贴了很多小广告，晨练的人很多，影响观感。' },
  { cat: 'E02-01', state: 'dispatched', where: { near: 洞井 }, ageH: 3, reporter: 'u-resident-033', anon: true, addr: '韶山南路 洞井公交站', desc: '公交站牌背面贴满了小广告。' },
  { cat: 'E01-01', state: 'dispatched', where: { near: 红星 }, ageH: 10, reporter: 'u-citizen-4', addr: '湘府中路人行道绿化带 红星会展中心对面', desc: '绿化带里有人乱扔外卖盒和塑料袋，堆了一大片。' },
  { cat: 'E01-01', state: 'accepted', where: { near: 圭塘 }, ageH: 15, reporter: 'u-volunteer', addr: '圭塘河风光带 劳动东路入口', desc: '风光带入口处垃圾成堆，旁边的垃圾桶也满了。', followers: 2 },
  { cat: 'E01-01', state: 'fixed', where: { near: 东塘 }, ageH: 240, reporter: 'u-citizen-3', rating: 'satisfied', addr: '劳动西路东塘商圈后巷', desc: '商圈后巷有餐馆乱倒餐厨垃圾，地面油污很重。' },
  { cat: 'E01-01', state: 'fixed', where: { near: 黎托 }, ageH: 1300, reporter: 'u-resident-041', rating: 'basic', late: true, addr: '黎托路 黎托小区公交站旁空地', desc: '公交站旁空地被当成了垃圾堆放点，已经堆了好几天。' },
  { cat: 'E01-01', state: 'triage', where: { unmanaged: true }, ageH: 8, reporter: 'u-citizen-5', addr: '环保大道南段 新建道路旁空地', desc: '新修道路边上堆了大量生活垃圾，一直没人来清运。' },
  { cat: 'E01-01', state: 'closed', close: 'duplicate', dupOf: 21, where: { near: 圭塘 }, ageH: 14, reporter: 'u-resident-005', addr: '圭塘河风光带入口', desc: '风光带门口好多垃圾。', note: '与工单 tk-021 为同一问题，已合并处理。' },
  { cat: 'E04-01', state: 'fixed', where: { near: 井湾子 }, ageH: 150, reporter: 'u-citizen-2', rating: 'satisfied', addr: '新韶东路下穿通道', desc: '暴雨后下穿通道积水有三十多厘米，已有车辆熄火。' },
  { cat: 'E04-01', state: 'accepted', where: { near: 洞井 }, ageH: 1.5, reporter: 'u-citizen-4', addr: '洞井路与中意一路交叉口', desc: '路口积水没过脚踝，雨水箅子好像被堵住了。' },
  { cat: '0101', state: 'dispatched', where: { near: 左家塘 }, ageH: 5, reporter: 'u-volunteer-2', addr: '曙光中路 左家塘公交站南约50米人行道', desc: '人行道上一个雨水井盖缺失，只用几根树枝挡着，晚上很危险。' },
  { cat: '0101', state: 'fixed', where: { near: 高桥 }, ageH: 100, reporter: 'u-citizen-3', rating: 'satisfied', addr: '人民东路高桥段 机动车道', desc: '机动车道上的井盖破损下沉，车辆经过哐哐响。' },
  { cat: 'E05-01', state: 'dispatched', where: { near: 圭塘 }, ageH: 26, reporter: 'u-resident-018', addr: '万家丽南路与劳动东路交叉口', desc: '每天傍晚有流动摊贩在路口占道卖水果，堵住了非机动车道。' },
  { cat: 'E05-01', state: 'fixed', where: { near: 东塘 }, ageH: 350, reporter: 'u-citizen', rating: 'satisfied', late: true, addr: '韶山中路 东塘地铁站C出口', desc: '地铁口有人摆地摊卖手机壳和袜子，出站人流被挡住。' },
  { cat: 'E03-01', state: 'accepted', where: { near: 同升 }, ageH: 30, reporter: 'u-citizen-5', addr: '湘府东路 在建住宅项目工地', desc: '工地晚上十点以后还在打桩作业，噪音很大，周边居民无法休息。' },
  { cat: 'E05-06', state: 'closed', close: 'referred', where: { near: 洞井 }, ageH: 180, reporter: 'u-resident-050', addr: '中意一路 临街商铺二楼', desc: '楼下KTV每天营业到凌晨，音响声音很大。', note: '经核实为娱乐场所社会生活噪声，已转辖区派出所依法处理。' },
  { cat: '0102', state: 'resolved', where: { near: 树木岭 }, ageH: 30, reporter: 'u-citizen-4', addr: '树木岭路 小区大门外', desc: '小区门口一排路灯有三盏不亮，晚上回家路上很黑。' },
  { cat: 'E05-05', state: 'fixed', where: { near: 左家塘 }, ageH: 80, reporter: 'u-resident-022', rating: 'satisfied', addr: '左家塘 某小区3栋消防通道', desc: '私家车长期停在小区消防通道上，黄色标线都被压住了。' },
  { cat: 'E05-03', state: 'rework', where: { near: 高桥 }, ageH: 120, reporter: 'u-volunteer-3', rework: 1, addr: '高桥大市场 酒水区东侧人行道', desc: '商户在人行道上堆放了大量纸箱和货物，行人要绕行。' },
  { cat: '0201', state: 'closed', close: 'unable', where: { near: 东山 }, ageH: 1000, reporter: 'u-resident-046', addr: '东山街道 花侯路南段', desc: '路面大面积开裂下沉，电动车经过很颠。', note: '该路段整体沉降需纳入年度道路大修计划，现场已设置警示标志，本工单先行结案。' },
  { cat: 'E02-02', state: 'fixed', where: { near: 砂子塘 }, ageH: 220, reporter: 'u-citizen-4', rating: 'basic', addr: '砂子塘路 小学围墙外侧', desc: '小学围墙上被人用油漆乱涂乱写，内容不雅。' },
  { cat: 'E01-01', state: 'triage', where: { near: 南站 }, ageH: 20, reporter: 'u-resident-038', handBack: true, addr: '长沙南站 西广场落客平台下', desc: '落客平台下面的角落里堆了很多垃圾和废弃行李箱。', note: '该点位属长沙南站站区，由铁路部门负责保洁，不在本网格责任范围，退回文明办分拣。' },
  { cat: 'E02-01', state: 'triage', where: { outside: 1 }, ageH: 28, reporter: 'u-resident-009', addr: '人民中路北侧人行道', desc: '人行道配电箱上贴满了小广告。' },
  { cat: 'E05-04', state: 'closed', close: 'referred', where: { outside: 2 }, ageH: 90, reporter: 'u-citizen-3', addr: '人民东路北侧 马王堆方向人行道', desc: '共享单车堆满人行道，挡住了盲道。', note: '点位位于雨花区界外（芙蓉区），已转芙蓉区城管部门处理。' }
]
