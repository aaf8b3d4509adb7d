import { wgs84ToGcj02 } from '../geo/datum'
import { aCategory, aGrid, aTicket } from '../testing/builders'
import { ticketNumber } from '../tickets/number'
import { attributesFor, attributesOf, checkAttributes, COMPONENT_ID, TIME_WINDOW } from './attributes'
import { looksLikeApiKey, keyRateBucket, keyView, partnerUser, shouldTouch, type PartnerKey } from './keys'
import { gridNamedBy, readPost } from './post'
import { listParam, param, parseRequestQuery, parseW3cDateTime, WINDOW_DAYS } from './query'
import { chinaIso, gridAddress, gridPoint, serviceNotice, statusNotes, statusOf, toOpen311Request } from './requests'
import { createdBody, definitionBody, errorsBody, requestsBody, servicesBody, xmlText } from './serialize'
import { groupNames, serviceCategory, serviceDefinition, serviceList } from './services'

const group = (o: Parameters<typeof aCategory>[0]) => aCategory({ level: 1, parentCode: null, ...o })
const CATEGORIES = [
  group({ id: 'c-03', code: '03', kind: 'component', name: '市容环境' }),
  group({ id: 'c-E01', code: 'E01', kind: 'event', name: '市容环境' }),
  group({ id: 'c-E05', code: 'E05', kind: 'event', name: '街面秩序' }),
  aCategory({ id: 'c-0301', code: '0301', kind: 'component', level: 2, parentCode: '03', name: '垃圾桶破损满溢', department: '环卫处', timeLimitHours: 24, allowAnonymous: true, active: true }),
  aCategory({ id: 'c-E01-01', code: 'E01-01', kind: 'event', level: 2, parentCode: 'E01', name: '暴露垃圾', department: '环卫处', timeLimitHours: 24, allowAnonymous: true, active: true }),
  aCategory({ id: 'c-E05-06', code: 'E05-06', kind: 'event', level: 2, parentCode: 'E05', name: '噪音扰民', department: '城管局', timeLimitHours: 24, allowAnonymous: false, active: true }),
  aCategory({ id: 'c-E05-07', code: 'E05-07', kind: 'event', level: 2, parentCode: 'E05', name: '乱晾晒', department: '街道办', timeLimitHours: 120, allowAnonymous: true, active: false })
]
const byCode = (code: string) => CATEGORIES.find((c) => c.code === code)!

describe('services', () => {
  it('lists active second-level categories by code, with the spec\'s fields and metadata as a boolean', () => {
    const list = serviceList(CATEGORIES)
    expect(list.map((s) => s.service_code)).toEqual(['0301', 'E01-01', 'E05-06'])
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'])
      expect(typeof s.metadata).toBe('boolean')
      expect(s.type).toBe('realtime')
    }
    expect(list[0]).toMatchObject({ service_name: '垃圾桶破损满溢', metadata: true, group: '市容环境（部件）' })
    expect(list[1]).toMatchObject({ metadata: false, group: '市容环境（事件）' })
    expect(list[2]).toMatchObject({ metadata: true, group: '街面秩序' })
    expect(list[2].keywords.split(', ')).toEqual(['噪音扰民', '街面秩序', '事件', '城管局'])
    expect(list[2].description).toContain('工作时限 24 小时')
  })

  it('adds the kind to a group name only where two groups share it', () => {
    expect(groupNames(CATEGORIES).get('E05')).toBe('街面秩序')
    expect(groupNames(CATEGORIES).get('03')).toBe('市容环境（部件）')
  })

  it('finds a service by code only if it can be reported', () => {
    expect(serviceCategory(CATEGORIES, 'E01-01')?.id).toBe('c-E01-01')
    expect(serviceCategory(CATEGORIES, 'E05-07')).toBeUndefined()
    expect(serviceCategory(CATEGORIES, 'E01')).toBeUndefined()
    expect(serviceCategory(CATEGORIES, 'nope')).toBeUndefined()
  })

  it('defines attributes from the category: 部件编号 for components, a required time window where real names are required', () => {
    expect(serviceDefinition(byCode('E01-01'))).toEqual({ service_code: 'E01-01', attributes: [] })
    const component = attributesFor(byCode('0301'))
    expect(component.map((a) => [a.code, a.datatype, a.required])).toEqual([[COMPONENT_ID, 'string', false]])
    const noise = attributesFor(byCode('E05-06'))
    expect(noise.map((a) => [a.code, a.datatype, a.required, a.order])).toEqual([[TIME_WINDOW, 'singlevaluelist', true, 2]])
    expect(noise[0].values.map((v) => v.key)).toEqual(['day', 'night', 'allday'])
    for (const a of [...component, ...noise]) {
      expect(Object.keys(a).sort()).toEqual(['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'values', 'variable'])
    }
  })
})

describe('attributes sent with a POST', () => {
  it('reads attribute[code]=v and attribute[code][]=v', () => {
    const sent = attributesOf([['attribute[a]', '1'], ['attribute[b][]', 'x'], ['attribute[b][]', 'y'], ['service_code', 'E01-01']])
    expect([...sent]).toEqual([['a', ['1']], ['b', ['x', 'y']]])
  })

  it('refuses a missing required attribute, a value outside its list, two values, an unknown code, a bad component id', () => {
    const noise = byCode('E05-06')
    const check = (pairs: Array<[string, string]>, c = noise) => checkAttributes(c, attributesOf(pairs))
    expect(check([])).toEqual({ ok: false, error: { code: 400, description: expect.stringContaining(`缺少必填属性 attribute[${TIME_WINDOW}]`) } })
    expect(check([[`attribute[${TIME_WINDOW}]`, '  ']])).toMatchObject({ ok: false, error: { code: 400 } })
    expect(check([[`attribute[${TIME_WINDOW}]`, 'evening']])).toEqual({ ok: false, error: { code: 400, description: expect.stringContaining('「evening」无效') } })
    expect(check([[`attribute[${TIME_WINDOW}][]`, 'day'], [`attribute[${TIME_WINDOW}][]`, 'night']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('只能填一个值') } })
    expect(check([[`attribute[${TIME_WINDOW}]`, 'night'], ['attribute[colour]', 'red']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('没有属性 attribute[colour]') } })
    expect(check([[`attribute[${COMPONENT_ID}]`, '井盖'], ['x', 'y']], byCode('0301'))).toMatchObject({ ok: false, error: { description: expect.stringContaining('部件编号') } })
    expect(check([['attribute[x]', '1']], byCode('E01-01'))).toMatchObject({ ok: false, error: { description: expect.stringContaining('不需要填写任何属性') } })
  })

  it('turns good values into the text kept in the description', () => {
    expect(checkAttributes(byCode('E05-06'), attributesOf([[`attribute[${TIME_WINDOW}]`, 'night']]))).toEqual({ ok: true, text: '发生时段：夜间（22–6 时）' })
    expect(checkAttributes(byCode('0301'), attributesOf([[`attribute[${COMPONENT_ID}]`, '0301-430111-000123']]))).toEqual({ ok: true, text: '部件编号：0301-430111-000123' })
    expect(checkAttributes(byCode('0301'), new Map())).toEqual({ ok: true, text: '' })
  })
})

describe('requests', () => {
  const grid = aGrid({ id: 'g-1', code: '430111001001001', name: '侯家塘街道·东塘社区·01网格', district: '雨花区', street: '侯家塘街道', community: '东塘社区' })

  it('writes instants in China time with the +08:00 offset', () => {
    expect(chinaIso('2026-11-20T02:00:00.000Z')).toBe('2026-11-20T10:00:00+08:00')
    expect(chinaIso('2026-12-31T17:30:05.999Z')).toBe('2027-01-01T01:30:05+08:00')
  })

  it('maps states to open/closed with Chinese status notes', () => {
    expect(['triage', 'dispatched', 'accepted', 'resolved', 'rework'].map((state) => statusOf({ state: state as never }))).toEqual(Array(5).fill('open'))
    expect(statusOf({ state: 'fixed' })).toBe('closed')
    expect(statusOf({ state: 'closed' })).toBe('closed')
    const base = { closeReason: null, overdue: false, deferral: null }
    expect(statusNotes({ ...base, state: 'accepted' })).toBe('处置中：网格员已受理，正在处置')
    expect(statusNotes({ ...base, state: 'accepted', overdue: true })).toBe('处置中：网格员已受理，正在处置（已超期）')
    expect(statusNotes({ ...base, state: 'closed', closeReason: 'referred' })).toBe('已关闭：非本部门职责（已转办）')
    expect(statusNotes({ ...base, state: 'closed', closeReason: 'duplicate' })).toContain('重复上报')
    expect(statusNotes({ ...base, state: 'fixed', closeReason: 'fixed', overdue: true })).toBe('已解决：问题已解决')
    const deferral = { at: '2026-11-01T00:00:00Z', by: 'u-admin', reason: '等待资金', originalDeadline: '2026-11-02T00:00:00Z', until: '2026-12-04T16:00:00.000Z' }
    expect(statusNotes({ ...base, state: 'dispatched', overdue: true, deferral })).toBe('已派遣：已派遣至网格员，等待受理（已批准缓办至12月5日）')
  })

  it('gives the grid\'s address and centre (WGS-84), never the reported point or address', () => {
    const point = gridPoint(grid)!
    // The builder's square grid: centre 120.165, 30.245 in GCJ-02; WGS-84 lies a few hundred metres away.
    const [gLng, gLat] = wgs84ToGcj02(point.long, point.lat)
    expect(gLng).toBeCloseTo(120.165, 5)
    expect(gLat).toBeCloseTo(30.245, 5)
    expect(gridAddress(grid)).toBe('雨花区 侯家塘街道·东塘社区·01网格')
    const t = aTicket({ id: 't-1', location: { lng: 120.1612345, lat: 30.2498765 }, address: '东塘路 12 号 3 栋', description: '垃圾桶满了', department: '环卫处', createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T03:00:00.000Z', deadline: '2026-11-21T02:00:00.000Z', state: 'dispatched' })
    const r = toOpen311Request(t, { category: byCode('0301'), grid, point, mediaUrl: null })
    expect(r).toEqual({
      service_request_id: ticketNumber(t), status: 'open', status_notes: '已派遣：已派遣至网格员，等待受理', service_name: '垃圾桶破损满溢', service_code: '0301',
      description: '垃圾桶满了', agency_responsible: '环卫处', service_notice: '工作时限 24 小时',
      requested_datetime: '2026-11-20T10:00:00+08:00', updated_datetime: '2026-11-20T11:00:00+08:00', expected_datetime: '2026-11-21T10:00:00+08:00',
      address: '雨花区 侯家塘街道·东塘社区·01网格', address_id: '430111001001001', zipcode: null, lat: point.lat, long: point.long, media_url: null
    })
    expect(JSON.stringify(r)).not.toMatch(/东塘路|120\.16123|30\.24987/)
  })

  it('dates a closed request by its closing, and has no place without a grid', () => {
    const t = aTicket({ state: 'closed', closeReason: 'invalid', closedAt: '2026-11-19T00:00:00.000Z', updatedAt: '2026-11-19T05:00:00.000Z', gridId: null })
    const r = toOpen311Request(t, { category: undefined, grid: undefined, point: null, mediaUrl: null })
    expect(r).toMatchObject({ status: 'closed', updated_datetime: '2026-11-19T08:00:00+08:00', address: null, address_id: null, lat: null, long: null, service_code: '', service_notice: null })
  })

  it('tells a partner who handles its report and by when', () => {
    const t = { state: 'dispatched' as const, deadline: '2026-11-21T02:00:00.000Z', department: '环卫处' }
    expect(serviceNotice(t, { timeLimitHours: 24 }, '东塘01网格')).toBe('已派遣至东塘01网格网格员处置；责任单位：环卫处，工作时限 24 小时，应于 2026年11月21日 10:00 前处理完毕。')
    expect(serviceNotice({ ...t, state: 'triage' }, { timeLimitHours: 24 }, null)).toMatch(/^位置不在任何网格内，已转文明办分拣/)
  })
})

describe('GET requests arguments', () => {
  const NOW = '2026-11-20T02:00:00.000Z'
  const known = new Set(['0301', 'E01-01'])
  const q = (pairs: Array<[string, string]>) => parseRequestQuery(pairs, NOW, known)

  it('reads W3C date-times with an offset, and nothing else', () => {
    expect(parseW3cDateTime('2026-11-01T00:00:00+08:00')).toBe('2026-10-31T16:00:00.000Z')
    expect(parseW3cDateTime('2026-11-01T00:00Z')).toBe('2026-11-01T00:00:00.000Z')
    expect(parseW3cDateTime('2026-11-01T00:00:00.5-05:00')).toBe('2026-11-01T05:00:00.500Z')
    for (const bad of ['2026-11-01', '2026-11-01T00:00:00', '2026-02-30T00:00:00Z', '2026-11-01T24:00:00Z', 'yesterday', '1700000000', '2026-11-01T00:00:00+15:00']) {
      expect({ bad, parsed: parseW3cDateTime(bad) }).toEqual({ bad, parsed: null })
    }
  })

  it('defaults to the 90 days up to now, or up to end_date', () => {
    expect(q([])).toEqual({ ok: true, query: { kind: 'window', fromIso: '2026-08-22T02:00:00.000Z', toIso: '2026-11-20T02:00:00.001Z', serviceCodes: null, statuses: null } })
    expect(q([['end_date', '2026-06-01T00:00:00Z']])).toMatchObject({ ok: true, query: { fromIso: '2026-03-03T00:00:00.000Z', toIso: '2026-06-01T00:00:00.001Z' } })
    expect(q([['start_date', '2026-11-01T00:00:00+08:00'], ['start_date', '']])).toMatchObject({ ok: true, query: { fromIso: '2026-10-31T16:00:00.000Z' } })
  })

  it('refuses a window over 90 days, start after end, bad dates, unknown codes and statuses, bad ids', () => {
    const refused = (pairs: Array<[string, string]>, text: string) => expect(q(pairs)).toEqual({ ok: false, error: { code: 400, description: expect.stringContaining(text) } })
    refused([['start_date', '2026-01-01T00:00:00Z']], `不能超过 ${WINDOW_DAYS} 天`)
    refused([['start_date', '2026-01-01T00:00:00Z'], ['end_date', '2026-06-01T00:00:00Z']], `不能超过 ${WINDOW_DAYS} 天`)
    refused([['start_date', '2026-06-01T00:00:00Z'], ['end_date', '2026-05-01T00:00:00Z']], '不能晚于 end_date')
    refused([['start_date', '2026-12-01T00:00:00Z']], '不能晚于现在')
    refused([['start_date', '2026-11-01']], 'start_date「2026-11-01」格式不对')
    refused([['end_date', 'tomorrow']], 'end_date「tomorrow」格式不对')
    refused([['service_code', '0301,nope']], '没有这个 service_code「nope」')
    refused([['status', 'open,pending']], 'status「pending」无效')
    refused([['service_request_id', '261120-7K3Q,abc']], '「abc」不是有效的案卷编号')
    refused([['service_request_id', Array.from({ length: 51 }, (_, i) => `2611${String(10 + (i % 18)).padStart(2, '0')}-7K${String(i).padStart(2, '0').replace(/0/g, 'A')}`).join(',')]], '一次最多 50 个')
  })

  it('reads comma lists once each; service_request_id overrides the rest', () => {
    expect(q([['service_code', '0301, E01-01'], ['service_code', '0301'], ['status', 'closed']])).toMatchObject({ ok: true, query: { serviceCodes: ['0301', 'E01-01'], statuses: ['closed'] } })
    const ids = q([['service_request_id', '261120-7k3q, 261120-7K3Q'], ['start_date', 'junk']])
    expect(ids).toEqual({ ok: true, query: { kind: 'ids', numbers: [expect.objectContaining({ number: '261120-7K3Q' })] } })
    expect(param([['a', ' x '], ['a', '']], 'a')).toBe('x')
    expect(listParam([['a', ',,']], 'a')).toBeUndefined()
  })
})

describe('POST requests arguments', () => {
  const grid = aGrid({ id: 'g-1', code: '430111001001001', name: '侯家塘街道·东塘社区·01网格' })
  const grids = [grid, aGrid({ id: 'g-2', code: '430111001001002', name: '东塘' })]
  const post = (pairs: Array<[string, string]>) => readPost(pairs, CATEGORIES, grids)

  it('refuses in the spec\'s order: service_code missing 400, unknown 404, then the location', () => {
    expect(post([['lat', '30.24'], ['long', '120.16']])).toMatchObject({ ok: false, error: { code: 400, description: expect.stringContaining('缺少 service_code') } })
    expect(post([['service_code', 'nope']])).toMatchObject({ ok: false, error: { code: 404 } })
    expect(post([['service_code', 'E05-07'], ['lat', '30.24'], ['long', '120.16']])).toMatchObject({ ok: false, error: { code: 404, description: expect.stringContaining('已停用') } })
    expect(post([['service_code', 'E01-01']])).toMatchObject({ ok: false, error: { code: 400, description: expect.stringContaining('缺少位置') } })
    expect(post([['service_code', 'E01-01'], ['lat', '30.24']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('要一起提供') } })
    expect(post([['service_code', 'E01-01'], ['lat', '91'], ['long', '120']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('不是有效的纬度') } })
    expect(post([['service_code', 'E01-01'], ['lat', '30'], ['long', '1e2']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('不是有效的经度') } })
    expect(post([['service_code', 'E01-01'], ['lat', '120.16'], ['long', '30.24']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('看起来把纬度和经度写反了') } })
    expect(post([['service_code', 'E01-01'], ['lat', '40.7'], ['long', '-74.0']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('不在中国境内') } })
    expect(post([['service_code', 'E01-01'], ['address_string', '火星路 1 号']])).toMatchObject({ ok: false, error: { description: expect.stringContaining('无法根据地址确定位置') } })
  })

  it('converts lat/long from WGS-84 to GCJ-02 and keeps the address the partner wrote', () => {
    const r = post([['service_code', 'E01-01'], ['lat', '30.242'], ['long', '120.161'], ['address_string', '东塘路 12 号'], ['description', '路边一堆垃圾'], ['phone', '13800000000']])
    if (!r.ok) throw new Error(r.error.description)
    const [lng, lat] = wgs84ToGcj02(120.161, 30.242)
    expect(r.draft).toEqual({ category: byCode('E01-01'), location: { lng, lat }, address: '东塘路 12 号', description: '路边一堆垃圾' })
  })

  it('places an address-only report at the centre of the grid it names (code, or the longest name in it)', () => {
    expect(gridNamedBy(grids, '侯家塘街道·东塘社区·01网格 门口', undefined)?.id).toBe('g-1')
    expect(gridNamedBy(grids, '东塘某处', undefined)?.id).toBe('g-2')
    expect(gridNamedBy(grids, 'x', '430111001001001')?.id).toBe('g-1')
    const r = post([['service_code', 'E01-01'], ['address_id', '430111001001001']])
    expect(r).toMatchObject({ ok: true, draft: { description: '暴露垃圾' } })
    if (!r.ok) return
    expect(r.draft.location.lng).toBeCloseTo(120.165, 9)
    expect(r.draft.location.lat).toBeCloseTo(30.245, 9)
  })

  it('checks the attributes and keeps their text in the description', () => {
    const base: Array<[string, string]> = [['service_code', 'E05-06'], ['lat', '30.242'], ['long', '120.161'], ['description', '半夜施工']]
    expect(post(base)).toMatchObject({ ok: false, error: { code: 400, description: expect.stringContaining('缺少必填属性') } })
    expect(post([...base, ['attribute[time_window]', 'night']])).toMatchObject({ ok: true, draft: { description: '半夜施工（发生时段：夜间（22–6 时））' } })
  })
})

describe('bodies', () => {
  it('escapes XML text and drops what XML cannot carry', () => {
    expect(xmlText('a<b>&"c"\'d\'')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;')
    expect(xmlText('x\u0000\u0008y\tz\n\u001f\uFFFE😀\uD800!')).toBe('xy\tz\n😀!')
  })

  it('writes services, a definition, requests, a created answer and errors in JSON and XML', () => {
    const services = serviceList(CATEGORIES)
    expect(JSON.parse(servicesBody(services, 'json'))).toEqual(services)
    const xml = servicesBody(services, 'xml')
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>0301</service_code>')).toBe(true)
    expect(xml).toContain('<metadata>true</metadata>')
    expect(xml.match(/<service>/g)).toHaveLength(3)
    const def = definitionBody(serviceDefinition(byCode('E05-06')), 'xml')
    expect(def).toContain('<service_definition><service_code>E05-06</service_code><attributes><attribute><variable>true</variable><code>time_window</code>')
    expect(def).toContain('<datatype_description/>')
    expect(def).toContain('<values><value><key>day</key><name>白天（6–22 时）</name></value>')
    expect(definitionBody(serviceDefinition(byCode('E01-01')), 'xml')).toContain('<attributes></attributes>')
    expect(requestsBody([], 'xml')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>\n')
    expect(createdBody([{ service_request_id: '261120-7K3Q', service_notice: '<已派遣>', account_id: null }], 'xml'))
      .toContain('<request><service_request_id>261120-7K3Q</service_request_id><service_notice>&lt;已派遣&gt;</service_notice><account_id/></request>')
    expect(JSON.parse(errorsBody([{ code: 400, description: '缺少 service_code' }], 'json'))).toEqual([{ code: 400, description: '缺少 service_code' }])
    expect(errorsBody([{ code: 403, description: 'a&b' }], 'xml')).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>403</code><description>a&amp;b</description></error></errors>\n')
  })
})

describe('keys', () => {
  it('recognises the key format before any lookup', () => {
    expect(looksLikeApiKey(`o311_${'A'.repeat(43)}`)).toBe(true)
    expect(looksLikeApiKey(`o311_${'A'.repeat(42)}`)).toBe(false)
    expect(looksLikeApiKey(`x311_${'A'.repeat(43)}`)).toBe(false)
  })

  it('counts a key\'s calls per clock minute and records last use at most once a minute', () => {
    expect(keyRateBucket('k1', '2026-11-20T02:00:59.999Z')).toEqual({ key: `rl:o311:m:k1:${Date.parse('2026-11-20T02:00:00Z')}`, resetsAt: '2026-11-20T02:01:00.000Z' })
    expect(shouldTouch(null, '2026-11-20T02:00:00Z')).toBe(true)
    expect(shouldTouch('2026-11-20T02:00:00Z', '2026-11-20T02:00:59Z')).toBe(false)
    expect(shouldTouch('2026-11-20T02:00:00Z', '2026-11-20T02:01:00Z')).toBe(true)
  })

  it('files as a citizen whose openid neither WeChat nor the dev login can produce, and lists keys without their hash', () => {
    const u = partnerUser('o311k-1', '区12345热线', 'u-o311k-1', '2026-11-20T02:00:00Z')
    expect(u).toMatchObject({ id: 'u-o311k-1', openid: 'open311:o311k-1', nickname: '对接系统：区12345热线', roles: ['citizen'] })
    expect(u.openid).not.toMatch(/^[\w-]+$/)
    const k: PartnerKey = { id: 'o311k-1', name: 'x', hash: 'h'.repeat(64), userId: 'u', createdAt: 'c', createdBy: 'a', lastUsedAt: null, revokedAt: null, revokedBy: null }
    expect(keyView(k)).not.toHaveProperty('hash')
  })
})
