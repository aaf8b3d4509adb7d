// Thin shell: CloudBase context → the shared 'timer' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { timerActions } from '../../server/handlers/timer'

export const main = cloudMain('timer', timerActions)
