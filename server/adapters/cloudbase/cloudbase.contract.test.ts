import { describeStoreContract } from '../../testing/store-contract/contract'
import { type CloudbaseStoreOptions, clearCloudbaseCollections, createCloudbaseCollections, createCloudbaseStore } from './index'

/*
 * The shared store contract against a real CloudBase environment, when TCB_ENV, TCB_SECRET_ID and
 * TCB_SECRET_KEY are all set. Collections are prefixed (TCB_COLLECTION_PREFIX, default `contract_`), created
 * on first use and emptied before every test, so the run never touches the app's own collections.
 */
const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY, TCB_COLLECTION_PREFIX } = process.env
const missing = Object.entries({ TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY }).filter(([, v]) => !v).map(([k]) => k)
const configured = missing.length === 0

if (configured) jest.setTimeout(120_000)
else console.log(`[contract] CloudBase store contract SKIPPED: ${missing.join(', ')} not set (set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a real environment)`)

// Skipped, the whole contract still registers, so jest's summary counts every case as skipped.
const suite = configured ? describe : describe.skip

suite('real CloudBase', () => {
  const opts: CloudbaseStoreOptions = {
    env: TCB_ENV ?? '',
    secretId: TCB_SECRET_ID,
    secretKey: TCB_SECRET_KEY,
    collectionPrefix: TCB_COLLECTION_PREFIX || 'contract_'
  }
  let ready: Promise<unknown> | null = null
  describeStoreContract(`cloudbase (${opts.env}, collections ${opts.collectionPrefix}*)`, async () => {
    ready ??= createCloudbaseCollections(opts)
    await ready
    await clearCloudbaseCollections(opts)
    return createCloudbaseStore(opts)
  })
})
