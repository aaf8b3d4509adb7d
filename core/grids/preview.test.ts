import { gcj02ToWgs84 } from '../geo/datum'
import { parseGridFile } from '../geo/geojson'
import { gridFileFixture } from '../geo/geojson.bench-fixture'
import { aGrid } from '../testing/builders'
import { gridsToGeoJson } from './geojson-out'
import { PREVIEW_POINT_BUDGET, previewOutlines, reportForOffice, reportLines } from './preview'

describe('preview outlines', () => {
  it('draws every feature, the refused ones too, marked by their worst problem', () => {
    const file = gridsToGeoJson([
      aGrid({ id: 'a', code: '430111001001001', polygon: [[113, 28.1], [113.001, 28.1], [113.001, 28.101], [113, 28.101]] }),
      aGrid({ id: 'b', code: '430111001001002', name: '二号', polygon: [[113.002, 28.1], [113.003, 28.1], [113.003, 28.101], [113.002, 28.101]] })
    ])
    // The second crosses itself: a bow tie.
    const [p, q, r, s] = file.features[1].geometry.coordinates[0]
    file.features[1].geometry.coordinates = [[p, r, q, s, p]]
    const result = parseGridFile(file)
    expect(result.ok).toBe(false)
    const outlines = previewOutlines(file, result.report)
    expect(outlines.map((o) => [o.index, o.code, o.severity, o.ring.length])).toEqual([[0, '430111001001001', null, 5], [1, '430111001001002', 'error', 5]])
    expect(reportForOffice(result.report).features.map((f) => f.index)).toEqual([1])
  })

  it('converts a WGS-84 file\'s outlines as the import does, and keeps all outlines within the point budget', () => {
    const file = gridFileFixture({ n: 2_000, datum: 'wgs84' })
    const result = parseGridFile(file)
    const outlines = previewOutlines(file, result.report)
    expect(outlines).toHaveLength(2_000)
    expect(outlines.reduce((n, o) => n + o.ring.length, 0)).toBeLessThanOrEqual(PREVIEW_POINT_BUDGET)
    const [lng, lat] = file.features[0].geometry.coordinates[0][0]
    const [x, y] = outlines[0].ring[0]
    const back = gcj02ToWgs84(x, y)
    expect(Math.abs(back[0] - lng)).toBeLessThan(1e-5)
    expect(Math.abs(back[1] - lat)).toBeLessThan(1e-5)
  })

  it('lists errors before warnings, the file\'s own first', () => {
    const file = gridsToGeoJson([
      aGrid({ id: 'a', code: '430111001001001' }),
      aGrid({ id: 'b', code: '430111001001001', name: '二号', polygon: [[120.2, 30.24], [120.21, 30.24], [120.21, 30.25], [120.2, 30.25]] })
    ])
    delete (file.features[0].properties as { population?: number }).population
    delete (file as { properties?: unknown }).properties
    const lines = reportLines(parseGridFile(file).report)
    expect(lines.map((l) => [l.index, l.problem.rule])).toEqual([[null, 'datum_missing'], [1, 'code_duplicate'], [0, 'population_missing']])
  })
})
