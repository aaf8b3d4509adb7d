/**
 * A tiny EXIF reader, enough to check what a photo gives away: the orientation tag and the GPS position.
 * Takes the block sharp returns as `metadata().exif` ("Exif\0\0" + a TIFF structure). No dependency; used by
 * the photo tests and the photo benchmark to prove that GPS goes in and nothing comes out.
 */

export interface ExifSummary {
  /** IFD0 tag 0x0112, 1–8. */
  orientation?: number
  /** True when IFD0 points at a GPS IFD (tag 0x8825), whatever it holds. */
  hasGps: boolean
  /** Decimal degrees, when GPSLatitude/GPSLongitude (and their N/S, E/W refs) are present. */
  latitude?: number
  longitude?: number
}

const TAG_ORIENTATION = 0x0112
const TAG_GPS_IFD = 0x8825
const GPS_LAT_REF = 1
const GPS_LAT = 2
const GPS_LNG_REF = 3
const GPS_LNG = 4

interface Entry { tag: number; type: number; count: number; valueAt: number }

/** Reads an EXIF block; returns `{ hasGps: false }` for anything it cannot parse. */
export function readExif (exif: Uint8Array | undefined): ExifSummary {
  if (!exif || exif.length < 14) return { hasGps: false }
  const buf = Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength)
  const base = buf.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0
  const order = buf.toString('latin1', base, base + 2)
  if (order !== 'II' && order !== 'MM') return { hasGps: false }
  const le = order === 'II'
  const u16 = (at: number): number => (le ? buf.readUInt16LE(base + at) : buf.readUInt16BE(base + at))
  const u32 = (at: number): number => (le ? buf.readUInt32LE(base + at) : buf.readUInt32BE(base + at))
  const inside = (at: number, len: number): boolean => at >= 0 && base + at + len <= buf.length

  const entries = (ifd: number): Entry[] => {
    if (!inside(ifd, 2)) return []
    const n = u16(ifd)
    const out: Entry[] = []
    for (let i = 0; i < n && inside(ifd + 2 + i * 12, 12); i++) {
      const at = ifd + 2 + i * 12
      const type = u16(at + 2)
      const count = u32(at + 4)
      const size = (SIZES[type] ?? 1) * count
      out.push({ tag: u16(at), type, count, valueAt: size <= 4 ? at + 8 : u32(at + 8) })
    }
    return out
  }

  const summary: ExifSummary = { hasGps: false }
  const ifd0 = entries(u32(4))
  const orientation = ifd0.find((e) => e.tag === TAG_ORIENTATION)
  if (orientation && inside(orientation.valueAt, 2)) summary.orientation = u16(orientation.valueAt)
  const gpsPointer = ifd0.find((e) => e.tag === TAG_GPS_IFD)
  if (!gpsPointer) return summary
  summary.hasGps = true

  const gps = entries(u32(gpsPointer.valueAt))
  const ascii = (tag: number): string | undefined => {
    const e = gps.find((g) => g.tag === tag)
    return e && inside(e.valueAt, 1) ? buf.toString('latin1', base + e.valueAt, base + e.valueAt + 1) : undefined
  }
  const degrees = (tag: number): number | undefined => {
    const e = gps.find((g) => g.tag === tag)
    if (!e || e.type !== 5 || e.count !== 3 || !inside(e.valueAt, 24)) return undefined
    const part = (i: number): number => u32(e.valueAt + i * 8) / (u32(e.valueAt + i * 8 + 4) || 1)
    return part(0) + part(1) / 60 + part(2) / 3600
  }
  const lat = degrees(GPS_LAT)
  const lng = degrees(GPS_LNG)
  if (lat !== undefined) summary.latitude = ascii(GPS_LAT_REF) === 'S' ? -lat : lat
  if (lng !== undefined) summary.longitude = ascii(GPS_LNG_REF) === 'W' ? -lng : lng
  return summary
}

/** Bytes per value of each TIFF field type (1 BYTE … 12 DOUBLE). */
const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 }
