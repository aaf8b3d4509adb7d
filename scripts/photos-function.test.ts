import { mkdtempSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type sharpType from 'sharp'
import { useFakeCloudbase } from '../server/adapters/cloudbase/testing/test-support'
import { readExif } from '../server/photos/exif'
import { MAX_LONG_EDGE, MAX_OUTPUT_BYTES, THUMB_EDGE } from '../server/photos/process'
import { noisyPixels, dms, FIXTURE_GPS } from '../server/photos/testing/fixtures'
import { buildFunctions } from './build-functions'

/*
 * The photos cloud function as CloudBase runs it: its built bundle (index.js), required from its own folder with its
 * dependencies beside it (node_modules, as `installDependency` puts them), called as the platform calls it, against
 * the faked CloudBase HTTP API — database, storage and WeChat's open API — so every request goes through the real SDK.
 * (That the same bundle loads in plain Node, outside Jest, is checked by build-functions.test.ts and deploy:check.)
 */
jest.setTimeout(90_000)

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string; message: string } }>

const t = useFakeCloudbase()
let main: Main
let sharp: typeof sharpType
let phonePhoto: Buffer
let saved: NodeJS.ProcessEnv

/** The context CloudBase hands a function called from the mini-program: the caller's OPENID inside `environment`. */
const fromPhone = (openid: string) => ({ environment: JSON.stringify({ WX_OPENID: openid }), request_id: 'req-1', function_name: 'photos' })

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'photos-fn-'))
  const [built] = await buildFunctions({ outRoot: out, names: ['photos'] })
  symlinkSync(join(__dirname, '..', 'node_modules'), join(out, 'photos', 'node_modules'), 'dir')
  const load = createRequire(built.file)
  main = (load(built.file) as { main: Main }).main
  sharp = load('sharp') as typeof sharpType // the very module the bundle uses
  // What the platform sets in the cloud, and the SDK reads: the function's environment (SCF_NAMESPACE) and its key.
  saved = { ...process.env }
  Object.assign(process.env, { SCF_NAMESPACE: 'test-env', TENCENTCLOUD_SECRETID: 'x', TENCENTCLOUD_SECRETKEY: 'y' })

  // A 12-megapixel phone photo with the GPS position in its EXIF.
  phonePhoto = await sharp(noisyPixels(4000, 3000, 20, 1), { raw: { width: 4000, height: 3000, channels: 3 } })
    .withMetadata({
      exif: {
        IFD0: { Make: 'FixtureCam', Model: 'Phone 1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(FIXTURE_GPS.latitude), GPSLongitudeRef: 'E', GPSLongitude: dms(FIXTURE_GPS.longitude) }
      }
    })
    .jpeg({ quality: 92 })
    .toBuffer()
})
afterAll(() => {
  for (const k of ['SCF_NAMESPACE', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']) if (saved[k] === undefined) delete process.env[k]
})

describe('the photos function bundle', () => {
  it('is given a photo that really carries GPS', async () => {
    const m = await sharp(phonePhoto).metadata()
    expect([m.width, m.height]).toEqual([4000, 3000])
    expect(readExif(m.exif)).toMatchObject({ hasGps: true })
    expect(readExif(m.exif).latitude).toBeCloseTo(FIXTURE_GPS.latitude, 3)
  })

  it('rewrites an upload: ≤ 1,600 px, ≤ 400 KB, no EXIF or GPS, a thumbnail; deletes the upload; checks and reviews the result', async () => {
    const upload = t.fake.putFile('uploads/lq2x-abc123.jpg', phonePhoto)
    const answer = await main({ fileId: upload }, fromPhone('o-photo-1'))
    expect(answer).toMatchObject({ ok: true, data: { review: 'pending' } })
    const { fileId, thumbId } = answer.data as { fileId: string; thumbId: string }

    expect(fileId).toMatch(/^cloud:\/\/test-env\.[\w-]+\/photos\/ph-[\w-]+\.jpg$/)
    const photo = t.fake.file(fileId)!
    const m = await sharp(photo).metadata()
    expect(m.exif).toBeUndefined()
    expect([m.xmp, m.icc, m.iptc, m.orientation]).toEqual([undefined, undefined, undefined, undefined])
    expect(readExif(m.exif).hasGps).toBe(false)
    expect(photo.includes(Buffer.from('FixtureCam'))).toBe(false)
    expect(Math.max(m.width!, m.height!)).toBe(MAX_LONG_EDGE)
    expect(photo.length).toBeLessThanOrEqual(MAX_OUTPUT_BYTES)

    const thumb = await sharp(t.fake.file(thumbId)!).metadata()
    expect(Math.max(thumb.width!, thumb.height!)).toBe(THUMB_EDGE)
    expect(thumb.exif).toBeUndefined()
    expect(t.fake.fileIds()).toEqual([fileId, thumbId].sort())

    // WeChat's image check got the processed photo (by a temporary URL), never the upload.
    const checks = t.fake.calls.filter((c) => c.action === 'wx.api').map((c) => c.data as { apiName: string; requestData: string })
    expect(checks.map((c) => c.apiName)).toEqual(['security.mediaCheckAsync'])
    expect(JSON.parse(checks[0].requestData)).toMatchObject({ media_type: 2, openid: 'o-photo-1', media_url: expect.stringContaining('/photos/ph-') })
    // Its review names the person who uploaded it, so reports.submit accepts this id from them alone.
    const [user] = t.fake.docs('users')
    expect(user).toMatchObject({ openid: 'o-photo-1' })
    expect(t.fake.docs('photo_reviews')).toEqual([expect.objectContaining({ _id: fileId, fileId, ownerId: user.id, status: 'pending', traceId: expect.stringMatching(/^trace-/) })])
  })

  it('answers a bad or missing upload in the one error shape, and refuses a call without a signed-in person', async () => {
    const bucket = t.fake.fileIdOf('')
    expect(await main({ fileId: `${bucket}uploads/missing.jpg` }, fromPhone('o-photo-2'))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '没有找到刚上传的照片，请重新上传' } })
    expect(await main({ fileId: `${bucket}photos/ph-1.jpg` }, fromPhone('o-photo-2'))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const upload = t.fake.putFile('uploads/x.jpg', phonePhoto)
    expect(await main({ fileId: upload }, { environment: JSON.stringify({}) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    // A desk's custom login counts only while a desk session of that person is live: here there is none.
    expect(await main({ fileId: upload }, { environment: JSON.stringify({ TCB_CUSTOM_USER_ID: 'u-nobody' }) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(t.fake.fileIds()).toEqual([upload])
    expect(t.fake.docs('photo_reviews')).toEqual([])
  })
})
