import { FUNCTION_NAMES, type FunctionName } from '../core/api'
import type { Deps } from './deps'
import { adminActions } from './handlers/admin'
import { authActions } from './handlers/auth'
import { reportsActions } from './handlers/reports'
import { statsActions } from './handlers/stats'
import { surveysActions } from './handlers/surveys'
import { ticketsActions } from './handlers/tickets'
import { timerActions } from './handlers/timer'
import { usersActions } from './handlers/users'
import { volunteerActions } from './handlers/volunteer'
import { createRouter, type Router } from './router'

/** One router per cloud function; the gateway serves all of them, each cloud function one. */
export function createRouterFor (fn: FunctionName, deps: Deps): Router {
  switch (fn) {
    case 'users': return createRouter('users', usersActions, deps)
    case 'reports': return createRouter('reports', reportsActions, deps)
    case 'tickets': return createRouter('tickets', ticketsActions, deps)
    case 'volunteer': return createRouter('volunteer', volunteerActions, deps)
    case 'surveys': return createRouter('surveys', surveysActions, deps)
    case 'stats': return createRouter('stats', statsActions, deps)
    case 'admin': return createRouter('admin', adminActions, deps)
    case 'auth': return createRouter('auth', authActions, deps)
    case 'timer': return createRouter('timer', timerActions, deps)
  }
}

export function createRouters (deps: Deps): Record<FunctionName, Router> {
  return Object.fromEntries(FUNCTION_NAMES.map((fn) => [fn, createRouterFor(fn, deps)])) as Record<FunctionName, Router>
}
