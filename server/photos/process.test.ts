import sharp from 'sharp'
import { AppError } from '../errors'
import { readExif } from './exif'
import { FIXTURE_GPS, noisyPixels, phoneJpeg } from './testing/fixtures'
import {
  MAX_INPUT_BYTES, MAX_LONG_EDGE, MAX_OUTPUT_BYTES, PHOTO_MESSAGES, THUMB_EDGE, processPhoto, type ProcessedPhoto
} from './process'

jest.setTimeout(30_000)

const longEdge = (m: sharp.Metadata): number => Math.max(m.width ?? 0, m.height ?? 0)

/** Everything a stripped photo must not carry. */
async function expectNoMetadata (jpeg: Buffer): Promise<sharp.Metadata> {
  const m = await sharp(jpeg).metadata()
  expect(m.format).toBe('jpeg')
  expect(m.exif).toBeUndefined()
  expect(m.xmp).toBeUndefined()
  expect(m.iptc).toBeUndefined()
  expect(m.icc).toBeUndefined()
  expect(m.orientation).toBeUndefined()
  expect(readExif(m.exif).hasGps).toBe(false)
  return m
}

const rejectsWith = (input: Uint8Array, message: string) =>
  expect(processPhoto(input)).rejects.toMatchObject({ code: 'VALIDATION', message })

/** A small PNG of raw noisy pixels (no metadata). */
const noisyPng = (width: number, height: number, noise: number) =>
  sharp(noisyPixels(width, height, noise, 7), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer()

describe('a 12-megapixel phone photo with GPS', () => {
  let input: Buffer
  let out: ProcessedPhoto

  beforeAll(async () => {
    input = await phoneJpeg({ width: 4000, height: 3000, gps: FIXTURE_GPS })
    out = await processPhoto(input)
  })

  it('really carries GPS and a realistic size going in', async () => {
    const m = await sharp(input).metadata()
    expect([m.width, m.height]).toEqual([4000, 3000])
    expect(input.length).toBeGreaterThan(3_000_000)
    expect(input.length).toBeLessThan(MAX_INPUT_BYTES)
    const exif = readExif(m.exif)
    expect(exif.hasGps).toBe(true)
    expect(exif.latitude).toBeCloseTo(FIXTURE_GPS.latitude, 3)
    expect(exif.longitude).toBeCloseTo(FIXTURE_GPS.longitude, 3)
  })

  it('comes out resized to the long-edge limit, under the byte budget, with no metadata at all', async () => {
    const m = await expectNoMetadata(out.image)
    expect(longEdge(m)).toBe(MAX_LONG_EDGE)
    expect([m.width, m.height]).toEqual([1600, 1200])
    expect([out.width, out.height]).toEqual([1600, 1200])
    expect(out.bytes).toBe(out.image.length)
    expect(out.bytes).toBeLessThanOrEqual(MAX_OUTPUT_BYTES)
    expect(out.image.includes(Buffer.from('FixtureCam'))).toBe(false)
  })

  it('has a small stripped thumbnail', async () => {
    const m = await expectNoMetadata(out.thumb)
    expect(longEdge(m)).toBe(THUMB_EDGE)
    expect(out.thumbBytes).toBe(out.thumb.length)
    expect(out.thumbBytes).toBeLessThan(out.bytes)
  })
})

describe('orientation, size and formats', () => {
  it('applies EXIF orientation 6: a landscape-stored portrait shot comes out upright', async () => {
    // Stored 400×300 with a red top-left quarter; orientation 6 means "rotate 90° clockwise to display".
    const input = await phoneJpeg({ width: 400, height: 300, orientation: 6, markTopLeft: true, noise: 4 })
    expect((await sharp(input).metadata()).orientation).toBe(6)
    const out = await processPhoto(input)
    const m = await expectNoMetadata(out.image)
    expect([m.width, m.height]).toEqual([300, 400])
    // after a clockwise quarter turn the stored top-left quarter sits top-right
    // (stats() reads its input, not the pipeline, so the extract is materialised first)
    const region = async (left: number, top: number) =>
      (await sharp(await sharp(out.image).extract({ left, top, width: 100, height: 150 }).toBuffer()).stats()).channels
    const topRight = await region(180, 20)
    const topLeft = await region(20, 20)
    expect(topRight[0].mean).toBeGreaterThan(200)
    expect(topRight[1].mean).toBeLessThan(60)
    expect(topLeft[0].mean).toBeLessThan(200)
  })

  it('never enlarges a small photo', async () => {
    const out = await processPhoto(await phoneJpeg({ width: 800, height: 600, gps: FIXTURE_GPS }))
    expect([out.width, out.height]).toEqual([800, 600])
    const thumb = await sharp(out.thumb).metadata()
    expect([thumb.width, thumb.height]).toEqual([256, 192])
  })

  it('accepts PNG with transparency and returns an opaque JPEG', async () => {
    const png = await sharp({ create: { width: 2400, height: 1800, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.4 } } })
      .png().toBuffer()
    const out = await processPhoto(png)
    const m = await expectNoMetadata(out.image)
    expect([m.width, m.height, m.channels, m.hasAlpha]).toEqual([1600, 1200, 3, false])
  })

  it('accepts WebP and AVIF', async () => {
    const base = sharp(noisyPixels(320, 240, 20, 3), { raw: { width: 320, height: 240, channels: 3 } })
    for (const input of [await base.clone().webp().toBuffer(), await base.clone().avif({ effort: 0 }).toBuffer()]) {
      const out = await processPhoto(input)
      expect([out.width, out.height]).toEqual([320, 240])
    }
  })

  it('steps quality down to fit the budget when detail is heavy', async () => {
    // this much detail is ~700 KB at mozjpeg quality 82, so only a lower quality fits at full size
    const out = await processPhoto(await noisyPng(1600, 1200, 60))
    expect(out.bytes).toBeLessThanOrEqual(MAX_OUTPUT_BYTES)
    expect([out.width, out.height]).toEqual([1600, 1200])
  })

  it('shrinks the picture when even the lowest quality is too big', async () => {
    const out = await processPhoto(await noisyPng(1600, 1200, 128))
    expect(out.bytes).toBeLessThanOrEqual(MAX_OUTPUT_BYTES)
    expect(out.width).toBeLessThan(1600)
    expect(out.width / out.height).toBeCloseTo(4 / 3, 2)
  })
})

describe('refusals', () => {
  it('refuses files over 10 MB before decoding anything', async () => {
    await rejectsWith(new Uint8Array(MAX_INPUT_BYTES + 1), PHOTO_MESSAGES.tooLarge)
    await expect(processPhoto(new Uint8Array(MAX_INPUT_BYTES + 1))).rejects.toBeInstanceOf(AppError)
  })

  it('refuses empty input and bytes that are not an image', async () => {
    await rejectsWith(new Uint8Array(0), PHOTO_MESSAGES.empty)
    const garbage = Buffer.from(noisyPixels(64, 64, 128, 9))
    await rejectsWith(garbage, PHOTO_MESSAGES.unsupported)
    await rejectsWith(Buffer.from('这不是图片'), PHOTO_MESSAGES.unsupported)
  })

  it('refuses SVG (a document, not a photo)', async () => {
    await rejectsWith(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), PHOTO_MESSAGES.unsupported)
  })

  it('refuses a header claiming absurd dimensions (decompression bomb)', async () => {
    const jpeg = await sharp(noisyPixels(64, 64, 20, 1), { raw: { width: 64, height: 64, channels: 3 } }).jpeg().toBuffer()
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08]))
    expect(sof).toBeGreaterThan(0)
    jpeg.writeUInt16BE(20_000, sof + 5) // height
    jpeg.writeUInt16BE(20_000, sof + 7) // width: 400 megapixels
    await rejectsWith(jpeg, PHOTO_MESSAGES.tooManyPixels)
  })

  it('refuses a truncated upload', async () => {
    const jpeg = await phoneJpeg({ width: 800, height: 600 })
    await rejectsWith(jpeg.subarray(0, Math.floor(jpeg.length / 3)), PHOTO_MESSAGES.broken)
  })

  it('HEIC: processed where libvips can decode HEVC, otherwise refused with how to fix it', async () => {
    // 64×48 HEIC written by ImageMagick/libheif (x265); sharp's prebuilt libvips reads its header but has no HEVC decoder.
    const heic = Buffer.from(HEIC_64x48, 'base64')
    const m = await sharp(heic).metadata()
    expect([m.format, m.compression]).toEqual(['heif', 'hevc'])
    const decodable = await sharp(heic).raw().toBuffer().then(() => true, () => false)
    if (decodable) expect((await processPhoto(heic)).width).toBe(64)
    else await rejectsWith(heic, PHOTO_MESSAGES.heic)
  })
})

const HEIC_64x48 =
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAaptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHOAAEAAAAAAAAAQAACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADVaXBycAAAALNpcGNvAAAAc2h2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACdCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprmwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAAEhtZGF0AAAAPCgBrxOA9WciYbd0/LwROw/gaKCDI5FrmiAooVo6pYHddnveVzzIS6m2RFqTCPdH3kxKUZfzH7MaHPOF4A=='
