import type { Category, CategoryKind } from '../../core/types'

/**
 * Two-level case taxonomy after CJ/T 214-2016《数字化城市管理信息系统 部件和事件》: 大类 (level 1) and
 * 小类 (level 2) under 部件 (components: public facilities) and 事件 (events: disorder). The structure
 * and group names follow the standard; the numbers inside each group and the selection of 小类 are ours
 * (the most common 创文 cases), not a copy of the standard's tables. 部件 codes are '01'…'06' + 2 digits,
 * 事件 codes carry an 'E' prefix ('E02-01') so the two code spaces never collide.
 *
 * Time limits (工作时限) are demo defaults an admin edits: 2–4 h for hazards to life and traffic, 24–72 h
 * for ordinary cases, 120 h for minor ones. Anonymous reports are allowed except where verifying the
 * report needs the reporter's time window and contact (noise at night, building disputes): those cases are
 * common in neighbour quarrels, so they must be traceable (the reporter is still never shown publicly).
 */

type Row = [code: string, name: string, icon: string, hours: number, department: string, radiusM: number, anonymous?: boolean]

const GROUPS: Array<[kind: CategoryKind, code: string, name: string, icon: string]> = [
  ['component', '01', '公用设施', '🔧'],
  ['component', '02', '道路交通', '🚦'],
  ['component', '03', '市容环境', '🏙️'],
  ['component', '04', '园林绿化', '🌳'],
  ['component', '05', '房屋土地', '🏠'],
  ['component', '06', '其他设施', '🧩'],
  ['event', 'E01', '市容环境', '🧹'],
  ['event', 'E02', '宣传广告', '📢'],
  ['event', 'E03', '施工管理', '🏗️'],
  ['event', 'E04', '突发事件', '🚨'],
  ['event', 'E05', '街面秩序', '🛒'],
  ['event', 'E06', '市场监管', '🏪']
]

const ROWS: Row[] = [
  ['0101', '井盖破损或缺失', '🕳️', 2, '市政设施处', 30],
  ['0102', '路灯损坏', '💡', 48, '市政设施处', 50],
  ['0103', '消火栓损坏或漏水', '🧯', 24, '市政设施处', 50],
  ['0201', '道路破损', '🛣️', 72, '市政设施处', 50],
  ['0202', '交通信号灯或标志损坏', '🚥', 24, '交警大队', 50],
  ['0203', '道路护栏破损', '🚧', 48, '市政设施处', 50],
  ['0301', '垃圾桶破损满溢', '🗑️', 24, '环卫处', 30],
  ['0302', '公厕问题', '🚻', 24, '环卫处', 50],
  ['0303', '垃圾收集站脏乱', '♻️', 48, '环卫处', 50],
  ['0401', '行道树缺损', '🌲', 120, '园林局', 50],
  ['0402', '绿化护栏损坏', '🌿', 120, '园林局', 50],
  ['0501', '建筑外立面破损脱落', '🏚️', 4, '住建局', 50],
  ['0502', '闲置地块脏乱', '🏞️', 72, '街道办', 100],
  ['0601', '公共健身器材损坏', '🏋️', 72, '街道办', 50],
  ['0602', '宣传栏破损', '📋', 120, '街道办', 50],
  ['E01-01', '暴露垃圾', '🚮', 24, '环卫处', 50],
  ['E01-02', '积存垃圾渣土', '🚛', 48, '环卫处', 50],
  ['E01-03', '道路不洁', '🧹', 24, '环卫处', 50],
  ['E01-04', '绿地脏乱', '🍂', 48, '园林局', 50],
  ['E01-05', '污水冒溢', '💧', 4, '市政设施处', 50],
  ['E02-01', '非法小广告', '📄', 72, '城管局', 30],
  ['E02-02', '乱涂写乱张贴', '🖍️', 72, '城管局', 30],
  ['E02-03', '户外广告破损', '🪧', 72, '城管局', 50],
  ['E02-04', '违规悬挂横幅', '🎌', 72, '城管局', 50],
  ['E03-01', '施工扰民', '🔊', 24, '住建局', 100, false],
  ['E03-02', '施工围挡破损或无证施工', '🚧', 24, '住建局', 100],
  ['E03-03', '渣土车抛洒滴漏', '🚚', 12, '城管局', 100],
  ['E03-04', '违法建设', '🏗️', 120, '城管局', 50, false],
  ['E04-01', '道路积水', '🌊', 2, '市政设施处', 100],
  ['E04-02', '路面塌陷', '⚠️', 2, '市政设施处', 50],
  ['E04-03', '树木倒伏', '🌪️', 4, '园林局', 50],
  ['E05-01', '占道经营', '🛒', 24, '城管局', 50],
  ['E05-02', '店外经营', '🏪', 48, '城管局', 30],
  ['E05-03', '乱堆物料', '📦', 48, '城管局', 50],
  ['E05-04', '违章停车/共享单车乱停放', '🚲', 24, '交警大队', 50],
  ['E05-05', '消防通道占用', '🚒', 4, '消防救援大队', 50],
  ['E05-06', '噪音扰民', '📢', 24, '城管局', 100, false],
  ['E05-07', '乱晾晒', '👕', 120, '街道办', 30],
  ['E06-01', '无照游商', '🧺', 48, '市场监管局', 100],
  ['E06-02', '餐饮油烟扰民', '🍳', 72, '市场监管局', 50],
  ['E06-03', '农贸市场环境脏乱', '🥬', 48, '市场监管局', 100]
]

/** Level-2 parent code: '0101' → '01', 'E02-01' → 'E02'. */
export function parentCodeOf (code: string): string {
  return code.startsWith('E') ? code.slice(0, 3) : code.slice(0, 2)
}

export function categoryId (code: string): string {
  return `cat-${code}`
}

export function buildCategories (): Category[] {
  const out: Category[] = []
  for (const [kind, code, name, icon] of GROUPS) {
    // A group's own limits are the defaults a new 小类 starts from.
    out.push({
      id: categoryId(code), code, kind, level: 1, parentCode: null, name, icon,
      timeLimitHours: 72, department: '城管局', duplicateRadiusM: 50, allowAnonymous: true, active: true
    })
    for (const [c, n, i, hours, department, radiusM, anonymous] of ROWS) {
      if (parentCodeOf(c) !== code) continue
      out.push({
        id: categoryId(c), code: c, kind, level: 2, parentCode: code, name: n, icon: i,
        timeLimitHours: hours, department, duplicateRadiusM: radiusM, allowAnonymous: anonymous ?? true, active: true
      })
    }
  }
  return out
}
