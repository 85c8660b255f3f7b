import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { get, post } from './api.js';
import { resilience as resiliencePalette, none } from './colours.js';
import { t } from './i18n.js';
import { announce } from './main.js';
import { el } from './profile.js';
import { escape } from './map.js';
import { renderRun, renderComparison, renderOptimisation, pct } from './planner-results.js';

// The scenario being built is a scenario document (docs/planner.md#scenario-files) from the start, so saving,
// downloading, uploading and running all use one shape; the server checks it and names bad fields by JSON path.
const draftKey = 'leefkracht.planner.draft';
const savedKey = 'leefkracht.planner.scenarios';
const segments = ['socialRent', 'midRent', 'privateRent', 'ownerOccupied'];
const groups = ['statushouder', 'ggz', 'shelter'];
// Vulnerable share classes (0–1): steps of 5 points up to the 15 % tipping share and beyond.
const shareBreaks = [0.05, 0.1, 0.15, 0.2, 0.25];
const sharePalette = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
const changeBreaks = [-0.01, -0.0025, 0.0025, 0.01];
const changePalette = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];

const readJson = (key, fallback) => {
  try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch { return fallback; }
};

export const savedScenarios = () => readJson(savedKey, []);
const storeSaved = (list) => localStorage.setItem(savedKey, JSON.stringify(list));

function field(id, label, control) {
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
}

function options(select, pairs, value) {
  select.replaceChildren(...pairs.map(([v, text]) => el('option', { value: String(v), text })));
  if (value !== undefined && pairs.some(([v]) => String(v) === String(value))) select.value = String(value);
  return select;
}

const numberInput = (value, min, max, step = 1) => el('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step) });

// The model's assumptions (docs/planner.md#parameters), as the user reads them: shares in percent, the others as
// factors. Only the values that differ from the defaults go into the scenario document, so that a downloaded file
// shows what this scenario assumes differently.
const parameterFields = [
  ...segments.map((s) => ({ path: ['turnover', s], id: `param-turnover-${s}`, label: () => `${t('planner.turnover')}: ${t('segment.' + s)} (%)`, percent: true, min: 0, max: 100, step: 0.5 })),
  ...segments.map((s) => ({ path: ['relativeVulnerability', s], id: `param-vulnerability-${s}`, label: () => `${t('planner.relativeVulnerability')}: ${t('segment.' + s)}`, percent: false, min: 0, max: 10, step: 0.05 })),
  { path: ['midRentShareOfOtherRent'], id: 'param-midrent', label: () => `${t('planner.midRentShare')} (%)`, percent: true, min: 0, max: 100, step: 1 },
  { path: ['tippingShare'], id: 'param-tipping', label: () => `${t('planner.tippingShare')} (%)`, percent: true, min: 1, max: 99, step: 1 },
  { path: ['inflowFeedback'], id: 'param-feedback', label: () => t('planner.inflowFeedback'), percent: false, min: 0, max: 3, step: 0.1 },
];

const valueAt = (object, path) => path.reduce((o, key) => o?.[key], object);

function parameterInputs() {
  const inputs = parameterFields.map((f) => ({ ...f, input: numberInput('', f.min, f.max, f.step) }));
  const reset = el('button', { type: 'button', id: 'param-reset', text: t('planner.defaults') });
  const box = el('details', { class: 'model-parameters', id: 'planner-parameters' },
    el('summary', { text: t('planner.parameters') }), el('p', { class: 'small', text: t('planner.parametersHelp') }),
    el('div', { class: 'form-grid' }, ...inputs.map((f) => field(f.id, f.label(), f.input))), reset);
  let defaults;
  const shown = (value, f) => (value === undefined ? '' : String(Number((f.percent ? value * 100 : value).toFixed(6))));
  const show = (values, fallback) => {
    defaults = fallback;
    for (const f of inputs) f.input.value = shown(valueAt(values, f.path) ?? valueAt(defaults, f.path), f);
    box.open = box.open || inputs.some((f) => valueAt(values, f.path) !== undefined && valueAt(values, f.path) !== valueAt(defaults, f.path));
  };
  reset.addEventListener('click', () => show(undefined, defaults));
  /** The parameters that differ from the defaults, in the document's shape; undefined when none does. */
  const read = (fallback) => {
    const result = {};
    for (const f of inputs) {
      if (f.input.value === '') continue;
      const value = Number(f.input.value) / (f.percent ? 100 : 1);
      if (Math.abs(value - valueAt(fallback, f.path)) < 1e-9) continue;
      if (f.path.length === 2) (result[f.path[0]] ??= {})[f.path[1]] = value;
      else result[f.path[0]] = value;
    }
    return Object.keys(result).length ? result : undefined;
  };
  return { box, show, read };
}

/** A short description of an intervention in words. */
export function describe(item, names) {
  const where = item.buurten?.length ? item.buurten.map((c) => names.get(c) ?? c).join(', ') : item.weakest ? t('planner.weakestN', item.weakest) : t('planner.wholeArea');
  if (item.action) {
    const target = item.action === 'convert' ? ` → ${t('segment.' + item.to)}` : '';
    const years = (item.overYears ?? 1) > 1 ? `${item.year}–${item.year + item.overYears - 1}` : `${item.year}`;
    return `${t('action.' + item.action)}: ${item.dwellings} ${t('segment.' + item.segment)}${target} · ${years} · ${where}`;
  }
  const period = `${item.from ?? ''}–${item.to ?? ''}`;
  return `${t('planner.placements')}: ${item.perYear} ${t('group.' + item.group)} ${t('planner.perYear')} · ${t('allocation.' + item.allocation)} · ${period} · ${where}`;
}

export async function showPlanner(main, params) {
  const gemeenten = (await get('/api/v1/areas', { level: 'gemeente', limit: 1000 })).areas;
  const draft = readJson(draftKey, null);
  const state = {
    doc: draft ?? null,
    context: null,
    selected: new Set(),
    names: new Map(),
    result: null,
    layer: null,
  };

  const banner = el('div', { class: 'whatif', role: 'note', id: 'whatif' }, el('strong', { text: t('planner.whatifTitle') + ' ' }), t('planner.whatif'));
  main.append(banner, el('h1', { text: t('planner.title') }), el('p', { class: 'small', text: t('planner.help') }));

  // Controls and map.
  const gemeente = options(el('select'), [['', t('planner.chooseGemeente')], ...gemeenten.map((a) => [a.code, a.name])], params.get('gemeente') ?? state.doc?.area?.gemeenten?.[0] ?? '');
  const baseYear = el('select');
  const years = numberInput(state.doc?.years ?? 10, 1, 30);
  const name = el('input', { type: 'text', value: state.doc?.name ?? t('planner.defaultName') });
  const by = options(el('select'), [['vulnerable', t('planner.byVulnerable')], ['resilience', t('planner.byResilience')], ['change', t('planner.byChange')]], 'vulnerable');
  const year = el('select');
  const legend = el('section', { class: 'legend', 'aria-label': t('legend') });
  const controls = el('form', { class: 'controls', id: 'planner-controls', 'aria-label': t('planner.title') },
    field('planner-gemeente', t('gemeente'), gemeente), field('planner-base-year', t('planner.baseYear'), baseYear),
    field('planner-years', t('planner.years'), years), field('planner-name', t('planner.name'), name),
    field('planner-by', t('colourBy'), by), field('planner-year', t('year'), year), legend);
  controls.addEventListener('submit', (e) => e.preventDefault());
  const mapBox = el('div', { id: 'planner-map', role: 'region', 'aria-label': t('planner.mapLabel') });
  main.append(el('div', { class: 'planner-layout' }, controls, mapBox));

  const map = L.map(mapBox, { preferCanvas: true, zoomSnap: 0.5, minZoom: 6, maxZoom: 16 });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Bron: CBS (CC BY 4.0)');
  map.fitBounds([[50.75, 3.35], [53.56, 7.23]]);
  const renderer = L.canvas({ padding: 0.3, tolerance: 2 });

  // Buurten and interventions.
  const buurtSelect = el('select');
  const selectedList = el('ul', { class: 'chips', id: 'planner-selected', 'aria-live': 'polite' });
  const buurtCard = el('section', { class: 'card', 'aria-labelledby': 'planner-buurten-title' },
    el('h2', { id: 'planner-buurten-title', text: t('planner.buurten') }), el('p', { class: 'small', text: t('planner.buurtenHelp') }),
    el('div', { class: 'inline-form' }, field('planner-buurt', t('planner.buurt'), buurtSelect),
      el('button', { type: 'button', id: 'planner-buurt-add', text: t('planner.select') }),
      el('button', { type: 'button', id: 'planner-buurt-clear', text: t('planner.clearSelection') })),
    selectedList);

  const kind = options(el('select'), [...['build', 'demolish', 'convert', 'sell'].map((a) => [a, t('action.' + a)]), ['placements', t('planner.placements')]], 'build');
  const segment = options(el('select'), segments.map((s) => [s, t('segment.' + s)]), 'midRent');
  const to = options(el('select'), segments.map((s) => [s, t('segment.' + s)]), 'midRent');
  const dwellings = numberInput(100, 1, 100000);
  const ivYear = el('select');
  const overYears = numberInput(1, 1, 30);
  const group = options(el('select'), groups.map((g) => [g, t('group.' + g)]), 'statushouder');
  const perYear = numberInput(50, 1, 10000);
  const allocation = options(el('select'), ['vacancies', 'optimised'].map((a) => [a, t('allocation.' + a)]), 'vacancies');
  const fromYear = el('select');
  const toYear = el('select');
  const scope = options(el('select'), [['selected', t('planner.scopeSelected')], ['all', t('planner.wholeArea')], ['weakest', t('planner.scopeWeakest')]], 'selected');
  const weakest = numberInput(3, 1, 100);
  const stockFields = [field('iv-segment', t('planner.segment'), segment), field('iv-to', t('planner.to'), to), field('iv-dwellings', t('planner.dwellings'), dwellings),
    field('iv-year', t('year'), ivYear), field('iv-over', t('planner.overYears'), overYears)];
  const placementFields = [field('iv-group', t('planner.group'), group), field('iv-per-year', t('planner.perYearLabel'), perYear),
    field('iv-allocation', t('planner.allocation'), allocation), field('iv-from', t('planner.from'), fromYear), field('iv-to-year', t('planner.until'), toYear)];
  const weakestField = field('iv-weakest', t('planner.weakestCount'), weakest);
  const interventionList = el('ul', { id: 'planner-interventions', class: 'interventions' });
  const cap = numberInput(state.doc?.rules?.maxPlacementShare ?? 0.5, 0.05, 1, 0.05);
  const exclude = numberInput(state.doc?.rules?.excludeAboveShare ?? '', 0.01, 1, 0.01);
  const assumptions = parameterInputs();
  const error = el('p', { class: 'error', role: 'alert', id: 'planner-error' });
  const upload = el('input', { type: 'file', accept: 'application/json,.json', id: 'planner-upload' });
  const ivCard = el('section', { class: 'card', 'aria-labelledby': 'planner-iv-title' },
    el('h2', { id: 'planner-iv-title', text: t('planner.interventions') }),
    el('div', { class: 'form-grid' }, field('iv-kind', t('planner.kind'), kind), ...stockFields, ...placementFields, field('iv-scope', t('planner.where'), scope), weakestField),
    el('button', { type: 'button', id: 'iv-add', text: t('planner.addIntervention') }),
    interventionList,
    el('h3', { text: t('planner.rules') }),
    el('div', { class: 'form-grid' }, field('rule-cap', t('planner.cap'), cap), field('rule-exclude', t('planner.excludeAbove'), exclude)),
    assumptions.box,
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'planner-run', class: 'primary', text: t('planner.run') }),
      el('button', { type: 'button', id: 'planner-save', text: t('planner.save') }),
      el('button', { type: 'button', id: 'planner-download', text: t('planner.download') }),
      el('label', { for: 'planner-upload', class: 'button', text: t('planner.upload') }), upload,
      el('button', { type: 'button', id: 'planner-reset', text: t('planner.reset') })),
    error);
  main.append(el('div', { class: 'planner-columns' }, buurtCard, ivCard));

  const results = el('section', { id: 'planner-results', 'aria-live': 'polite' });
  const savedBox = el('section', { class: 'card', id: 'planner-saved', 'aria-labelledby': 'planner-saved-title' });
  const optimiseBox = el('section', { class: 'card', id: 'planner-optimise', 'aria-labelledby': 'planner-opt-title' });
  main.append(results, savedBox, optimiseBox);

  const selectedCodes = () => [...state.selected];

  function document_() {
    const doc = state.doc;
    doc.name = name.value.trim() || t('planner.defaultName');
    doc.years = Math.max(1, Math.min(30, Number(years.value) || 10));
    doc.baseYear = Number(baseYear.value) || doc.baseYear;
    doc.rules = { maxPlacementShare: Number(cap.value) || 0.5 };
    if (exclude.value !== '') doc.rules.excludeAboveShare = Number(exclude.value);
    // Until the gemeente's context (with the defaults) has loaded, the document keeps the assumptions it has.
    if (state.context?.parameters) {
      const parameters = assumptions.read(state.context.parameters);
      if (parameters) doc.parameters = parameters;
      else delete doc.parameters;
    }
    return doc;
  }

  const persist = () => { if (state.doc) localStorage.setItem(draftKey, JSON.stringify(document_())); };

  function syncKind() {
    const placement = kind.value === 'placements';
    stockFields.forEach((f) => { f.hidden = placement; });
    placementFields.forEach((f) => { f.hidden = !placement; });
    stockFields[1].hidden = placement || kind.value !== 'convert';
    if (kind.value === 'sell' && segment.value === 'ownerOccupied') segment.value = 'socialRent';
    weakestField.hidden = scope.value !== 'weakest';
  }

  function syncYears() {
    const first = Number(baseYear.value) + 1;
    const last = Number(baseYear.value) + Number(years.value || 10);
    const span = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    options(ivYear, span.map((y) => [y, y]), ivYear.value || first + 1);
    options(fromYear, span.map((y) => [y, y]), fromYear.value || first);
    options(toYear, span.map((y) => [y, y]), toYear.value && Number(toYear.value) <= last ? toYear.value : last);
    const shown = [Number(baseYear.value), ...span];
    options(year, shown.map((y) => [y, y]), year.value && shown.includes(Number(year.value)) ? year.value : last);
  }

  function renderSelected() {
    selectedList.replaceChildren(...selectedCodes().map((code) => el('li', {},
      `${state.names.get(code) ?? code} `,
      el('button', { type: 'button', class: 'link', 'data-code': code, 'aria-label': `${t('remove')} ${state.names.get(code) ?? code}`, text: '×' }))));
    selectedList.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => toggle(b.dataset.code)));
    if (!state.selected.size) selectedList.append(el('li', { class: 'muted', text: t('planner.noneSelected') }));
    restyle();
  }

  function toggle(code) {
    if (state.selected.has(code)) state.selected.delete(code);
    else state.selected.add(code);
    announce(`${state.names.get(code) ?? code}: ${state.selected.has(code) ? t('planner.selected') : t('planner.deselected')}`);
    renderSelected();
  }

  function renderInterventions() {
    const items = [...(state.doc.stock ?? []).map((s, i) => ['stock', i, s]), ...(state.doc.placements ?? []).map((p, i) => ['placements', i, p])];
    interventionList.replaceChildren(...items.map(([list, i, item]) => el('li', {}, describe(item, state.names), ' ',
      el('button', { type: 'button', class: 'link', 'data-list': list, 'data-index': String(i), 'aria-label': `${t('remove')}: ${describe(item, state.names)}`, text: '×' }))));
    interventionList.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => {
      state.doc[b.dataset.list].splice(Number(b.dataset.index), 1);
      persist();
      renderInterventions();
    }));
    if (!items.length) interventionList.append(el('li', { class: 'muted', text: t('planner.noInterventions') }));
  }

  function addIntervention() {
    const where = {};
    if (scope.value === 'selected') {
      if (!state.selected.size) { error.textContent = t('planner.selectFirst'); return; }
      where.buurten = selectedCodes();
    } else if (scope.value === 'weakest') {
      where.weakest = Number(weakest.value) || 3;
    }
    if (kind.value === 'placements') {
      state.doc.placements = [...(state.doc.placements ?? []), { group: group.value, perYear: Number(perYear.value), allocation: allocation.value, from: Number(fromYear.value), to: Number(toYear.value), ...where }];
    } else {
      const item = { action: kind.value, segment: segment.value, dwellings: Number(dwellings.value), year: Number(ivYear.value), ...where };
      if (kind.value === 'convert') item.to = to.value;
      if (Number(overYears.value) > 1) item.overYears = Number(overYears.value);
      state.doc.stock = [...(state.doc.stock ?? []), item];
    }
    error.textContent = '';
    persist();
    renderInterventions();
    announce(t('planner.added'));
  }

  // The map: the buurten of the gemeente, coloured by the last run's value in the chosen year.
  function valueOf(code) {
    const run = state.result;
    if (!run) return null;
    const y = Number(year.value);
    const row = state.rows.get(`${code}:${y}`);
    const base = state.baseRows.get(`${code}:${y}`);
    if (by.value === 'resilience') return row?.resilienceClass ?? null;
    if (by.value === 'change') return row && base ? row.vulnerableShare - base.vulnerableShare : null;
    return row?.vulnerableShare ?? null;
  }

  function colourOfValue(value) {
    if (value === null || value === undefined) return none;
    if (by.value === 'resilience') return resiliencePalette[value - 1] ?? none;
    const [breaks, palette] = by.value === 'change' ? [changeBreaks, changePalette] : [shareBreaks, sharePalette];
    const index = breaks.findIndex((b) => value < b);
    return palette[index < 0 ? palette.length - 1 : index];
  }

  function restyle() {
    if (!state.layer) return;
    state.layer.eachLayer((l) => {
      const code = l.feature.properties.code;
      const chosen = state.selected.has(code);
      l.setStyle({ fillColor: colourOfValue(valueOf(code)), fillOpacity: 0.85, color: chosen ? '#000' : '#555', weight: chosen ? 3 : 0.5 });
      if (chosen) l.bringToFront();
    });
    renderLegend();
  }

  function renderLegend() {
    const entries = by.value === 'resilience'
      ? resiliencePalette.map((c, i) => [c, state.context?.resilienceClasses?.[i] ?? String(i + 1)])
      : by.value === 'change'
        ? changePalette.map((c, i) => [c, i === 0 ? `< ${pct(changeBreaks[0], 1, true)}` : i === changePalette.length - 1 ? `≥ ${pct(changeBreaks.at(-1), 1, true)}` : `${pct(changeBreaks[i - 1], 2, true)} … ${pct(changeBreaks[i], 2, true)}`])
        : sharePalette.map((c, i) => [c, i === 0 ? `< ${pct(shareBreaks[0], 0)}` : i === sharePalette.length - 1 ? `≥ ${pct(shareBreaks.at(-1), 0)}` : `${pct(shareBreaks[i - 1], 0)} – ${pct(shareBreaks[i], 0)}`]);
    legend.replaceChildren(el('h2', { text: `${by.options[by.selectedIndex].text} (${year.value})` }),
      el('ul', {}, ...[...entries, [none, t('noValue')]].map(([c, label]) => el('li', {}, el('span', { class: 'swatch', style: `background:${c}` }), label)),
        el('li', {}, el('span', { class: 'swatch selected-swatch' }), t('planner.selectedLegend'))));
  }

  async function loadMap() {
    const code = gemeente.value;
    const data = await get('/api/v1/map/buurt', { year: baseYear.value, gemeente: code, by: 'resilience', detail: 'high' });
    if (state.layer) state.layer.remove();
    state.names = new Map(data.features.map((f) => [f.properties.code, f.properties.name ?? f.properties.code]));
    state.layer = L.geoJSON(data, {
      renderer,
      onEachFeature: (f, l) => {
        l.bindTooltip(() => {
          const v = valueOf(f.properties.code);
          const text = v === null ? t('noValue') : by.value === 'resilience' ? String(v) : pct(v, 1, by.value === 'change');
          return `<strong>${escape(f.properties.name ?? f.properties.code)}</strong><br>${escape(text)}<br><small>${escape(t('planner.clickToSelect'))}</small>`;
        }, { sticky: true });
        l.on('click', () => toggle(f.properties.code));
      },
    }).addTo(map);
    if (state.layer.getBounds().isValid()) map.fitBounds(state.layer.getBounds());
    window.leefkracht = { ...(window.leefkracht ?? {}), layer: state.layer, map, features: data.features.length };
    options(buurtSelect, [...state.names.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([c, n]) => [c, `${n} (${c})`]));
    mapBox.dataset.loaded = `${code}:${data.features.length}`;
    restyle();
  }

  async function run() {
    error.textContent = '';
    const runButton = document.getElementById('planner-run');
    runButton.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const doc = document_();
      persist();
      const result = await post('/api/v1/planner/run', doc);
      state.result = result;
      state.rows = new Map(result.buurten.map((r) => [`${r.code}:${r.year}`, r]));
      state.baseRows = new Map(result.baseline.buurten.map((r) => [`${r.code}:${r.year}`, r]));
      for (const r of result.buurten) if (r.name) state.names.set(r.code, r.name);
      renderRun(results, result, Number(year.value), state.selected);
      results.dataset.state = 'ran';
      restyle();
      announce(t('planner.ran'));
    } catch (e) {
      error.textContent = `${t('error')}: ${e.message}`;
    } finally {
      runButton.disabled = false;
      results.setAttribute('aria-busy', 'false');
    }
  }

  async function startGemeente(fromUpload = false) {
    const code = gemeente.value;
    if (!code) return;
    state.context = await get('/api/v1/planner/context', { gemeente: code });
    const meta = await get('/api/v1/meta');
    state.context.resilienceClasses = meta.resilienceClasses;
    assumptions.show(state.doc?.area?.gemeenten?.[0] === code || fromUpload ? state.doc?.parameters : undefined, state.context.parameters);
    options(baseYear, state.context.years.map((y) => [y, y]), fromUpload || state.doc?.area?.gemeenten?.[0] === code ? state.doc.baseYear : state.context.baseYear);
    years.max = String(state.context.limits.maxYears);
    if (!fromUpload && state.doc?.area?.gemeenten?.[0] !== code) {
      state.doc = { name: name.value.trim() || t('planner.defaultName'), baseYear: Number(baseYear.value), years: Number(years.value) || 10, area: { gemeenten: [code] }, stock: [], placements: [] };
      state.selected.clear();
    }
    state.result = null;
    history.replaceState(null, '', `#/planner?gemeente=${code}`);
    syncYears();
    renderInterventions();
    await loadMap();
    renderSelected();
    renderOptimiser();
    await run();
  }

  function loadDocument(doc) {
    const code = doc.area?.gemeenten?.[0] ?? (doc.area?.buurten?.[0] ? `GM${doc.area.buurten[0].slice(2, 6)}` : '');
    if (!gemeenten.some((g) => g.code === code)) throw new Error(t('planner.noGemeenteInFile'));
    state.doc = { stock: [], placements: [], ...doc };
    name.value = doc.name ?? '';
    years.value = String(doc.years ?? 10);
    cap.value = String(doc.rules?.maxPlacementShare ?? 0.5);
    exclude.value = doc.rules?.excludeAboveShare ?? '';
    gemeente.value = code;
    state.selected.clear();
    return startGemeente(true);
  }

  function renderSaved() {
    const list = savedScenarios();
    const withBaseline = el('input', { type: 'checkbox', id: 'compare-baseline', checked: '' });
    savedBox.replaceChildren(el('h2', { id: 'planner-saved-title', text: t('planner.saved') }), el('p', { class: 'small', text: t('planner.savedHelp') }));
    if (!list.length) savedBox.append(el('p', { class: 'muted', text: t('planner.noneSaved') }));
    const ul = el('ul', { class: 'saved' }, ...list.map((doc, i) => el('li', {},
      el('input', { type: 'checkbox', id: `saved-${i}`, 'data-index': String(i) }),
      el('label', { for: `saved-${i}`, text: ` ${doc.name} (${doc.area?.gemeenten?.join(', ') ?? doc.area?.buurten?.length + ' buurten'}, ${doc.baseYear}+${doc.years ?? 10}) ` }),
      el('button', { type: 'button', class: 'small-button', 'data-load': String(i), text: t('planner.open') }),
      el('button', { type: 'button', class: 'link', 'data-delete': String(i), 'aria-label': `${t('remove')} ${doc.name}`, text: '×' }))));
    savedBox.append(ul, el('div', { class: 'inline-form' },
      el('label', { for: 'compare-baseline' }, withBaseline, ' ', t('planner.withBaseline')),
      el('button', { type: 'button', id: 'planner-compare', text: t('planner.compare') }),
      el('button', { type: 'button', id: 'planner-examples', text: t('planner.loadExamples') })));
    const output = el('div', { id: 'planner-comparison' });
    savedBox.append(output);
    ul.querySelectorAll('button[data-load]').forEach((b) => b.addEventListener('click', () => loadDocument(structuredClone(list[Number(b.dataset.load)])).catch((e) => { error.textContent = e.message; })));
    ul.querySelectorAll('button[data-delete]').forEach((b) => b.addEventListener('click', () => { storeSaved(list.filter((_, i) => i !== Number(b.dataset.delete))); renderSaved(); }));
    savedBox.querySelector('#planner-examples').addEventListener('click', async () => {
      const examples = await get('/api/v1/planner/examples');
      const current = savedScenarios();
      for (const e of examples) if (!current.some((d) => d.name === e.document.name)) current.push(e.document);
      storeSaved(current);
      renderSaved();
    });
    savedBox.querySelector('#planner-compare').addEventListener('click', async () => {
      const chosen = [...ul.querySelectorAll('input:checked')].map((c) => list[Number(c.dataset.index)]);
      const docs = withBaseline.checked && chosen.length
        ? [{ name: t('planner.baselineName'), baseYear: chosen[0].baseYear, years: chosen[0].years ?? 10, area: chosen[0].area }, ...chosen]
        : chosen;
      output.replaceChildren();
      if (docs.length < 2 || docs.length > 4) { output.append(el('p', { class: 'error', role: 'alert', text: t('planner.compareCount') })); return; }
      output.setAttribute('aria-busy', 'true');
      try {
        renderComparison(output, await post('/api/v1/planner/compare', { scenarios: docs }));
      } catch (e) {
        output.append(el('p', { class: 'error', role: 'alert', text: `${t('error')}: ${e.message}` }));
      } finally {
        output.setAttribute('aria-busy', 'false');
      }
    });
  }

  function renderOptimiser() {
    const placements = numberInput(150, 1, 10000);
    const optCap = numberInput(0.5, 0.05, 1, 0.05);
    const output = el('div', { id: 'planner-optimisation' });
    optimiseBox.replaceChildren(el('h2', { id: 'planner-opt-title', text: t('planner.optimiser') }), el('p', { class: 'small', text: t('planner.optimiserHelp') }),
      el('div', { class: 'inline-form' }, field('opt-placements', t('planner.optPlacements'), placements), field('opt-cap', t('planner.cap'), optCap),
        el('button', { type: 'button', id: 'opt-run', text: t('planner.optimise') })), output);
    optimiseBox.querySelector('#opt-run').addEventListener('click', async () => {
      output.replaceChildren(el('p', { text: t('loading') }));
      try {
        const result = await post('/api/v1/planner/optimise', { gemeente: gemeente.value, placements: Number(placements.value), cap: Number(optCap.value), year: Number(baseYear.value) });
        renderOptimisation(output, result, state.names);
      } catch (e) {
        output.replaceChildren(el('p', { class: 'error', role: 'alert', text: `${t('error')}: ${e.message}` }));
      }
    });
  }

  // Wiring.
  gemeente.addEventListener('change', () => startGemeente().catch((e) => { error.textContent = e.message; }));
  baseYear.addEventListener('change', () => { state.doc.baseYear = Number(baseYear.value); syncYears(); persist(); loadMap().then(run); });
  years.addEventListener('change', () => { syncYears(); persist(); });
  for (const c of [by, year]) c.addEventListener('change', () => { restyle(); if (state.result) renderRun(results, state.result, Number(year.value), state.selected); });
  for (const c of [name, cap, exclude]) c.addEventListener('change', persist);
  for (const c of [kind, scope, segment]) c.addEventListener('change', syncKind);
  buurtCard.querySelector('#planner-buurt-add').addEventListener('click', () => { if (buurtSelect.value && !state.selected.has(buurtSelect.value)) toggle(buurtSelect.value); });
  buurtCard.querySelector('#planner-buurt-clear').addEventListener('click', () => { state.selected.clear(); renderSelected(); });
  ivCard.querySelector('#iv-add').addEventListener('click', addIntervention);
  ivCard.querySelector('#planner-run').addEventListener('click', run);
  ivCard.querySelector('#planner-save').addEventListener('click', () => {
    const doc = structuredClone(document_());
    storeSaved([...savedScenarios().filter((d) => d.name !== doc.name), doc]);
    renderSaved();
    announce(t('planner.savedNote', doc.name));
  });
  ivCard.querySelector('#planner-download').addEventListener('click', () => {
    const doc = document_();
    const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' })), download: `${doc.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'scenario'}.json` });
    document.body.append(link);
    link.click();
    link.remove();
  });
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    try {
      await loadDocument(JSON.parse(await file.text()));
    } catch (e) {
      error.textContent = `${t('planner.uploadFailed')}: ${e.message}`;
    }
    upload.value = '';
  });
  ivCard.querySelector('#planner-reset').addEventListener('click', () => {
    state.doc = { ...state.doc, stock: [], placements: [] };
    persist();
    renderInterventions();
  });

  syncKind();
  renderSaved();
  renderLegend();
  if (gemeente.value) await startGemeente();
  else {
    optimiseBox.append(el('p', { class: 'muted', text: t('planner.chooseGemeente') }));
    results.append(el('p', { class: 'muted', text: t('planner.start') }));
  }
}

