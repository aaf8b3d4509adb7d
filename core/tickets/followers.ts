import type { Ticket } from '../types'

/**
 * Who follows the original when a duplicate is merged into it: the duplicate's reporter and followers, so they
 * hear how it ends — except the original's own reporter, who is told anyway. Each person once.
 */
export function carriedFollowers (duplicate: Pick<Ticket, 'reporterId'>, followers: readonly string[], original: Pick<Ticket, 'reporterId'>): string[] {
  return [...new Set([duplicate.reporterId, ...followers])].filter((id) => id !== original.reporterId)
}
