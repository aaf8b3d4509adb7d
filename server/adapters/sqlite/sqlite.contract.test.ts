import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { aTicket, aUser } from '../../../core/testing/builders'
import { aFiling } from '../../testing/store-contract/unit-builders'
import { describeStoreContract } from '../../testing/store-contract/contract'
import { createSqliteStore } from './index'

const tempDirs: string[] = []
function tempFile (): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmgj-sqlite-'))
  tempDirs.push(dir)
  return path.join(dir, 'store.db')
}
afterAll(() => { for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true }) })

describeStoreContract('sqlite :memory:', async () => createSqliteStore({ file: ':memory:' }))
describeStoreContract('sqlite file (WAL)', async () => createSqliteStore({ file: tempFile() }))

describe('sqlite file store', () => {
  it('keeps data after close and reopen, in WAL mode', async () => {
    const file = tempFile()
    const user = aUser()
    const ticket = aTicket()
    const first = createSqliteStore({ file })
    await first.putUser(user)
    await first.fileReport(aFiling(ticket))
    expect(await first.incrementCounter('k', 3)).toBe(3)
    await first.close()

    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()

    const again = createSqliteStore({ file })
    expect(await again.getUser(user.id)).toEqual(user)
    expect(await again.getTicket(ticket.id)).toEqual(ticket)
    expect(await again.incrementCounter('k', 1)).toBe(4)
    await again.close()
  })
})
