import { mulberry32 } from '../prng'
import { gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './datum'

/**
 * Known pairs (WGS-84 → GCJ-02, [lng, lat]). Tiananmen is the pair from the brief (given to ~1e-6°);
 * the others are the published test vectors of independent implementations of the same conversion
 * (eviltransform's Shanghai/Shenzhen/Beijing tests, coordtransform's README example).
 */
const PAIRS: Array<{ place: string; wgs: [number, number]; gcj: [number, number]; tol: number }> = [
  { place: '天安门', wgs: [116.391275, 39.906217], gcj: [116.397519, 39.907614], tol: 1e-5 },
  { place: '上海', wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597], tol: 1e-9 },
  { place: '深圳', wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766], tol: 1e-9 },
  { place: '北京', wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069], tol: 1e-9 },
  { place: '北京 (coordtransform)', wgs: [116.404, 39.915], gcj: [116.41024449916938, 39.91640428150164], tol: 1e-9 }
]

describe('wgs84ToGcj02', () => {
  it.each(PAIRS)('matches the published pair for $place', ({ wgs, gcj, tol }) => {
    const [lng, lat] = wgs84ToGcj02(wgs[0], wgs[1])
    expect(Math.abs(lng - gcj[0])).toBeLessThan(tol)
    expect(Math.abs(lat - gcj[1])).toBeLessThan(tol)
  })

  it('shifts points in 长沙 by a few hundred metres, not more', () => {
    const [lng, lat] = wgs84ToGcj02(113.0, 28.1)
    const dxM = (lng - 113.0) * 111_320 * Math.cos((28.1 * Math.PI) / 180)
    const dyM = (lat - 28.1) * 110_570
    expect(Math.hypot(dxM, dyM)).toBeGreaterThan(100)
    expect(Math.hypot(dxM, dyM)).toBeLessThan(1_000)
  })

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(2.2945, 48.8584)).toEqual([2.2945, 48.8584])
    expect(wgs84ToGcj02(139.7671, 35.6812)).toEqual([139.7671, 35.6812])
  })
})

describe('gcj02ToWgs84', () => {
  it.each(PAIRS.filter((p) => p.tol < 1e-6))('inverts the published pair for $place to < 1e-6°', ({ wgs, gcj }) => {
    const [lng, lat] = gcj02ToWgs84(gcj[0], gcj[1])
    expect(Math.abs(lng - wgs[0])).toBeLessThan(1e-6)
    expect(Math.abs(lat - wgs[1])).toBeLessThan(1e-6)
  })

  it('round-trips 2,000 random points across China to < 1e-6° both ways', () => {
    const rng = mulberry32(20240901)
    let worst = 0
    for (let i = 0; i < 2_000; i++) {
      const lng = 73.5 + rng() * 61.5
      const lat = 18 + rng() * 35.5
      const [gLng, gLat] = wgs84ToGcj02(lng, lat)
      const [wLng, wLat] = gcj02ToWgs84(gLng, gLat)
      worst = Math.max(worst, Math.abs(wLng - lng), Math.abs(wLat - lat))
      const [w2Lng, w2Lat] = gcj02ToWgs84(lng, lat)
      const [g2Lng, g2Lat] = wgs84ToGcj02(w2Lng, w2Lat)
      worst = Math.max(worst, Math.abs(g2Lng - lng), Math.abs(g2Lat - lat))
    }
    expect(worst).toBeLessThan(1e-6)
  })

  it('leaves points outside China alone', () => {
    expect(gcj02ToWgs84(-74.0445, 40.6892)).toEqual([-74.0445, 40.6892])
  })
})

describe('outOfChina', () => {
  it('uses the published box', () => {
    expect(outOfChina(113.0, 28.1)).toBe(false) // 长沙
    expect(outOfChina(87.6, 43.8)).toBe(false) // 乌鲁木齐
    expect(outOfChina(72.003, 30)).toBe(true)
    expect(outOfChina(137.8348, 30)).toBe(true)
    expect(outOfChina(100, 0.8292)).toBe(true)
    expect(outOfChina(100, 55.8272)).toBe(true)
    // Swapped lat/lng, the most common mistake in hand-made files, lands outside.
    expect(outOfChina(28.1, 113.0)).toBe(true)
  })
})
