import sharp from 'sharp'
import { AppError } from '../errors'

/**
 * Server-side photo processing for reports (DOMAIN "Photos"): phones compress unreliably, so every upload is
 * auto-oriented, resized to a sane size, re-encoded as JPEG under a byte budget, stripped of ALL metadata
 * (EXIF, GPS above all, XMP, IPTC, ICC) and given a thumbnail.
 *
 * Metadata: sharp writes none unless keepMetadata/keepExif/withMetadata/withExif is called, and the pixels
 * go through a raw buffer here, so nothing from the input can reach the output (tested on GPS-tagged input).
 */

export const MAX_INPUT_BYTES = 10 * 1024 * 1024
/** Decompression-bomb guard: a 100-megapixel image already needs ~300 MB decoded. */
export const MAX_INPUT_PIXELS = 100_000_000
export const MAX_LONG_EDGE = 1600
export const MAX_OUTPUT_BYTES = 400 * 1024
export const THUMB_EDGE = 256

/** Quality ladder at full size; mozjpeg at 82 is visually clean, 50 is the lowest we accept before shrinking. */
const QUALITIES = [82, 74, 66, 58, 50]
/** When even quality 50 is too big: shrink the long edge by at least this factor per try. */
const SHRINK = 0.8
const MIN_LONG_EDGE = 320
const THUMB_QUALITY = 70

/** Formats we accept. 'gif' uses its first frame; 'heif' covers AVIF always and HEIC only when libvips was built with an HEVC decoder. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif'])

export const PHOTO_MESSAGES = {
  tooLarge: '图片不能超过 10 MB，请压缩后再上传',
  empty: '没有收到图片，请重新选择后再上传',
  unsupported: '只能上传 JPG、PNG、WebP 或 GIF 图片，请换一张再试',
  heic: '暂不支持 HEIC 格式的照片，请在相机设置里选择“兼容性最佳”，或转成 JPG 后再上传',
  tooManyPixels: '图片尺寸太大（超过 1 亿像素），请裁剪或缩小后再上传',
  broken: '图片已损坏或没有传完整，请重新拍摄或选择后再上传'
} as const

export interface ProcessedPhoto {
  /** JPEG, long edge ≤ MAX_LONG_EDGE, ≤ MAX_OUTPUT_BYTES, no metadata. */
  image: Buffer
  /** JPEG, long edge ≤ THUMB_EDGE, no metadata. */
  thumb: Buffer
  width: number
  height: number
  bytes: number
  thumbBytes: number
}

interface Pixels { data: Buffer; width: number; height: number }

const invalid = (message: string): AppError => new AppError('VALIDATION', message)

/** Validates, orients, resizes, strips and re-encodes one uploaded photo. Throws AppError('VALIDATION') for bad input. */
export async function processPhoto (input: Uint8Array): Promise<ProcessedPhoto> {
  if (input.byteLength === 0) throw invalid(PHOTO_MESSAGES.empty)
  if (input.byteLength > MAX_INPUT_BYTES) throw invalid(PHOTO_MESSAGES.tooLarge)

  const pixels = await decode(input)
  const image = await encodeWithinBudget(pixels)
  const thumb = await fromRaw(pixels)
    .resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
    .toBuffer()
  return { image: image.data, thumb, width: image.width, height: image.height, bytes: image.data.length, thumbBytes: thumb.length }
}

/** Header check, then one decode: EXIF orientation applied, long edge ≤ MAX_LONG_EDGE, sRGB, alpha flattened on white. */
async function decode (input: Uint8Array): Promise<Pixels> {
  // failOn 'error' (not sharp's default 'warning'): phone JPEGs often carry harmless warnings; real damage still fails.
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const }
  let meta: sharp.Metadata
  try {
    meta = await sharp(input, options).metadata()
  } catch (e) {
    throw invalid(/pixel limit/i.test(String(e)) ? PHOTO_MESSAGES.tooManyPixels : PHOTO_MESSAGES.unsupported)
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw invalid(PHOTO_MESSAGES.unsupported)
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) throw invalid(PHOTO_MESSAGES.tooManyPixels)

  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({ width: MAX_LONG_EDGE, height: MAX_LONG_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
    if (info.channels !== 3 || data.length !== info.width * info.height * 3) throw new Error('unexpected pixel layout')
    return { data, width: info.width, height: info.height }
  } catch (e) {
    if (meta.format === 'heif' && meta.compression === 'hevc') throw invalid(PHOTO_MESSAGES.heic)
    if (/pixel limit/i.test(String(e))) throw invalid(PHOTO_MESSAGES.tooManyPixels)
    throw invalid(PHOTO_MESSAGES.broken)
  }
}

/**
 * Steps quality down, then size, until the JPEG fits MAX_OUTPUT_BYTES. mozjpeg (trellis quantisation) is ~25 %
 * smaller than plain libjpeg but 5–20× slower on detailed pictures, so it encodes only candidates: the first try
 * at the top quality (enough for ordinary photos), then whichever quality or size plain-libjpeg sizes, scaled by
 * the mozjpeg/libjpeg ratio just measured, predict will fit. Pure noise at 1600×1200 takes ~1.2 s (bench).
 */
async function encodeWithinBudget (full: Pixels): Promise<Pixels> {
  const first = await encode(full, QUALITIES[0], true)
  if (first.data.length <= MAX_OUTPUT_BYTES) return first
  const ratio = first.data.length / (await encode(full, QUALITIES[0], false)).data.length

  const quality = QUALITIES[QUALITIES.length - 1]
  let estimate = Infinity
  for (const q of QUALITIES.slice(1)) {
    estimate = (await encode(full, q, false)).data.length * ratio
    // mozjpeg's edge grows at low quality, so the last step is tried on a looser prediction
    if (estimate > MAX_OUTPUT_BYTES * (q === quality ? 1.25 : 0.97)) continue
    const out = await encode(full, q, true)
    if (out.data.length <= MAX_OUTPUT_BYTES) return out
    estimate = out.data.length
  }

  // Even the lowest quality is too big: bytes scale roughly with area, so aim the long edge at the budget.
  let edge = Math.max(full.width, full.height)
  edge = Math.floor(edge * Math.min(SHRINK, Math.sqrt((MAX_OUTPUT_BYTES * 0.9) / estimate)))
  for (;;) {
    edge = Math.max(MIN_LONG_EDGE, edge)
    const out = await encode(await shrink(full, edge), quality, true)
    if (out.data.length <= MAX_OUTPUT_BYTES || edge === MIN_LONG_EDGE) return out
    edge = Math.floor(edge * SHRINK)
  }
}

const fromRaw = (p: Pixels): sharp.Sharp => sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })

async function shrink (p: Pixels, edge: number): Promise<Pixels> {
  const { data, info } = await fromRaw(p).resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

async function encode (p: Pixels, quality: number, mozjpeg: boolean): Promise<Pixels> {
  const { data, info } = await fromRaw(p).jpeg({ quality, mozjpeg }).toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}
