import { bboxAround, duplicateCandidates } from './duplicates'
import { distanceMeters } from '../routing/geometry'

const NOW = '2026-11-20T00:00:00.000Z'
const here = { lng: 113.0, lat: 28.1 }
const metresEast = (m: number) => ({ lng: here.lng + m / (111_320 * Math.cos((here.lat * Math.PI) / 180)), lat: here.lat })
const t = (id: string, m: number, extra: Record<string, unknown> = {}) => ({
  id, categoryId: 'c1', location: metresEast(m), state: 'dispatched' as const, createdAt: '2026-11-19T00:00:00.000Z', mergedInto: null, ...extra
})

describe('duplicate candidates', () => {
  const category = { id: 'c1', duplicateRadiusM: 50 }

  it('offers open reports of the same category within the radius, nearest first', () => {
    const found = duplicateCandidates([t('far', 80), t('b', 40), t('a', 10)], here, category, NOW)
    expect(found.map((c) => c.ticket.id)).toEqual(['a', 'b'])
    expect(found[0].distanceM).toBeCloseTo(10, 0)
  })

  it('leaves out other categories, closed or merged reports, and old ones', () => {
    const found = duplicateCandidates([
      t('other', 5, { categoryId: 'c2' }),
      t('fixed', 5, { state: 'fixed' }),
      t('merged', 5, { mergedInto: 'x' }),
      t('old', 5, { createdAt: '2026-09-01T00:00:00.000Z' })
    ], here, category, NOW)
    expect(found).toEqual([])
  })

  it('makes a prefilter box that holds every point within the radius', () => {
    const box = bboxAround(here, 100)
    for (const deg of [0, 45, 90, 180, 270]) {
      const rad = (deg * Math.PI) / 180
      const p = { lng: here.lng + (99 * Math.cos(rad)) / (111_320 * Math.cos((here.lat * Math.PI) / 180)), lat: here.lat + (99 * Math.sin(rad)) / 111_320 }
      expect(distanceMeters(here, p)).toBeLessThan(100)
      expect(p.lng >= box.minLng && p.lng <= box.maxLng && p.lat >= box.minLat && p.lat <= box.maxLat).toBe(true)
    }
  })
})
