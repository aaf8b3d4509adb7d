import { fit, projection, ringsBbox, type LngLatBbox } from './projection'

// About the demo city (长沙雨花区): 0.148° × 0.161° at 28.1°N.
const city: LngLatBbox = { minLng: 112.985359, minLat: 28.039367, maxLng: 113.133417, maxLat: 28.200362 }
const close = (a: number, b: number, eps = 1e-9) => expect(Math.abs(a - b)).toBeLessThan(eps)

describe('grid map projection', () => {
  it('round-trips lng/lat → screen → lng/lat, and screen → lng/lat → screen', () => {
    const pr = fit(city, 351, 280, 12)
    for (const p of [{ lng: 113.0, lat: 28.1 }, { lng: city.minLng, lat: city.maxLat }, { lng: 113.12, lat: 28.05 }]) {
      const s = pr.toScreen(p)
      const back = pr.toLngLat(s.x, s.y)
      close(back.lng, p.lng)
      close(back.lat, p.lat)
    }
    const q = pr.toScreen(pr.toLngLat(17.5, 203.25))
    close(q.x, 17.5, 1e-6)
    close(q.y, 203.25, 1e-6)
  })

  it('fits the box centred inside the padding, north up, the tighter direction touching the padding', () => {
    const pr = fit(city, 351, 280, 12)
    const nw = pr.toScreen({ lng: city.minLng, lat: city.maxLat })
    const se = pr.toScreen({ lng: city.maxLng, lat: city.minLat })
    expect(nw.x).toBeLessThan(se.x)
    expect(nw.y).toBeLessThan(se.y) // north is up
    // The city is taller than wide on screen here: height decides, exactly 12 px top and bottom.
    close(nw.y, 12, 1e-6)
    close(se.y, 268, 1e-6)
    expect(nw.x).toBeGreaterThan(12)
    close((nw.x + se.x) / 2, 351 / 2, 1e-6)
    // A wide, flat screen: width decides.
    const wide = fit(city, 2000, 300, 10)
    close(wide.toScreen({ lng: city.minLng, lat: city.maxLat }).y, 10, 1e-6)
    expect(wide.toScreen({ lng: city.minLng, lat: city.maxLat }).x).toBeGreaterThan(10)
  })

  it('keeps the aspect ratio: one km east is cos(lat) as many degrees as one km north, and the same px', () => {
    const pr = fit(city, 351, 280, 12)
    const { sx, sy } = pr.view
    close(sx / sy, Math.cos((((city.minLat + city.maxLat) / 2) * Math.PI) / 180), 1e-12)
    // The box on screen has the box's ground proportions (width/height in km).
    const nw = pr.toScreen({ lng: city.minLng, lat: city.maxLat })
    const se = pr.toScreen({ lng: city.maxLng, lat: city.minLat })
    const midLat = ((city.minLat + city.maxLat) / 2) * Math.PI / 180
    const groundRatio = ((city.maxLng - city.minLng) * Math.cos(midLat)) / (city.maxLat - city.minLat)
    close((se.x - nw.x) / (se.y - nw.y), groundRatio, 1e-9)
    // Same ratio whatever the screen shape.
    const tall = fit(city, 200, 900, 0)
    close(tall.view.sx / tall.view.sy, sx / sy, 1e-12)
  })

  it('zoom keeps the focal point fixed on screen and scales distances by the factor', () => {
    const pr = fit(city, 351, 280, 12)
    const focus = { x: 100, y: 60 }
    const under = pr.toLngLat(focus.x, focus.y)
    const z = pr.zoom(2.5, focus.x, focus.y)
    const after = z.toScreen(under)
    close(after.x, focus.x, 1e-6)
    close(after.y, focus.y, 1e-6)
    const a = pr.toScreen({ lng: 113, lat: 28.1 })
    const b = pr.toScreen({ lng: 113.05, lat: 28.15 })
    const a2 = z.toScreen({ lng: 113, lat: 28.1 })
    const b2 = z.toScreen({ lng: 113.05, lat: 28.15 })
    close(Math.hypot(b2.x - a2.x, b2.y - a2.y), 2.5 * Math.hypot(b.x - a.x, b.y - a.y), 1e-6)
    // Zooming back out about the same point restores the view.
    const back = z.zoom(1 / 2.5, focus.x, focus.y).view
    close(back.tx, pr.view.tx, 1e-4)
    close(back.ty, pr.view.ty, 1e-4)
    close(back.sx, pr.view.sx, 1e-9)
  })

  it('pan moves every point by the same screen offset', () => {
    const pr = fit(city, 351, 280, 12).pan(30, -12)
    const base = fit(city, 351, 280, 12)
    const p = { lng: 113.01, lat: 28.12 }
    close(pr.toScreen(p).x, base.toScreen(p).x + 30, 1e-6)
    close(pr.toScreen(p).y, base.toScreen(p).y - 12, 1e-6)
  })

  it('publishes an affine view: x = tx + sx·lng, y = ty − sy·lat', () => {
    const pr = fit(city, 351, 280, 12).zoom(3, 50, 50).pan(-20, 7)
    const { sx, sy, tx, ty } = pr.view
    const p = { lng: 113.02, lat: 28.11 }
    close(pr.toScreen(p).x, tx + sx * p.lng, 1e-6)
    close(pr.toScreen(p).y, ty - sy * p.lat, 1e-6)
    expect(projection(pr.view).toScreen(p)).toEqual(pr.toScreen(p))
  })

  it('handles a degenerate box (one point) and finds the bbox of many rings', () => {
    const one = fit({ minLng: 113, minLat: 28, maxLng: 113, maxLat: 28 }, 300, 200, 10)
    const s = one.toScreen({ lng: 113, lat: 28 })
    close(s.x, 150, 1e-6)
    close(s.y, 100, 1e-6)
    expect(Number.isFinite(one.view.sx)).toBe(true)
    expect(ringsBbox([[[1, 2], [3, 1], [2, 5]], [], [[0, 3], [Number.NaN, 1]], [[-1, 4], [0, 0], [0.5, 6]]]))
      .toEqual({ minLng: -1, minLat: 0, maxLng: 3, maxLat: 6 })
    expect(ringsBbox([])).toBeNull()
  })
})
