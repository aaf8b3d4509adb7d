import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { aGrid } from '../../../core/testing/builders'
import { createSqliteStore, MIGRATIONS } from './index'
import { migrate } from './migrations'

/** Grid versions on a data file from before them: the grids stored then are version 1, in use, nothing lost. */

let dir = ''
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wmgj-grid-versions-')) })
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }) })

const VERSIONED = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE grid_versions'))

describe('upgrading a data file to grid versions', () => {
  it('makes the grids already there version 1, active, with the same grids', async () => {
    const file = path.join(dir, 'old.db')
    const raw = new Database(file)
    migrate(raw, MIGRATIONS.slice(0, VERSIONED))
    const grids = [aGrid({ id: 'g-1', code: '430111001001001' }), aGrid({ id: 'g-2', code: '430111001001002', managerIds: ['u-grid'] })]
    for (const g of grids) raw.prepare('INSERT INTO grids (id, code, doc) VALUES (?, ?, ?)').run(g.id, g.code, JSON.stringify(g))
    raw.close()

    const store = createSqliteStore({ file })
    try {
      expect(await store.activeGridVersion()).toBe(1)
      expect((await store.listGridVersions({})).items).toEqual([
        expect.objectContaining({ version: 1, status: 'active', createdBy: 'system', gridCount: 2, source: '升级前已有的网格' })
      ])
      expect((await store.listGrids({})).items).toEqual(grids)
    } finally {
      await store.close()
    }
  })

  it('leaves an empty store without a version (the seed makes version 1)', async () => {
    const store = createSqliteStore({ file: path.join(dir, 'new.db') })
    try {
      expect(VERSIONED).toBeGreaterThan(0)
      expect(await store.activeGridVersion()).toBeNull()
      expect((await store.listGridVersions({})).items).toEqual([])
    } finally {
      await store.close()
    }
  })
})
