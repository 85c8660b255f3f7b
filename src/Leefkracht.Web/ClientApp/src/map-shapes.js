import { get } from './http.js';

// The boundaries of a map layer, fetched apart from its values (GET /api/v1/map/{level}/geometry, docs/web.md#map-geometry)
// and decoded once per page load: switching the colouring or the year within a division year fetches only the values,
// and a later visit takes the boundaries from the browser's cache (immutable under their versioned URL).

/**
 * @typedef {{ code: string, name: string | null, value: number | null, class: string | null }} AreaProperties
 * @typedef {GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, AreaProperties>} AreaFeature
 * @typedef {{ features: AreaFeature[], byCode: Map<string, AreaFeature> }} Shapes
 * @typedef {{ boundaryYear: number, scale: number, codes: string[], names: (string | null)[], shapes: number[][][][] }} CompactShapes
 */

/** @type {Map<string, Promise<Shapes>>} decoded boundaries per level, year, detail and version */
const decoded = new Map();

/**
 * The boundaries of a level near a year at a detail, as GeoJSON features whose properties the caller fills in. With
 * the version the values named, the browser keeps them for good; without it, it asks again each time (a 304).
 * @param {string} level
 * @param {number | string} year
 * @param {string} detail
 * @param {string} [version]
 * @returns {Promise<Shapes>}
 */
export function shapesOf(level, year, detail, version) {
  const key = `${level}:${year}:${detail}:${version ?? ''}`;
  let found = decoded.get(key);
  if (!found) {
    const query = version ? { year, detail, v: version } : { year, detail };
    found = get(`/api/v1/map/${level}/geometry`, query).then((compact) => decode(/** @type {CompactShapes} */ (compact)));
    found.catch(() => decoded.delete(key));
    decoded.set(key, found);
  }
  return found;
}

/**
 * Decodes the compact boundaries: per ring the first point as whole numbers times `scale`, the others as differences
 * from the point before; the ring is closed again here.
 * @param {CompactShapes} compact
 * @returns {Shapes}
 */
export function decode(compact) {
  const scale = compact.scale;
  /** @param {number[]} ring */
  const points = (ring) => {
    /** @type {GeoJSON.Position[]} */
    const out = [];
    let x = 0;
    let y = 0;
    for (let k = 0; k + 1 < ring.length; k += 2) {
      x += ring[k];
      y += ring[k + 1];
      out.push([x / scale, y / scale]);
    }
    if (out.length > 0) out.push(out[0]);
    return out;
  };
  /** @type {AreaFeature[]} */
  const features = compact.codes.map((code, i) => {
    const polygons = compact.shapes[i].map((rings) => rings.map(points));
    return {
      type: 'Feature',
      id: code,
      properties: { code, name: compact.names[i], value: null, class: null },
      geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    };
  });
  return { features, byCode: new Map(features.map((f) => [f.properties.code, f])) };
}
