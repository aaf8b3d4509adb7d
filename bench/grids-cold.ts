import { performance } from 'node:perf_hooks'
import { createSqliteStore } from '../server/adapters/sqlite'
import { systemClock } from '../server/adapters/system'
import { createDirectoryCache } from '../server/directory'

/**
 * The cold half of bench/grids.ts, run in a fresh process: open the SQLite store that holds the imported grids, load
 * the directory (every grid of the active version, and its index) and route one point. Prints one JSON line.
 *
 *   node --import tsx bench/grids-cold.ts <sqlite file> <lng> <lat>
 */
async function main (): Promise<void> {
  const [file, lng, lat] = process.argv.slice(2)
  const t0 = performance.now()
  const store = createSqliteStore({ file })
  const directory = createDirectoryCache(store, systemClock)
  const dir = await directory.get()
  const hit = dir.index.locate({ lng: Number(lng), lat: Number(lat) })
  const t1 = performance.now()
  await store.close()
  // performance.now() counts from this process's start: t1 is start → answer, module loading included.
  console.log(JSON.stringify({ ms: t1 - t0, sinceStartMs: t1, grids: dir.grids.length, code: hit.kind === 'grid' ? hit.grid.code : null }))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
