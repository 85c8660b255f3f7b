import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

// What the map page and the planner's map share: a Leaflet map of the Netherlands drawn on one canvas (13,748 buurt
// polygons stay smooth), the CBS attribution, and the hooks the browser tests use to find and click an area.

/** @type {L.LatLngBoundsExpression} */
export const netherlands = [[50.75, 3.35], [53.56, 7.23]];

/**
 * A map in `box` showing the whole country, and the canvas renderer its layers draw with.
 * @param {HTMLElement} box
 */
export function leafletMap(box) {
  const map = L.map(box, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6, maxZoom: 16, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Bron: CBS (CC BY 4.0)');
  map.fitBounds(netherlands);
  return { map, renderer: L.canvas({ padding: 0.3, tolerance: 2 }) };
}

/**
 * Publishes the layer just drawn for the browser tests (`window.leefkracht.features`, `pointOf`).
 * @param {L.GeoJSON} layer
 * @param {L.Map} map
 * @param {Partial<Window['leefkracht']>} more
 */
export function publish(layer, map, more) {
  window.leefkracht = { ...window.leefkracht, layer, map, ...more };
}

/**
 * A point inside an area's polygon on screen (tests click it; the centre of the box may lie outside).
 * @param {string} code
 */
function pointOf(code) {
  const { layer, map } = window.leefkracht;
  if (!layer || !map) return null;
  /** @type {L.Polygon | undefined} */
  let found;
  layer.eachLayer((l) => { if (/** @type {L.Polygon} */ (l).feature?.properties.code === code) found = /** @type {L.Polygon} */ (l); });
  if (!found) return null;
  // The outer ring of the first polygon, on screen; a horizontal line through its middle crosses it in pairs.
  /** @type {any} */
  let rings = found.getLatLngs();
  while (Array.isArray(rings[0])) rings = rings[0];
  const ring = /** @type {L.LatLng[]} */ (rings).map((ll) => map.latLngToContainerPoint(ll));
  const y = L.bounds(ring).getCenter().y;
  /** @type {number[]} */
  const crossings = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[i], ring[j]];
    if ((a.y > y) !== (b.y > y)) crossings.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
  }
  crossings.sort((p, q) => p - q);
  /** @type {[number, number] | null} */
  let best = null;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    if (!best || crossings[k + 1] - crossings[k] > best[1] - best[0]) best = [crossings[k], crossings[k + 1]];
  }
  if (!best) return null;
  const rect = map.getContainer().getBoundingClientRect();
  return { x: rect.left + (best[0] + best[1]) / 2, y: rect.top + y };
}

window.leefkracht = { ...window.leefkracht, pointOf };
