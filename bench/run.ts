import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchPhotos } from './photos'
import { benchRouting } from './routing'
import { benchCloudbaseRequests } from './cloudbase-requests'
import { benchIndicators } from './indicators'
import { benchOpen311 } from './open311'
import { benchSignup } from './signup'
import { benchSubmit } from './submit'
import type { BenchResult } from './types'
import { weappCheckSizes, weappSizes } from './weapp'

/**
 * `npm run bench`: every figure measured in one run, written to bench/results.json and the table in bench/README.md.
 * Targets live in each note; nothing here asserts — tests assert behaviour, benchmarks measure.
 */
async function main (): Promise<void> {
  const root = join(__dirname, '..')
  const results: BenchResult[] = []

  console.log('routing …')
  results.push(...await benchRouting())
  results.push(...await (await import('./grids')).benchGrids())

  console.log('reports.submit through the gateway …')
  results.push(...await benchSubmit())

  console.log('volunteer.signup burst through the gateway …')
  results.push(...await benchSignup())

  console.log('survey indicators at 1,000,000 answers …')
  results.push(...await benchIndicators())

  console.log('survey rates on CloudBase: requests at 1× and 100× …')
  results.push(...await benchCloudbaseRequests())

  console.log('Open311 requests.json over loopback …')
  results.push(...await benchOpen311())

  console.log('photo processing …')
  results.push(...await benchPhotos())

  console.log('weapp production build …')
  const build = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error('weapp build failed')
  results.push(...weappSizes(join(root, 'dist', 'weapp')))

  console.log('weapp through WeChat\'s compiler and code-quality check …')
  const checkJson = join(mkdtempSync(join(tmpdir(), 'bench-weapp-')), 'check.json')
  spawnSync('npx', ['tsx', 'scripts/weapp-check.ts', join(root, 'dist', 'weapp'), '--no-pages', '--json', checkJson], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (!existsSync(checkJson)) throw new Error('the weapp check wrote no results (its output is above)')
  results.push(...weappCheckSizes(JSON.parse(readFileSync(checkJson, 'utf8'))))

  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n')
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`
  const table = [
    '| name | value | unit | note |',
    '| --- | ---: | --- | --- |',
    ...results.map((r) => `| \`${r.name}\` | ${r.value} | ${r.unit} | ${r.note.replace(/\|/g, '\\|')} |`)
  ].join('\n')
  writeFileSync(join(__dirname, 'README.md'), `# Benchmarks

\`npm run bench\` measures these in one run and rewrites this file and \`results.json\`.
Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.

${table}
`)
  console.table(results.map(({ name, value, unit }) => ({ name, value, unit })))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
