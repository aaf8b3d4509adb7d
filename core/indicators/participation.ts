import type { Grid, Signup, SurveyResponse, Ticket } from '../types'
import { isLiveSignup } from '../volunteer/seats'

/**
 * 参与率's numerator: distinct residents who reported or answered a survey in scope, and — city-wide only, since a
 * signup has no area yet — who signed up for volunteer service (a cancelled signup is no participation).
 */
export function participantIds (
  tickets: ReadonlyArray<Pick<Ticket, 'reporterId'>>,
  responses: ReadonlyArray<Pick<SurveyResponse, 'userId'>>,
  signups: ReadonlyArray<Pick<Signup, 'userId' | 'status'>>,
  scope: { cityWide: boolean }
): Set<string> {
  return new Set([
    ...tickets.map((t) => t.reporterId),
    ...responses.map((r) => r.userId),
    ...(scope.cityWide ? signups.filter(isLiveSignup).map((s) => s.userId) : [])
  ])
}

/** The resident base (常住人口) of a grid, or of the whole city: the sum over its grids. */
export function residentBase (grids: ReadonlyArray<Pick<Grid, 'population'>>, grid?: Pick<Grid, 'population'>): number {
  return grid ? grid.population : grids.reduce((sum, g) => sum + g.population, 0)
}
