import L from 'leaflet';
import { none, resilience as resiliencePalette } from '../../colours.js';
import { announce, el, escape, labelled, options } from '../../dom.js';
import { get } from '../../http.js';
import { pct, t } from '../../i18n.js';
import { leafletMap, publish } from '../../leaflet-map.js';

// The planner's map and the buurten selected on it: the gemeente's buurten coloured by the last run's value in the
// chosen year (the projected vulnerable share, the resilience class, or the difference from the baseline), with
// selected buurten outlined; a click selects or deselects a buurt, and the "Buurt" list does the same from the
// keyboard.

// Vulnerable share classes (0–1): steps of 5 points up to the 15 % tipping share and beyond.
const shareBreaks = [0.05, 0.1, 0.15, 0.2, 0.25];
const sharePalette = ['#fef0d9', '#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
const changeBreaks = [-0.01, -0.0025, 0.0025, 0.01];
const changePalette = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];

/**
 * What the planner page knows, shared by its parts.
 * @typedef {object} PlannerState
 * @property {import('./scenario.js').ScenarioDocument | null} doc the scenario being built
 * @property {(import('../../contracts.js').PlannerContext & { resilienceClasses: string[] }) | null} context the gemeente's, with the class names
 * @property {Set<string>} selected buurt codes
 * @property {Map<string, string>} names buurt names by code
 * @property {import('../../contracts.js').Run | null} result the last run
 * @property {Map<string, import('../../contracts.js').BuurtYear>} rows the last run's buurt rows by `code:year`
 * @property {Map<string, import('../../contracts.js').BuurtYear>} baseRows its baseline's
 */

/**
 * The map (in `mapBox`) and the card that lists the selected buurten.
 * @param {PlannerState} state
 * @param {object} controls
 * @param {HTMLElement} controls.mapBox
 * @param {HTMLSelectElement} controls.by what the map is coloured by
 * @param {HTMLSelectElement} controls.year the projected year shown
 * @param {HTMLElement} controls.legend
 */
export function buurtMap(state, { mapBox, by, year, legend }) {
  const { map, renderer } = leafletMap(mapBox);
  /** @type {L.GeoJSON | undefined} */
  let layer;

  const buurtSelect = el('select');
  const add = el('button', { type: 'button', id: 'planner-buurt-add', text: t('planner.select') });
  const clear = el('button', { type: 'button', id: 'planner-buurt-clear', text: t('planner.clearSelection') });
  const selectedList = el('ul', { class: 'chips', id: 'planner-selected', 'aria-live': 'polite' });
  const card = el('section', { class: 'card', 'aria-labelledby': 'planner-buurten-title' },
    el('h2', { id: 'planner-buurten-title', text: t('planner.buurten') }), el('p', { class: 'small', text: t('planner.buurtenHelp') }),
    el('div', { class: 'inline-form' }, labelled('planner-buurt', t('planner.buurt'), buurtSelect), add, clear),
    selectedList);

  /**
   * The last run's value of a buurt in the chosen year, as the map is coloured.
   * @param {string} code
   * @returns {number | null}
   */
  function valueOf(code) {
    if (!state.result) return null;
    const y = Number(year.value);
    const row = state.rows.get(`${code}:${y}`);
    const base = state.baseRows.get(`${code}:${y}`);
    if (by.value === 'resilience') return row?.resilienceClass ?? null;
    if (by.value === 'change') return row && base ? row.vulnerableShare - base.vulnerableShare : null;
    return row?.vulnerableShare ?? null;
  }

  /** @param {number | null} value */
  function colourOfValue(value) {
    if (value === null || value === undefined) return none;
    if (by.value === 'resilience') return resiliencePalette[value - 1] ?? none;
    const [breaks, palette] = by.value === 'change' ? [changeBreaks, changePalette] : [shareBreaks, sharePalette];
    const index = breaks.findIndex((b) => value < b);
    return palette[index < 0 ? palette.length - 1 : index];
  }

  function renderLegend() {
    /** @type {[string, string][]} */
    const entries = by.value === 'resilience'
      ? resiliencePalette.map((c, i) => [c, state.context?.resilienceClasses?.[i] ?? String(i + 1)])
      : by.value === 'change'
        ? changePalette.map((c, i) => [c, i === 0 ? `< ${pct(changeBreaks[0], 1, true)}` : i === changePalette.length - 1 ? `≥ ${pct(changeBreaks.at(-1), 1, true)}` : `${pct(changeBreaks[i - 1], 2, true)} … ${pct(changeBreaks[i], 2, true)}`])
        : sharePalette.map((c, i) => [c, i === 0 ? `< ${pct(shareBreaks[0], 0)}` : i === sharePalette.length - 1 ? `≥ ${pct(shareBreaks.at(-1), 0)}` : `${pct(shareBreaks[i - 1], 0)} – ${pct(shareBreaks[i], 0)}`]);
    legend.replaceChildren(el('h2', { text: `${by.options[by.selectedIndex].text} (${year.value})` }),
      el('ul', {}, ...[...entries, [none, t('noValue')]].map(([c, label]) => el('li', {}, el('span', { class: 'swatch', style: `background:${c}` }), label)),
        el('li', {}, el('span', { class: 'swatch selected-swatch' }), t('planner.selectedLegend'))));
  }

  /** Colours the buurten by the last run and outlines the selected ones. */
  function restyle() {
    if (!layer) return;
    layer.eachLayer((l) => {
      const path = /** @type {L.Path & { feature: GeoJSON.Feature }} */ (l);
      const code = path.feature.properties?.code;
      const chosen = state.selected.has(code);
      path.setStyle({ fillColor: colourOfValue(valueOf(code)), fillOpacity: 0.85, color: chosen ? '#000' : '#555', weight: chosen ? 3 : 0.5 });
      if (chosen) path.bringToFront();
    });
    renderLegend();
  }

  function renderSelected() {
    const codes = [...state.selected];
    selectedList.replaceChildren(...codes.map((code) => el('li', {},
      `${state.names.get(code) ?? code} `,
      el('button', { type: 'button', class: 'link', 'data-code': code, 'aria-label': `${t('remove')} ${state.names.get(code) ?? code}`, text: '×' }))));
    selectedList.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => toggle(b.dataset.code ?? '')));
    if (!state.selected.size) selectedList.append(el('li', { class: 'muted', text: t('planner.noneSelected') }));
    restyle();
  }

  /** @param {string} code */
  function toggle(code) {
    if (state.selected.has(code)) state.selected.delete(code);
    else state.selected.add(code);
    announce(`${state.names.get(code) ?? code}: ${state.selected.has(code) ? t('planner.selected') : t('planner.deselected')}`);
    renderSelected();
  }

  /**
   * Draws the buurten of a gemeente in a year and fills the "Buurt" list with them.
   * @param {string} gemeente
   * @param {string} baseYear
   */
  async function load(gemeente, baseYear) {
    const data = await get('/api/v1/map/buurt', { year: baseYear, gemeente, by: 'resilience', detail: 'high' });
    if (layer) layer.remove();
    state.names = new Map(data.features.map((/** @type {GeoJSON.Feature} */ f) => [f.properties?.code, f.properties?.name ?? f.properties?.code]));
    /** @type {L.GeoJSONOptions & { renderer: L.Renderer }} The features are drawn as paths, which take the renderer. */
    const layerOptions = {
      renderer,
      onEachFeature: (f, l) => {
        l.bindTooltip(() => {
          const v = valueOf(f.properties.code);
          const text = v === null ? t('noValue') : by.value === 'resilience' ? String(v) : pct(v, 1, by.value === 'change');
          return `<strong>${escape(f.properties.name ?? f.properties.code)}</strong><br>${escape(text)}<br><small>${escape(t('planner.clickToSelect'))}</small>`;
        }, { sticky: true });
        l.on('click', () => toggle(f.properties.code));
      },
    };
    layer = L.geoJSON(data, layerOptions).addTo(map);
    if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
    publish(layer, map, { features: data.features.length });
    options(buurtSelect, [...state.names.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([c, n]) => [c, `${n} (${c})`]));
    mapBox.dataset.loaded = `${gemeente}:${data.features.length}`;
    restyle();
  }

  add.addEventListener('click', () => { if (buurtSelect.value && !state.selected.has(buurtSelect.value)) toggle(buurtSelect.value); });
  clear.addEventListener('click', () => { state.selected.clear(); renderSelected(); });
  return { card, load, restyle, renderLegend, renderSelected };
}
