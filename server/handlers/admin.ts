import { emptyInput, idInput, open311KeyInput, pageInput } from '../../core/schemas'
import { requireUser } from '../caller'
import { issueKey, listKeys, revokeKey } from '../open311/keys'
import { readAll } from '../paging'
import { action, type ActionsOf } from '../router'
import { adminConfigActions } from './admin-config'
import { peopleActions } from './admin-people'
import { gridActions } from './admin-grids'

export const adminActions: ActionsOf<'admin'> = {
  ...adminConfigActions,
  ...peopleActions,
  ...gridActions,
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
  }),
  /** Open311 API keys of partner systems (server/open311/keys.ts): listed without the key, issued once, revoked. */
  open311Keys: action({
    input: pageInput,
    access: { roles: ['admin'] },
    run: ({ deps }, q) => listKeys(deps, q)
  }),
  createOpen311Key: action({
    input: open311KeyInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, { name }) => issueKey(deps, requireUser(user).id, name)
  }),
  revokeOpen311Key: action({
    input: idInput,
    access: { roles: ['admin'] },
    run: ({ deps, user }, { id }) => revokeKey(deps, requireUser(user).id, id)
  })
}
