import type { PhotoReview } from '../../../core/types'
import type { PhotoReviewStore } from '../../ports/photo-reviews'
import { parseDoc, type Db } from './db'

/** Synchronous review writes, for use inside another seam's transaction. */
export interface PhotoReviewOps {
  put (review: PhotoReview): void
}

export function photoReviewOps (db: Db): PhotoReviewOps {
  const upsert = db.prepare(`INSERT INTO photo_reviews (file_id, trace_id, doc) VALUES (?, ?, ?)
    ON CONFLICT (file_id) DO UPDATE SET trace_id = excluded.trace_id, doc = excluded.doc`)
  return { put: (r) => { upsert.run(r.fileId, r.traceId, JSON.stringify(r)) } }
}

export function photoReviewStore (db: Db, ops: PhotoReviewOps): PhotoReviewStore {
  const byIds = db.prepare('SELECT doc FROM photo_reviews WHERE file_id IN (SELECT value FROM json_each(?)) ORDER BY file_id').pluck()
  const byTrace = db.prepare('SELECT doc FROM photo_reviews WHERE trace_id = ?').pluck()
  const settle = db.transaction((traceId: string, status: 'passed' | 'rejected', at: string): PhotoReview | null => {
    const current = parseDoc<PhotoReview>(byTrace.get(traceId))
    if (!current) return null
    const next: PhotoReview = { ...current, status, at }
    ops.put(next)
    return next
  })
  return {
    getPhotoReviews: async (fileIds) => (fileIds.length ? (byIds.all(JSON.stringify(fileIds)) as string[]).map((d) => JSON.parse(d) as PhotoReview) : []),
    putPhotoReview: async (review) => { ops.put(review) },
    settlePhotoReview: async (traceId, status, at) => settle.immediate(traceId, status, at)
  }
}
