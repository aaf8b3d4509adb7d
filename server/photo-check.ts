import { reviewStatusOf } from '../core/tickets/visibility'
import type { PhotoReview, User } from '../core/types'
import type { Deps } from './deps'
import { AppError } from './errors'

/**
 * Send each new photo to the content check. A photo refused outright stops the step (nothing is stored); one WeChat
 * will answer later is recorded as pending — only its uploader sees it until the verdict arrives.
 */
export async function checkPhotos (deps: Deps, me: User, fileIds: readonly string[]): Promise<PhotoReview[]> {
  const at = deps.clock.now()
  const held: PhotoReview[] = []
  for (const fileId of fileIds) {
    const { verdict, traceId } = await deps.contentCheck.submitImage(fileId, fileId, { openid: me.openid })
    const status = reviewStatusOf(verdict)
    if (status === 'rejected') throw new AppError('VALIDATION', '有照片未通过内容安全检查，请删除后换一张')
    if (status === 'pending') held.push({ fileId, ownerId: me.id, status, traceId, at })
  }
  return held
}
