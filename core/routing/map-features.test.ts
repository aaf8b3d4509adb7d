import { describePoint, distanceToLineM, featuresWithin, type MapFeatures } from './map-features'

const features: MapFeatures = {
  roads: [
    { name: '韶山路', kind: 'main', line: [[113.0, 28.10], [113.0, 28.20]] },
    { name: '劳动路', kind: 'main', line: [[112.95, 28.176], [113.05, 28.176]] },
    { name: '浏阳河', kind: 'river', line: [[113.005, 28.10], [113.005, 28.20]] },
    { name: '远方大道', kind: 'main', line: [[114.0, 30.0], [114.1, 30.0]] }
  ],
  places: [
    { name: '东塘', rank: 1, at: [113.001, 28.176] },
    { name: '洞井', rank: 2, at: [113.006, 28.117] },
    { name: '远方', rank: 1, at: [114.05, 30.0] }
  ]
}

describe('featuresWithin', () => {
  it('keeps the roads and places that reach into the box (with a margin), drops another city\'s', () => {
    const box = { minLng: 112.99, minLat: 28.11, maxLng: 113.02, maxLat: 28.19 }
    const got = featuresWithin(features, box)
    expect(got.roads.map((r) => r.name)).toEqual(['韶山路', '劳动路', '浏阳河'])
    expect(got.places.map((p) => p.name)).toEqual(['东塘', '洞井'])
    // 洞井 is ~700 m south of a box that ends at 28.123: in with the default 1 km margin, out with none.
    const tight = { ...box, minLat: 28.123 }
    expect(featuresWithin(features, tight).places.map((p) => p.name)).toEqual(['东塘', '洞井'])
    expect(featuresWithin(features, tight, 0).places.map((p) => p.name)).toEqual(['东塘'])
  })

  it('gives nothing for a box far from every feature', () => {
    expect(featuresWithin(features, { minLng: 100, minLat: 20, maxLng: 100.1, maxLat: 20.1 })).toEqual({ roads: [], places: [] })
  })
})

describe('distanceToLineM', () => {
  it('measures to the nearest segment, across and beyond its ends', () => {
    // 0.001° of longitude at 28.15°N ≈ 98 m.
    expect(distanceToLineM({ lng: 113.001, lat: 28.15 }, [[113.0, 28.1], [113.0, 28.2]])).toBeCloseTo(98.1, 0)
    // Beyond the north end: the distance to the end point.
    expect(distanceToLineM({ lng: 113.0, lat: 28.201 }, [[113.0, 28.1], [113.0, 28.2]])).toBeCloseTo(111.3, 0)
    expect(distanceToLineM({ lng: 113.0, lat: 28.1 }, [[113.0, 28.1]])).toBe(0)
  })
})

describe('describePoint', () => {
  it('names the nearest place and the nearest road, in words', () => {
    expect(describePoint({ lng: 113.0005, lat: 28.1765 }, features)).toBe('东塘附近，韶山路旁')
    // Beside 劳动路, 1.2 km from 东塘, 3.5 km from 韶山路.
    expect(describePoint({ lng: 113.04, lat: 28.1762 }, features)).toBe('劳动路旁')
    // Near 洞井, 580 m from 韶山路, and beside a river that is no road.
    expect(describePoint({ lng: 113.0059, lat: 28.118 }, features)).toBe('洞井附近')
  })

  it('says nothing when nothing named is near', () => {
    expect(describePoint({ lng: 113.08, lat: 28.05 }, features)).toBeNull()
    expect(describePoint({ lng: 113.0, lat: 28.15 }, { roads: [], places: [] })).toBeNull()
  })
})
