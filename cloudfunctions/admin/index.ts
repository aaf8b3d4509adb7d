// Thin shell: CloudBase context → the shared 'admin' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { adminActions } from '../../server/handlers/admin'

export const main = cloudMain('admin', adminActions)
