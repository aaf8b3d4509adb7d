// Thin shell: CloudBase context → the shared 'auth' router (scan to sign in at the desk), with custom-login tickets.
import { cloudMain } from '../../server/cloud/entry'
import { customLoginFromEnv } from '../../server/cloud/custom-login'
import { authActions } from '../../server/handlers/auth'

export const main = cloudMain('auth', authActions, { customLogin: () => customLoginFromEnv() })
