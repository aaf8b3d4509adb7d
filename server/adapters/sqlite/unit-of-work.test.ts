import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Message } from '../../../core/types'
import { readAll } from '../../paging'
import type { Store } from '../../ports/store'
import { aReportEvent, aTicket, aTicketEvent } from '../../../core/testing/builders'
import { createSqliteStore } from './index'

const broken = (id: string): Message => ({ id, userId: null as unknown as string, ticketId: 't', title: 'x', body: 'x', read: false, at: '2026-11-20T00:00:00.000Z' })

describe('sqlite: one action, one transaction', () => {
  let store: Store
  beforeEach(() => { store = createSqliteStore({ file: ':memory:' }) })
  afterEach(async () => { await store.close() })

  it('a filing that fails part-way leaves nothing: not the count, not the ticket, not its event', async () => {
    const ticket = aTicket({ id: 't-1', clientRequestId: 'req-1' })
    const event = aReportEvent(ticket, { id: 'te-1' })
    await expect(store.fileReport({ ticket, event, rate: { keys: ['rl:h'], admit: () => true }, photoReviews: [], messages: [broken('m-1')] })).rejects.toThrow()
    expect(await store.incrementCounter('rl:h', 0)).toBe(0)
    expect(await store.getTicket('t-1')).toBeNull()
    expect((await store.listTicketEvents('t-1', {})).items).toEqual([])
  })

  it('a step that fails part-way leaves the ticket, its timeline, reviews and followers as they were', async () => {
    const ticket = aTicket({ id: 't-2', clientRequestId: 'req-2', state: 'dispatched', version: 1 })
    const original = aTicket({ id: 't-3', clientRequestId: 'req-3', followers: 0 })
    await store.importTickets([ticket, original], [aReportEvent(ticket, { id: 'te-2' })])
    const review = { fileId: 'f-1', ownerId: 'u', status: 'pending' as const, traceId: 'tr', at: ticket.createdAt }
    await expect(store.changeTicket({
      id: 't-2', expectedVersion: 1, patch: { state: 'closed' }, event: aTicketEvent({ id: 'te-3', ticketId: 't-2' }),
      photoReviews: [review], follows: { ticketId: 't-3', userIds: ['u-9'], at: ticket.createdAt }, messages: [broken('m-2')]
    })).rejects.toThrow()
    expect(await store.getTicket('t-2')).toMatchObject({ state: 'dispatched', version: 1 })
    expect((await store.listTicketEvents('t-2', {})).items.map((e) => e.id)).toEqual(['te-2'])
    expect(await store.getPhotoReviews(['f-1'])).toEqual([])
    expect(await store.getTicket('t-3')).toMatchObject({ followers: 0 })
    expect(await store.isFollowing('t-3', 'u-9')).toBe(false)
  })
})

describe('sqlite: group commit', () => {
  it('units that arrive together commit together, and one that fails takes only itself back', async () => {
    const store = createSqliteStore({ file: ':memory:' })
    try {
      const filing = (i: number, messages: Message[] = []) => {
        const ticket = aTicket({ id: `t-g-${i}`, clientRequestId: `req-g-${i}` })
        return store.fileReport({ ticket, event: aReportEvent(ticket, { id: `te-g-${i}` }), rate: { keys: ['rl:g'], admit: () => true }, photoReviews: [], messages })
      }
      const results = await Promise.allSettled([filing(1), filing(2, [broken('m-g')]), filing(3)])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect(await store.getTicket('t-g-1')).not.toBeNull()
      expect(await store.getTicket('t-g-2')).toBeNull()
      expect(await store.getTicket('t-g-3')).not.toBeNull()
      // The failed unit's count went back with it: two filings, two counted.
      expect(await store.incrementCounter('rl:g', 0)).toBe(2)
    } finally {
      await store.close()
    }
  })
})

describe('sqlite: a process killed mid-burst', () => {
  it('leaves every acknowledged filing whole, and the counter equal to the tickets filed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wenming-kill-'))
    const file = join(dir, 'kill.sqlite')
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'testing', 'file-forever.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] })
    const acknowledged: string[] = []
    let buffered = ''
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        acknowledged.push(...lines)
        // Kill it hard once it is well into the burst: mid-write, with no chance to finish.
        if (acknowledged.length >= 300 && !child.killed) { child.kill('SIGKILL'); resolve() }
      })
    })
    await new Promise((r) => child.once('exit', r))
    const store = createSqliteStore({ file })
    try {
      const tickets = await readAll((q) => store.listTickets({ ...q, reporterId: 'u-kill' }))
      const ids = new Set(tickets.map((t) => t.id))
      for (const id of acknowledged) expect(ids.has(id)).toBe(true)
      expect(await store.incrementCounter('rl:kill:h', 0)).toBe(tickets.length)
      expect(await store.incrementCounter('rl:kill:d', 0)).toBe(tickets.length)
      for (const t of tickets) expect((await store.listTicketEvents(t.id, {})).items).toHaveLength(1)
      const messages = await readAll((q) => store.listMessages({ ...q, userId: 'u-office' }))
      expect(messages).toHaveLength(tickets.length)
    } finally {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
