import { announce, el, labelled, numberInput, options } from '../../dom.js';
import { get, post } from '../../http.js';
import { t } from '../../i18n.js';
import { assumptionsFoldOut } from './assumptions.js';
import { interventionForm } from './interventions.js';
import { buurtMap } from './map-selection.js';
import { renderOptimiser } from './optimiser.js';
import { renderRun } from './results.js';
import { renderSaved } from './saved.js';
import { draft, keepDraft, savedScenarios, storeSaved } from './scenario.js';

// The planner page (#/planner?gemeente=, docs/web.md "The planner page"): what-if scenarios of one gemeente built
// on its map, run against the baseline, saved, compared and optimised. This module lays the page out and runs the
// scenario; its parts are the map and selection, the intervention form, the assumptions fold-out, the results, the
// saved scenarios and the optimiser.

/** @type {import('../../router.js').View} */
export async function show(main, params) {
  /** @type {{ code: string, name: string }[]} */
  const gemeenten = (await get('/api/v1/areas', { level: 'gemeente', limit: 1000 })).areas;
  /** @type {import('./map-selection.js').PlannerState} */
  const state = { doc: draft(), context: null, selected: new Set(), names: new Map(), result: null, rows: new Map(), baseRows: new Map() };

  const banner = el('div', { class: 'whatif', role: 'note', id: 'whatif' }, el('strong', { text: t('planner.whatifTitle') + ' ' }), t('planner.whatif'));
  main.append(banner, el('h1', { text: t('planner.title') }), el('p', { class: 'small', text: t('planner.help') }));

  // Controls and map.
  const gemeente = options(el('select'), [['', t('planner.chooseGemeente')], ...gemeenten.map((a) => /** @type {[string, string]} */ ([a.code, a.name]))], params.get('gemeente') ?? state.doc?.area?.gemeenten?.[0] ?? '');
  const baseYear = el('select');
  const years = numberInput(state.doc?.years ?? 10, 1, 30);
  const name = el('input', { type: 'text', value: state.doc?.name ?? t('planner.defaultName') });
  const by = options(el('select'), [['vulnerable', t('planner.byVulnerable')], ['resilience', t('planner.byResilience')], ['change', t('planner.byChange')]], 'vulnerable');
  const year = el('select');
  const legend = el('section', { class: 'legend', 'aria-label': t('legend') });
  const controls = el('form', { class: 'controls', id: 'planner-controls', 'aria-label': t('planner.title') },
    labelled('planner-gemeente', t('gemeente'), gemeente), labelled('planner-base-year', t('planner.baseYear'), baseYear),
    labelled('planner-years', t('planner.years'), years), labelled('planner-name', t('planner.name'), name),
    labelled('planner-by', t('colourBy'), by), labelled('planner-year', t('year'), year), legend);
  controls.addEventListener('submit', (e) => e.preventDefault());
  const mapBox = el('div', { id: 'planner-map', role: 'region', 'aria-label': t('planner.mapLabel') });
  main.append(el('div', { class: 'planner-layout' }, controls, mapBox));
  const buurten = buurtMap(state, { mapBox, by, year, legend });

  // Interventions, allocation rules, model assumptions and what to do with the scenario.
  const error = el('p', { class: 'error', role: 'alert', id: 'planner-error' });
  const interventions = interventionForm(state, error, () => persist());
  const cap = numberInput(state.doc?.rules?.maxPlacementShare ?? 0.5, 0.05, 1, 0.05);
  const exclude = numberInput(state.doc?.rules?.excludeAboveShare ?? '', 0.01, 1, 0.01);
  const assumptions = assumptionsFoldOut();
  const upload = el('input', { type: 'file', accept: 'application/json,.json', id: 'planner-upload' });
  /**
   * @param {string} id
   * @param {string} text
   */
  const button = (id, text, primary = false) => el('button', { type: 'button', id, ...(primary ? { class: 'primary' } : {}), text });
  const runButton = button('planner-run', t('planner.run'), true);
  const saveButton = button('planner-save', t('planner.save'));
  const downloadButton = button('planner-download', t('planner.download'));
  const resetButton = button('planner-reset', t('planner.reset'));
  const ivCard = el('section', { class: 'card', 'aria-labelledby': 'planner-iv-title' },
    el('h2', { id: 'planner-iv-title', text: t('planner.interventions') }),
    ...interventions.nodes,
    el('h3', { text: t('planner.rules') }),
    el('div', { class: 'form-grid' }, labelled('rule-cap', t('planner.cap'), cap), labelled('rule-exclude', t('planner.excludeAbove'), exclude)),
    assumptions.box,
    el('div', { class: 'actions' }, runButton, saveButton, downloadButton, el('label', { for: 'planner-upload', class: 'button', text: t('planner.upload') }), upload, resetButton),
    error);
  main.append(el('div', { class: 'planner-columns' }, buurten.card, ivCard));

  const results = el('section', { id: 'planner-results', 'aria-live': 'polite' });
  const savedBox = el('section', { class: 'card', id: 'planner-saved', 'aria-labelledby': 'planner-saved-title' });
  const optimiseBox = el('section', { class: 'card', id: 'planner-optimise', 'aria-labelledby': 'planner-opt-title' });
  main.append(results, savedBox, optimiseBox);

  /** The scenario document as the controls say it. */
  function scenario() {
    const doc = /** @type {import('./scenario.js').ScenarioDocument} */ (state.doc);
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

  const persist = () => { if (state.doc) keepDraft(scenario()); };

  function syncYears() {
    const first = Number(baseYear.value) + 1;
    const last = Number(baseYear.value) + Number(years.value || 10);
    const span = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    interventions.setYears(span, first, last);
    const shown = [Number(baseYear.value), ...span];
    options(year, shown.map((y) => [y, y]), year.value && shown.includes(Number(year.value)) ? year.value : last);
  }

  async function run() {
    error.textContent = '';
    runButton.disabled = true;
    results.setAttribute('aria-busy', 'true');
    try {
      const doc = scenario();
      persist();
      const result = await post('/api/v1/planner/run', doc);
      state.result = result;
      state.rows = new Map(result.buurten.map((/** @type {any} */ r) => [`${r.code}:${r.year}`, r]));
      state.baseRows = new Map(result.baseline.buurten.map((/** @type {any} */ r) => [`${r.code}:${r.year}`, r]));
      for (const r of result.buurten) if (r.name) state.names.set(r.code, r.name);
      renderRun(results, result, Number(year.value), state.selected);
      results.dataset.state = 'ran';
      buurten.restyle();
      announce(t('planner.ran'));
    } catch (e) {
      error.textContent = `${t('error')}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      runButton.disabled = false;
      results.setAttribute('aria-busy', 'false');
    }
  }

  /** Loads the chosen gemeente's context and map and runs the scenario (a new, empty one unless it is the same gemeente's). */
  async function startGemeente(fromUpload = false) {
    const code = gemeente.value;
    if (!code) return;
    /** @type {import('../../contracts.js').PlannerContext & { resilienceClasses: string[] }} */
    const context = await get('/api/v1/planner/context', { gemeente: code });
    state.context = context;
    const meta = await get('/api/v1/meta');
    context.resilienceClasses = meta.resilienceClasses;
    const same = state.doc?.area?.gemeenten?.[0] === code;
    assumptions.show(same || fromUpload ? state.doc?.parameters : undefined, context.parameters);
    options(baseYear, context.years.map((y) => [y, y]), (fromUpload || same) && state.doc ? state.doc.baseYear : context.baseYear);
    years.max = String(context.limits.maxYears);
    if (!fromUpload && !same) {
      state.doc = { name: name.value.trim() || t('planner.defaultName'), baseYear: Number(baseYear.value), years: Number(years.value) || 10, area: { gemeenten: [code] }, stock: [], placements: [] };
      state.selected.clear();
    }
    state.result = null;
    history.replaceState(null, '', `#/planner?gemeente=${code}`);
    syncYears();
    interventions.render();
    await buurten.load(code, baseYear.value);
    buurten.renderSelected();
    renderOptimiser(optimiseBox, () => ({ gemeente: gemeente.value, year: Number(baseYear.value), names: state.names }));
    await run();
  }

  /**
   * Opens a scenario document (uploaded, saved or an example) in the page.
   * @param {import('./scenario.js').ScenarioDocument} doc
   */
  async function open(doc) {
    const code = doc.area?.gemeenten?.[0] ?? (doc.area?.buurten?.[0] ? `GM${doc.area.buurten[0].slice(2, 6)}` : '');
    if (!gemeenten.some((g) => g.code === code)) throw new Error(t('planner.noGemeenteInFile'));
    state.doc = { stock: [], placements: [], ...doc };
    name.value = doc.name ?? '';
    years.value = String(doc.years ?? 10);
    cap.value = String(doc.rules?.maxPlacementShare ?? 0.5);
    exclude.value = String(doc.rules?.excludeAboveShare ?? '');
    gemeente.value = code;
    state.selected.clear();
    return startGemeente(true);
  }

  const showSaved = () => renderSaved(savedBox, open, error);

  // Wiring.
  gemeente.addEventListener('change', () => startGemeente().catch((e) => { error.textContent = e.message; }));
  baseYear.addEventListener('change', () => {
    /** @type {import('./scenario.js').ScenarioDocument} */ (state.doc).baseYear = Number(baseYear.value);
    syncYears();
    persist();
    buurten.load(gemeente.value, baseYear.value).then(run);
  });
  years.addEventListener('change', () => { syncYears(); persist(); });
  for (const c of [by, year]) c.addEventListener('change', () => { buurten.restyle(); if (state.result) renderRun(results, state.result, Number(year.value), state.selected); });
  for (const c of [name, cap, exclude]) c.addEventListener('change', persist);
  runButton.addEventListener('click', run);
  saveButton.addEventListener('click', () => {
    const doc = structuredClone(scenario());
    storeSaved([...savedScenarios().filter((d) => d.name !== doc.name), doc]);
    showSaved();
    announce(t('planner.savedNote', doc.name));
  });
  downloadButton.addEventListener('click', () => {
    const doc = scenario();
    const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' })), download: `${doc.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'scenario'}.json` });
    document.body.append(link);
    link.click();
    link.remove();
  });
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    if (!file) return;
    try {
      await open(JSON.parse(await file.text()));
    } catch (e) {
      error.textContent = `${t('planner.uploadFailed')}: ${e instanceof Error ? e.message : String(e)}`;
    }
    upload.value = '';
  });
  resetButton.addEventListener('click', () => {
    state.doc = { .../** @type {import('./scenario.js').ScenarioDocument} */ (state.doc), stock: [], placements: [] };
    persist();
    interventions.render();
  });

  showSaved();
  buurten.renderLegend();
  if (gemeente.value) await startGemeente();
  else {
    optimiseBox.append(el('p', { class: 'muted', text: t('planner.chooseGemeente') }));
    results.append(el('p', { class: 'muted', text: t('planner.start') }));
  }
}
