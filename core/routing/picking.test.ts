import { distanceMeters } from './geometry'
import {
  MAX_PICK_UNCERTAINTY_M, TAP_UNCERTAINTY_PX, duplicateSearchRadiusM, mercatorMetresPerPixel, metresPerPixel, pickUncertaintyM
} from './picking'

describe('metres per pixel', () => {
  it('of an equirectangular view: the ground length of one px of latitude', () => {
    // 280 px for 0.16° of latitude (the demo district on a phone): ~64 m a px.
    const mpp = metresPerPixel(280 / 0.16)
    expect(mpp).toBeCloseTo(63.6, 1)
    // One px of latitude really is that far on the ground.
    expect(distanceMeters({ lng: 113, lat: 28.1 }, { lng: 113, lat: 28.1 + 1 / (280 / 0.16) })).toBeCloseTo(mpp, -0.5)
    expect(metresPerPixel(0)).toBe(Infinity)
    expect(metresPerPixel(Number.NaN)).toBe(Infinity)
  })

  it('of a Web-Mercator map: halves with each zoom level, shorter away from the equator', () => {
    expect(mercatorMetresPerPixel(0, 0)).toBeCloseTo(156_543.03, 1)
    expect(mercatorMetresPerPixel(16, 28.15) * 2).toBeCloseTo(mercatorMetresPerPixel(15, 28.15), 9)
    expect(mercatorMetresPerPixel(16, 28.15)).toBeCloseTo(2.1, 1)
  })
})

describe('pickUncertaintyM', () => {
  it('is the tap slop at the scale, rounded, and never more than the cap', () => {
    expect(pickUncertaintyM(10)).toBe(10 * TAP_UNCERTAINTY_PX)
    expect(pickUncertaintyM(2.26)).toBe(9)
    expect(pickUncertaintyM(70)).toBe(280)
    expect(pickUncertaintyM(500)).toBe(MAX_PICK_UNCERTAINTY_M)
    expect(pickUncertaintyM(Infinity)).toBe(MAX_PICK_UNCERTAINTY_M)
  })

  it('is 0 for a scale that makes no sense', () => {
    expect(pickUncertaintyM(0)).toBe(0)
    expect(pickUncertaintyM(-3)).toBe(0)
    expect(pickUncertaintyM(Number.NaN)).toBe(0)
  })

  it('shrinks as the map zooms in: zoomed 2.56× it is 2.56× smaller', () => {
    const fitted = metresPerPixel(280 / 0.16)
    expect(pickUncertaintyM(fitted / 2.56)).toBe(Math.round((fitted / 2.56) * TAP_UNCERTAINTY_PX))
    expect(pickUncertaintyM(fitted / 2.56)).toBeLessThan(pickUncertaintyM(fitted))
  })
})

describe('duplicateSearchRadiusM', () => {
  it('widens the category radius by the uncertainty, capped', () => {
    expect(duplicateSearchRadiusM(30)).toBe(30)
    expect(duplicateSearchRadiusM(30, 0)).toBe(30)
    expect(duplicateSearchRadiusM(30, 120)).toBe(150)
    expect(duplicateSearchRadiusM(50, 10_000)).toBe(50 + MAX_PICK_UNCERTAINTY_M)
  })

  it('ignores a negative or non-finite uncertainty', () => {
    expect(duplicateSearchRadiusM(30, -20)).toBe(30)
    expect(duplicateSearchRadiusM(30, Number.NaN)).toBe(30)
    expect(duplicateSearchRadiusM(30, Infinity)).toBe(30)
  })
})
