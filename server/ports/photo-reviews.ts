import type { PhotoReview } from '../../core/types'

/**
 * Content-safety reviews, one per uploaded file that did not pass at once (written with the report or step that holds
 * the photo) — and, on CloudBase, one per photo the photos function processed, written before any ticket holds it.
 */
export interface PhotoReviewStore {
  getPhotoReviews (fileIds: string[]): Promise<PhotoReview[]>
  /** Record the review of a file on its own (the photos function, right after processing); replaces one of the same file. */
  putPhotoReview (review: PhotoReview): Promise<void>
  /** Set the verdict of the review with this trace id; null when none matches. */
  settlePhotoReview (traceId: string, status: 'passed' | 'rejected', at: string): Promise<PhotoReview | null>
}
