// Thin shell: CloudBase context → the shared 'reports' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { reportsActions } from '../../server/handlers/reports'

export const main = cloudMain('reports', reportsActions)
