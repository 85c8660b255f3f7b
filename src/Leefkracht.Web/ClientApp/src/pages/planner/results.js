import { Chart } from '../../charts.js';
import { el, reflow } from '../../dom.js';
import { num, pct, plain, t } from '../../i18n.js';

// A run's results against its baseline: per year a line chart of the vulnerable share and of mean resilience and a
// table, per buurt the chosen year; and the chart helpers the comparison of saved scenarios draws with too.

/** @typedef {import('chart.js').ChartConfiguration<'line'>} LineChart */

export const palette = ['#2f4f6f', '#d95f02', '#7570b3', '#1b9e77'];
/** @type {WeakMap<HTMLElement, Chart>} */
const charts = new WeakMap();

/**
 * One chart per box: an earlier chart in it is destroyed first (Chart.js keeps a registry of live charts).
 * @param {HTMLElement} box
 * @param {string} label the chart's words for screen readers
 * @param {LineChart} config
 */
export function chart(box, label, config) {
  charts.get(box)?.destroy();
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  box.replaceChildren(canvas);
  charts.set(box, new Chart(canvas, { ...config, options: { maintainAspectRatio: false, ...config.options } }));
}

/**
 * A y axis at least `span` high, so that a tiny change does not fill the chart and look large.
 * @param {(number | null | undefined)[]} values
 * @param {number} span
 */
function atLeast(values, span, floor = -Infinity) {
  const finite = /** @type {number[]} */ (values.filter((v) => v !== null && v !== undefined));
  if (!finite.length) return {};
  const middle = (Math.min(...finite) + Math.max(...finite)) / 2;
  return { suggestedMin: Math.max(floor, middle - span / 2), suggestedMax: middle + span / 2 };
}

/**
 * Vulnerable shares in %: at least one percentage point.
 * @param {{ vulnerableShare: number }[]} summaries
 */
export const atLeastOnePoint = (summaries) => atLeast(summaries.map((s) => 100 * s.vulnerableShare), 1, 0);

/**
 * @param {string} label
 * @param {number[]} data
 * @param {string} colour
 */
export const line = (label, data, colour, dashed = false) => ({ label, data, borderColor: colour, backgroundColor: colour, borderDash: dashed ? [6, 4] : [], tension: 0 });

/**
 * A run against its baseline: per year (table and charts) and per buurt in the chosen year.
 * @param {HTMLElement} box
 * @param {import('../../contracts.js').Run} run
 * @param {number} year
 * @param {Set<string>} selected
 */
export function renderRun(box, run, year, selected = new Set()) {
  const summary = run.summary;
  const base = run.baseline.summary;
  const years = summary.map((s) => s.year);
  const shownYear = years.includes(year) ? year : years.at(-1);
  /** @param {string} id a part of the results, made below on the first run */
  const part = (id) => /** @type {HTMLElement} */ (box.querySelector(`#${id}`));
  if (!box.querySelector('#planner-run-charts')) {
    box.replaceChildren(
      el('section', { class: 'card', 'aria-labelledby': 'planner-summary-title' },
        el('h2', { id: 'planner-summary-title' }), el('p', { class: 'whatif small', role: 'note', id: 'planner-run-label' }),
        el('div', { class: 'chart-pair', id: 'planner-run-charts' }, el('div', { class: 'chart', id: 'planner-chart-share' }), el('div', { class: 'chart', id: 'planner-chart-resilience' })),
        el('div', { id: 'planner-summary-table' }), el('details', { id: 'planner-assumptions' })),
      el('section', { class: 'card', 'aria-labelledby': 'planner-buurt-title' }, el('h2', { id: 'planner-buurt-title' }), el('div', { id: 'planner-buurt-table' })));
  }
  part('planner-summary-title').textContent = `${run.scenario} — ${t('planner.againstBaseline')}`;
  part('planner-run-label').textContent = run.label;

  const shareLabel = `${t('planner.vulnerableShare')}: ${years.map((y, i) => `${y} ${pct(summary[i].vulnerableShare, 2)} (${t('planner.baseline')} ${pct(base[i].vulnerableShare, 2)})`).join('; ')}`;
  chart(part('planner-chart-share'), shareLabel, {
    type: 'line',
    data: { labels: years, datasets: [line(run.scenario, summary.map((s) => 100 * s.vulnerableShare), palette[1]), line(run.baseline.scenario, base.map((s) => 100 * s.vulnerableShare), palette[0], true)] },
    options: { plugins: { title: { display: true, text: `${t('planner.vulnerableShare')} (%)` } }, scales: { y: atLeastOnePoint([...summary, ...base]) } },
  });
  const resilienceLabel = `${t('planner.meanResilience')}: ${years.map((y, i) => `${y} ${num(summary[i].meanResilience, 3, true)}`).join('; ')}`;
  chart(part('planner-chart-resilience'), resilienceLabel, {
    type: 'line',
    data: { labels: years, datasets: [line(run.scenario, summary.map((s) => s.meanResilience), palette[1]), line(run.baseline.scenario, base.map((s) => s.meanResilience), palette[0], true)] },
    options: { plugins: { title: { display: true, text: t('planner.meanResilience') } }, scales: { y: atLeast([...summary, ...base].map((s) => s.meanResilience), 0.1) } },
  });

  const head = ['year', 'planner.vulnerableShare', 'planner.highest', 'planner.aboveTipping', 'planner.meanResilience', 'planner.veryVulnerable', 'planner.placed'];
  part('planner-summary-table').replaceChildren(reflow(el('table', { id: 'planner-summary' },
    el('caption', { text: t('planner.perYear') + ' — ' + t('planner.scenarioVsBaseline') }),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: t(h) })))),
    el('tbody', {}, ...summary.map((s, i) => el('tr', {},
      el('th', { scope: 'row', text: String(s.year) }),
      el('td', { class: 'num', text: `${pct(s.vulnerableShare, 2)} (${pct(base[i].vulnerableShare, 2)})` }),
      el('td', { class: 'num', text: `${pct(s.highestVulnerableShare)} (${pct(base[i].highestVulnerableShare)})` }),
      el('td', { class: 'num', text: `${s.buurtenAboveTipping} (${base[i].buurtenAboveTipping})` }),
      el('td', { class: 'num', text: `${num(s.meanResilience, 3, true)} (${num(base[i].meanResilience, 3, true)})` }),
      el('td', { class: 'num', text: `${s.veryVulnerableBuurten} (${base[i].veryVulnerableBuurten})` }),
      el('td', { class: 'num', text: plain(Math.round(s.placed)) }))))), 'matrix'));
  part('planner-assumptions').replaceChildren(el('summary', { text: t('planner.assumptions') }),
    el('ul', { class: 'small' }, ...[...run.assumptions, ...run.skipped, `${t('reference')}: ${run.resilienceReference}`].map((a) => el('li', { text: a }))));

  // Per buurt: the chosen year, the buurten that changed most first.
  const baseRows = new Map(run.baseline.buurten.filter((r) => r.year === shownYear).map((r) => [r.code, r]));
  const rows = run.buurten.filter((r) => r.year === shownYear)
    .map((r) => ({ r, b: baseRows.get(r.code), d: r.vulnerableShare - (baseRows.get(r.code)?.vulnerableShare ?? r.vulnerableShare) }))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.r.name ?? x.r.code).localeCompare(y.r.name ?? y.r.code));
  part('planner-buurt-title').textContent = `${t('planner.perBuurt')} ${shownYear}`;
  const cols = ['name', 'planner.baseline', 'planner.scenario', 'planner.difference', 'planner.resilienceBaseline', 'planner.resilienceScenario', 'planner.socialRent', 'planner.placedHouseholds'];
  const caption = `${t('planner.vulnerableShare')} ${t('planner.andResilience')}, ${shownYear}`;
  // The scroll area is a focusable region so that keyboard users can scroll it (axe: scrollable-region-focusable).
  part('planner-buurt-table').replaceChildren(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, reflow(el('table', { id: 'planner-table' },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...cols.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: t(h) })))),
    el('tbody', {}, ...rows.map(({ r, b, d }) => el('tr', { 'data-code': r.code, class: selected.has(r.code) ? 'chosen' : '' },
      el('th', { scope: 'row', text: r.name ?? r.code }),
      el('td', { class: 'num', text: pct(b?.vulnerableShare) }),
      el('td', { class: 'num', text: pct(r.vulnerableShare) }),
      el('td', { class: 'num', text: Math.abs(d) < 5e-5 ? '0' : pct(d, 2, true) }),
      el('td', { class: 'num', text: num(b?.resilience, 2, true) }),
      el('td', { class: 'num', text: num(r.resilience, 2, true) }),
      el('td', { class: 'num', text: pct(r.socialRentShare, 0) }),
      el('td', { class: 'num', text: plain(Math.round(r.placedHouseholds)) }))))), 'matrix')));
}
