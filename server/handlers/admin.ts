import { pageInput } from '../../core/schemas'
import { action, type ActionsOf } from '../router'

export const adminActions: ActionsOf<'admin'> = {
  grids: action({
    input: pageInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => deps.store.listGrids(q)
  }),
  users: action({
    input: pageInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => deps.store.listUsers(q)
  })
}
