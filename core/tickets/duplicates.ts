import { distanceMeters } from '../routing/geometry'
import type { Category, GcjPoint, Ticket } from '../types'
import { stateKind } from './workflow'

export const DUPLICATE_RECENT_DAYS = 30

export interface DuplicateCandidate<T> {
  ticket: T
  distanceM: number
}

/**
 * Open reports of the same category within the category's duplicate radius, filed in the recent window,
 * nearest first: offered to the resident to follow (+1) instead of filing again.
 */
export function duplicateCandidates<T extends Pick<Ticket, 'categoryId' | 'location' | 'state' | 'createdAt' | 'mergedInto'>> (
  tickets: readonly T[], point: GcjPoint, category: Pick<Category, 'id' | 'duplicateRadiusM'>, nowIso: string, recentDays = DUPLICATE_RECENT_DAYS
): Array<DuplicateCandidate<T>> {
  const since = Date.parse(nowIso) - recentDays * 86_400_000
  return tickets
    .filter((t) => t.categoryId === category.id && stateKind(t.state) === 'open' && t.mergedInto === null && Date.parse(t.createdAt) >= since)
    .map((t) => ({ ticket: t, distanceM: distanceMeters(point, t.location) }))
    .filter((c) => c.distanceM <= category.duplicateRadiusM)
    .sort((a, b) => a.distanceM - b.distanceM)
}

/** A lng/lat box that surely holds every point within `radiusM` of `p`: a cheap prefilter for the store. */
export function bboxAround (p: GcjPoint, radiusM: number): { minLng: number; minLat: number; maxLng: number; maxLat: number } {
  const dLat = radiusM / 111_320
  const dLng = radiusM / (111_320 * Math.max(0.01, Math.cos((p.lat * Math.PI) / 180)))
  return { minLng: p.lng - dLng, minLat: p.lat - dLat, maxLng: p.lng + dLng, maxLat: p.lat + dLat }
}
