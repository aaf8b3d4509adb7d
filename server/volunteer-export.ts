import ExcelJS from 'exceljs'
import { chinaWhen } from '../core/volunteer/notices'
import type { RosterView } from '../core/volunteer/views'

const STATE: Record<string, string> = {
  waiting: '候补', offered: '候补转正待确认', booked: '已报名', in: '已签到', out: '已签退', no_show: '缺席', gone: '已取消'
}
const METHOD: Record<string, string> = { qr: '扫码', position: '定位', organizer: '组织者标记' }

/** The roster as the office files it: one row a person, hours split into 信用 and 补录, adjustments spelled out. */
export async function rosterWorkbook (view: RosterView, nowIso: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '文明共建'
  wb.created = new Date(nowIso)
  const ws = wb.addWorksheet('志愿者名单')
  const e = view.event
  ws.addRow([`${e.title}（${chinaWhen(e.startAt)}–${chinaWhen(e.endAt).slice(-5)}，${e.address}）`])
  ws.mergeCells(1, 1, 1, 12)
  ws.getRow(1).font = { bold: true, size: 13 }
  ws.addRow([`名额 ${e.capacity}，已报名 ${view.counts.confirmed}，候补 ${view.counts.waitlisted}，签到 ${view.counts.checkedIn}，缺席 ${view.counts.noShow}；导出于 ${chinaWhen(nowIso)}`])
  ws.mergeCells(2, 1, 2, 12)
  const header = ws.addRow(['序号', '姓名', '志愿者编号', '手机号', '状态', '签到时间', '签到方式', '签退时间', '信用时长(小时)', '补录时长(小时)', '时长确认', '调整记录'])
  header.font = { bold: true }
  view.entries.forEach((r, i) => {
    const s = r.signup
    ws.addRow([
      i + 1, r.name, r.volunteerNo ?? '', r.phone, STATE[r.attendance] ?? r.attendance,
      s.checkInAt ? chinaWhen(s.checkInAt) : '', s.checkInBy ? METHOD[s.checkInBy] : '',
      s.checkOutAt ? chinaWhen(s.checkOutAt) : '', s.earnedHours ?? '', s.manualHours ?? '',
      s.hoursConfirmedAt ? `已确认 ${chinaWhen(s.hoursConfirmedAt)}` : (s.earnedHours !== null ? '待确认' : ''),
      s.adjustments.map((a) => `${chinaWhen(a.at)} ${a.field === 'earned' ? '信用' : '补录'} ${a.from ?? 0}→${a.to}：${a.reason}`).join('；')
    ])
  })
  const widths = [6, 10, 14, 14, 12, 18, 10, 18, 14, 14, 22, 40]
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
