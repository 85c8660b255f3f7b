import { Chart } from '../charts.js';
import { colourOf, textOn } from '../colours.js';
import { el, reflow } from '../dom.js';
import { get, href } from '../http.js';
import { measure, num, plain, t, yearRanges } from '../i18n.js';

// An area's profile (#/area/CODE?year=): score and class, why (the contributions of dimensions and indicators, which
// add up to the deviation), the trend, comparison with wijk, gemeente and country, resilience, flags and the note.

/**
 * A horizontal bar around a zero line, with its number as text (the bar itself is decoration).
 * @param {number} value
 * @param {number} scale
 */
function bar(value, scale) {
  const width = Math.min(50, (50 * Math.abs(value)) / scale);
  const box = el('span', { class: 'bar', 'aria-hidden': 'true' });
  box.append(el('span', { class: value >= 0 ? 'pos' : 'neg', style: `width:${width}%` }));
  return box;
}

/** @type {import('../router.js').View} */
export async function show(main, params, code) {
  main.append(el('p', { class: 'loading', text: t('loading') }));
  const year = params.get('year') ?? undefined;
  /** @type {[import('../contracts.js').Profile, import('../contracts.js').History, import('../contracts.js').SimilarAreas]} */
  const [profile, history, similar] = await Promise.all([
    get(`/api/v1/areas/${encodeURIComponent(String(code))}`, { year }),
    get(`/api/v1/areas/${encodeURIComponent(String(code))}/history`, { year }),
    get(`/api/v1/areas/${encodeURIComponent(String(code))}/similar`, { year }),
  ]);
  main.replaceChildren();
  const area = profile.area;
  const s = profile.score;
  const place = [area.wijk?.name, area.gemeente?.name].filter(Boolean).join(', ');
  const header = el('header', { class: 'profile-head' },
    el('h1', { text: `${area.name ?? area.code}` }),
    el('p', { class: 'sub', text: `${area.code} · ${area.level}${place ? ' in ' + place : ''} · ${profile.year}` }));
  const actions = el('div', { class: 'actions' },
    el('a', { class: 'button', href: `/report/${area.code}?year=${profile.year}&lang=${document.documentElement.lang}`, text: t('report') }),
    el('a', { class: 'button', href: href(`/api/v1/areas/${area.code}/report.pdf`, { year: profile.year }), text: t('pdf') }),
    el('a', { class: 'button', href: `#/compare?codes=${area.code}${area.gemeente ? ',' + area.gemeente.code : ''}&year=${profile.year}`, text: t('addCompare') }),
    area.gemeente ? el('a', { class: 'button', id: 'csv-gemeente', href: href('/api/v1/exports/scores', { format: 'csv', level: area.level, year: profile.year, gemeente: area.gemeente.code }), download: '', text: t('csvGemeente') }) : null);
  header.append(actions);
  main.append(header);

  const colour = s.class ? colourOf('livability', String(s.class)) : '#ccc';
  const scoreCard = el('section', { class: 'card score-card', 'aria-labelledby': 'score-title' },
    el('h2', { id: 'score-title', text: t('score') }),
    s.deviation === null
      ? el('p', { text: `${t('notScored')}: ${s.notScoredReason}` })
      : el('p', { class: 'score-line' },
        el('span', { class: 'class-badge', style: `background:${colour};color:${textOn(colour)}`, text: `${s.class} ${s.className}` }),
        el('span', { class: 'big', text: `${t('deviation')} ${num(s.deviation, 3, true)}` }),
        el('span', { text: t('percentile', plain(s.percentile)) }),
        el('span', { class: 'muted', text: `${t('coverage')} ${Math.round(s.coverage * 100)} %` })),
    s.uncertainty ? el('p', { class: 'small', id: 'score-estimated', text: t('estimatedScore', s.uncertainty.estimated.join(', '), num(s.uncertainty.low95, 3, true), num(s.uncertainty.high95, 3, true)) }) : null,
    s.nowcast ? el('p', { class: 'small', id: 'score-nowcast' },
      el('strong', { text: `${s.nowcast.label}: ` }),
      t('nowcast', `${s.nowcast.class} ${s.nowcast.className}`, num(s.nowcast.score, 3), num(s.nowcast.low90, 3), num(s.nowcast.high90, 3), s.nowcast.classLow, s.nowcast.classHigh, s.nowcast.latestMeasurement)) : null,
    el('p', { class: 'muted small', text: `${t('reference')}: ${profile.reference}` }),
    el('p', { class: 'caveat', role: 'note' }, el('strong', { text: `${t('caveat')}: ` }), profile.caveat));
  main.append(scoreCard);

  // Why: dimension bars (chart) and per-indicator rows with their numbers.
  const why = el('section', { class: 'card', id: 'why', 'aria-labelledby': 'why-title' }, el('h2', { id: 'why-title', text: t('why') }), el('p', { class: 'small', text: t('whyHelp') }));
  if (profile.dimensions.length) {
    const canvas = el('canvas', { id: 'why-chart', role: 'img', 'aria-label': profile.dimensions.map((d) => `${d.name} ${num(d.contribution, 3, true)}`).join('; ') });
    why.append(el('div', { class: 'chart small-chart' }, canvas));
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: profile.dimensions.map((d) => d.name),
        datasets: [{ label: t('contribution'), data: profile.dimensions.map((d) => d.contribution), backgroundColor: profile.dimensions.map((d) => (d.contribution >= 0 ? '#1a9850' : '#d73027')) }],
      },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
    const scale = Math.max(0.05, ...profile.dimensions.flatMap((d) => [Math.abs(d.contribution), ...d.indicators.map((i) => Math.abs(i.contribution))]));
    const table = el('table', { class: 'breakdown' },
      el('caption', { class: 'visually-hidden', text: t('why') }),
      el('thead', {}, el('tr', {}, ...['', t('value'), t('reference'), t('gemeente'), t('country'), t('contribution'), ''].map((h) => el('th', { scope: 'col', text: h })))));
    const body = el('tbody');
    for (const d of [...profile.dimensions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))) {
      body.append(el('tr', { class: 'dimension' }, el('th', { scope: 'row', text: d.name }), el('td'), el('td'), el('td'), el('td'), el('td', { class: 'num', text: num(d.contribution, 3, true) }), el('td', {}, bar(d.contribution, scale))));
      for (const i of d.indicators) {
        const label = i.name + (i.estimated ? ` (${t('estimated')})` : i.fromBuurten ? ' *' : '');
        // The name opens what the indicator measures (a disclosure, so that keyboard and screen-reader users reach it too).
        body.append(el('tr', { 'data-id': i.id },
          el('td', { class: 'indent', title: i.estimated ? t('estimatedHelp') : i.fromBuurten ? t('fromBuurten') : '' },
            i.definition ? el('details', { class: 'definition' }, el('summary', { text: label }), el('p', { class: 'small', text: i.definition })) : label),
          el('td', { class: 'num', text: measure(i.value, i.unit) }), el('td', { class: 'num', text: measure(i.referenceMean, i.unit) }),
          el('td', { class: 'num', text: measure(i.gemeenteValue, i.unit) }), el('td', { class: 'num', text: measure(i.countryValue, i.unit) }), el('td', { class: 'num', text: num(i.contribution, 3, true) }), el('td', {}, bar(i.contribution, scale))));
      }
    }
    table.append(body);
    why.append(table);
  }
  main.append(why);

  // Trend: the score over every year of the store on one reference, the official Leefbaarometer beside it (its
  // deviation is on the scale our calibrated score predicts), why years are missing, and the key indicators.
  main.append(trendCard(profile, history));

  // Comparison with wijk, gemeente and country.
  const c = profile.comparison;
  /** @type {[string, number | null, string | null][]} */
  const rows = [[area.name, s.deviation, s.className], ...[c.wijk, c.gemeente, c.country].filter((x) => !!x).map((x) => /** @type {[string, number | null, string | null]} */ ([x.name ?? x.code, x.deviation, x.className]))];
  main.append(el('section', { class: 'card', id: 'comparison', 'aria-labelledby': 'comparison-title' }, el('h2', { id: 'comparison-title', text: t('comparison') }),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('name') }), el('th', { scope: 'col', class: 'num', text: t('deviation') }), el('th', { scope: 'col', text: t('klasse') }))),
      el('tbody', {}, ...rows.map(([name, d, cls]) => el('tr', {}, el('td', { text: name }), el('td', { class: 'num', text: num(d, 3, true) }), el('td', { text: cls ?? '–' })))))));

  main.append(similarCard(similar));

  // The official Leefbaarometer, beside our score and never mixed into it.
  const lbm = profile.leefbaarometer;
  if (lbm) {
    const lc = colourOf('livability', String(lbm.class));
    const box = el('section', { class: 'card', id: 'leefbaarometer', 'aria-labelledby': 'lbm-title' }, el('h2', { id: 'lbm-title', text: `${t('lbm.title')} ${lbm.year}` }),
      el('p', { class: 'score-line' }, el('span', { class: 'class-badge', style: `background:${lc};color:${textOn(lc)}`, text: `${lbm.class} ${lbm.className}` }),
        el('span', { text: `lbm ${num(lbm.score, 3)} (afw ${num(lbm.deviation, 3, true)})` })),
      el('p', { class: 'muted', text: lbm.note }));
    box.append(reflow(el('table', {}, el('caption', { text: t('lbm.series') }),
      el('thead', {}, el('tr', {}, ...lbm.series.map((p) => el('th', { scope: 'col', class: 'num', text: String(p.year) })))),
      el('tbody', {}, el('tr', {}, ...lbm.series.map((p) => el('td', { class: 'num', text: `${num(p.score, 3)} (${p.class})` }))))), 'values'));
    if (lbm.dimensions) {
      box.append(el('p', { text: `${t('lbm.dimensions')} ${lbm.dimensionsYear}: ${Object.entries(lbm.dimensions).map(([k, v]) => `${k} ${num(v, 3, true)}`).join(', ')}` }));
    }
    main.append(box);
  }

  // Resilience.
  const r = profile.resilience;
  if (r) {
    const box = el('section', { class: 'card', id: 'resilience', 'aria-labelledby': 'resilience-title' }, el('h2', { id: 'resilience-title', text: t('resilience') }));
    if (r.score === null) box.append(el('p', { text: r.notScoredReason }));
    else {
      const rc = colourOf('resilience', String(r.class));
      box.append(el('p', { class: 'score-line' }, el('span', { class: 'class-badge', style: `background:${rc};color:${textOn(rc)}`, text: `${r.class} ${r.className}` }),
        el('span', { text: `${num(r.score, 2, true)} = ${t('capacity')} ${num(r.capacity, 2, true)} − ${t('pressure')} ${num(r.pressure, 2, true)}` })));
    }
    const facts = [
      r.vulnerableShare !== null ? `${r.vulnerableIndicator}: ${plain(r.vulnerableShare)} %` : null,
      r.locationQuotientGemeente !== null ? `${t('lqGemeente')} ${num(r.locationQuotientGemeente, 2)}` : null,
      r.locationQuotientCountry !== null ? `${t('lqCountry')} ${num(r.locationQuotientCountry, 2)}` : null,
      r.corporationShare !== null ? `${t('corporation')} ${plain(r.corporationShare)} %` : null,
      r.turnover !== null ? `${t('turnover')} ${plain(r.turnover)} %` : null,
    ].filter(Boolean);
    box.append(el('ul', { class: 'facts' }, ...facts.map((f) => el('li', { text: f }))));
    main.append(box);
  }

  // Flags and early warning.
  const flags = el('section', { class: 'card', id: 'flags', 'aria-labelledby': 'flags-title' }, el('h2', { id: 'flags-title', text: t('flags') }));
  if (profile.warning) {
    flags.append(el('p', {}, el('strong', { text: `${t('warning')} (${t('risk')}: ${Math.round(profile.warning.risk * 100)} %): ` }), profile.warning.reasons.join('; ')));
  }
  flags.append(profile.flags.length ? el('ul', {}, ...profile.flags.map((f) => el('li', { 'data-kind': f.kind, text: f.text }))) : el('p', { text: t('noFlags') }));
  main.append(flags);

  main.append(el('section', { class: 'card', 'aria-labelledby': 'note-title' }, el('h2', { id: 'note-title', text: t('note') }), el('pre', { class: 'note', text: profile.note })));
  document.title = `${area.name} — Leefkracht`;
  (main.closest('main') ?? main).focus({ preventScroll: true });
}

/**
 * The trend card: a chart of our score and the Leefbaarometer's over all years (a line only where both neighbours are
 * measured), a table of score and class per year, the years without a score and why, and the key indicators per year
 * with an indicator chart whose axis starts at zero and names the unit.
 * @param {import('../contracts.js').Profile} profile
 * @param {import('../contracts.js').History} history
 */
function trendCard(profile, history) {
  const card = el('section', { class: 'card', id: 'trend', 'aria-labelledby': 'trend-title' }, el('h2', { id: 'trend-title', text: t('trend') }), el('p', { class: 'small', text: t('trendHelp', history.reference) }));
  const scored = history.points.filter((p) => p.deviation !== null);
  const lbm = profile.leefbaarometer?.series ?? [];
  const years = [...new Set([...history.points.map((p) => p.year), ...history.missing.map((m) => m.year), ...lbm.map((p) => p.year)])].sort((a, b) => a - b);
  /** @param {number} y */
  const ours = (y) => scored.find((p) => p.year === y)?.deviation ?? null;
  /** @param {number} y */
  const theirs = (y) => lbm.find((p) => p.year === y)?.deviation ?? null;
  if (scored.length || lbm.length) {
    const label = [t('trend.ours'), ...scored.map((p) => `${p.year} ${num(p.deviation, 2, true)}`), ...(lbm.length ? [t('trend.lbm'), ...lbm.map((p) => `${p.year} ${num(p.deviation, 2, true)}`)] : [])].join('; ');
    const canvas = el('canvas', { id: 'trend-chart', role: 'img', 'aria-label': label });
    card.append(el('div', { class: 'chart' }, canvas));
    const datasets = [{ label: t('trend.ours'), data: years.map(ours), borderColor: '#2f4f6f', backgroundColor: '#2f4f6f', spanGaps: false }];
    if (lbm.length) datasets.push({ label: t('trend.lbm'), data: years.map(theirs), borderColor: '#e08214', backgroundColor: '#e08214', spanGaps: false });
    // An honest axis: symmetric around 0 (the reference's average), at least ±0.2 so that noise does not look steep.
    const reach = Math.max(0.2, ...datasets.flatMap((d) => d.data.filter((v) => v !== null).map((v) => Math.abs(Number(v))))) * 1.1;
    new Chart(canvas, {
      type: 'line',
      data: { labels: years, datasets },
      options: { locale: document.documentElement.lang, maintainAspectRatio: false, scales: { y: { min: -reach, max: reach, title: { display: true, text: t('trend.axis') } } } },
    });
    card.dataset.years = String(scored.length);
  }
  if (scored.length === 1) card.append(el('p', { text: t('trend.oneYear', scored[0].year) }));
  const shown = years.filter((y) => ours(y) !== null || theirs(y) !== null);
  if (shown.length) {
    card.append(reflow(el('table', { id: 'trend-table' }, el('caption', { text: t('trend.table') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('year') }), el('th', { scope: 'col', class: 'num', text: t('deviation') }), el('th', { scope: 'col', text: t('klasse') }), el('th', { scope: 'col', class: 'num', text: t('coverage') }), lbm.length ? el('th', { scope: 'col', class: 'num', text: t('trend.lbm') }) : null)),
      el('tbody', {}, ...shown.map((y) => {
        const official = lbm.find((x) => x.year === y);
        const p = scored.find((x) => x.year === y);
        return el('tr', {}, el('td', { text: String(y) }), el('td', { class: 'num', text: num(p?.deviation, 3, true) }), el('td', { text: p?.class ? `${p.class}` : '–' }),
          el('td', { class: 'num', text: p ? `${Math.round(p.coverage * 100)} %` : '–' }), lbm.length ? el('td', { class: 'num', text: official ? `${num(official.deviation, 3, true)} (${official.class})` : '–' }) : null);
      }))), 'matrix'));
  }
  if (history.missing.length) {
    // Years with the same reason are one line: "2009–2011, 2013–2015: …".
    /** @type {Map<string, { code: string, years: number[] }>} */
    const byReason = new Map();
    for (const m of history.missing) {
      const entry = byReason.get(m.reason) ?? { code: m.code, years: [] };
      entry.years.push(m.year);
      byReason.set(m.reason, entry);
    }
    card.append(el('h3', { text: t('trend.missing') }), el('ul', { id: 'trend-missing', class: 'facts' },
      ...[...byReason].map(([reason, { code, years: ys }]) => el('li', { 'data-code': code }, el('strong', { text: `${yearRanges(ys)}: ` }), reason))));
  }
  card.append(keyIndicators(profile, history));
  return card;
}

/**
 * The indicators of the breakdown per year (a table) and a chart of any indicator, its axis from zero with the unit.
 * @param {import('../contracts.js').Profile} profile
 * @param {import('../contracts.js').History} history
 */
function keyIndicators(profile, history) {
  const box = el('div', { class: 'key-indicators' });
  const keys = new Set(profile.dimensions.flatMap((d) => d.indicators.map((i) => i.id)));
  const key = history.indicators.filter((s) => keys.has(s.id));
  const years = [...new Set(key.flatMap((s) => s.values.map((v) => v.year)))].sort((a, b) => a - b);
  if (key.length && years.length) {
    box.append(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('trend.keyIndicators') },
      reflow(el('table', { id: 'key-indicators' }, el('caption', { text: t('trend.keyIndicators') }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('indicator') }), el('th', { scope: 'col', text: t('unit') }), ...years.map((y) => el('th', { scope: 'col', class: 'num', text: String(y) })))),
        el('tbody', {}, ...key.map((s) => el('tr', {}, el('th', { scope: 'row', text: s.name }), el('td', { text: t(`unit.${s.unit}`) }),
          ...years.map((y) => el('td', { class: 'num', text: measure(s.values.find((v) => v.year === y)?.value ?? null) })))))), 'matrix')));
  }
  if (!history.indicators.length) return box;
  const id = 'indicator-trend';
  const chooser = el('select', { id });
  history.indicators.forEach((series, i) => chooser.append(el('option', { value: String(i), text: series.name })));
  const preferred = history.indicators.findIndex((x) => x.id === 'population');
  if (preferred >= 0) chooser.value = String(preferred);
  const canvas = el('canvas', { id: 'indicator-chart', role: 'img', 'aria-label': t('indicatorTrend') });
  box.append(el('div', { class: 'field' }, el('label', { for: id, text: t('indicatorTrend') }), chooser), el('div', { class: 'chart' }, canvas));
  /** @type {Chart<'line', number[], number>} */
  const chart = new Chart(canvas, { type: 'line', data: { labels: [], datasets: [{ label: '', data: [], borderColor: '#88419d', backgroundColor: '#88419d' }] }, options: { locale: document.documentElement.lang, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: '' } } } } });
  const draw = () => {
    const series = history.indicators[Number(chooser.value)];
    const unit = t(`unit.${series.unit}`);
    chart.data.labels = series.values.map((v) => v.year);
    chart.data.datasets[0].data = series.values.map((v) => v.value);
    chart.data.datasets[0].label = `${series.name} (${unit})`;
    const y = chart.options.scales?.y;
    // Counts, percentages and amounts start at zero: a change of 1,800 to 1,810 inhabitants is small and looks it.
    if (y && 'title' in y && y.title) y.title.text = unit;
    canvas.setAttribute('aria-label', `${series.name}: ${series.values.map((v) => `${v.year} ${measure(v.value, series.unit)}`).join('; ')}`);
    chart.update();
  };
  chooser.addEventListener('change', draw);
  draw();
  return box;
}

/**
 * Areas like this one (same level, nationally: inhabitants, urbanity, housing) and how they score, each a link to its
 * profile; the method in words, and the area's own values of the compared characteristics.
 * @param {import('../contracts.js').SimilarAreas} similar
 */
function similarCard(similar) {
  const card = el('section', { class: 'card', id: 'similar', 'aria-labelledby': 'similar-title' }, el('h2', { id: 'similar-title', text: t('similar.title') }),
    el('p', { class: 'small', text: similar.method }),
    el('p', { class: 'small', text: `${t('similar.own')}: ${similar.variables.map((v) => `${v.name} ${measure(v.value, v.unit)}`).join(' · ')}` }));
  if (!similar.areas.length) {
    card.append(el('p', { text: t('similar.none') }));
    return card;
  }
  const ids = similar.variables.map((v) => v.id);
  card.append(el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('similar.title') },
    reflow(el('table', { id: 'similar-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('name') }), el('th', { scope: 'col', class: 'num', text: t('deviation') }), el('th', { scope: 'col', text: t('klasse') }),
        ...similar.variables.map((v) => el('th', { scope: 'col', class: 'num', text: v.unit === 'count' ? v.name : `${v.name} (${t(`unit.${v.unit}`)})` })), el('th', { scope: 'col', class: 'num', text: t('similar.distance') }))),
      el('tbody', {}, ...similar.areas.map((a) => el('tr', { 'data-code': a.area.code },
        el('td', {}, el('a', { href: `#/area/${a.area.code}?year=${similar.year}`, text: a.area.name ?? a.area.code }), a.area.gemeente ? el('span', { class: 'muted small', text: ` (${a.area.gemeente.name})` }) : null),
        el('td', { class: 'num', text: num(a.deviation, 3, true) }),
        el('td', { text: a.class ? `${a.class} ${a.className}` : '–' }),
        ...ids.map((id) => el('td', { class: 'num', 'data-id': id, text: measure(a.values[id]) })),
        el('td', { class: 'num', text: num(a.distance, 2) }))))))));
  return card;
}
