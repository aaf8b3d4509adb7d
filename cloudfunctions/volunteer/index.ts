// Thin shell: CloudBase context → the shared 'volunteer' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { volunteerActions } from '../../server/handlers/volunteer'

export const main = cloudMain('volunteer', volunteerActions)
