import { distanceMeters } from '../routing/geometry'
import type { Ticket } from '../types'
import { duplicateCandidates, type DuplicateCandidate } from './duplicates'
import { distanceLabel } from './labels'
import { stateKind } from './workflow'

/**
 * How near two reports must be for the office to treat them as one place. Wider than a category's duplicate
 * radius (30–100 m, what a resident is offered): two residents tap the same heap of rubbish tens of metres
 * apart, and the office merges after the fact.
 */
export const MERGE_NEAR_M = 300

type Mergeable = Pick<Ticket, 'id' | 'categoryId' | 'location' | 'state' | 'createdAt' | 'mergedInto'>

/** The tickets the office is offered to merge a duplicate into: open, same category, within MERGE_NEAR_M, nearest first. */
export function mergeCandidates<T extends Mergeable> (tickets: readonly T[], duplicate: Mergeable, nowIso: string): Array<DuplicateCandidate<T>> {
  return duplicateCandidates(tickets.filter((t) => t.id !== duplicate.id), duplicate.location, { id: duplicate.categoryId, duplicateRadiusM: MERGE_NEAR_M }, nowIso)
}

/**
 * What makes a merge doubtful, spelled out for the confirm: another category, or a place farther than
 * MERGE_NEAR_M. Empty when the two look like the same problem.
 */
export function mergeDifferences (
  duplicate: Pick<Ticket, 'categoryId' | 'location'>,
  original: Pick<Ticket, 'categoryId' | 'location'>,
  categoryName: (id: string) => string
): string[] {
  const out: string[] = []
  if (duplicate.categoryId !== original.categoryId) {
    out.push(`类别不同：本案卷是「${categoryName(duplicate.categoryId)}」，原案卷是「${categoryName(original.categoryId)}」`)
  }
  const d = distanceMeters(duplicate.location, original.location)
  if (d > MERGE_NEAR_M) out.push(`地点相距 ${distanceLabel(d)}`)
  return out
}

/**
 * Why a ticket cannot be merged into this one, or null. The original must be another ticket that is still open
 * and not itself merged: the duplicate's people follow the original from now on, and should hear how it ends.
 */
export function mergeRefusal (duplicate: Pick<Ticket, 'id'>, original: Pick<Ticket, 'id' | 'state' | 'mergedInto'>): string | null {
  if (original.id === duplicate.id) return '不能合并到它自己'
  if (original.mergedInto !== null) return '原案卷本身已合并到另一件案卷，请合并到那一件'
  if (stateKind(original.state) !== 'open') return '原案卷已结案，不能再合并到它；问题如仍存在，请派遣处理'
  return null
}
