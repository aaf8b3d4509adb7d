import { pick, type Rng } from './prng'

/** What the seed's people write in ticket timelines (Chinese, as shown on screen). */

export { RATING_LABELS } from '../../core/tickets/labels'

const FIX_NOTES: Record<string, string> = {
  'E02-01': '小广告已全部铲除，墙面和灯杆已清洗。',
  'E02-02': '已对涂写部位进行覆盖粉刷。',
  'E01-01': '垃圾已清运，周边地面已冲洗。',
  'E01-02': '渣土已清运，剩余部分已覆盖防尘网。',
  'E05-02': '已劝导商户将桌椅收回店内，并重申门前三包责任。',
  'E05-04': '已联系单车企业运维人员清理，车辆已摆放至停放区。',
  'E04-01': '已疏通雨水箅子，积水已排除。',
  '0101': '已更换新井盖并加装防坠网。',
  '0102': '已更换损坏灯具，路灯恢复照明。',
  'E05-01': '已劝离流动摊贩，安排早晚错时巡查。',
  'E03-01': '已责令工地停止夜间施工，并告知夜间作业须办理许可。',
  'E05-05': '已联系车主挪车，并协调物业加装隔离桩。',
  'E05-03': '已责令商户清理人行道上的物料。'
}

const ACCEPT_NOTES = ['已受理，马上到现场查看。', '收到，今天内安排处理。', '已受理，已联系相关单位协同处置。', '已受理，正在赶往现场。']
const REJECT_NOTES = ['核查未通过：现场仍有残留，请返工处理。', '去看了一下，问题还在，没有处理干净。', '第二天又出现了，请彻底处理。']

export function fixNote (categoryCode: string): string {
  return FIX_NOTES[categoryCode] ?? '现场已处置完毕。'
}

export function acceptNote (rng: Rng): string {
  return pick(rng, ACCEPT_NOTES)
}

export function rejectNote (rng: Rng): string {
  return pick(rng, REJECT_NOTES)
}
