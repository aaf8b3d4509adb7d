import { describeStoreContract } from '../../testing/store-contract/contract'
import { useFakeCloudbase } from './testing/test-support'

/*
 * The shared store contract, run through the real SDK and HTTP layer against FakeCloudbase (nock, no
 * network). It proves the adapter's logic and the requests it sends; how the real service evaluates them
 * is only proven by cloudbase.contract.test.ts with credentials.
 */
const t = useFakeCloudbase()

describeStoreContract('cloudbase over a faked HTTP API', async () => t.store)
