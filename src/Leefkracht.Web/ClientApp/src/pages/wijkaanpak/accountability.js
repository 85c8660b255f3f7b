import { el, reflow } from '../../dom.js';
import { get, href } from '../../http.js';
import { date, euro, t } from '../../i18n.js';
import { movementLabel, statusLabel, target } from './forms.js';
import { indicatorsById, programmeHeader, signedIn } from './parts.js';

// A programme's accountability (#/accountability/ID): status counts, what is late by party, every agreement with
// its linked indicators' start and latest values, the goals, funding by party, and the CSV and PDF exports.

/**
 * @param {import('../../contracts.js').ValueInYear | null} v
 * @param {string | undefined} unit
 */
const yearValue = (v, unit) => (v ? `${target(v.value, unit)} (${v.year})` : '–');

/** @type {import('../../router.js').View} */
async function showAccountability(main, params, id) {
  /** @type {[import('../../contracts.js').Programme, import('../../contracts.js').Accountability, Map<string, import('../../contracts.js').Meta['indicators'][number]>]} */
  const [programme, view, indicators] = await Promise.all([get(`/api/v1/wijkaanpak/programmes/${id}`), get(`/api/v1/wijkaanpak/programmes/${id}/accountability`), indicatorsById()]);
  /** @param {import('../../contracts.js').IndicatorProgress} i */
  const unitOf = (i) => indicators.get(i.indicator)?.unit;
  document.title = `${t('wk.accountability')}: ${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'accountability'));
  main.append(el('div', { class: 'actions' },
    el('a', { class: 'button', id: 'accountability-csv', download: '', href: href(`/api/v1/wijkaanpak/programmes/${id}/accountability.csv`), text: t('wk.csv') }),
    el('a', { class: 'button', id: 'accountability-pdf', href: href(`/api/v1/wijkaanpak/programmes/${id}/accountability.pdf`), text: t('wk.pdf') })));
  main.append(el('p', { text: `${t('wk.asOf', date(view.asOf))}. ${t('wk.accountabilityHelp')}` }));

  const c = view.counts;
  main.append(el('section', { class: 'card', id: 'counts', 'aria-label': t('wk.status') },
    el('ul', { class: 'counts' }, .../** @type {[string, number][]} */ ([['planned', c.planned], ['in_progress', c.inProgress], ['done', c.done], ['late', c.late], ['not_kept', c.notKept]])
      .map(([s, n]) => el('li', { class: `badge status-${s}`, text: `${statusLabel(s)}: ${n}` })))));

  main.append(el('section', { class: 'card', id: 'late-by-party', 'aria-labelledby': 'late-title' }, el('h2', { id: 'late-title', text: t('wk.lateByParty') }),
    view.lateByParty.length
      ? el('ul', {}, ...view.lateByParty.map((l) => el('li', { text: `${l.party.name}: ${l.agreements}` })))
      : el('p', { text: t('wk.nothingLate') })));

  const rows = [];
  for (const item of view.agreements) {
    const a = item.agreement;
    const span = Math.max(1, item.indicators.length);
    const lead = [
      el('th', { scope: 'row', rowspan: String(span) }, el('a', { href: `#/agreement/${a.id}`, text: a.title })),
      el('td', { rowspan: String(span), text: a.ownerParty.name }),
      el('td', { rowspan: String(span), text: date(a.deadline) }),
      el('td', { rowspan: String(span) }, el('span', { class: `badge status-${a.status}`, text: item.statusLabel }), item.daysLate > 0 ? el('span', { class: 'small', text: ` ${item.daysLate === 1 ? t('wk.dayLate') : t('wk.daysLate', item.daysLate)}` }) : null),
    ];
    /** @param {import('../../contracts.js').IndicatorProgress} i */
    const indicatorCells = (i) => [el('td', { text: i.name }), el('td', { class: 'num', text: target(i.target, unitOf(i)) }), el('td', { class: 'num', text: yearValue(i.baseline, unitOf(i)) }),
      el('td', { class: 'num', text: yearValue(i.latest, unitOf(i)) }), el('td', { class: `movement ${i.movement}`, text: movementLabel(i.movement) })];
    if (!item.indicators.length) rows.push(el('tr', { 'data-id': String(a.id), 'data-status': a.status }, ...lead, el('td', { colspan: '5', class: 'muted', text: '–' })));
    item.indicators.forEach((i, n) => rows.push(el('tr', n === 0 ? { 'data-id': String(a.id), 'data-status': a.status } : {}, ...(n === 0 ? lead : []), ...indicatorCells(i))));
  }
  main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-title' }, el('h2', { id: 'acc-title', text: t('wk.agreements') }),
    reflow(el('table', { id: 'accountability-table' },
      el('thead', {}, el('tr', {}, ...[t('wk.title'), t('wk.owner'), t('wk.deadline'), t('wk.status'), t('wk.indicator'), t('wk.target'), t('wk.baseline'), t('wk.latest'), t('wk.movement')]
        .map((h, i) => el('th', { scope: 'col', class: i >= 5 && i <= 7 ? 'num' : '', text: h })))),
      el('tbody', {}, ...rows)))));

  if (view.goals.length) {
    main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-goals' }, el('h2', { id: 'acc-goals', text: t('wk.goals') }),
      reflow(el('table', {}, el('thead', {}, el('tr', {}, ...[t('wk.indicator'), t('wk.target'), t('wk.baseline'), t('wk.latest'), t('wk.movement')].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...view.goals.map((g) => el('tr', {}, el('td', { text: g.name }), el('td', { class: 'num', text: target(g.target, unitOf(g)) }), el('td', { class: 'num', text: yearValue(g.baseline, unitOf(g)) }),
          el('td', { class: 'num', text: yearValue(g.latest, unitOf(g)) }), el('td', { class: `movement ${g.movement}`, text: movementLabel(g.movement) }))))))));
  }
  main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-funding' }, el('h2', { id: 'acc-funding', text: t('wk.funding') }),
    el('p', { text: `${t('wk.total')}: ${euro(view.funding.total)}` }),
    el('ul', {}, ...view.funding.byParty.map((f) => el('li', { text: `${f.party.name}: ${euro(f.amount)}` })))));
}

export const show = signedIn(showAccountability);
