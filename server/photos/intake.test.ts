import sharp from 'sharp'
import { ringCentroid } from '../../core/routing'
import { readAll } from '../paging'
import { PHOTO_CHECK_MESSAGES } from '../photo-check'
import type { ContentCheck } from '../ports/content-check'
import type { PhotoStorage } from '../ports/photo-storage'
import { ok, openTestApp, type TestApp } from '../testing/app'
import { readExif } from './exif'
import { INTAKE_MESSAGES, photoIntakeInput, takeInPhoto } from './intake'
import { PHOTO_MESSAGES } from './process'
import { FIXTURE_GPS, phoneJpeg } from './testing/fixtures'

const BUCKET = 'cloud://env-1.7465-env-1-1250000000/'

/** CloudBase storage in memory: ids are `cloud://<bucket>/<path>`, as the service writes them. */
function memoryStorage (): PhotoStorage & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>()
  return {
    files,
    read: async (id) => files.get(id) ?? null,
    write: async (path, bytes) => { files.set(BUCKET + path, bytes); return BUCKET + path },
    remove: async (ids) => { for (const id of ids) files.delete(id) }
  }
}

/** Like WeChat: every image is 'review' with a trace id, unless its id is in `refuse`. */
function imageCheck (refuse: Set<string> = new Set()): ContentCheck & { submitted: string[] } {
  const submitted: string[] = []
  return {
    submitted,
    checkText: async () => 'pass',
    submitImage: async (fileId) => {
      submitted.push(fileId)
      return refuse.has('*') ? { verdict: 'reject', traceId: null } : { verdict: 'review', traceId: `trace-${submitted.length}` }
    }
  }
}

let app: TestApp
let storage: ReturnType<typeof memoryStorage>
let check: ReturnType<typeof imageCheck>
let gpsJpeg: Buffer

beforeAll(async () => { gpsJpeg = await phoneJpeg({ width: 2000, height: 1500, gps: FIXTURE_GPS }) })
beforeEach(async () => {
  check = imageCheck()
  app = await openTestApp({ contentCheck: check })
  storage = memoryStorage()
})
afterEach(() => app.close())

const citizen = async () => (await app.store.getUserByOpenid('dev-citizen'))!
const upload = (name: string, bytes: Uint8Array = gpsJpeg) => { storage.files.set(`${BUCKET}uploads/${name}`, bytes); return `${BUCKET}uploads/${name}` }

describe('taking in an upload', () => {
  it('stores a stripped, resized photo and its thumbnail, deletes the upload and records a pending review for its uploader', async () => {
    const me = await citizen()
    const raw = upload('a.jpg')
    const taken = await takeInPhoto(app.deps, storage, me, raw)

    expect(taken.fileId).toMatch(/^cloud:\/\/.+\/photos\/ph-[\w-]+\.jpg$/)
    expect(taken.thumbId).toBe(taken.fileId.replace(/\.jpg$/, '.thumb.jpg'))
    expect([...storage.files.keys()].sort()).toEqual([taken.fileId, taken.thumbId].sort())
    const m = await sharp(Buffer.from(storage.files.get(taken.fileId)!)).metadata()
    expect([m.width, m.height, m.exif, m.icc, m.xmp]).toEqual([1600, 1200, undefined, undefined, undefined])
    expect(readExif(m.exif).hasGps).toBe(false)
    expect(Math.max((await sharp(Buffer.from(storage.files.get(taken.thumbId)!)).metadata()).width!)).toBe(256)
    expect(taken).toMatchObject({ width: 1600, height: 1200, review: 'pending' })

    expect(check.submitted).toEqual([taken.fileId])
    expect(await app.store.getPhotoReviews([taken.fileId])).toEqual([{ fileId: taken.fileId, ownerId: me.id, status: 'pending', traceId: 'trace-1', at: app.clock.now() }])
  })

  it('takes ids from the upload folder only', () => {
    expect(photoIntakeInput.safeParse({ fileId: `${BUCKET}uploads/x-1.jpg` }).success).toBe(true)
    for (const fileId of [`${BUCKET}photos/ph-1.jpg`, `${BUCKET}uploads/../photos/p.jpg`, 'uploads/x.jpg', `${BUCKET}uploads/`, 42]) {
      expect({ fileId, ok: photoIntakeInput.safeParse({ fileId }).success }).toEqual({ fileId, ok: false })
    }
  })

  it('refuses an upload that is not there, and one that is no image — deleting it all the same', async () => {
    const me = await citizen()
    await expect(takeInPhoto(app.deps, storage, me, `${BUCKET}uploads/gone.jpg`)).rejects.toMatchObject({ code: 'VALIDATION', message: INTAKE_MESSAGES.missing })
    const broken = upload('broken.jpg', Buffer.from('这不是图片'))
    await expect(takeInPhoto(app.deps, storage, me, broken)).rejects.toMatchObject({ code: 'VALIDATION', message: PHOTO_MESSAGES.unsupported })
    expect([...storage.files.keys()]).toEqual([])
    expect(check.submitted).toEqual([])
  })

  it('deletes the upload and the processed files when the content check refuses the photo, and records nothing', async () => {
    check = imageCheck(new Set(['*']))
    app.deps.contentCheck = check
    await expect(takeInPhoto(app.deps, storage, await citizen(), upload('bad.jpg'))).rejects.toMatchObject({ code: 'VALIDATION', message: INTAKE_MESSAGES.rejected })
    expect([...storage.files.keys()]).toEqual([])
    expect(check.submitted).toHaveLength(1)
    expect(await app.store.getPhotoReviews(check.submitted)).toEqual([])
  })
})

describe('reports on CloudBase carry processed photos only', () => {
  const report = async (photos: string[], openid = 'dev-citizen', req = 'req-photos-1') => {
    const grid = (await readAll((q) => app.store.listGrids(q))).find((g) => g.managerIds.includes('u-grid'))!
    return app.as(openid)('reports', 'submit', { clientRequestId: req, categoryId: 'cat-E02-01', description: '墙上有小广告', location: ringCentroid(grid.polygon)!, photos })
  }

  beforeEach(() => { app.deps.photoIds = 'processed' })

  it('files a report with photos the function took in for the reporter, without checking them again', async () => {
    const taken = await takeInPhoto(app.deps, storage, await citizen(), upload('a.jpg'))
    const filed = ok(await report([taken.fileId]))
    expect(check.submitted).toEqual([taken.fileId])
    expect(filed.ticket).toMatchObject({ photos: [taken.fileId], photoStatus: { [taken.fileId]: 'pending' } })
    expect(ok(await app.as('dev-grid')('tickets', 'get', { id: filed.ticket.id })).ticket.photos).toEqual([])
  })

  it('refuses a raw upload, a made-up id, someone else\'s photo and a rejected one', async () => {
    const raw = upload('raw.jpg')
    const others = await takeInPhoto(app.deps, storage, (await app.store.getUserByOpenid('dev-grid'))!, upload('b.jpg'))
    const mine = await takeInPhoto(app.deps, storage, await citizen(), upload('c.jpg'))
    await app.store.settlePhotoReview('trace-2', 'rejected', app.clock.now())
    for (const photos of [[raw], [`${BUCKET}photos/ph-made-up.jpg`], [others.fileId], [mine.fileId]]) {
      const answer = await report(photos)
      expect({ photos, answer }).toMatchObject({ photos, answer: { ok: false, error: { code: 'VALIDATION', message: photos[0] === mine.fileId ? PHOTO_CHECK_MESSAGES.rejected : PHOTO_CHECK_MESSAGES.unprocessed } } })
    }
    expect(await app.store.getTicketByRequest((await citizen()).id, 'req-photos-1')).toBeNull()
  })

  it('holds a grid manager\'s after-photos to the same rule', async () => {
    const filed = ok(await report([]))
    ok(await app.as('dev-grid')('tickets', 'act', { id: filed.ticket.id, transition: 'accept' }))
    const raw = upload('after-raw.jpg')
    expect(await app.as('dev-grid')('tickets', 'act', { id: filed.ticket.id, transition: 'resolve', note: '已清理', afterPhotos: [raw] }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION', message: PHOTO_CHECK_MESSAGES.unprocessed } })
    const after = await takeInPhoto(app.deps, storage, (await app.store.getUserByOpenid('dev-grid'))!, upload('after.jpg'))
    const done = ok(await app.as('dev-grid')('tickets', 'act', { id: filed.ticket.id, transition: 'resolve', note: '已清理', afterPhotos: [after.fileId] }))
    expect(done.afterPhotos).toEqual([after.fileId])
  })
})
