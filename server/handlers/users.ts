import { emptyInput, pageInput, readMessagesInput } from '../../core/schemas'
import { action, type ActionsOf } from '../router'
import { requireUser } from '../caller'

export const usersActions: ActionsOf<'users'> = {
  me: action({
    input: emptyInput,
    access: 'signedIn',
    async run ({ user }) {
      const { id, nickname, roles, gridIds, homeGridId } = requireUser(user)
      return { user: { id, nickname, roles, gridIds, homeGridId } }
    }
  }),

  messages: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const [page, unread] = await Promise.all([deps.store.listMessages({ ...q, userId: me.id }), deps.store.countUnreadMessages(me.id)])
      return { ...page, unread }
    }
  }),

  readMessages: action({
    input: readMessagesInput,
    access: 'signedIn',
    async run ({ deps, user }, { ids }) {
      const me = requireUser(user)
      await deps.store.markMessagesRead(me.id, ids)
      return { unread: await deps.store.countUnreadMessages(me.id) }
    }
  })
}
