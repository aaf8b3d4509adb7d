import { z } from 'zod'
import { thumbIdOf } from '../../core/photo-ids'
import { reviewStatusOf } from '../../core/tickets/visibility'
import type { PhotoReviewStatus, User } from '../../core/types'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import type { PhotoStorage } from '../ports/photo-storage'
import { processPhoto } from './process'

/**
 * Photos on WeChat: the phone uploads straight to CloudBase storage (`uploads/…`, see src/api/upload.weapp.ts), so the
 * server meets a photo only after it is stored. The photos function then gives it what the gateway gives an upload
 * before storing it (processPhoto: oriented, ≤ 1,600 px, ≤ 400 KB, no EXIF/GPS/XMP/ICC, a thumbnail), stores the
 * result under `photos/`, deletes the upload, runs the content check on the result and records its review. That
 * review is what reports.submit and tickets.act accept a photo by on CloudBase (server/photo-check.ts): an id
 * without one — an upload that skipped this step, still carrying its GPS — is refused.
 */

/** Where the phone uploads: `cloud://<env>.<bucket>/uploads/<name>`. Nothing else may be taken in (or deleted). */
export const UPLOAD_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/uploads\/[A-Za-z0-9._-]{1,120}$/

export const photoIntakeInput = z.object({
  fileId: z.string({ error: '缺少照片编号，请重新上传' }).max(256, '照片编号无效，请重新上传').regex(UPLOAD_ID, '照片编号无效，请重新上传')
})

export const INTAKE_MESSAGES = {
  missing: '没有找到刚上传的照片，请重新上传',
  rejected: '照片未通过内容安全检查，请换一张'
} as const

export interface TakenPhoto {
  /** The processed photo: what a report or step may carry. */
  fileId: string
  /** Its thumbnail, beside it (core/photo-ids.ts). */
  thumbId: string
  width: number
  height: number
  bytes: number
  /** 'pending' while WeChat's image check has not answered; only its uploader sees it until then. */
  review: PhotoReviewStatus
}

/**
 * Takes one upload in. The upload is deleted whatever happens (processed or refused), so no copy with metadata stays
 * in storage; a photo refused by the content check is deleted too. Paths carry a fresh id and nothing of the person.
 */
export async function takeInPhoto (deps: Deps, storage: PhotoStorage, me: User, uploadId: string): Promise<TakenPhoto> {
  const stored: string[] = []
  let done = false
  try {
    const raw = await storage.read(uploadId)
    if (!raw) throw new AppError('VALIDATION', INTAKE_MESSAGES.missing)
    const photo = await processPhoto(raw)
    const path = `photos/${deps.ids.next('ph')}.jpg`
    stored.push(await storage.write(path, photo.image, 'image/jpeg'))
    stored.push(await storage.write(thumbIdOf(path)!, photo.thumb, 'image/jpeg'))
    const [fileId, thumbId] = stored

    const { verdict, traceId } = await deps.contentCheck.submitImage(fileId, fileId, { openid: me.openid })
    const review = reviewStatusOf(verdict)
    if (review === 'rejected') throw new AppError('VALIDATION', INTAKE_MESSAGES.rejected)
    await deps.store.putPhotoReview({ fileId, ownerId: me.id, status: review, traceId, at: deps.clock.now() })
    done = true
    return { fileId, thumbId, width: photo.width, height: photo.height, bytes: photo.bytes, review }
  } finally {
    // A failed delete must not hide the answer (or the error) the person needs; it is logged for the office.
    await storage.remove(done ? [uploadId] : [uploadId, ...stored]).catch((e: unknown) => console.error('[photos] delete failed', e))
  }
}
