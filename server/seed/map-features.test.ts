import { featuresWithin, ringBbox } from '../../core/routing'
import { YUHUA_MAP_FEATURES } from './map-features'
import { YUHUA_OUTLINE } from './outline'
import { insideRing } from './geo'

describe('雨花区 map features', () => {
  it('lie over the district: every place inside its outline but 省政府 on its west edge, every road reaching into it', () => {
    const box = ringBbox(YUHUA_OUTLINE)!
    expect(featuresWithin(YUHUA_MAP_FEATURES, box, 500)).toEqual(YUHUA_MAP_FEATURES)
    const outside = YUHUA_MAP_FEATURES.places.filter((p) => !insideRing({ lng: p.at[0], lat: p.at[1] }, YUHUA_OUTLINE)).map((p) => p.name)
    expect(outside.every((n) => n === '省政府')).toBe(true)
  })

  it('name each road and place once', () => {
    const names = [...YUHUA_MAP_FEATURES.roads.map((r) => r.name), ...YUHUA_MAP_FEATURES.places.map((p) => p.name)]
    expect(new Set(names).size).toBe(names.length)
  })
})
