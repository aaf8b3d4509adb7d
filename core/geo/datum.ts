/**
 * WGS-84 ↔ GCJ-02 (国测局坐标, "Mars coordinates").
 *
 * GCJ-02 is the datum every map shown in China uses (WeChat, Tencent, Amap), and the one our grids are stored
 * in (core/types.ts DATUM). GPS receivers, survey offices and most GIS exports give WGS-84 (or CGCS2000,
 * which agrees with WGS-84 to a few centimetres). The forward conversion below is the widely published one
 * (the formula behind eviltransform, coordtransform and others): a fixed offset function evaluated on the
 * Krasovsky 1940 ellipsoid. Outside China's bounding box it is the identity, as in those libraries.
 *
 * There is no closed-form inverse, so `gcj02ToWgs84` iterates: the offset changes slowly (its Jacobian is
 * close to the identity), so a fixed-point iteration converges to ~1e-12° in a few steps.
 */

/** [lng, lat] in degrees, GeoJSON order. */
export type LngLat = [number, number]

/** Krasovsky 1940 semi-major axis (m) and first eccentricity squared, as in the published conversion. */
const A = 6378245.0
const EE = 0.00669342162296594323
const PI = Math.PI

/**
 * The usual box around China used by the published conversion: outside it, coordinates are left alone.
 * Coarse on purpose (it includes parts of neighbouring countries); grids are checked against it only to
 * catch swapped or wrong-datum coordinates, not to draw borders.
 */
export const CHINA_BOX = { minLng: 72.004, maxLng: 137.8347, minLat: 0.8293, maxLat: 55.8271 } as const

export function outOfChina (lng: number, lat: number): boolean {
  return lng < CHINA_BOX.minLng || lng > CHINA_BOX.maxLng || lat < CHINA_BOX.minLat || lat > CHINA_BOX.maxLat
}

function transformLat (x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0
  ret += (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2.0 / 3.0
  ret += (160.0 * Math.sin(y / 12.0 * PI) + 320.0 * Math.sin(y * PI / 30.0)) * 2.0 / 3.0
  return ret
}

function transformLng (x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0
  ret += (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2.0 / 3.0
  ret += (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2.0 / 3.0
  return ret
}

/** The GCJ-02 offset (degrees) at a WGS-84 point inside China. */
function offset (lng: number, lat: number): LngLat {
  let dLat = transformLat(lng - 105.0, lat - 35.0)
  let dLng = transformLng(lng - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI)
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * PI)
  return [dLng, dLat]
}

/** WGS-84 → GCJ-02. Identity outside China's box (and for non-finite input, which the caller must reject). */
export function wgs84ToGcj02 (lng: number, lat: number): LngLat {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || outOfChina(lng, lat)) return [lng, lat]
  const [dLng, dLat] = offset(lng, lat)
  return [lng + dLng, lat + dLat]
}

/** How close the inverse must bring the forward image to the input, degrees (~0.1 µm). */
const INVERSE_EPS_DEG = 1e-12
const INVERSE_MAX_STEPS = 30

/**
 * GCJ-02 → WGS-84 by fixed-point iteration on the forward conversion: w ← w − (forward(w) − g). Error well
 * below 1e-6° (usually < 1e-10°). Identity outside China's box, like the forward conversion.
 */
export function gcj02ToWgs84 (lng: number, lat: number): LngLat {
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || outOfChina(lng, lat)) return [lng, lat]
  let wLng = lng
  let wLat = lat
  for (let i = 0; i < INVERSE_MAX_STEPS; i++) {
    const [gLng, gLat] = wgs84ToGcj02(wLng, wLat)
    const eLng = gLng - lng
    const eLat = gLat - lat
    if (Math.abs(eLng) < INVERSE_EPS_DEG && Math.abs(eLat) < INVERSE_EPS_DEG) break
    wLng -= eLng
    wLat -= eLat
  }
  return [wLng, wLat]
}
