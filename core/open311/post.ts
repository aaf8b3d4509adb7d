import { outOfChina, wgs84ToGcj02 } from '../geo/datum'
import { ringCentroid } from '../routing/geometry'
import type { Category, GcjPoint, Grid } from '../types'
import { attributesOf, checkAttributes } from './attributes'
import { param, type Params } from './query'
import { serviceCategory } from './services'
import type { Open311Error } from './types'

/**
 * POST requests' arguments (GeoReport v2) read into what a report needs. The partner's people stay with the partner:
 * email, first_name, last_name, phone, device_id and account_id are read by nobody and kept nowhere. media_url is
 * not taken either: a photo must be uploaded, checked and stripped of its EXIF before a ticket may show it, and a
 * link to someone else's server is none of those.
 */

export interface PostDraft {
  category: Category
  /** GCJ-02, as every point of ours. */
  location: GcjPoint
  /** What the partner wrote as the address (kept for the handler, never shown publicly). */
  address: string
  /** The partner's description with its attributes' text; the category's name when it sent none. */
  description: string
}

export type PostResult = { ok: true; draft: PostDraft } | { ok: false; error: Open311Error }

const fail = (code: number, description: string): PostResult => ({ ok: false, error: { code, description } })
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)

/** A decimal degree as partners write it: digits, an optional sign and point; nothing else (no 1e2, no hex). */
function degree (text: string): number | null {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null
}

/** The grid an address names: its 15-digit code (address_id, or the address itself), else the longest grid name in it. */
export function gridNamedBy (grids: readonly Grid[], address: string | undefined, addressId: string | undefined): Grid | undefined {
  for (const code of [addressId, address]) {
    const byCode = code ? grids.find((g) => g.code === code) : undefined
    if (byCode) return byCode
  }
  if (!address) return undefined
  let best: Grid | undefined
  for (const g of grids) if (g.name.length >= 2 && address.includes(g.name) && (!best || g.name.length > best.name.length)) best = g
  return best
}

/**
 * Check the arguments in the order the spec's errors are listed: service_code missing (400) or unknown (404), then
 * the location (lat and long in WGS-84, converted to GCJ-02; or an address naming one of our grids, whose centre is
 * used), then the attributes. Lengths are left to the report's own schema (reportInput), the one limit of the app.
 */
export function readPost (params: Params, categories: readonly Category[], grids: readonly Grid[]): PostResult {
  const code = param(params, 'service_code')
  if (code === undefined) return fail(400, '缺少 service_code：请先用 GET services.json 查到问题类别的编号')
  const category = serviceCategory(categories, code)
  if (!category) return fail(404, `没有这个 service_code「${clip(code)}」，或该类别已停用：可用的编号见 GET services.json`)

  const latText = param(params, 'lat')
  const longText = param(params, 'long')
  const address = param(params, 'address_string') ?? ''
  let location: GcjPoint
  if (latText !== undefined || longText !== undefined) {
    if (latText === undefined || longText === undefined) return fail(400, 'lat 和 long 要一起提供（WGS-84 经纬度）')
    const lat = degree(latText)
    const lng = degree(longText)
    if (lat !== null && lng !== null && (lat < -90 || lat > 90) && !outOfChina(lat, lng)) {
      return fail(400, `lat ${lat}、long ${lng} 看起来把纬度和经度写反了：lat 是纬度（中国约 4–54），long 是经度（中国约 73–135）`)
    }
    if (lat === null || lat < -90 || lat > 90) return fail(400, `lat「${clip(latText)}」不是有效的纬度：应为 -90 到 90 之间的十进制度数（WGS-84）`)
    if (lng === null || lng < -180 || lng > 180) return fail(400, `long「${clip(longText)}」不是有效的经度：应为 -180 到 180 之间的十进制度数（WGS-84）`)
    if (outOfChina(lng, lat)) return fail(400, `位置（lat ${lat}，long ${lng}）不在中国境内：请检查经纬度（WGS-84），以及是否把纬度和经度写反了`)
    const [gLng, gLat] = wgs84ToGcj02(lng, lat)
    location = { lng: gLng, lat: gLat }
  } else {
    const addressId = param(params, 'address_id')
    if (!address && addressId === undefined) return fail(400, '缺少位置：请提供 lat 和 long（WGS-84 经纬度），或 address_string')
    const grid = gridNamedBy(grids, address || undefined, addressId)
    const centre = grid ? ringCentroid(grid.polygon) : null
    if (!centre) {
      return fail(400, '无法根据地址确定位置：请提供 lat 和 long（WGS-84 经纬度），或在 address_string 里写明网格名称，或在 address_id 里写网格编码（15 位）')
    }
    location = centre
  }

  const attributes = checkAttributes(category, attributesOf(params))
  if (!attributes.ok) return { ok: false, error: attributes.error }
  const text = param(params, 'description') ?? ''
  const base = text || category.name
  const description = attributes.text ? `${base}（${attributes.text}）` : base
  return { ok: true, draft: { category, location, address, description } }
}
