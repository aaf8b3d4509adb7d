import type { Grid } from '../types'

/**
 * Grids as a GeoJSON FeatureCollection the importer reads back unchanged (core/geo/geojson.ts, default property
 * names, datum stated as GCJ-02): the office downloads the active version, edits it in a GIS tool, imports it again.
 * Rings are closed here (stored rings are open).
 */
export interface GridFeatureCollection {
  type: 'FeatureCollection'
  properties: { datum: 'GCJ-02' }
  features: Array<{
    type: 'Feature'
    properties: { code: string; name: string; district: string; street: string; community: string; population: number }
    geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }
  }>
}

export function gridsToGeoJson (grids: readonly Grid[]): GridFeatureCollection {
  return {
    type: 'FeatureCollection',
    properties: { datum: 'GCJ-02' },
    features: grids.map((g) => ({
      type: 'Feature',
      properties: { code: g.code, name: g.name, district: g.district, street: g.street, community: g.community, population: g.population },
      geometry: { type: 'Polygon', coordinates: [[...g.polygon.map(([x, y]): [number, number] => [x, y]), [g.polygon[0][0], g.polygon[0][1]]]] }
    }))
  }
}
