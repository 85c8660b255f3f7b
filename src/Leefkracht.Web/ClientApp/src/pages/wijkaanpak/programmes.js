import { el, reflow } from '../../dom.js';
import { get, send } from '../../http.js';
import { t } from '../../i18n.js';
import { signedInAccount } from '../../session.js';
import { field, messageArea, onSubmit, select, today } from './forms.js';
import { indicatorOptions, signedIn } from './parts.js';

// The wijkaanpak's first page (#/wijkaanpak): its programmes, and a new programme with its goals.

/**
 * The programmes the account may see; coordinators get the form for a new one.
 * @type {import('../../router.js').View}
 */
async function showProgrammes(main) {
  /** @type {import('../../contracts.js').ProgrammeSummary[]} */
  const programmes = await get('/api/v1/wijkaanpak/programmes');
  main.append(el('h1', { text: t('wk.programmes') }), el('p', { text: t('wk.programmesHelp') }));
  if (!programmes.length) main.append(el('p', { text: t('wk.noProgrammes') }));
  else {
    main.append(reflow(el('table', { id: 'programmes-table' },
      el('thead', {}, el('tr', {}, ...[t('wk.name'), t('wk.area'), t('wk.coordinator'), t('wk.published'), t('wk.agreements'), t('wk.late')].map((h, i) => el('th', { scope: 'col', class: i > 3 ? 'num' : '', text: h })))),
      el('tbody', {}, ...programmes.map((p) => el('tr', { 'data-id': String(p.id) },
        el('td', {}, el('a', { href: `#/programme/${p.id}`, text: p.name })),
        el('td', { text: `${p.areaName ?? p.areaCode} (${p.areaCode})` }),
        el('td', { text: p.coordinatorParty.name }),
        el('td', { text: p.published ? t('yes') : t('no') }),
        el('td', { class: 'num', text: String(p.agreements) }),
        el('td', { class: 'num', text: String(p.late) })))))));
  }
  if (signedInAccount().role === 'coordinator') main.append(await programmeForm());
}

/**
 * The value of a goal's field.
 * @param {Element} goal
 * @param {string} selector
 */
const valueIn = (goal, selector) => /** @type {HTMLInputElement | HTMLSelectElement} */ (goal.querySelector(selector)).value;

/** A new programme: the area, start date, monitor start year and goals with an indicator and target. */
async function programmeForm() {
  const options = await indicatorOptions();
  const name = field(t('wk.name'), { id: 'programme-name', type: 'text', required: '' });
  const area = field(t('wk.areaCode'), { id: 'programme-area', type: 'text', required: '', pattern: '(WK|BU)[0-9]{6,8}', placeholder: 'WK034403' });
  const start = field(t('wk.startDate'), { id: 'programme-start', type: 'date', required: '', value: today() });
  const year = field(t('wk.startYear'), { id: 'programme-year', type: 'number', required: '', min: '2000', max: '2100', value: String(new Date().getFullYear() - 1) });
  const description = field(t('wk.description'), { id: 'programme-description', rows: '3' }, 'textarea');
  const goals = el('fieldset', { id: 'programme-goals' }, el('legend', { text: t('wk.goals') }));
  const addGoal = () => {
    const n = goals.querySelectorAll('.goal').length + 1;
    goals.append(el('div', { class: 'goal inline-form' },
      field(`${t('wk.goal')} ${n}`, { type: 'text', class: 'goal-description' }),
      select(t('wk.indicator'), options, { class: 'goal-indicator' }),
      field(t('wk.target'), { type: 'number', step: 'any', class: 'goal-target' })));
  };
  addGoal();
  const more = el('button', { type: 'button', text: t('wk.addGoal') });
  more.addEventListener('click', addGoal);
  const messages = messageArea();
  const form = el('form', { id: 'programme-form', class: 'card' }, el('h2', { text: t('wk.newProgramme') }),
    el('div', { class: 'grid2' }, name, area, start, year), description, goals, el('div', { class: 'actions' }, more, el('button', { type: 'submit', text: t('wk.create') })), messages);
  onSubmit(form, messages, async () => {
    const created = await send('POST', '/api/v1/wijkaanpak/programmes', {
      name: name.control.value, areaCode: area.control.value.trim().toUpperCase(), startDate: start.control.value, startYear: Number(year.control.value),
      description: description.control.value,
      goals: [...goals.querySelectorAll('.goal')].map((g) => ({
        description: valueIn(g, '.goal-description'), indicator: valueIn(g, '.goal-indicator') || null,
        target: valueIn(g, '.goal-target') === '' ? null : Number(valueIn(g, '.goal-target')),
      })).filter((g) => g.description || g.indicator),
    });
    window.location.hash = `#/programme/${created.id}`;
  });
  return form;
}

export const show = signedIn(showProgrammes);
