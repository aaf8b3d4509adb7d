import { useReportDraft } from './report-draft'

/**
 * Forget what belongs to the person who was signed in: on a shared phone the next one must not see the previous
 * one's report draft. A store that keeps per-person view state adds its reset here. Device settings (text size) stay.
 */
export function clearUserState (): void {
  useReportDraft.getState().reset()
}
