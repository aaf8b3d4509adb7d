import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeStoreContract } from '../../testing/store-contract/contract'
import type { Call } from './testing/fake-cloudbase'
import { uncoveredQueries, type IndexFile } from './testing/index-coverage'
import { useFakeCloudbase } from './testing/test-support'

/*
 * The shared store contract, run through the real SDK and HTTP layer against FakeCloudbase (nock, no
 * network). It proves the adapter's logic and the requests it sends; how the real service evaluates them
 * is only proven by cloudbase.contract.test.ts with credentials.
 */
const t = useFakeCloudbase()

// Every request the contract makes, kept for the index check below (which runs after all of them).
const calls: Call[] = []
afterEach(() => { calls.push(...t.fake.calls) })

describeStoreContract('cloudbase over a faked HTTP API', async () => t.store)

describe('CloudBase indexes (config/cloudbase/indexes.json)', () => {
  it('serve every query the store contract sent: equality fields first, then the order', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'config', 'cloudbase', 'indexes.json'), 'utf8')) as IndexFile
    expect(calls.length).toBeGreaterThan(0)
    expect(uncoveredQueries(calls, file)).toEqual([])
  })
})
