import type { Store } from '../../ports/store'
import { aggregateContract } from './contract-aggregates'
import { auditContract } from './contract-audit'
import { sessionContract } from './contract-sessions'
import { signInContract } from './contract-signin'
import { settingsContract } from './contract-settings'
import { indicatorUnitContract } from './contract-indicator-units'
import { apiKeyContract } from './contract-api-keys'
import { changeContract } from './contract-changes'
import { counterContract } from './contract-counters'
import { directoryContract } from './contract-directory'
import { gridVersionContract } from './contract-grid-versions'
import { errorContract } from './contract-errors'
import { filingContract } from './contract-filing'
import { photoReviewContract, reportsContract } from './contract-reports'
import { surveyContract } from './contract-surveys'
import { ticketContract } from './contract-tickets'
import { userChangeContract } from './contract-user-changes'
import { volunteerContract } from './contract-volunteer'
import { volunteerRecordsContract } from './contract-volunteer-records'

/**
 * The behaviour every Store adapter must show, checked through the port only.
 * `makeStore` must return an empty store for each test; `dispose` defaults to `store.close()`.
 */
export function describeStoreContract (
  name: string,
  makeStore: () => Promise<Store>,
  dispose: (s: Store) => Promise<void> = async (s) => { await s.close() }
): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | null = null
    const store = (): Store => {
      if (current === null) throw new Error('store used outside a test')
      return current
    }
    beforeEach(async () => { current = await makeStore() })
    afterEach(async () => {
      if (current !== null) await dispose(current)
      current = null
    })

    directoryContract(store)
    gridVersionContract(store)
    ticketContract(store)
    filingContract(store)
    changeContract(store)
    volunteerContract(store)
    volunteerRecordsContract(store)
    surveyContract(store)
    aggregateContract(store)
    indicatorUnitContract(store)
    auditContract(store)
    userChangeContract(store)
    sessionContract(store)
    signInContract(store)
    settingsContract(store)
    reportsContract(store)
    photoReviewContract(store)
    counterContract(store)
    apiKeyContract(store)
    errorContract(store)
  })
}
