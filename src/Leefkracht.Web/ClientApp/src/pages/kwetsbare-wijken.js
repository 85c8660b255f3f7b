import { el, reflow } from '../dom.js';
import { get } from '../http.js';
import { num, plain, t } from '../i18n.js';

// Kwetsbare wijken in beeld, reproduced (#/kwetsbare-wijken?gemeente=): the wijken that scored zwak or worse in any
// Leefbaarometer year, the groups' gap to the national mean per year and the share declining per period, split by
// owner-occupation and corporation share, next to the published findings (docs/kwetsbare-wijken.md).

/** @param {number | null} share */
const percent = (share) => (share === null ? '–' : `${num(share * 100, 0)} %`);

/** @type {import('../router.js').View} */
export async function show(main, params) {
  const gemeente = params.get('gemeente') ?? '';
  main.append(el('h1', { text: t('kwib.title') }), el('p', { text: t('kwib.help') }));
  /** @type {import('../contracts.js').KwetsbareWijken} */
  const data = await get('/api/v1/kwetsbare-wijken', gemeente ? { gemeente } : {});
  const sets = data.sets;
  const years = data.years;
  const periods = sets[0].periods;

  main.append(el('h2', { text: t('kwib.gapTitle') }), el('p', { class: 'small', text: t('kwib.gapHelp') }));
  main.append(reflow(el('table', { id: 'kwib-trajectory' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('kwib.set') }), el('th', { scope: 'col', text: t('kwib.wijken') }),
      ...years.map((y) => el('th', { scope: 'col', class: 'num', text: String(y) })))),
    el('tbody', {}, ...sets.map((s) => el('tr', { 'data-set': s.key }, el('th', { scope: 'row', text: s.name }), el('td', { class: 'num', text: plain(s.areas) }),
      ...s.trajectory.map((y) => el('td', { class: 'num', text: num(y.gap, 3, true) })))))), 'matrix'));

  main.append(el('h2', { text: t('kwib.fellTitle') }), el('p', { class: 'small', text: t('kwib.fellHelp') }));
  main.append(reflow(el('table', { id: 'kwib-periods' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('kwib.set') }),
      ...periods.map((p) => el('th', { scope: 'col', class: 'num', text: `${p.from}–${p.to}` })))),
    el('tbody', {}, ...sets.map((s) => el('tr', { 'data-set': s.key }, el('th', { scope: 'row', text: s.name }),
      ...s.periods.map((p) => el('td', { class: 'num', text: percent(p.shareFell) })))))), 'matrix'));

  main.append(el('h2', { text: t('kwib.publishedTitle') }), el('ul', { class: 'facts' },
    el('li', { text: t('kwib.platform31') }), el('li', { text: t('kwib.aedes') }), el('li', { text: t('kwib.differences') })));

  main.append(el('h2', { text: t('kwib.areasTitle', plain(data.areas.length)) }));
  main.append(reflow(el('table', { id: 'kwib-areas' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('name') }), el('th', { scope: 'col', text: t('gemeente') }),
      el('th', { scope: 'col', class: 'num', text: t('kwib.owner') }), ...years.map((y) => el('th', { scope: 'col', class: 'num', text: String(y) })))),
    el('tbody', {}, ...data.areas.map((a) => el('tr', {},
      el('td', {}, el('a', { href: `#/area/${a.code}?year=${data.divisionYear}`, text: a.name ?? a.code })),
      el('td', { text: a.gemeente ?? '' }),
      el('td', { class: 'num', text: a.ownerOccupied === null ? '–' : `${num(a.ownerOccupied, 0)} %` }),
      ...a.values.map((v) => el('td', { class: 'num', title: v.className, text: `${num(v.afw, 3, true)} (${v.class})` })))))), 'matrix'));
  main.append(el('p', { class: 'small', text: t('kwib.source', data.source, data.carry ?? '–', data.considered, data.divisionYear) }));
}
