import sharp from 'sharp'
import { readExif } from '../server/photos/exif'
import { FIXTURE_GPS, noisyPixels, phoneJpeg } from '../server/photos/testing/fixtures'
import { MAX_LONG_EDGE, MAX_OUTPUT_BYTES, processPhoto, type ProcessedPhoto } from '../server/photos/process'
import type { BenchResult } from './types'

/**
 * Photo benchmark: one 12-megapixel phone photo (4000×3000, detailed noisy content, quality 92, GPS in its EXIF)
 * through processPhoto, timed over RUNS runs after a warm-up. Also reports the output size and whether any GPS
 * survived (it must not). Downscaling averages that noise away, so the photo fits at the first quality tried;
 * `photos.process_ms_worst` times the slow path: a 1600×1200 picture of pure noise, which only fits after
 * stepping quality down and shrinking.
 */

const RUNS = 5
const WIDTH = 4000
const HEIGHT = 3000

async function timeRuns (runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn() // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return times
}

export async function benchPhotos (): Promise<BenchResult[]> {
  const input = await phoneJpeg({ width: WIDTH, height: HEIGHT, quality: 92, gps: FIXTURE_GPS })
  const inputGps = readExif((await sharp(input).metadata()).exif).hasGps
  if (!inputGps) throw new Error('photo bench fixture lost its GPS tag; the gps_left figure would prove nothing')

  let out!: ProcessedPhoto
  const times = await timeRuns(RUNS, async () => { out = await processPhoto(input) })
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  const meta = await sharp(out.image).metadata()
  const thumbMeta = await sharp(out.thumb).metadata()
  const gpsLeft = readExif(meta.exif).hasGps || readExif(thumbMeta.exif).hasGps || meta.exif !== undefined || thumbMeta.exif !== undefined

  const noise = await sharp(noisyPixels(1600, 1200, 128, 5), { raw: { width: 1600, height: 1200, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer()
  let worst!: ProcessedPhoto
  const worstTimes = await timeRuns(3, async () => { worst = await processPhoto(noise) })
  const worstMean = worstTimes.reduce((a, b) => a + b, 0) / worstTimes.length

  const inputMb = (input.length / 1024 / 1024).toFixed(1)
  const round = (x: number, digits = 1): number => Number(x.toFixed(digits))
  return [
    {
      name: 'photos.process_ms',
      value: round(mean),
      unit: 'ms',
      note: `mean of ${RUNS} runs (min ${round(Math.min(...times))}, max ${round(Math.max(...times))}) after 1 warm-up; ` +
        `${WIDTH}×${HEIGHT} JPEG q92, ${inputMb} MB, GPS-tagged → ${out.width}×${out.height} + thumb; target ≤ 1,500 ms`
    },
    {
      name: 'photos.output_kb',
      value: round(out.bytes / 1024),
      unit: 'KB',
      note: `image ${out.width}×${out.height} (long edge ≤ ${MAX_LONG_EDGE}), thumb ${round(out.thumbBytes / 1024)} KB; ` +
        `target ≤ ${MAX_OUTPUT_BYTES / 1024} KB`
    },
    {
      name: 'photos.gps_left',
      value: gpsLeft ? 1 : 0,
      unit: 'flag',
      note: 'input carries a GPS IFD; 1 if the output or thumbnail still has any EXIF or GPS; target 0'
    },
    {
      name: 'photos.process_ms_worst',
      value: round(worstMean),
      unit: 'ms',
      note: `mean of 3 runs after 1 warm-up; 1600×1200 pure noise (PNG, ${(noise.length / 1024 / 1024).toFixed(1)} MB) → ` +
        `${worst.width}×${worst.height}, ${round(worst.bytes / 1024)} KB after stepping quality down and shrinking; target ≤ 3,000 ms (default function timeout)`
    }
  ]
}
