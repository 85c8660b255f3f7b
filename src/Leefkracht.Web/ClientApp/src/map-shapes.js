import { get } from './http.js';

// The boundaries of a map layer, fetched apart from its values (GET /api/v1/map/{level}/geometry, docs/web.md#map-geometry)
// and decoded once per page load: switching the colouring or the year within a division year fetches only the values,
// and a later visit takes the boundaries from the browser's cache (immutable under their versioned URL).
//
// They are decoded straight into flat typed arrays (no GeoJSON objects, no Leaflet LatLng per point): the national
// buurt layer has 13,748 areas and about 100,000 points, and building a Leaflet path per area cost more than a second
// of the first paint (docs/benchmarks.md, "Map: one canvas for every area"). area-layer.js draws from these arrays.

/**
 * @typedef {{ code: string, name: string | null, value: number | null, class: string | null }} AreaProperties
 * @typedef {{ boundaryYear: number, scale: number, codes: string[], names: (string | null)[], shapes: number[][][][] }} CompactShapes
 * @typedef {object} Shapes
 * @property {number} boundaryYear the year of the boundaries
 * @property {AreaProperties[]} areas each area's code and name (value and class filled in by the page), in the boundaries' order
 * @property {Map<string, number>} byCode an area's index by its code
 * @property {Float64Array} lonLat every point, longitude and latitude in turn
 * @property {Float64Array} world every point in Web Mercator "world" units: x and y from 0 to 1 (×256×2^zoom gives Leaflet's pixels)
 * @property {Uint32Array} ringStart the first point of each ring (and, last, the number of points)
 * @property {Uint32Array} areaRing the first ring of each area (and, last, the number of rings); an area's first ring is its first polygon's exterior
 * @property {Float64Array} box each area's bounding box in world units: minX, minY, maxX, maxY
 */

/** @type {Map<string, Promise<Shapes>>} decoded boundaries per level, year, detail and version */
const decoded = new Map();

/**
 * The boundaries of a level near a year at a detail, as flat arrays whose areas' value and class the caller fills
 * in. With the version the values named, the browser keeps them for good; without it, it asks again each time (a 304).
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
    found = get(`/api/v1/map/${level}/geometry`, query).then((compact) => {
      performance.mark('map:geometry');
      return decode(/** @type {CompactShapes} */ (compact));
    });
    found.catch(() => decoded.delete(key));
    decoded.set(key, found);
  }
  return found;
}

/**
 * Keeps boundaries fetched another way (without a version, map-start.js) as those of a version, so that a later
 * shapesOf of that version (the next colouring) finds them instead of fetching them again.
 * @param {string} level
 * @param {number} year
 * @param {string} detail
 * @param {string} version
 * @param {Shapes} shapes
 */
export function adopt(level, year, detail, version, shapes) {
  const key = `${level}:${year}:${detail}:${version}`;
  if (!decoded.has(key)) decoded.set(key, Promise.resolve(shapes));
}

/** Web Mercator as Leaflet's EPSG:3857 at zoom 0, divided by 256: x and y from 0 to 1. */
const maxLatitude = 85.0511287798;
/** @param {number} lon */
export const worldX = (lon) => 0.5 + lon / 360;
/** @param {number} lat */
export const worldY = (lat) => {
  const phi = (Math.max(-maxLatitude, Math.min(maxLatitude, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
};

/**
 * Decodes the compact boundaries: per ring the first point as whole numbers times `scale`, the others as differences
 * from the point before (the ring is not closed again: the drawing closes it). Exterior rings are turned one way
 * and holes the other, whatever the source's order, so that one nonzero fill of many areas cuts every hole.
 * @param {CompactShapes} compact
 * @returns {Shapes}
 */
export function decode(compact) {
  const scale = compact.scale;
  let points = 0;
  let rings = 0;
  for (const shape of compact.shapes) {
    for (const polygon of shape) {
      rings += polygon.length;
      for (const ring of polygon) points += ring.length >> 1;
    }
  }
  const lonLat = new Float64Array(points * 2);
  const world = new Float64Array(points * 2);
  const ringStart = new Uint32Array(rings + 1);
  const areaRing = new Uint32Array(compact.codes.length + 1);
  const box = new Float64Array(compact.codes.length * 4);
  let p = 0;
  let r = 0;
  compact.shapes.forEach((shape, a) => {
    areaRing[a] = r;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of shape) {
      polygon.forEach((ring, k) => {
        ringStart[r++] = p;
        const first = p;
        let x = 0;
        let y = 0;
        let twiceArea = 0;
        for (let i = 0; i + 1 < ring.length; i += 2) {
          x += ring[i];
          y += ring[i + 1];
          const lon = x / scale;
          const lat = y / scale;
          lonLat[2 * p] = lon;
          lonLat[2 * p + 1] = lat;
          const wx = worldX(lon);
          const wy = worldY(lat);
          world[2 * p] = wx;
          world[2 * p + 1] = wy;
          if (p > first) twiceArea += world[2 * p - 2] * wy - wx * world[2 * p - 1];
          minX = Math.min(minX, wx); maxX = Math.max(maxX, wx);
          minY = Math.min(minY, wy); maxY = Math.max(maxY, wy);
          p++;
        }
        if (p - first > 2) twiceArea += world[2 * p - 2] * world[2 * first + 1] - world[2 * first] * world[2 * p - 1];
        // The exterior (k = 0) clockwise on screen (y down: positive area), holes the other way.
        if ((k === 0) !== (twiceArea > 0)) reverse(lonLat, world, first, p);
      });
    }
    box.set([minX, minY, maxX, maxY], 4 * a);
  });
  ringStart[r] = p;
  areaRing[compact.codes.length] = r;
  const areas = compact.codes.map((code, i) => ({ code, name: compact.names[i], value: /** @type {number | null} */ (null), class: /** @type {string | null} */ (null) }));
  return { boundaryYear: compact.boundaryYear, areas, byCode: new Map(compact.codes.map((c, i) => [c, i])), lonLat, world, ringStart, areaRing, box };
}

/**
 * Turns the points from `from` to `to` (exclusive) around, in both arrays.
 * @param {Float64Array} a
 * @param {Float64Array} b
 * @param {number} from
 * @param {number} to
 */
function reverse(a, b, from, to) {
  for (let i = from, j = to - 1; i < j; i++, j--) {
    for (const array of [a, b]) {
      const [x, y] = [array[2 * i], array[2 * i + 1]];
      array[2 * i] = array[2 * j];
      array[2 * i + 1] = array[2 * j + 1];
      array[2 * j] = x;
      array[2 * j + 1] = y;
    }
  }
}

/**
 * The boundaries as GeoJSON features (for the context layer's few hundred gemeente outlines, which Leaflet draws).
 * @param {Shapes} shapes
 * @returns {GeoJSON.Feature<GeoJSON.MultiPolygon, AreaProperties>[]}
 */
export function featuresOf(shapes) {
  return shapes.areas.map((properties, a) => {
    /** @type {GeoJSON.Position[][][]} */
    const polygons = [];
    for (let r = shapes.areaRing[a]; r < shapes.areaRing[a + 1]; r++) {
      /** @type {GeoJSON.Position[]} */
      const ring = [];
      for (let p = shapes.ringStart[r]; p < shapes.ringStart[r + 1]; p++) ring.push([shapes.lonLat[2 * p], shapes.lonLat[2 * p + 1]]);
      if (ring.length > 0) ring.push(ring[0]);
      // A ring turned the exterior's way starts a new polygon; one turned the other way is a hole of the polygon before.
      if (r === shapes.areaRing[a] || isExterior(shapes, r)) polygons.push([ring]);
      else polygons[polygons.length - 1].push(ring);
    }
    return { type: 'Feature', id: properties.code, properties, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  });
}

/**
 * Whether a ring is turned as exteriors are (clockwise on screen), by its signed area in world units.
 * @param {Shapes} shapes
 * @param {number} r
 */
function isExterior(shapes, r) {
  const w = shapes.world;
  const [from, to] = [shapes.ringStart[r], shapes.ringStart[r + 1]];
  let twiceArea = 0;
  for (let i = from, j = to - 1; i < to; j = i++) twiceArea += w[2 * j] * w[2 * i + 1] - w[2 * i] * w[2 * j + 1];
  return twiceArea > 0;
}
