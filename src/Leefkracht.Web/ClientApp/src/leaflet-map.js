import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { escape } from './dom.js';

// What the map page and the planner's map share: a Leaflet map of the Netherlands drawn on one canvas (13,748 buurt
// polygons stay smooth), the CBS attribution, a scale bar, the configured base map (tiles, when the server names a
// tile URL), and the hooks the browser tests use to find and click an area.

/** @type {L.LatLngBoundsExpression} */
export const netherlands = [[50.75, 3.35], [53.56, 7.23]];

/**
 * A map in `box` showing the whole country, with a scale bar and, when `baseMap` names a tile URL, its tiles
 * underneath; and the canvas renderer its layers draw with.
 * @param {HTMLElement} box
 * @param {{ tileUrl: string | null, attribution: string }} [baseMap] GET /meta's `baseMap`
 */
export function leafletMap(box, baseMap) {
  const map = L.map(box, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6, maxZoom: 16, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Bron: CBS (CC BY 4.0)');
  L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 150 }).addTo(map);
  if (baseMap?.tileUrl) {
    // Tiles that fail (no network) leave the context layer drawn from the store: the map still shows where you are.
    L.tileLayer(baseMap.tileUrl, { attribution: baseMap.attribution, maxZoom: 19, className: 'base-tiles' }).addTo(map);
    box.dataset.tiles = baseMap.tileUrl;
  }
  map.fitBounds(netherlands);
  return { map, renderer: L.canvas({ padding: 0.3, tolerance: 2 }) };
}

/**
 * The context layer over the colours: every gemeente's outline from the store's boundaries, with its name as a label
 * (shown from zoom 9 on, and always for `selected`), so that a map without tiles still shows where you are. It
 * takes no clicks: those go to the areas underneath.
 * @param {L.Map} map
 * @param {GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string, name: string | null }>} gemeenten
 * @param {string} selected a gemeente code, or ''
 */
export function contextLayer(map, gemeenten, selected) {
  if (!map.getPane('context')) {
    const pane = map.createPane('context');
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
  }
  const group = L.layerGroup();
  const outlines = L.geoJSON(gemeenten, {
    pane: 'context',
    interactive: false,
    ...{ renderer: outlineRenderer(map) },
    style: (f) => ({ fill: false, color: f?.properties.code === selected ? '#111' : '#333', weight: f?.properties.code === selected ? 2.5 : 1, opacity: 0.8 }),
  });
  group.addLayer(outlines);
  outlines.eachLayer((l) => {
    const polygon = /** @type {L.Polygon} */ (l);
    const p = polygon.feature?.properties;
    if (!p?.name) return;
    const chosen = p.code === selected;
    const label = L.marker(polygon.getBounds().getCenter(), {
      interactive: false, keyboard: false, pane: 'context',
      icon: L.divIcon({ className: chosen ? 'area-label selected' : 'area-label', html: `<span>${escape(p.name)}</span>`, iconSize: undefined }),
    });
    group.addLayer(label);
  });
  const zoomClass = () => map.getContainer().classList.toggle('labels-on', map.getZoom() >= 9);
  map.on('zoomend', zoomClass);
  zoomClass();
  group.addTo(map);
  return group;
}

/** @type {WeakMap<L.Map, L.Renderer>} */
const outlineRenderers = new WeakMap();

/**
 * One canvas for the outlines in the context pane, above the colours' canvas.
 * @param {L.Map} map
 */
function outlineRenderer(map) {
  let renderer = outlineRenderers.get(map);
  if (!renderer) {
    renderer = L.canvas({ pane: 'context', padding: 0.3 });
    outlineRenderers.set(map, renderer);
  }
  return renderer;
}

/**
 * Publishes the layer just drawn for the browser tests (`window.leefkracht.features`, `pointOf`).
 * @param {L.GeoJSON | import('./area-layer.js').AreaLayer} layer
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
  const outer = 'ringOf' in layer ? layer.ringOf(code) : ringOfPath(layer, code);
  if (!outer) return null;
  // The outer ring of the first polygon, on screen; a horizontal line through its middle crosses it in pairs.
  const ring = outer.map((ll) => map.latLngToContainerPoint(ll));
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

/**
 * The outer ring of the first polygon of an area drawn as a Leaflet path (the planner's map).
 * @param {L.GeoJSON} layer
 * @param {string} code
 * @returns {L.LatLng[] | null}
 */
function ringOfPath(layer, code) {
  /** @type {L.Polygon | undefined} */
  let found;
  layer.eachLayer((l) => { if (/** @type {L.Polygon} */ (l).feature?.properties.code === code) found = /** @type {L.Polygon} */ (l); });
  if (!found) return null;
  /** @type {any} */
  let rings = found.getLatLngs();
  while (Array.isArray(rings[0])) rings = rings[0];
  return rings;
}

window.leefkracht = { ...window.leefkracht, pointOf };
