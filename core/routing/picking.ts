/**
 * How exact a point picked on a map is. A tap lands a few pixels from where the finger meant, so the ground
 * error grows with the map's scale: at the offline map's fitted view (the whole district on a phone) one
 * pixel is ~70 m, more than most categories' duplicate radius. The nearby-duplicate search widens its radius
 * by this uncertainty, so a report tapped on its own spot is still offered.
 */

/** Metres per degree of latitude (and of longitude at the equator), as the duplicate prefilter uses. */
export const METRES_PER_DEGREE = 111_320

/** How many CSS px from the meant spot a tap lands, for a resident aiming at a spot they recognise. */
export const TAP_UNCERTAINTY_PX = 4

/**
 * The widest the duplicate search grows: past this a "nearby" report is no longer the same spot. Zooming in
 * brings the uncertainty below it (the map says so).
 */
export const MAX_PICK_UNCERTAINTY_M = 300

/** A place chosen from WeChat's place search (chooseLocation): a POI or a pin the resident placed, zoomed in. */
export const SEARCHED_PLACE_UNCERTAINTY_M = 30

/** Ground metres per CSS px of a north-up equirectangular view drawing `pxPerDegreeLat` px per degree of latitude. */
export function metresPerPixel (pxPerDegreeLat: number): number {
  return pxPerDegreeLat > 0 && Number.isFinite(pxPerDegreeLat) ? METRES_PER_DEGREE / pxPerDegreeLat : Infinity
}

/** Ground metres per CSS px of a Web-Mercator map with 256-px tiles (WeChat's <map>) at `zoom`, at latitude `lat`. */
export function mercatorMetresPerPixel (zoom: number, lat: number): number {
  const earthCircumferenceM = 2 * Math.PI * 6_378_137
  return (earthCircumferenceM * Math.cos((lat * Math.PI) / 180)) / (256 * 2 ** zoom)
}

/** How far (metres) a tap may land from the meant spot at this scale, capped at MAX_PICK_UNCERTAINTY_M. */
export function pickUncertaintyM (metresPerPx: number, px = TAP_UNCERTAINTY_PX): number {
  const m = metresPerPx * px
  if (!(m > 0)) return 0
  return Math.min(MAX_PICK_UNCERTAINTY_M, Math.round(m))
}

/** The nearby-duplicate search radius: the category's own radius widened by the point's uncertainty (capped). */
export function duplicateSearchRadiusM (radiusM: number, uncertaintyM = 0): number {
  const extra = Number.isFinite(uncertaintyM) && uncertaintyM > 0 ? Math.min(uncertaintyM, MAX_PICK_UNCERTAINTY_M) : 0
  return radiusM + extra
}
