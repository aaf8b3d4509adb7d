import type { PhotoReview } from '../../../core/types'
import type { Store } from '../../ports/store'
import { fromDoc, type Db } from './client'
import { COLLECTIONS as C } from './collections'

type PhotoReviewStore = Pick<Store, 'putPhotoReviews' | 'getPhotoReviews' | 'settlePhotoReview'>

/** One document per reviewed file, `_id` = file id; the pushed verdict finds it by `traceId`. */
export function photoReviewStore (db: Db): PhotoReviewStore {
  return {
    async putPhotoReviews (reviews) {
      for (const r of reviews) await db.replace(C.photoReviews, r.fileId, r)
    },
    async getPhotoReviews (fileIds) {
      if (fileIds.length === 0) return []
      const docs = await db.find(C.photoReviews, [{ fileId: db._.in(fileIds) }], [['fileId', 'asc']], fileIds.length)
      return docs.map((d) => fromDoc<PhotoReview>(d))
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
