import { el, reflow } from '../../dom.js';
import { get, post } from '../../http.js';
import { num, pct, t } from '../../i18n.js';
import { atLeastOnePoint, chart, line, palette } from './results.js';
import { savedScenarios, storeSaved } from './scenario.js';

// "Saved scenarios": scenarios kept in this browser, opened again, or compared (2–4, optionally with the baseline
// first) through POST /planner/compare; "Voorbeelden toevoegen" adds the worked examples of docs/planner/.

/**
 * Draws the saved scenarios into `box` (again after every change).
 * @param {HTMLElement} box
 * @param {(doc: import('./scenario.js').ScenarioDocument) => Promise<void>} open loads a scenario into the page
 * @param {HTMLElement} error where a scenario that cannot be opened says why
 */
export function renderSaved(box, open, error) {
  const list = savedScenarios();
  const withBaseline = el('input', { type: 'checkbox', id: 'compare-baseline', checked: '' });
  box.replaceChildren(el('h2', { id: 'planner-saved-title', text: t('planner.saved') }), el('p', { class: 'small', text: t('planner.savedHelp') }));
  if (!list.length) box.append(el('p', { class: 'muted', text: t('planner.noneSaved') }));
  const ul = el('ul', { class: 'saved' }, ...list.map((doc, i) => el('li', {},
    el('input', { type: 'checkbox', id: `saved-${i}`, 'data-index': String(i) }),
    el('label', { for: `saved-${i}`, text: ` ${doc.name} (${doc.area?.gemeenten?.join(', ') ?? doc.area?.buurten?.length + ' buurten'}, ${doc.baseYear}+${doc.years ?? 10}) ` }),
    el('button', { type: 'button', class: 'small-button', 'data-load': String(i), text: t('planner.open') }),
    el('button', { type: 'button', class: 'link', 'data-delete': String(i), 'aria-label': `${t('remove')} ${doc.name}`, text: '×' }))));
  const compare = el('button', { type: 'button', id: 'planner-compare', text: t('planner.compare') });
  const examples = el('button', { type: 'button', id: 'planner-examples', text: t('planner.loadExamples') });
  box.append(ul, el('div', { class: 'inline-form' }, el('label', { for: 'compare-baseline' }, withBaseline, ' ', t('planner.withBaseline')), compare, examples));
  const output = el('div', { id: 'planner-comparison' });
  box.append(output);
  ul.querySelectorAll('button[data-load]').forEach((b) => b.addEventListener('click', () => open(structuredClone(list[Number(/** @type {HTMLElement} */ (b).dataset.load)])).catch((e) => { error.textContent = e.message; })));
  ul.querySelectorAll('button[data-delete]').forEach((b) => b.addEventListener('click', () => { storeSaved(list.filter((_, i) => i !== Number(/** @type {HTMLElement} */ (b).dataset.delete))); renderSaved(box, open, error); }));
  examples.addEventListener('click', async () => {
    const documents = await get('/api/v1/planner/examples');
    const current = savedScenarios();
    for (const e of documents) if (!current.some((d) => d.name === e.document.name)) current.push(e.document);
    storeSaved(current);
    renderSaved(box, open, error);
  });
  compare.addEventListener('click', async () => {
    const chosen = [...ul.querySelectorAll('input:checked')].map((c) => list[Number(/** @type {HTMLElement} */ (c).dataset.index)]);
    const docs = withBaseline.checked && chosen.length
      ? [{ name: t('planner.baselineName'), baseYear: chosen[0].baseYear, years: chosen[0].years ?? 10, area: chosen[0].area }, ...chosen]
      : chosen;
    output.replaceChildren();
    if (docs.length < 2 || docs.length > 4) { output.append(el('p', { class: 'error', role: 'alert', text: t('planner.compareCount') })); return; }
    output.setAttribute('aria-busy', 'true');
    try {
      renderComparison(output, await post('/api/v1/planner/compare', { scenarios: docs }));
    } catch (e) {
      output.append(el('p', { class: 'error', role: 'alert', text: `${t('error')}: ${e instanceof Error ? e.message : String(e)}` }));
    } finally {
      output.setAttribute('aria-busy', 'false');
    }
  });
}

/**
 * 2–4 runs side by side: a chart per year and the final year's figures, then per buurt against the first.
 * @param {HTMLElement} box
 * @param {import('../../contracts.js').Comparison} comparison
 */
function renderComparison(box, comparison) {
  const runs = comparison.runs;
  const years = runs[0].summary.map((s) => s.year);
  const chartBox = el('div', { class: 'chart', id: 'planner-compare-chart' });
  box.replaceChildren(el('p', { class: 'whatif small', role: 'note', text: comparison.label }), chartBox);
  /** @param {{ summary: import('../../contracts.js').YearSummary[] }} r the final year of a run */
  const last = (r) => r.summary[r.summary.length - 1];
  chart(chartBox, runs.map((r) => `${r.scenario}: ${pct(last(r).vulnerableShare, 2)}`).join('; '), {
    type: 'line',
    data: { labels: years, datasets: runs.map((r, i) => line(r.scenario, r.summary.map((s) => 100 * s.vulnerableShare), palette[i % palette.length], i === 0)) },
    options: { plugins: { title: { display: true, text: `${t('planner.vulnerableShare')} (%)` } }, scales: { y: atLeastOnePoint(runs.flatMap((r) => r.summary)) } },
  });
  box.append(reflow(el('table', { id: 'planner-compare-table' },
    el('caption', { text: `${comparison.year}; ${t('planner.comparedWith')} ${comparison.comparedWith}` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('planner.scenario') }),
      ...['planner.vulnerableShare', 'planner.highest', 'planner.aboveTipping', 'planner.meanResilience', 'planner.veryVulnerable'].map((h) => el('th', { scope: 'col', class: 'num', text: t(h) })))),
    el('tbody', {}, ...runs.map((r) => el('tr', {}, el('th', { scope: 'row', text: r.scenario }),
      el('td', { class: 'num', text: pct(last(r).vulnerableShare, 2) }), el('td', { class: 'num', text: pct(last(r).highestVulnerableShare) }),
      el('td', { class: 'num', text: String(last(r).buurtenAboveTipping) }), el('td', { class: 'num', text: num(last(r).meanResilience, 3, true) }),
      el('td', { class: 'num', text: String(last(r).veryVulnerableBuurten) }))))), 'matrix'));
  for (const difference of comparison.differences) {
    const moved = difference.buurten.filter((b) => Math.abs(b.vulnerableShare) >= 0.0005).sort((a, b) => Math.abs(b.vulnerableShare) - Math.abs(a.vulnerableShare)).slice(0, 10);
    box.append(el('h3', { text: `${difference.scenario}: ${t('planner.mostChanged')}` }),
      moved.length ? reflow(el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('name') }), el('th', { scope: 'col', class: 'num', text: t('planner.difference') }), el('th', { scope: 'col', class: 'num', text: t('planner.resilienceDifference') }))),
        el('tbody', {}, ...moved.map((b) => el('tr', {}, el('th', { scope: 'row', text: b.name ?? b.code }), el('td', { class: 'num', text: pct(b.vulnerableShare, 2, true) }), el('td', { class: 'num', text: num(b.resilience, 3, true) }))))))
        : el('p', { class: 'muted', text: t('planner.noDifference') }));
  }
}
