// Thin shell: CloudBase context → the shared 'stats' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { statsActions } from '../../server/handlers/stats'

export const main = cloudMain('stats', statsActions)
