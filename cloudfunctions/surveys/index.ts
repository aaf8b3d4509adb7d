// Thin shell: CloudBase context → the shared 'surveys' router. Bundled by `npm run build:functions`.
import { cloudMain } from '../../server/cloud/entry'
import { surveysActions } from '../../server/handlers/surveys'

export const main = cloudMain('surveys', surveysActions)
