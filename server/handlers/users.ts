import { emptyInput } from '../../core/schemas'
import { action, type ActionsOf } from '../router'
import { requireUser } from './identity'

export const usersActions: ActionsOf<'users'> = {
  me: action({
    input: emptyInput,
    access: 'signedIn',
    async run ({ user }) {
      const { id, nickname, roles, gridIds, homeGridId } = requireUser(user)
      return { user: { id, nickname, roles, gridIds, homeGridId } }
    }
  })
}
