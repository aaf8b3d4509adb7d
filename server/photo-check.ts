import { reviewStatusOf } from '../core/tickets/visibility'
import type { PhotoReview, User } from '../core/types'
import type { Deps } from './deps'
import { AppError } from './errors'

export const PHOTO_CHECK_MESSAGES = {
  rejected: '有照片未通过内容安全检查，请删除后换一张',
  unprocessed: '有照片没有处理完成，请删除后重新上传'
} as const

/**
 * Send each new photo to the content check. A photo refused outright stops the step (nothing is stored); one WeChat
 * will answer later is recorded as pending — only its uploader sees it until the verdict arrives.
 * Where photos reach storage before the server (deps.photoIds 'processed', CloudBase), the photos function already
 * ran the check and recorded the review; see acceptProcessed.
 */
export async function checkPhotos (deps: Deps, me: User, fileIds: readonly string[]): Promise<PhotoReview[]> {
  if (deps.photoIds === 'processed') return acceptProcessed(deps, me, fileIds)
  const at = deps.clock.now()
  const held: PhotoReview[] = []
  for (const fileId of fileIds) {
    const { verdict, traceId } = await deps.contentCheck.submitImage(fileId, fileId, { openid: me.openid })
    const status = reviewStatusOf(verdict)
    if (status === 'rejected') throw new AppError('VALIDATION', PHOTO_CHECK_MESSAGES.rejected)
    if (status === 'pending') held.push({ fileId, ownerId: me.id, status, traceId, at })
  }
  return held
}

/**
 * Only photos the photos function produced for this person (server/photos/intake.ts): it recorded a review of each,
 * owned by its uploader. A raw upload (still carrying its EXIF and GPS), someone else's photo or a made-up id has none
 * of the caller's and is refused; a rejected one is refused as above. The reviews are already stored: none to hold.
 */
async function acceptProcessed (deps: Deps, me: User, fileIds: readonly string[]): Promise<PhotoReview[]> {
  if (fileIds.length === 0) return []
  const reviews = new Map((await deps.store.getPhotoReviews([...fileIds])).map((r) => [r.fileId, r]))
  for (const fileId of fileIds) {
    const review = reviews.get(fileId)
    if (!review || review.ownerId !== me.id) throw new AppError('VALIDATION', PHOTO_CHECK_MESSAGES.unprocessed)
    if (review.status === 'rejected') throw new AppError('VALIDATION', PHOTO_CHECK_MESSAGES.rejected)
  }
  return []
}
