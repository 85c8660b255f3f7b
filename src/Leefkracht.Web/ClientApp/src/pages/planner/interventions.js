import { announce, el, labelled, numberInput, options } from '../../dom.js';
import { t } from '../../i18n.js';
import { describe, groups, segments } from './scenario.js';

// The intervention form: build, demolish, convert or sell dwellings of a segment (a total, optionally spread over
// years), or place households of a target group each year, in the selected buurten, the whole area or the N weakest
// buurten; and the list of the scenario's interventions, each with a remove button named after what it removes.

/**
 * The form (its fields show what the chosen kind needs) and the list; `nodes` go into the interventions card.
 * @param {import('./map-selection.js').PlannerState} state
 * @param {HTMLElement} error where a missing selection is said
 * @param {() => void} changed called after the scenario's interventions changed
 */
export function interventionForm(state, error, changed) {
  const kind = options(el('select'), [...['build', 'demolish', 'convert', 'sell'].map((a) => /** @type {[string, string]} */ ([a, t('action.' + a)])), ['placements', t('planner.placements')]], 'build');
  const segment = options(el('select'), segments.map((s) => [s, t('segment.' + s)]), 'midRent');
  const to = options(el('select'), segments.map((s) => [s, t('segment.' + s)]), 'midRent');
  const dwellings = numberInput(100, 1, 100000);
  const year = el('select');
  const overYears = numberInput(1, 1, 30);
  const group = options(el('select'), groups.map((g) => [g, t('group.' + g)]), 'statushouder');
  const perYear = numberInput(50, 1, 10000);
  const allocation = options(el('select'), ['vacancies', 'optimised'].map((a) => [a, t('allocation.' + a)]), 'vacancies');
  const fromYear = el('select');
  const toYear = el('select');
  const scope = options(el('select'), [['selected', t('planner.scopeSelected')], ['all', t('planner.wholeArea')], ['weakest', t('planner.scopeWeakest')]], 'selected');
  const weakest = numberInput(3, 1, 100);
  const stockFields = [labelled('iv-segment', t('planner.segment'), segment), labelled('iv-to', t('planner.to'), to), labelled('iv-dwellings', t('planner.dwellings'), dwellings),
    labelled('iv-year', t('year'), year), labelled('iv-over', t('planner.overYears'), overYears)];
  const placementFields = [labelled('iv-group', t('planner.group'), group), labelled('iv-per-year', t('planner.perYearLabel'), perYear),
    labelled('iv-allocation', t('planner.allocation'), allocation), labelled('iv-from', t('planner.from'), fromYear), labelled('iv-to-year', t('planner.until'), toYear)];
  const weakestField = labelled('iv-weakest', t('planner.weakestCount'), weakest);
  const addButton = el('button', { type: 'button', id: 'iv-add', text: t('planner.addIntervention') });
  const list = el('ul', { id: 'planner-interventions', class: 'interventions' });

  /** Shows the fields the chosen kind of intervention needs. */
  function syncKind() {
    const placement = kind.value === 'placements';
    stockFields.forEach((f) => { f.hidden = placement; });
    placementFields.forEach((f) => { f.hidden = !placement; });
    stockFields[1].hidden = placement || kind.value !== 'convert';
    if (kind.value === 'sell' && segment.value === 'ownerOccupied') segment.value = 'socialRent';
    weakestField.hidden = scope.value !== 'weakest';
  }

  /**
   * The years an intervention can fall in: after the base year up to the last projected one.
   * @param {number[]} span
   * @param {number} first
   * @param {number} last
   */
  function setYears(span, first, last) {
    /** @type {[number, number][]} */
    const pairs = span.map((y) => [y, y]);
    options(year, pairs, year.value || first + 1);
    options(fromYear, pairs, fromYear.value || first);
    options(toYear, pairs, toYear.value && Number(toYear.value) <= last ? toYear.value : last);
  }

  function render() {
    const doc = /** @type {import('./scenario.js').ScenarioDocument} */ (state.doc);
    /** @type {(readonly [string, number, import('./scenario.js').StockChange | import('./scenario.js').Placement])[]} */
    const items = [...(doc.stock ?? []).map((s, i) => /** @type {const} */ (['stock', i, s])), ...(doc.placements ?? []).map((p, i) => /** @type {const} */ (['placements', i, p]))];
    list.replaceChildren(...items.map(([name, i, item]) => el('li', {}, describe(item, state.names), ' ',
      el('button', { type: 'button', class: 'link', 'data-list': name, 'data-index': String(i), 'aria-label': `${t('remove')}: ${describe(item, state.names)}`, text: '×' }))));
    list.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => {
      const current = /** @type {import('./scenario.js').ScenarioDocument} */ (state.doc);
      (b.dataset.list === 'stock' ? current.stock : current.placements)?.splice(Number(b.dataset.index), 1);
      changed();
      render();
    }));
    if (!items.length) list.append(el('li', { class: 'muted', text: t('planner.noInterventions') }));
  }

  function add() {
    const doc = /** @type {import('./scenario.js').ScenarioDocument} */ (state.doc);
    /** @type {{ buurten?: string[], weakest?: number }} */
    const where = {};
    if (scope.value === 'selected') {
      if (!state.selected.size) { error.textContent = t('planner.selectFirst'); return; }
      where.buurten = [...state.selected];
    } else if (scope.value === 'weakest') {
      where.weakest = Number(weakest.value) || 3;
    }
    if (kind.value === 'placements') {
      doc.placements = [...(doc.placements ?? []), { group: group.value, perYear: Number(perYear.value), allocation: allocation.value, from: Number(fromYear.value), to: Number(toYear.value), ...where }];
    } else {
      /** @type {import('./scenario.js').StockChange} */
      const item = { action: /** @type {import('./scenario.js').StockChange['action']} */ (kind.value), segment: segment.value, dwellings: Number(dwellings.value), year: Number(year.value), ...where };
      if (kind.value === 'convert') item.to = to.value;
      if (Number(overYears.value) > 1) item.overYears = Number(overYears.value);
      doc.stock = [...(doc.stock ?? []), item];
    }
    error.textContent = '';
    changed();
    render();
    announce(t('planner.added'));
  }

  for (const c of [kind, scope, segment]) c.addEventListener('change', syncKind);
  addButton.addEventListener('click', add);
  syncKind();
  const nodes = [el('div', { class: 'form-grid' }, labelled('iv-kind', t('planner.kind'), kind), ...stockFields, ...placementFields, labelled('iv-scope', t('planner.where'), scope), weakestField), addButton, list];
  return { nodes, render, setYears };
}
