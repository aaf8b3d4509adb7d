import type { Result } from '../../core/errors'
import { chinaWhen } from '../../core/volunteer/notices'
import type { VerifyView } from '../../core/volunteer/views'

/**
 * The public page a certificate's QR code opens (`/v/<number>?c=<code>`): plain server-made HTML, readable on any
 * phone without the app or JavaScript, showing only what the certificate states — or why it cannot be confirmed.
 */

const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const day = (iso: string | null) => (iso ? chinaWhen(iso).split(' ')[0] : '—')

const STYLE = `
body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#ededed;color:#1a1a1a}
main{max-width:640px;margin:0 auto;padding:16px}
h1{font-size:20px;margin:8px 0 16px}
.badge{display:block;padding:14px 16px;border-radius:8px;font-size:18px;font-weight:600;margin-bottom:16px}
.ok{background:#e3f4ea;color:#05612f;border:1px solid #06773b}
.bad{background:#fdeaea;color:#9b1c1c;border:1px solid #c93030}
section{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:12px}
h2{font-size:16px;margin:0 0 8px;color:#3d3d3d}
dl{display:grid;grid-template-columns:7em 1fr;gap:4px 8px;margin:0}
dt{color:#555}dd{margin:0}
table{width:100%;border-collapse:collapse;font-size:15px}th,td{text-align:left;padding:6px 4px;border-top:1px solid #e5e5e5}
form{display:grid;gap:8px}input{font-size:16px;padding:10px;border:1px solid #bbb;border-radius:6px;min-height:44px;box-sizing:border-box}
button{font-size:17px;min-height:48px;border:0;border-radius:6px;background:#06773b;color:#fff}
p.note{color:#555;font-size:14px}`

function page (title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><main><h1>志愿服务记录证明 · 在线核验</h1>${body}</main></body></html>`
}

function form (number: string, code: string): string {
  return `<section><h2>核验其他证明</h2><form method="get" action="/v/">
<label for="n">证明编号</label><input id="n" name="n" value="${esc(number)}" placeholder="如 ZZ2026-000123" autocomplete="off">
<label for="c">校验码（6 位）</label><input id="c" name="c" value="${esc(code)}" placeholder="证明上印的 6 位校验码" autocomplete="off">
<button type="submit">核验</button></form></section>`
}

export function verifyPage (number: string, code: string, result: Result<VerifyView> | null): string {
  if (result === null) return page('核验志愿服务记录证明', `<p class="note">请输入证明上的编号和校验码。</p>${form(number, code)}`)
  if (!result.ok) {
    return page('未能核验', `<div class="badge bad" role="status">未能核验：${esc(result.error.message)}</div>
<p class="note">请核对证明上的编号和 6 位校验码。如仍不能核验，该证明可能不是本平台出具的，请联系出具单位。</p>${form(number, code)}`)
  }
  const c = result.data.certificate
  const rows = c.records.map((r) => `<tr><td>${esc(day(r.date))}</td><td>${esc(r.title)}</td><td>${esc(r.hours)}${r.manual ? '（含补录）' : ''}</td></tr>`).join('')
  return page(`证明真实有效 ${c.number}`, `<div class="badge ok" role="status">✓ 证明真实有效</div>
<section><h2>志愿者身份</h2><dl><dt>姓名</dt><dd>${esc(c.realName)}</dd><dt>志愿者编号</dt><dd>${esc(c.volunteerNo)}</dd></dl></section>
<section><h2>服务情况</h2><dl><dt>服务时长</dt><dd>${esc(c.earnedHours + c.manualHours)} 小时（信用时长 ${esc(c.earnedHours)}，补录 ${esc(c.manualHours)}）</dd>
<dt>服务次数</dt><dd>${esc(c.serviceCount)} 次</dd><dt>服务期间</dt><dd>${esc(day(c.firstServiceAt))} 至 ${esc(day(c.lastServiceAt))}</dd>
<dt>服务领域</dt><dd>${esc(c.topics.join('、'))}</dd></dl>
${rows ? `<table><thead><tr><th>日期</th><th>服务内容</th><th>小时</th></tr></thead><tbody>${rows}</tbody></table>` : ''}</section>
<section><h2>出具单位</h2><dl><dt>单位</dt><dd>${esc(c.issuer.organisation)}</dd><dt>负责人</dt><dd>${esc(c.issuer.personInCharge)}</dd>
<dt>经办人</dt><dd>${esc(c.issuer.handler)}</dd><dt>联系电话</dt><dd>${esc(c.issuer.contact)}</dd></dl></section>
<section><h2>证明信息</h2><dl><dt>证明编号</dt><dd>${esc(c.number)}</dd><dt>出具日期</dt><dd>${esc(day(c.issuedAt))}</dd></dl></section>
<p class="note">本页只显示证明上载明的内容。核验时间：${esc(chinaWhen(new Date().toISOString()))}</p>`)
}
