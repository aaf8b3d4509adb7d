import { emptyInput, pageInput } from '../../core/schemas'
import { readAll } from '../paging'
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
  }),
  /** Grid managers and their grids, for the dispatch picker. */
  managers: action({
    input: emptyInput,
    access: { roles: ['admin'] },
    async run ({ deps }) {
      const managers = await readAll((q) => deps.store.listUsers({ ...q, role: 'grid_manager' }), 5_000)
      return managers.map(({ id, nickname, gridIds }) => ({ id, nickname, gridIds }))
    }
  })
}
