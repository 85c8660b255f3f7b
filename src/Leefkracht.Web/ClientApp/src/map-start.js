import { get } from './http.js';
import { adopt, shapesOf } from './map-shapes.js';

// The map page's first requests, started by the router as soon as the entry script runs, while the map page's code
// and Leaflet are still downloading: /meta, the gemeente list, then at once the first layer's values and its
// boundaries. The page (pages/map.js) takes each answer once (`take`) instead of asking again. Before this, the
// requests went one after the other — code, meta, gemeente list, values, and only then the boundaries, whose
// versioned address the values name — and that chain was most of the cold national buurt map's first paint
// (docs/benchmarks.md, "Map: highlight, public zoom animation, requests at once").
//
// The boundaries cannot wait for the values' geometryVersion without putting them back in the chain: they are asked
// without a version, for the values' year (no-cache: a 304 when the browser has them, so a later visit costs a round
// trip beside the values' one, not their bytes), and kept when the values name the same boundary year.

/** The colouring and indicator the map shows when the address names none. */
export const defaults = { level: 'gemeente', by: 'total', indicator: 'good_health_pct' };
/** The detail the first, national view draws (pages/map.js `detailFor` at the zoom of the whole country). */
export const nationalDetail = 'low';

/** @type {Map<string, Promise<any>>} requests started early, by path and query, until the page takes them */
const early = new Map();
/** @type {{ level: string, year: string, detail: string, shapes: Promise<import('./map-shapes.js').Shapes> } | null} boundaries asked without a version */
let unversioned = null;

/**
 * A request's key: its path and non-empty query parameters in order.
 * @param {string} path
 * @param {import('./http.js').Params} query
 */
function keyOf(path, query) {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => `${k}=${v}`).sort();
  return `${path}?${entries.join('&')}`;
}

/**
 * Starts a GET now, for the page to take later.
 * @param {string} path
 * @param {import('./http.js').Params} [query]
 */
function begin(path, query = {}) {
  const answer = get(path, query);
  // A failure is the page's to report when it takes the answer; until then it is not an unhandled rejection.
  answer.catch(() => {});
  early.set(keyOf(path, query), answer);
  return answer;
}

/**
 * The answer of a GET started early (once), or a new GET.
 * @param {string} path
 * @param {import('./http.js').Params} [query]
 * @returns {Promise<any>}
 */
export function take(path, query = {}) {
  const key = keyOf(path, query);
  const started = early.get(key);
  if (started) {
    early.delete(key);
    return started;
  }
  return get(path, query);
}

/**
 * The boundaries the values name: those started early without a version when they are of the same level, detail and
 * boundary year (the values of `year` are drawn on the boundaries nearest to it, which the early request got too),
 * else the versioned ones. Boundaries taken from the early request are kept as those of the values' version.
 * @param {string} level
 * @param {string} year the year the values were asked for
 * @param {string} detail
 * @param {{ boundaryYear: number, geometryVersion: string }} values
 */
export function boundariesFor(level, year, detail, values) {
  const asked = unversioned;
  if (asked && asked.level === level && asked.year === year && asked.detail === detail) {
    unversioned = null;
    return asked.shapes.then((shapes) => {
      if (shapes.boundaryYear !== values.boundaryYear) return shapesOf(level, values.boundaryYear, detail, values.geometryVersion);
      adopt(level, values.boundaryYear, detail, values.geometryVersion, shapes);
      return shapes;
    });
  }
  return shapesOf(level, values.boundaryYear, detail, values.geometryVersion);
}

/**
 * Starts the requests of the map at `params` (its address's query): meta and the gemeente list at once, then the
 * first layer's values and boundaries together. A colouring by change needs meta's years to pick its other year, so
 * its values wait for the page.
 * @param {URLSearchParams} params
 */
export function startMap(params) {
  early.clear();
  unversioned = null;
  const meta = begin('/api/v1/meta');
  begin('/api/v1/areas', { level: 'gemeente', limit: 1000 });
  const level = params.get('level') ?? defaults.level;
  const by = params.get('by') ?? defaults.by;
  const gemeente = params.get('gemeente') ?? '';
  meta.then((/** @type {import('./contracts.js').Meta} */ m) => {
    const year = params.get('year') ?? String(m.defaultYear);
    if (by !== 'change') begin(`/api/v1/map/${level}/values`, { year, by, gemeente, indicator: by === 'indicator' ? params.get('indicator') ?? defaults.indicator : '' });
    const shapes = shapesOf(level, year, nationalDetail);
    shapes.catch(() => {});
    unversioned = { level, year, detail: nationalDetail, shapes };
  }, () => {});
}
