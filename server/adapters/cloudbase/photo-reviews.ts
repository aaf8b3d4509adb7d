import type { PhotoReview } from '../../../core/types'
import type { PhotoReviewStore } from '../../ports/photo-reviews'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'

/** Review writes another seam's unit of work brings with it. */
export interface PhotoReviewOps {
  /**
   * Put a review a unit holds, safe to repeat: a review already stored under the same trace id is left as it is,
   * since WeChat's verdict may have settled it between two flushes of the same unit and must not be undone.
   * A review of another trace is replaced.
   */
  putOnce (review: PhotoReview): Promise<void>
}

export function photoReviewOps (db: Db): PhotoReviewOps {
  return {
    async putOnce (r) {
      if (await db.insert(C.photoReviews, r.fileId, r)) return
      const stored = await db.findById(C.photoReviews, r.fileId)
      if (stored && stored.traceId === r.traceId) return
      await db.replace(C.photoReviews, r.fileId, r)
    }
  }
}

/** One document per reviewed file, `_id` = file id; the pushed verdict finds it by `traceId`. */
export function photoReviewStore (db: Db): PhotoReviewStore {
  return {
    async getPhotoReviews (fileIds) {
      if (fileIds.length === 0) return []
      const docs = await db.find(C.photoReviews, [{ fileId: db._.in(fileIds) }], [['fileId', 'asc']], fileIds.length)
      return docs.map((d) => fromDoc<PhotoReview>(d))
    },
    async putPhotoReview (review) {
      await db.replace(C.photoReviews, review.fileId, review)
    },
    async settlePhotoReview (traceId, status, at) {
      const [doc] = await db.find(C.photoReviews, [{ traceId }], [], 1)
      if (!doc) return null
      const current = fromDoc<PhotoReview>(doc)
      await db.update(C.photoReviews, { _id: current.fileId }, { status, at })
      return { ...current, status, at }
    }
  }
}
