import { HUGE, V, type Case } from './bad-input'
import { idCases, pageCases, table } from './bad-input-shapes'
import { REFUSED_GRID_FILES, smallGridFile } from './grid-files'

/**
 * Bad input to the office's grid actions. Every refusing rule of the grid-file validator, fed to the preview (it
 * answers the report: allowed, nothing stored) and to the import (VALIDATION): the store reads the same afterwards,
 * grid versions and the audit list included (snapshot.ts).
 */

interface Report { file: Array<{ rule: string }>; features: Array<{ problems: Array<{ rule: string }> }> }
const rulesOf = (r: Report): string[] => [...r.file, ...r.features.flatMap((f) => f.problems)].map((p) => p.rule)

const previewRefused: Case[] = REFUSED_GRID_FILES.map(({ rule, geojson }) => ({
  name: `admin.previewGrids: a file breaking ${rule} is reported, not stored`,
  fn: 'admin',
  action: 'previewGrids',
  payload: () => ({ geojson: geojson() }),
  expected: 'allowed',
  check: (d) => {
    const view = d as { ok: boolean; diff: unknown; report: Report }
    expect({ rule, ok: view.ok, diff: view.diff, found: rulesOf(view.report).includes(rule) }).toEqual({ rule, ok: false, diff: null, found: true })
  }
}))

const importRefused: Case[] = REFUSED_GRID_FILES.map(({ rule, geojson }) => ({
  name: `admin.importGrids: a file breaking ${rule} imports nothing`,
  fn: 'admin',
  action: 'importGrids',
  payload: () => ({ geojson: geojson(), reason: '导入新网格' }),
  expected: V
}))

const fileShapes = (action: 'previewGrids' | 'importGrids'): Case[] =>
  table('admin', action, () => ({ geojson: smallGridFile(), reason: action === 'importGrids' ? '导入新网格' : undefined }), [
    ['geojson missing', { geojson: undefined }],
    ['geojson null', { geojson: null }],
    ['geojson a number', { geojson: 42 }],
    ['geojson an array', { geojson: [smallGridFile()] }],
    ['geojson an empty string', { geojson: '' }],
    ['datum BD-09 (not offered: convert to GCJ-02 first)', { datum: 'bd09' }],
    ['datum a number', { datum: 4326 }],
    ['a property name empty', { props: { code: '' } }],
    ['a property name of 10,000 chars', { props: { name: HUGE } }],
    ['props a string', { props: 'code' }],
    ['source of 10,000 chars', { source: HUGE }],
    ['source an object (query-operator junk)', { source: { $ne: '' } }]
  ])

export const GRID_CASES: Case[] = [
  ...previewRefused,
  ...importRefused,
  ...fileShapes('previewGrids'),
  ...fileShapes('importGrids'),
  ...table('admin', 'importGrids', () => ({ geojson: smallGridFile(), reason: '导入新网格' }), [
    ['reason missing', { reason: undefined }],
    ['reason one char after trimming', { reason: '  换 ' }],
    ['reason of 10,000 chars', { reason: HUGE }],
    ['reason a number', { reason: 12345 }]
  ]),
  ...pageCases({ fn: 'admin', action: 'gridVersions', storeCursor: true }),
  ...table('admin', 'restoreGrids', () => ({ version: 1, reason: '恢复旧版网格' }), [
    ['version missing', { version: undefined }],
    ['version 0', { version: 0 }],
    ['version negative', { version: -1 }],
    ['version fractional', { version: 1.5 }],
    ['version a string', { version: '1' }],
    ['version null', { version: null }],
    ['version NaN', { version: Number.NaN }],
    ['reason missing', { reason: undefined }],
    ['reason of 10,000 chars', { reason: HUGE }],
    ['the version already in use', {}],
    ['a version that does not exist', { version: 99 }, 'NOT_FOUND']
  ]),
  ...idCases('admin', 'saveGrid', 'id', 'grid-nope', () => ({ name: '新的网格名', reason: '网格改名' })),
  ...table('admin', 'saveGrid', () => ({ id: 'grid-001', reason: '网格调整' }), [
    ['nothing changed', {}],
    ['name one char', { name: '格' }],
    ['name of 10,000 chars', { name: HUGE }],
    ['name a number', { name: 12 }],
    ['population negative', { population: -1 }],
    ['population fractional', { population: 12.5 }],
    ['population as text', { population: '很多' }],
    ['population of two million', { population: 2_000_000 }],
    ['population Infinity', { population: Number.POSITIVE_INFINITY }],
    ['managerIds a string', { managerIds: 'u-grid' }],
    ['managerIds of 21 people', { managerIds: Array.from({ length: 21 }, (_, i) => `u-gm-${i}`) }],
    ['managerIds with an empty id', { managerIds: [''] }],
    ['a manager who is not a grid manager', { managerIds: ['u-citizen'] }],
    ['a manager nobody knows', { managerIds: ['u-nobody'] }],
    ['taking 赵网格 off his grid while he holds its tickets', { managerIds: [] }],
    ['reason missing', { reason: undefined, name: '新的网格名' }],
    ['reason of 10,000 chars', { reason: HUGE, name: '新的网格名' }]
  ])
]
