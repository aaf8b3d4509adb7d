import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { aMessage, aReportEvent, aSignup, aTicket, aVolunteerEvent, isoAt } from '../../../core/testing/builders'
import { aFiling } from '../../testing/store-contract/unit-builders'
import { createSqliteStore, MIGRATIONS } from './index'
import { migrate } from './migrations'

let dir = ''
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmgj-sqlite-')) })
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }) })

const appliedVersions = (file: string): number[] => {
  const raw = new Database(file, { readonly: true })
  try {
    return raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[]
  } finally {
    raw.close()
  }
}

describe('opening a data file', () => {
  it('refuses a file that is not SQLite with STORE_DAMAGED and a message saying what to do', () => {
    const file = path.join(dir, 'store.db')
    fs.writeFileSync(file, Buffer.from('这不是数据库 / not a database at all\n'.repeat(300)))
    let caught: unknown
    try {
      createSqliteStore({ file })
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(Error)
    expect((caught as { code?: string }).code).toBe('STORE_DAMAGED')
    expect((caught as Error).message).toContain(file)
    expect((caught as Error).message).toContain('请删除该文件')
    expect((caught as Error).message).toContain('npm start')
  })

  it('refuses an SQLite file whose pages are overwritten', async () => {
    const file = path.join(dir, 'store.db')
    const store = createSqliteStore({ file })
    await store.close()
    const bytes = fs.readFileSync(file)
    bytes.fill(0xa5, 100)
    fs.writeFileSync(file, bytes)
    expect(() => createSqliteStore({ file })).toThrow(expect.objectContaining({ code: 'STORE_DAMAGED' }))
  })

  it('creates a missing data folder', async () => {
    const file = path.join(dir, 'nested', '.data', 'store.db')
    const store = createSqliteStore({ file })
    await store.close()
    expect(fs.existsSync(file)).toBe(true)
  })

  it('refuses a file migrated by a newer version of the program', async () => {
    const file = path.join(dir, 'store.db')
    await createSqliteStore({ file }).close()
    const raw = new Database(file)
    raw.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 'x')").run(MIGRATIONS.length + 1)
    raw.close()
    expect(() => createSqliteStore({ file })).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }))
  })
})

describe('migrations', () => {
  it('applies each migration once and records it; reopening is idempotent', async () => {
    const file = path.join(dir, 'store.db')
    const store = createSqliteStore({ file })
    const ticket = aTicket()
    await store.fileReport(aFiling(ticket))
    await store.close()
    const versions = MIGRATIONS.map((_, i) => i + 1)
    expect(appliedVersions(file)).toEqual(versions)

    const reopened = createSqliteStore({ file })
    expect(await reopened.getTicket(ticket.id)).toEqual(ticket)
    await reopened.close()
    expect(appliedVersions(file)).toEqual(versions)
  })

  it('gives events and signups written before migration 5 the new fields, keeps their nulls, and the seat methods work on them', async () => {
    const file = path.join(dir, 'store.db')
    const raw = new Database(file)
    migrate(raw, MIGRATIONS.slice(0, 4))
    const {
      topic: _topic, servingTarget: _target, requiredTrainings: _trainings, servedCount: _served, cancelReason: _reason, updatedAt: _updated, ...oldEvent
    } = aVolunteerEvent({ id: 'ev-old', capacity: 1, taken: 1, organizerId: 'org-old', gridId: null, location: null, createdAt: isoAt(-60) })
    raw.prepare('INSERT INTO events (id, start_at, doc) VALUES (?, ?, ?)').run(oldEvent.id, oldEvent.startAt, JSON.stringify(oldEvent))
    const oldSignup = { id: 'signup-old', eventId: 'ev-old', userId: 'vol-a', status: 'confirmed', createdAt: isoAt(-30), checkInAt: null, checkOutAt: null, hours: null }
    raw.prepare('INSERT INTO signups (id, event_id, user_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)')
      .run(oldSignup.id, oldSignup.eventId, oldSignup.userId, oldSignup.status, oldSignup.createdAt, JSON.stringify(oldSignup))
    raw.close()

    const store = createSqliteStore({ file })
    const event = { ...oldEvent, topic: '文明引导', servingTarget: '', requiredTrainings: [], servedCount: null, cancelReason: null, updatedAt: isoAt(-60) }
    expect(await store.getEvent('ev-old')).toEqual(event)
    expect((await store.listEvents({ organizerId: 'org-old' })).items).toEqual([event])
    const { hours: _hours, ...kept } = oldSignup
    const signup = {
      ...kept, id: 'ev-old:vol-a', version: 1, offerExpiresAt: null, checkInBy: null, checkOutBy: null, noShow: false, earnedHours: null, manualHours: null,
      hoursConfirmedAt: null, hoursConfirmedBy: null, adjustments: [], appeal: null
    }
    expect(await store.getSignup('ev-old', 'vol-a')).toEqual(signup)
    const noOffers = { now: isoAt(0), offerUntil: null }
    expect((await store.cancelSignup('ev-old', 'vol-a', noOffers, (s) => aMessage({ id: `m-${s.id}`, userId: s.userId }))).cancelled)
      .toEqual({ ...signup, status: 'cancelled', version: 2 })
    expect((await store.getEvent('ev-old'))?.taken).toBe(0)
    await store.close()
  })

  it('runs only the new step when a migration is appended, and rolls back a failing one', () => {
    const db = new Database(':memory:')
    expect(migrate(db)).toBe(MIGRATIONS.length)
    expect(migrate(db)).toBe(0)
    expect(migrate(db, [...MIGRATIONS, 'CREATE TABLE extra (id TEXT PRIMARY KEY)'])).toBe(1)
    const broken = [...MIGRATIONS, 'CREATE TABLE extra (id TEXT PRIMARY KEY)', 'CREATE TABLE half (id TEXT); SELECT * FROM no_such_table']
    expect(() => migrate(db, broken)).toThrow(/no_such_table/)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined()
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length + 1)
    db.close()
  })
})

describe('sqlite-specific behaviour', () => {
  it('rejects a cursor it did not make with StoreError INVALID_CURSOR', async () => {
    const store = createSqliteStore({ file: ':memory:' })
    await expect(store.listTickets({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ name: 'StoreError', code: 'INVALID_CURSOR' })
    await store.close()
  })

  it('rejects with an Error of this realm that keeps the SQLite code', async () => {
    const store = createSqliteStore({ file: ':memory:' })
    const ticket = aTicket()
    await store.importTickets([ticket], [])
    const err: unknown = await store.importTickets([ticket], []).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect(err).toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) })
    await store.close()
  })

  it('imports all or nothing', async () => {
    const store = createSqliteStore({ file: ':memory:' })
    const existing = aTicket()
    await store.fileReport(aFiling(existing))
    const fresh = aTicket()
    await expect(store.importTickets([fresh, { ...existing }], [aReportEvent(fresh)])).rejects.toThrow()
    expect(await store.getTicket(fresh.id)).toBeNull()
    await store.close()
  })

  it('keeps a cancelled signup and its freed seat across close and reopen, and re-seats the person', async () => {
    const file = path.join(dir, 'store.db')
    const store = createSqliteStore({ file })
    const event = aVolunteerEvent({ capacity: 1, waitlistEnabled: false })
    await store.putEvent(event)
    const first = await store.takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
    const cancelled = { ...first.signup, status: 'cancelled', version: 2 }
    const noOffers = { now: isoAt(0), offerUntil: null }
    expect(await store.cancelSignup(event.id, 'vol-a', noOffers, (s) => aMessage({ id: `m-${s.id}`, userId: s.userId })))
      .toEqual({ cancelled, lapsed: [], offered: [] })
    await store.close()

    const reopened = createSqliteStore({ file })
    expect((await reopened.getEvent(event.id))?.taken).toBe(0)
    expect(await reopened.getSignup(event.id, 'vol-a')).toEqual(cancelled)
    const again = await reopened.takeSeat(aSignup({ eventId: event.id, userId: 'vol-a' }))
    expect(again.outcome).toBe('confirmed')
    expect(again.signup).toMatchObject({ id: first.signup?.id, status: 'confirmed', version: 3 })
    expect((await reopened.listSignups({ eventId: event.id })).items).toEqual([again.signup])
    expect((await reopened.getEvent(event.id))?.taken).toBe(1)
    await reopened.close()
  })
})
