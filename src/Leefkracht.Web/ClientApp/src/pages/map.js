import { AreaLayer } from '../area-layer.js';
import { colourOf, none } from '../colours.js';
import { announce, el, escape, labelled, options } from '../dom.js';
import { get } from '../http.js';
import { measure, num, plain, t } from '../i18n.js';
import { contextLayer, leafletMap, netherlands, publish } from '../leaflet-map.js';
import { featuresOf, shapesOf } from '../map-shapes.js';
import { boundariesFor, defaults, nationalDetail, take } from '../map-start.js';
import { navigate } from '../router.js';

// The map page (#/map?level=&year=&by=&from=&indicator=&gemeente=): every area of a level coloured by livability, a
// dimension, resilience, change, LISA clusters or an indicator, with its legend; a click opens the area's profile.
// The boundaries and the values come apart (map-shapes.js): a change of colouring or year within a division year
// fetches only the values and re-colours the areas already drawn. The areas are drawn on one canvas (area-layer.js).

/**
 * @typedef {{ key: string, label: string }} LegendEntry
 * @typedef {{ title: string, kind: string, reversed: boolean, entries: LegendEntry[] }} Legend
 * @typedef {import('../map-shapes.js').AreaProperties} AreaProperties
 * @typedef {{ areas: AreaProperties[], shown: number[], legend: Legend, year: number }} Layer the areas shown (their properties, and their indices in the boundaries), in the values' order
 * @typedef {{ year: number, boundaryYear: number, geometryVersion: string, legend: Legend, codes?: string[], values: (number | null)[], classes: (string | null)[] }} LayerValues
 * @typedef {{ year: number, withValue: number, areas: number, coverage: number }} LayerYear
 */

/**
 * A year with the share of areas that have a value: "2024 (98 %)".
 * @param {LayerYear} y
 */
const yearLabel = (y) => `${y.year} (${y.coverage < 0.005 ? '< 1' : Math.round(y.coverage * 100)} %)`;

/**
 * Boundary detail for a zoom level: coarse for the country, finer when a gemeente is chosen.
 * @param {number} zoom
 * @param {boolean} hasGemeente
 */
function detailFor(zoom, hasGemeente) {
  if (zoom <= 8) return nationalDetail;
  if (zoom <= 10 || !hasGemeente) return 'medium';
  return zoom <= 12 ? 'high' : 'full';
}

/** @type {import('../router.js').View} */
export async function show(main, params) {
  /** @type {import('../contracts.js').Meta} (asked when the page was opened: map-start.js) */
  const meta = await take('/api/v1/meta');
  // Marks of the first paint's steps, read by scripts/map-paint.mjs (docs/benchmarks.md): where the time goes.
  performance.mark('map:meta');
  const state = {
    level: params.get('level') ?? defaults.level,
    year: params.get('year') ?? String(meta.defaultYear),
    by: params.get('by') ?? defaults.by,
    from: params.get('from') ?? String(meta.years.find((y) => y < (Number(params.get('year')) || meta.defaultYear)) ?? ''),
    indicator: params.get('indicator') ?? defaults.indicator,
    gemeente: params.get('gemeente') ?? '',
  };

  const layout = el('div', { class: 'map-layout' });
  const controls = el('form', { class: 'controls', 'aria-label': t('colourBy') });
  /** @type {[string, string][]} */
  const byOptions = [['total', t('by.total')], ...meta.dimensions.map((d) => /** @type {[string, string]} */ ([d.id, d.name])), ['resilience', t('by.resilience')], ['change', t('by.change')], ['lisa', t('by.lisa')], ['indicator', t('by.indicator')], ['leefbaarometer', t('by.leefbaarometer')]];
  /** @type {[number, number][]} */
  const years = meta.years.map((y) => [y, y]);
  const level = options(el('select'), [['gemeente', t('gemeenteLevel')], ['wijk', t('wijkLevel')], ['buurt', t('buurtLevel')]], state.level);
  const year = options(el('select'), years, state.year);
  const by = options(el('select'), byOptions, state.by);
  const from = options(el('select'), years, state.from);
  const indicator = options(el('select'), meta.indicators.map((i) => /** @type {[string, string]} */ ([i.id, i.name])), state.indicator);
  /** @type {{ areas: import('../contracts.js').Area[] }} */
  const gemeenten = await take('/api/v1/areas', { level: 'gemeente', limit: 1000 });
  const gemeente = options(el('select'), [['', t('all')], ...gemeenten.areas.map((a) => /** @type {[string, string]} */ ([a.code, a.name]))], state.gemeente);
  // A gemeente's name is a name in every language (Goes, Best): translate="no" on its option, not on "Alle".
  for (const option of [...gemeente.options].slice(1)) option.translate = false;
  const fromField = labelled('from', t('fromYear'), from);
  const indicatorField = labelled('indicator', t('indicator'), indicator);
  controls.append(labelled('level', t('level'), level), labelled('year', t('year'), year), labelled('by', t('colourBy'), by), fromField, indicatorField, labelled('gemeente', t('gemeente'), gemeente));

  const legend = el('section', { class: 'legend', 'aria-label': t('legend') });
  // The table alternative to the map (reachable by keyboard, read by screen readers), shown on request under the map.
  const tableBox = el('section', { id: 'map-table', class: 'card', 'aria-labelledby': 'map-table-title', hidden: '' });
  const tableToggle = el('button', { type: 'button', id: 'map-table-toggle', 'aria-controls': 'map-table', 'aria-expanded': 'false', text: t('map.showTable') });
  controls.append(tableToggle, legend, el('p', { class: 'caveat small', text: meta.caveat }));
  const mapBox = el('div', { id: 'map', role: 'region', 'aria-label': t('mapLabel') });
  // Over the map: "Kaart laden…" until the data arrive, and why a map is empty or mostly grey.
  const message = el('p', { id: 'map-message', class: 'map-message', role: 'status', text: t('map.loading') });
  layout.append(controls, el('div', { class: 'map-wrap' }, mapBox, message));
  main.append(layout, tableBox);

  const { map } = leafletMap(mapBox, meta.baseMap);
  /** @type {L.LayerGroup | undefined} */
  let context;
  let contextKey = '';
  const drawContext = async () => {
    // The gemeente outlines come from the store (a gemeente layer, cached by the server), after the first map; coarse
    // for the country, finer once zoomed in so that they follow the buurten.
    const detail = map.getZoom() <= 8 ? 'low' : 'medium';
    const key = `${detail}:${gemeente.value}`;
    if (key === contextKey) return;
    contextKey = key;
    const features = featuresOf(await shapesOf('gemeente', year.value, detail));
    if (contextKey !== key) return;
    context?.remove();
    context = contextLayer(map, { type: 'FeatureCollection', features }, gemeente.value);
    mapBox.dataset.context = String(features.length);
  };
  /** @type {{ key: string, years: LayerYear[] } | undefined} */
  let layerYears;
  /** The years the layer has data for at this level, with their coverage, as the year list's options. */
  const refreshYears = async () => {
    const query = {
      by: by.value, gemeente: gemeente.value,
      indicator: by.value === 'indicator' || by.value === 'lisa' ? indicator.value : '',
      from: by.value === 'change' ? from.value : '',
    };
    const key = JSON.stringify([level.value, query]);
    if (layerYears?.key === key) return layerYears.years;
    /** @type {{ years: LayerYear[] }} */
    const answer = await get(`/api/v1/map/${level.value}/years`, query);
    layerYears = { key, years: answer.years };
    const chosen = Number(year.value);
    /** @type {[number, string][]} */
    const entries = answer.years.map((y) => [y.year, yearLabel(y)]);
    if (!answer.years.some((y) => y.year === chosen)) entries.push([chosen, t('map.noDataYear', chosen)]);
    options(year, entries.sort((a, b) => a[0] - b[0]), chosen);
    year.dataset.coverage = 'true';
    return answer.years;
  };
  /** @type {Layer | undefined} the layer the table lists */
  let shown;
  const drawTable = () => {
    if (shown && !tableBox.hidden) areaTable(tableBox, shown, unitOf(meta, by.value, indicator.value), year.value, (code) => layer?.focus(code));
  };
  tableToggle.addEventListener('click', () => {
    tableBox.hidden = !tableBox.hidden;
    tableToggle.setAttribute('aria-expanded', String(!tableBox.hidden));
    tableToggle.textContent = tableBox.hidden ? t('map.showTable') : t('map.hideTable');
    drawTable();
    if (!tableBox.hidden) tableBox.scrollIntoView({ block: 'start' });
  });
  /** @type {AreaLayer | undefined} */
  let layer;
  /** The boundaries and areas the layer was made of: while they stay, a new colouring only re-colours them. */
  let drawnShapes = '';
  /** @type {Layer | undefined} the layer on the map, whose legend the styles and tooltips read */
  let current;
  let loaded = '';
  let request = 0;

  const sync = () => {
    fromField.hidden = by.value !== 'change';
    indicatorField.hidden = !(by.value === 'indicator' || by.value === 'lisa');
    const q = new URLSearchParams({ level: level.value, year: year.value, by: by.value });
    if (by.value === 'change') q.set('from', from.value);
    if (by.value === 'indicator' || (by.value === 'lisa' && params.get('indicator'))) q.set('indicator', indicator.value);
    if (gemeente.value) q.set('gemeente', gemeente.value);
    history.replaceState(null, '', `#/map?${q}`);
  };

  async function load(fit = false) {
    sync();
    const query = {
      year: year.value, by: by.value, gemeente: gemeente.value,
      from: by.value === 'change' ? from.value : '',
      indicator: by.value === 'indicator' ? indicator.value : '',
    };
    const detail = detailFor(map.getZoom(), !!gemeente.value);
    const key = JSON.stringify([level.value, query, detail]);
    if (key === loaded) return;
    loaded = key;
    const mine = ++request;
    mapBox.setAttribute('aria-busy', 'true');
    message.textContent = t('map.loading');
    message.hidden = false;
    /** @type {Layer} */
    let data;
    /** @type {string} */
    let shapesKey;
    /** @type {import('../map-shapes.js').Shapes} */
    let shapes;
    try {
      performance.mark('map:ask');
      const values = /** @type {LayerValues} */ (await take(`/api/v1/map/${level.value}/values`, query));
      performance.mark('map:values');
      shapes = await boundariesFor(level.value, query.year, detail, values);
      performance.mark('map:shapes');
      if (mine !== request) return;
      data = join(values, shapes);
      shapesKey = JSON.stringify([level.value, values.boundaryYear, detail, values.geometryVersion, gemeente.value]);
    } catch (error) {
      legend.replaceChildren(el('p', { class: 'error', role: 'alert', text: error instanceof Error ? error.message : String(error) }));
      mapBox.setAttribute('aria-busy', 'false');
      message.hidden = true;
      loaded = '';
      return;
    }
    current = data;
    const areas = shapes.areas;
    /** @param {number} a */
    const fill = (a) => colourOf(data.legend.kind, areas[a].class, data.legend.reversed);
    const style = {
      fillOpacity: meta.baseMap.tileUrl ? 0.7 : 0.85,
      weight: level.value === 'buurt' ? 0.2 : 0.6,
      tooltip: (/** @type {number} */ a) => tooltipOf(areas[a], current?.legend),
      click: (/** @type {number} */ a) => navigate(`#/area/${areas[a].code}?year=${year.value}`),
    };
    if (layer && shapesKey === drawnShapes) {
      // The same areas: only their colours change (their properties were filled in by join).
      layer.restyle(style);
      layer.recolour(fill);
    } else {
      // The new layer keeps what the old one outlined: after a zoom to another detail the pointer is still on its area.
      const kept = layer?.remove();
      layer = new AreaLayer(map, shapes, data.shown, { ...style, fill, stroke: '#555' }, kept);
      drawnShapes = shapesKey;
    }
    performance.mark('map:drawn');
    publish(layer, map, { loaded: key, features: data.shown.length });
    if (fit && gemeente.value && layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
    renderLegend(legend, data, unitOf(meta, by.value, indicator.value));
    shown = data;
    drawTable();
    mapBox.setAttribute('aria-busy', 'false');
    message.hidden = true;
    mapBox.dataset.loaded = `${level.value}:${by.value}:${data.shown.length}`;
    announce(`${data.legend.title}: ${data.shown.length}`);
    await explain(data, mine);
  }

  /**
   * Says over the map why it is empty or mostly grey, and which years have data instead.
   * @param {Layer} data
   * @param {number} mine
   */
  async function explain(data, mine) {
    const withValue = data.areas.filter((p) => p.value !== null).length;
    const known = await refreshYears().catch(() => /** @type {LayerYear[]} */ ([]));
    if (mine !== request) return;
    if (data.areas.length > 0 && withValue === 0) {
      const others = known.filter((y) => y.year !== data.year).map(yearLabel);
      message.textContent = `${t('map.empty', data.legend.title, level.value, data.year)} ${others.length ? t('map.emptyWhere', others.join(', ')) : t('map.emptyNowhere')}`;
      message.hidden = false;
    } else if (withValue < data.areas.length / 2) {
      message.textContent = t('map.partial', withValue, data.areas.length, data.year);
      message.hidden = false;
    } else {
      message.hidden = true;
    }
    mapBox.dataset.withValue = String(withValue);
  }

  for (const control of [level, year, by, from, indicator]) control.addEventListener('change', () => load());
  gemeente.addEventListener('change', () => { if (!gemeente.value) map.fitBounds(netherlands); load(true).then(drawContext); });
  map.on('zoomend', () => { load(); drawContext(); });
  sync();
  await load(true);
  await drawContext();
}

/**
 * The values joined onto the boundaries: the areas the values list (those the map shows), in their order, each
 * area's value and class set to this layer's.
 * @param {LayerValues} values
 * @param {import('../map-shapes.js').Shapes} shapes
 * @returns {Layer}
 */
function join(values, shapes) {
  /** @type {number[]} */
  const shown = [];
  // Without codes the values are those of every area of the boundaries, in their order.
  const indexOf = values.codes ? (/** @type {number} */ i) => shapes.byCode.get(/** @type {string[]} */ (values.codes)[i]) : (/** @type {number} */ i) => i;
  const count = values.codes?.length ?? shapes.areas.length;
  for (let i = 0; i < count; i++) {
    const a = indexOf(i);
    if (a === undefined) continue;
    shapes.areas[a].value = values.values[i];
    shapes.areas[a].class = values.classes[i];
    shown.push(a);
  }
  return { areas: shown.map((a) => shapes.areas[a]), shown, legend: values.legend, year: values.year };
}

/**
 * An area's tooltip: its name, value and class in the legend shown.
 * @param {AreaProperties} p
 * @param {Legend | undefined} legend
 */
function tooltipOf(p, legend) {
  const value = p.value === null ? t('noValue') : num(p.value, legend?.kind === 'quantiles' ? 2 : 3);
  return `<strong>${escape(p.name ?? p.code)}</strong><br>${value}${legend ? labelOf(legend, p.class) : ''}<br><small>${t('openProfile')}</small>`;
}

/**
 * @param {Legend} legend
 * @param {string | null} key
 */
function labelOf(legend, key) {
  const entry = legend.entries.find((e) => e.key === key);
  return entry ? ` · ${escape(entry.label)}` : '';
}

/**
 * What the layer's values are measured in: the indicator's unit from the catalogue, standard-score units for the
 * livability layers (a deviation from the national average), a score for resilience; LISA clusters have none.
 * @param {import('../contracts.js').Meta} meta
 * @param {string} by
 * @param {string} indicator
 * @returns {string | null} the API's unit name (percent, count, …), 'deviation', 'change' or null
 */
function unitOf(meta, by, indicator) {
  if (by === 'indicator') return meta.indicators.find((i) => i.id === indicator)?.unit ?? null;
  if (by === 'lisa') return null;
  if (by === 'resilience') return 'score';
  return by === 'change' ? 'change' : 'deviation';
}

/**
 * @param {HTMLElement} box
 * @param {Layer} data
 * @param {string | null} unit
 */
function renderLegend(box, data, unit) {
  /** @param {string} colour */
  const swatch = (colour) => el('span', { class: 'swatch', style: `background:${colour}` });
  box.replaceChildren(el('h2', { text: `${t('legend')}: ${data.legend.title} (${data.year})` }),
    ...(unit ? [el('p', { id: 'legend-unit', class: 'small', text: `${t('unit')}: ${t(`unit.${unit}`)}` })] : []),
    el('ul', {},
      ...data.legend.entries.map((entry) => el('li', {}, swatch(colourOf(data.legend.kind, entry.key, data.legend.reversed)), entry.label)),
      el('li', {}, swatch(none), t('noValue'))));
}

/**
 * The map as a table: every area of the layer with its value (and unit) and class, sortable by each column, the
 * name a link to the area's profile. The alternative to the map for keyboard and screen-reader users.
 * @param {HTMLElement} box
 * @param {Layer} data
 * @param {string | null} unit
 * @param {string} year
 * @param {(code: string | null) => void} highlight outlines on the map the area whose row has the focus or the pointer
 */
function areaTable(box, data, unit, year, highlight) {
  const rows = data.areas;
  /** @type {[string, string, (p: AreaProperties) => string | number | null][]} */
  const columns = [
    ['name', t('name'), (p) => p.name ?? p.code],
    ['value', unit ? `${t('value')} (${t(`unit.${unit}`)})` : t('value'), (p) => p.value],
    ['class', t('klasse'), (p) => (p.class === null ? null : data.legend.entries.findIndex((e) => e.key === p.class))],
  ];
  /** @type {[string, number]} the column and the direction (1 ascending, -1 descending) */
  let sort = ['name', 1];
  const table = el('table', { id: 'map-table-rows' });
  const valueText = (/** @type {AreaProperties} */ p) => (unit === 'deviation' || unit === 'change' || unit === 'score' || unit === null
    ? num(p.value, 3, unit !== 'score' && unit !== null)
    : measure(p.value, unit));
  const render = () => {
    const [key, dir] = sort;
    const valueOf = (columns.find((c) => c[0] === key) ?? columns[0])[2];
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [valueOf(a), valueOf(b)];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // areas without a value last
      return (typeof x === 'string' ? x.localeCompare(String(y), document.documentElement.lang) : x - Number(y)) * dir;
    });
    const head = el('tr', {}, ...columns.map(([k, label]) => el('th', { scope: 'col', class: k === 'value' ? 'num' : '', 'aria-sort': k === key ? (dir > 0 ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', 'data-key': k, 'aria-label': `${t('sortBy')} ${label}`, text: label + (k === key ? (dir > 0 ? ' ▲' : ' ▼') : '') }))));
    table.replaceChildren(el('caption', { class: 'visually-hidden', text: `${data.legend.title} (${year})` }), el('thead', {}, head), el('tbody', {}, ...sorted.map((p) => el('tr', { 'data-code': p.code },
      // An area's name is a name in every language (Goes, Best, Hoorn): translate="no" says so to the browser's
      // translator and to the page's words check.
      el('td', { translate: 'no' }, el('a', { href: `#/area/${p.code}?year=${year}`, text: p.name ?? p.code })),
      el('td', { class: 'num', text: valueText(p) }),
      el('td', { text: data.legend.entries.find((e) => e.key === p.class)?.label ?? t('noValue') })))));
    table.querySelectorAll('button.sort').forEach((b) => b.addEventListener('click', () => {
      const column = /** @type {HTMLElement} */ (b).dataset.key ?? 'name';
      sort = [column, column === sort[0] ? -sort[1] : column === 'name' ? 1 : -1];
      render();
      /** @type {HTMLElement | null} */ (table.querySelector(`button[data-key='${column}']`))?.focus();
    }));
  };
  render();
  // The row with the keyboard focus (or under the pointer) is outlined on the map: the table and the map show the same area.
  const rowCode = (/** @type {EventTarget | null} */ target) => (target instanceof Element ? target.closest('tr[data-code]')?.getAttribute('data-code') ?? null : null);
  const focusedCode = () => rowCode(document.activeElement);
  table.addEventListener('focusin', (e) => highlight(rowCode(e.target)));
  table.addEventListener('focusout', (e) => { if (!table.contains(/** @type {Node | null} */ (e.relatedTarget))) highlight(null); });
  table.addEventListener('pointerover', (e) => { const code = rowCode(e.target); if (code) highlight(code); });
  table.addEventListener('pointerleave', () => highlight(table.contains(document.activeElement) ? focusedCode() : null));
  box.replaceChildren(el('h2', { id: 'map-table-title', text: `${t('map.tableTitle')}: ${data.legend.title} (${year})` }),
    el('p', { class: 'small', text: t('map.tableHelp', plain(rows.length)) }),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('map.tableTitle') }, table));
}
