import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { get, getMeta } from './api.js';
import { colourOf, none } from './colours.js';
import { num, t } from './i18n.js';
import { navigate, announce } from './main.js';

const netherlands = [[50.75, 3.35], [53.56, 7.23]];

/** Boundary detail for a zoom level: coarse for the country, finer when a gemeente is chosen. */
function detailFor(zoom, hasGemeente) {
  if (zoom <= 8) return 'low';
  if (zoom <= 10 || !hasGemeente) return 'medium';
  return zoom <= 12 ? 'high' : 'full';
}

function select(id, label, options, value) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const l = document.createElement('label');
  l.htmlFor = id;
  l.textContent = label;
  const s = document.createElement('select');
  s.id = id;
  for (const [v, text] of options) {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = text;
    if (String(v) === String(value)) o.selected = true;
    s.append(o);
  }
  wrap.append(l, s);
  return [wrap, s];
}

export async function showMap(main, params) {
  const meta = await getMeta(true);
  const state = {
    level: params.get('level') ?? 'gemeente',
    year: params.get('year') ?? String(meta.defaultYear),
    by: params.get('by') ?? 'total',
    from: params.get('from') ?? String(meta.years.find((y) => y < (Number(params.get('year')) || meta.defaultYear)) ?? ''),
    indicator: params.get('indicator') ?? 'good_health_pct',
    gemeente: params.get('gemeente') ?? '',
  };

  const layout = document.createElement('div');
  layout.className = 'map-layout';
  const controls = document.createElement('form');
  controls.className = 'controls';
  controls.setAttribute('aria-label', t('colourBy'));
  const byOptions = [['total', t('by.total')], ...meta.dimensions.map((d) => [d.id, d.name]), ['resilience', t('by.resilience')], ['change', t('by.change')], ['lisa', t('by.lisa')], ['indicator', t('by.indicator')]];
  const [levelField, level] = select('level', t('level'), [['gemeente', t('gemeenteLevel')], ['wijk', t('wijkLevel')], ['buurt', t('buurtLevel')]], state.level);
  const [yearField, year] = select('year', t('year'), meta.years.map((y) => [y, y]), state.year);
  const [byField, by] = select('by', t('colourBy'), byOptions, state.by);
  const [fromField, from] = select('from', t('fromYear'), meta.years.map((y) => [y, y]), state.from);
  const [indicatorField, indicator] = select('indicator', t('indicator'), meta.indicators.map((i) => [i.id, i.name]), state.indicator);
  const gemeenten = await get('/api/v1/areas', { level: 'gemeente', limit: 1000 });
  const [gemeenteField, gemeente] = select('gemeente', t('gemeente'), [['', t('all')], ...gemeenten.areas.map((a) => [a.code, a.name])], state.gemeente);
  controls.append(levelField, yearField, byField, fromField, indicatorField, gemeenteField);

  const legend = document.createElement('section');
  legend.className = 'legend';
  legend.setAttribute('aria-label', t('legend'));
  controls.append(legend);
  const caveat = document.createElement('p');
  caveat.className = 'caveat small';
  caveat.textContent = meta.caveat;
  controls.append(caveat);

  const mapBox = document.createElement('div');
  mapBox.id = 'map';
  mapBox.setAttribute('role', 'region');
  mapBox.setAttribute('aria-label', t('mapLabel'));
  layout.append(controls, mapBox);
  main.append(layout);

  const map = L.map(mapBox, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6, maxZoom: 16, attributionControl: true });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Bron: CBS (CC BY 4.0)');
  map.fitBounds(netherlands);
  const renderer = L.canvas({ padding: 0.3, tolerance: 2 });
  let layer;
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
      detail: detailFor(map.getZoom(), !!gemeente.value),
    };
    const key = JSON.stringify([level.value, query]);
    if (key === loaded) return;
    loaded = key;
    const mine = ++request;
    mapBox.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await get(`/api/v1/map/${level.value}`, query);
    } catch (error) {
      legend.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', role: 'alert', textContent: error.message }));
      mapBox.setAttribute('aria-busy', 'false');
      loaded = '';
      return;
    }
    if (mine !== request) return;
    const { kind, reversed } = data.legend;
    if (layer) layer.remove();
    layer = L.geoJSON(data, {
      renderer,
      style: (f) => ({ fillColor: colourOf(kind, f.properties.class, reversed), fillOpacity: 0.85, color: '#555', weight: level.value === 'buurt' ? 0.2 : 0.6 }),
      onEachFeature: (f, l) => {
        const p = f.properties;
        l.bindTooltip(() => `<strong>${escape(p.name ?? p.code)}</strong><br>${p.value === null ? t('noValue') : num(p.value, kind === 'quantiles' ? 2 : 3)}${labelOf(data.legend, p.class)}<br><small>${t('openProfile')}</small>`, { sticky: true });
        l.on('click', () => navigate(`#/area/${p.code}?year=${year.value}`));
      },
    }).addTo(map);
    window.leefkracht = { ...(window.leefkracht ?? {}), layer, map, loaded: key, features: data.features.length };
    if (fit && gemeente.value && layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
    renderLegend(legend, data);
    mapBox.setAttribute('aria-busy', 'false');
    mapBox.dataset.loaded = `${level.value}:${by.value}:${data.features.length}`;
    announce(`${data.legend.title}: ${data.features.length}`);
  }

  for (const control of [level, year, by, from, indicator]) control.addEventListener('change', () => load());
  gemeente.addEventListener('change', () => { if (!gemeente.value) map.fitBounds(netherlands); load(true); });
  map.on('zoomend', () => load());
  sync();
  await load(true);
}

function labelOf(legend, key) {
  const entry = legend.entries.find((e) => e.key === key);
  return entry ? ` · ${escape(entry.label)}` : '';
}

function renderLegend(box, data) {
  const title = document.createElement('h2');
  title.textContent = `${t('legend')}: ${data.legend.title} (${data.year})`;
  const list = document.createElement('ul');
  for (const entry of data.legend.entries) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colourOf(data.legend.kind, entry.key, data.legend.reversed);
    li.append(swatch, document.createTextNode(entry.label));
    list.append(li);
  }
  const li = document.createElement('li');
  const swatch = document.createElement('span');
  swatch.className = 'swatch';
  swatch.style.background = none;
  li.append(swatch, document.createTextNode(t('noValue')));
  list.append(li);
  box.replaceChildren(title, list);
}

export function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A point inside an area's polygon on screen (tests click it; the centre of the box may lie outside). */
window.leefkracht = {
  pointOf(code) {
    const { layer, map } = window.leefkracht;
    let found;
    layer.eachLayer((l) => { if (l.feature.properties.code === code) found = l; });
    if (!found) return null;
    // The outer ring of the first polygon, on screen; a horizontal line through its middle crosses it in pairs.
    let rings = found.getLatLngs();
    while (Array.isArray(rings[0])) rings = rings[0];
    const ring = rings.map((ll) => map.latLngToContainerPoint(ll));
    const box = L.bounds(ring);
    const y = (box.min.y + box.max.y) / 2;
    const crossings = [];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i], ring[j]];
      if ((a.y > y) !== (b.y > y)) crossings.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
    }
    crossings.sort((p, q) => p - q);
    let best = null;
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      if (!best || crossings[k + 1] - crossings[k] > best[1] - best[0]) best = [crossings[k], crossings[k + 1]];
    }
    if (!best) return null;
    const rect = map.getContainer().getBoundingClientRect();
    return { x: rect.left + (best[0] + best[1]) / 2, y: rect.top + y };
  },
};
