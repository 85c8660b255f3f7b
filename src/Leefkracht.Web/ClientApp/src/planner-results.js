import { Chart, Title } from 'chart.js';
import { num, plain, t } from './i18n.js';
import { el } from './profile.js';

Chart.register(Title);

const palette = ['#2f4f6f', '#d95f02', '#7570b3', '#1b9e77'];
const charts = new WeakMap();

/** A share (0–1) as a percentage in the user's language; signed differences are in percentage points. */
export function pct(value, digits = 1, signed = false) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${num(100 * value, digits, signed)}${signed ? ' pp' : ' %'}`;
}

/** One chart per box: an earlier chart in it is destroyed first (Chart.js keeps a registry of live charts). */
function chart(box, label, config) {
  charts.get(box)?.destroy();
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  box.replaceChildren(canvas);
  charts.set(box, new Chart(canvas, { ...config, options: { maintainAspectRatio: false, ...config.options } }));
}

/** A y axis at least `span` high, so that a tiny change does not fill the chart and look large. */
function atLeast(values, span, floor = -Infinity) {
  const finite = values.filter((v) => v !== null && v !== undefined);
  if (!finite.length) return {};
  const middle = (Math.min(...finite) + Math.max(...finite)) / 2;
  return { suggestedMin: Math.max(floor, middle - span / 2), suggestedMax: middle + span / 2 };
}

/** Vulnerable shares in %: at least one percentage point. */
const atLeastOnePoint = (summaries) => atLeast(summaries.map((s) => 100 * s.vulnerableShare), 1, 0);

const line = (label, data, colour, dashed = false) => ({ label, data, borderColor: colour, backgroundColor: colour, borderDash: dashed ? [6, 4] : [], tension: 0 });

/** A run against its baseline: per year (table and charts) and per buurt in the chosen year. */
export function renderRun(box, run, year, selected = new Set()) {
  const summary = run.summary;
  const base = run.baseline.summary;
  const years = summary.map((s) => s.year);
  const shownYear = years.includes(year) ? year : years.at(-1);
  if (!box.querySelector('#planner-run-charts')) {
    box.replaceChildren(
      el('section', { class: 'card', 'aria-labelledby': 'planner-summary-title' },
        el('h2', { id: 'planner-summary-title' }), el('p', { class: 'whatif small', role: 'note', id: 'planner-run-label' }),
        el('div', { class: 'chart-pair', id: 'planner-run-charts' }, el('div', { class: 'chart', id: 'planner-chart-share' }), el('div', { class: 'chart', id: 'planner-chart-resilience' })),
        el('div', { id: 'planner-summary-table' }), el('details', { id: 'planner-assumptions' })),
      el('section', { class: 'card', 'aria-labelledby': 'planner-buurt-title' }, el('h2', { id: 'planner-buurt-title' }), el('div', { id: 'planner-buurt-table' })));
  }
  box.querySelector('#planner-summary-title').textContent = `${run.scenario} — ${t('planner.againstBaseline')}`;
  box.querySelector('#planner-run-label').textContent = run.label;

  const shareLabel = `${t('planner.vulnerableShare')}: ${years.map((y, i) => `${y} ${pct(summary[i].vulnerableShare, 2)} (${t('planner.baseline')} ${pct(base[i].vulnerableShare, 2)})`).join('; ')}`;
  chart(box.querySelector('#planner-chart-share'), shareLabel, {
    type: 'line',
    data: { labels: years, datasets: [line(run.scenario, summary.map((s) => 100 * s.vulnerableShare), palette[1]), line(run.baseline.scenario, base.map((s) => 100 * s.vulnerableShare), palette[0], true)] },
    options: { plugins: { title: { display: true, text: `${t('planner.vulnerableShare')} (%)` } }, scales: { y: atLeastOnePoint([...summary, ...base]) } },
  });
  const resilienceLabel = `${t('planner.meanResilience')}: ${years.map((y, i) => `${y} ${num(summary[i].meanResilience, 3, true)}`).join('; ')}`;
  chart(box.querySelector('#planner-chart-resilience'), resilienceLabel, {
    type: 'line',
    data: { labels: years, datasets: [line(run.scenario, summary.map((s) => s.meanResilience), palette[1]), line(run.baseline.scenario, base.map((s) => s.meanResilience), palette[0], true)] },
    options: { plugins: { title: { display: true, text: t('planner.meanResilience') } }, scales: { y: atLeast([...summary, ...base].map((s) => s.meanResilience), 0.1) } },
  });

  const head = ['year', 'planner.vulnerableShare', 'planner.highest', 'planner.aboveTipping', 'planner.meanResilience', 'planner.veryVulnerable', 'planner.placed'];
  box.querySelector('#planner-summary-table').replaceChildren(el('table', { id: 'planner-summary' },
    el('caption', { text: t('planner.perYear') + ' — ' + t('planner.scenarioVsBaseline') }),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: t(h) })))),
    el('tbody', {}, ...summary.map((s, i) => el('tr', {},
      el('th', { scope: 'row', text: String(s.year) }),
      el('td', { class: 'num', text: `${pct(s.vulnerableShare, 2)} (${pct(base[i].vulnerableShare, 2)})` }),
      el('td', { class: 'num', text: `${pct(s.highestVulnerableShare)} (${pct(base[i].highestVulnerableShare)})` }),
      el('td', { class: 'num', text: `${s.buurtenAboveTipping} (${base[i].buurtenAboveTipping})` }),
      el('td', { class: 'num', text: `${num(s.meanResilience, 3, true)} (${num(base[i].meanResilience, 3, true)})` }),
      el('td', { class: 'num', text: `${s.veryVulnerableBuurten} (${base[i].veryVulnerableBuurten})` }),
      el('td', { class: 'num', text: plain(Math.round(s.placed)) }))))));
  box.querySelector('#planner-assumptions').replaceChildren(el('summary', { text: t('planner.assumptions') }),
    el('ul', { class: 'small' }, ...[...run.assumptions, ...run.skipped, `${t('reference')}: ${run.resilienceReference}`].map((a) => el('li', { text: a }))));

  // Per buurt: the chosen year, the buurten that changed most first.
  const baseRows = new Map(run.baseline.buurten.filter((r) => r.year === shownYear).map((r) => [r.code, r]));
  const rows = run.buurten.filter((r) => r.year === shownYear)
    .map((r) => ({ r, b: baseRows.get(r.code), d: r.vulnerableShare - (baseRows.get(r.code)?.vulnerableShare ?? r.vulnerableShare) }))
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.r.name ?? x.r.code).localeCompare(y.r.name ?? y.r.code));
  box.querySelector('#planner-buurt-title').textContent = `${t('planner.perBuurt')} ${shownYear}`;
  const cols = ['name', 'planner.baseline', 'planner.scenario', 'planner.difference', 'planner.resilienceBaseline', 'planner.resilienceScenario', 'planner.socialRent', 'planner.placedHouseholds'];
  box.querySelector('#planner-buurt-table').replaceChildren(el('div', { class: 'table-scroll' }, el('table', { id: 'planner-table' },
    el('caption', { text: `${t('planner.vulnerableShare')} ${t('planner.andResilience')}, ${shownYear}` }),
    el('thead', {}, el('tr', {}, ...cols.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '', text: t(h) })))),
    el('tbody', {}, ...rows.map(({ r, b, d }) => el('tr', { 'data-code': r.code, class: selected.has(r.code) ? 'chosen' : '' },
      el('th', { scope: 'row', text: r.name ?? r.code }),
      el('td', { class: 'num', text: pct(b?.vulnerableShare) }),
      el('td', { class: 'num', text: pct(r.vulnerableShare) }),
      el('td', { class: 'num', text: Math.abs(d) < 5e-5 ? '0' : pct(d, 2, true) }),
      el('td', { class: 'num', text: num(b?.resilience, 2, true) }),
      el('td', { class: 'num', text: num(r.resilience, 2, true) }),
      el('td', { class: 'num', text: pct(r.socialRentShare, 0) }),
      el('td', { class: 'num', text: plain(Math.round(r.placedHouseholds)) })))))));
}

/** 2–4 runs side by side: a chart per year and the final year's figures, then per buurt against the first. */
export function renderComparison(box, comparison) {
  const runs = comparison.runs;
  const years = runs[0].summary.map((s) => s.year);
  const chartBox = el('div', { class: 'chart', id: 'planner-compare-chart' });
  box.replaceChildren(el('p', { class: 'whatif small', role: 'note', text: comparison.label }), chartBox);
  chart(chartBox, runs.map((r) => `${r.scenario}: ${pct(r.summary.at(-1).vulnerableShare, 2)}`).join('; '), {
    type: 'line',
    data: { labels: years, datasets: runs.map((r, i) => line(r.scenario, r.summary.map((s) => 100 * s.vulnerableShare), palette[i % palette.length], i === 0)) },
    options: { plugins: { title: { display: true, text: `${t('planner.vulnerableShare')} (%)` } }, scales: { y: atLeastOnePoint(runs.flatMap((r) => r.summary)) } },
  });
  const last = (r) => r.summary.at(-1);
  box.append(el('table', { id: 'planner-compare-table' },
    el('caption', { text: `${comparison.year}; ${t('planner.comparedWith')} ${comparison.comparedWith}` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('planner.scenario') }),
      ...['planner.vulnerableShare', 'planner.highest', 'planner.aboveTipping', 'planner.meanResilience', 'planner.veryVulnerable'].map((h) => el('th', { scope: 'col', class: 'num', text: t(h) })))),
    el('tbody', {}, ...runs.map((r) => el('tr', {}, el('th', { scope: 'row', text: r.scenario }),
      el('td', { class: 'num', text: pct(last(r).vulnerableShare, 2) }), el('td', { class: 'num', text: pct(last(r).highestVulnerableShare) }),
      el('td', { class: 'num', text: String(last(r).buurtenAboveTipping) }), el('td', { class: 'num', text: num(last(r).meanResilience, 3, true) }),
      el('td', { class: 'num', text: String(last(r).veryVulnerableBuurten) }))))));
  for (const difference of comparison.differences) {
    const moved = difference.buurten.filter((b) => Math.abs(b.vulnerableShare) >= 0.0005).sort((a, b) => Math.abs(b.vulnerableShare) - Math.abs(a.vulnerableShare)).slice(0, 10);
    box.append(el('h3', { text: `${difference.scenario}: ${t('planner.mostChanged')}` }),
      moved.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('name') }), el('th', { scope: 'col', class: 'num', text: t('planner.difference') }), el('th', { scope: 'col', class: 'num', text: t('planner.resilienceDifference') }))),
        el('tbody', {}, ...moved.map((b) => el('tr', {}, el('th', { scope: 'row', text: b.name ?? b.code }), el('td', { class: 'num', text: pct(b.vulnerableShare, 2, true) }), el('td', { class: 'num', text: num(b.resilience, 3, true) })))))
        : el('p', { class: 'muted', text: t('planner.noDifference') }));
  }
}

/** The optimiser's plan against the naive one, with its reasoning and the buurten either plan uses. */
export function renderOptimisation(box, result, names) {
  const rows = result.rows.filter((r) => r.naive + r.optimised > 0).sort((a, b) => b.naive + b.optimised - (a.naive + a.optimised));
  box.replaceChildren(
    el('p', { class: 'whatif small', role: 'note', text: result.label }),
    el('ul', { class: 'facts', id: 'planner-opt-summary' },
      el('li', {}, el('strong', { text: `${t('planner.naive')}: ` }), t('planner.worstPlaced', pct(result.naive.worstPlacedShare), result.naive.placed)),
      el('li', {}, el('strong', { text: `${t('planner.optimisedPlan')}: ` }), t('planner.worstPlaced', pct(result.optimised.worstPlacedShare), result.optimised.placed))),
    el('ul', { class: 'small' }, ...result.explanation.map((line) => el('li', { text: line }))),
    el('div', { class: 'table-scroll' }, el('table', { id: 'planner-opt-table' },
      el('caption', { text: `${result.year}: ${t('planner.optCaption')}` }),
      el('thead', {}, el('tr', {}, ...['name', 'planner.vacancies', 'planner.capacity', 'planner.shareNow', 'planner.naiveShort', 'planner.optimisedPlan', 'planner.reason'].map((h, i) => el('th', { scope: 'col', class: i && i < 6 ? 'num' : '', text: t(h) })))),
      el('tbody', {}, ...rows.map((r) => el('tr', {},
        el('th', { scope: 'row', text: r.name ?? names.get(r.code) ?? r.code }),
        el('td', { class: 'num', text: plain(Math.round(r.vacancies)) }),
        el('td', { class: 'num', text: String(r.capacity) }),
        el('td', { class: 'num', text: pct(r.shareBefore) }),
        el('td', { class: 'num', text: `${r.naive} → ${pct(r.naiveShareAfter)}` }),
        el('td', { class: 'num', text: `${r.optimised} → ${pct(r.optimisedShareAfter)}` }),
        el('td', { text: t('reason.' + r.reason) })))))));
}
