import type { PhotoReview } from '../../core/types'

/** Content-safety reviews, one per uploaded file that did not pass at once (written with the report or step that holds the photo). */
export interface PhotoReviewStore {
  getPhotoReviews (fileIds: string[]): Promise<PhotoReview[]>
  /** Set the verdict of the review with this trace id; null when none matches. */
  settlePhotoReview (traceId: string, status: 'passed' | 'rejected', at: string): Promise<PhotoReview | null>
}
