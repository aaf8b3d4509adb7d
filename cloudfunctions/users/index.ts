// Thin shell: CloudBase context → the shared 'users' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { usersActions } from '../../server/handlers/users'

export const main = cloudMain('users', usersActions)
