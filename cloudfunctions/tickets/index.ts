// Thin shell: CloudBase context → the shared 'tickets' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { ticketsActions } from '../../server/handlers/tickets'

export const main = cloudMain('tickets', ticketsActions)
