import { mulberry32 } from '../../../core/prng'
import sharp from 'sharp'

/**
 * Synthetic phone photos for the photo tests and the photo benchmark: smooth waves plus seeded per-pixel noise,
 * so JPEG has real work to do (a flat colour compresses to nothing and proves nothing), tagged like a phone
 * would tag them: camera make, GPS position, and optionally an EXIF orientation.
 */

/** Seeded PRNG, so fixtures are the same on every run. */
export const seeded = mulberry32

export interface PhotoFixtureOptions {
  width: number
  height: number
  /** JPEG quality of the fixture itself; 92 is what phone cameras typically write. */
  quality?: number
  /** Noise amplitude (0–128); 20 gives ~4–5 MB for 12 MP at quality 92, like a real phone photo. */
  noise?: number
  seed?: number
  /** EXIF Orientation tag, e.g. 6 = "rotate 90° clockwise to display" (a portrait shot held upright). */
  orientation?: number
  /** Adds a GPS IFD with this position (decimal degrees, north/east). */
  gps?: { latitude: number; longitude: number }
  /** Paints the top-left quarter pure red, to see where it lands after auto-orientation. */
  markTopLeft?: boolean
}


/** Raw RGB pixels: waves + noise. */
export function noisyPixels (width: number, height: number, noise = 20, seed = 1): Buffer {
  const rand = seeded(seed)
  const raw = Buffer.alloc(width * height * 3)
  const k = (2 * noise) / 256
  let i = 0
  for (let y = 0; y < height; y++) {
    const cy = Math.cos(y / 53)
    for (let x = 0; x < width; x++) {
      const wave = 128 + 70 * Math.sin(x / 37 + y / 91) * cy
      const r = (rand() * 4294967296) >>> 0 // one draw, three bytes of noise
      for (let c = 0; c < 3; c++) {
        const v = wave + (c - 1) * 25 + (((r >>> (c * 8)) & 255) - 128) * k
        raw[i++] = v < 0 ? 0 : v > 255 ? 255 : v
      }
    }
  }
  return raw
}

/** Degrees → the EXIF rational triple "d/1 m/1 s/100". */
export function dms (deg: number): string {
  const d = Math.floor(deg)
  const m = Math.floor((deg - d) * 60)
  const s = Math.round(((deg - d) * 60 - m) * 60 * 100)
  return `${d}/1 ${m}/1 ${s}/100`
}

/** A JPEG as a phone camera would write it, metadata included. */
export async function phoneJpeg (o: PhotoFixtureOptions): Promise<Buffer> {
  const raw = noisyPixels(o.width, o.height, o.noise ?? 20, o.seed ?? 1)
  if (o.markTopLeft) {
    for (let y = 0; y < o.height / 2; y++) {
      for (let x = 0; x < o.width / 2; x++) {
        const i = (y * o.width + x) * 3
        raw[i] = 255; raw[i + 1] = 0; raw[i + 2] = 0
      }
    }
  }
  let img = sharp(raw, { raw: { width: o.width, height: o.height, channels: 3 } })
  // withMetadata is the only way sharp writes an Orientation tag (withExif's IFD0 Orientation is overridden).
  if (o.orientation) img = img.withMetadata({ orientation: o.orientation })
  img = img.withExif({
    IFD0: { Make: 'FixtureCam', Model: 'Phone 1', Software: 'fixtures.ts' },
    ...(o.gps
      ? {
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: dms(o.gps.latitude),
            GPSLongitudeRef: 'E',
            GPSLongitude: dms(o.gps.longitude)
          }
        }
      : {})
  })
  return img.jpeg({ quality: o.quality ?? 92 }).toBuffer()
}

/** A point in Changsha (28.1° N, 112.97° E): the position a leaked photo would give away. */
export const FIXTURE_GPS = { latitude: 28.1, longitude: 112.9666 }
