import { el, reflow } from '../../dom.js';
import { get, send } from '../../http.js';
import { date, euro, t } from '../../i18n.js';
import { reload } from '../../router.js';
import { signedInAccount } from '../../session.js';
import { agreementFields } from './agreement-fields.js';
import { coordinates, field, memberOf, messageArea, onSubmit, select, showError, statusLabel, target, today } from './forms.js';
import { indicatorsById, programmeHeader, signedIn } from './parts.js';

// A programme's board (#/programme/ID): goals, the coalition, the agreements as five columns by status, and the
// funding; the coordinating party changes the coalition, funding and publication, member parties add agreements.

const statuses = ['planned', 'in_progress', 'done', 'late', 'not_kept'];

/** @type {import('../../router.js').View} */
async function showProgramme(main, params, id) {
  /** @type {[import('../../contracts.js').Programme, import('../../contracts.js').Agreement[], import('../../contracts.js').Funding[], Map<string, import('../../contracts.js').Meta['indicators'][number]>]} */
  const [programme, agreements, funding, names] = await Promise.all([
    get(`/api/v1/wijkaanpak/programmes/${id}`), get(`/api/v1/wijkaanpak/programmes/${id}/agreements`), get(`/api/v1/wijkaanpak/programmes/${id}/funding`), indicatorsById(),
  ]);
  const manage = coordinates(programme);
  /** @type {import('../../contracts.js').Party[]} */
  const parties = manage || memberOf(programme) ? await get('/api/v1/wijkaanpak/parties') : [];
  document.title = `${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'programme'));
  if (programme.description) main.append(el('p', { text: programme.description }));

  if (manage) {
    const messages = messageArea();
    const publish = el('button', { type: 'button', id: 'publish', text: programme.published ? t('wk.unpublish') : t('wk.publish') });
    publish.addEventListener('click', async () => {
      try {
        await send('POST', `/api/v1/wijkaanpak/programmes/${id}/publish`, { published: !programme.published }, programme.version);
        reload();
      } catch (error) {
        showError(messages, error, reload);
      }
    });
    main.append(el('div', { class: 'actions' }, publish), messages);
  }

  // Goals with their indicators and targets.
  main.append(el('section', { class: 'card', 'aria-labelledby': 'goals-title' }, el('h2', { id: 'goals-title', text: t('wk.goals') }),
    el('table', { id: 'goals-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('wk.goal') }), el('th', { scope: 'col', text: t('wk.indicator') }), el('th', { scope: 'col', class: 'num', text: t('wk.target') }))),
      el('tbody', {}, ...programme.goals.map((g) => el('tr', {}, el('td', { text: g.description ?? '' }), el('td', { text: g.indicator ? names.get(g.indicator)?.name ?? g.indicator : '–' }), el('td', { class: 'num', text: target(g.target, names.get(g.indicator ?? '')?.unit) })))))));

  main.append(coalitionSection(programme, parties, manage));
  main.append(boardSection(agreements));
  if (manage || memberOf(programme)) main.append(await agreementForm(programme));
  main.append(fundingSection(programme, funding, parties, manage));
  (main.closest('main') ?? main).focus({ preventScroll: true });
}

/**
 * The coalition with from/to; the coordinating party adds and ends members.
 * @param {import('../../contracts.js').Programme} programme
 * @param {import('../../contracts.js').Party[]} parties
 * @param {boolean} manage
 */
function coalitionSection(programme, parties, manage) {
  const section = el('section', { class: 'card', id: 'coalition', 'aria-labelledby': 'coalition-title' }, el('h2', { id: 'coalition-title', text: t('wk.coalition') }));
  const messages = messageArea();
  const rows = programme.coalition.map((m) => {
    const row = el('tr', { 'data-party': m.party.name }, el('td', { text: m.party.name }), el('td', { text: m.party.type }), el('td', { text: date(m.from) }), el('td', { text: m.to ? date(m.to) : '–' }));
    const cell = el('td');
    if (manage && !m.to && m.party.id !== programme.coordinatorParty.id) {
      const to = field(t('wk.endDate'), { type: 'date', required: '', value: today() });
      const form = el('form', { class: 'inline-form compact' }, to, el('button', { type: 'submit', text: t('wk.end') }));
      onSubmit(form, messages, async () => {
        await send('POST', `/api/v1/wijkaanpak/coalition/${m.id}/end`, { to: to.control.value }, m.version);
        reload();
      }, reload);
      cell.append(form);
    }
    row.append(cell);
    return row;
  });
  section.append(reflow(el('table', { id: 'coalition-table' },
    el('thead', {}, el('tr', {}, ...[t('wk.party'), t('wk.type'), t('wk.from'), t('wk.to'), ''].map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows))));
  if (manage) {
    const current = new Set(programme.coalition.filter((m) => !m.to).map((m) => m.party.id));
    const party = select(t('wk.party'), parties.filter((p) => !current.has(p.id)).map((p) => [p.id, `${p.name} (${p.type})`]), { id: 'member-party' });
    const from = field(t('wk.from'), { id: 'member-from', type: 'date', required: '', value: programme.startDate });
    const form = el('form', { id: 'member-form', class: 'inline-form' }, party, from, el('button', { type: 'submit', text: t('wk.addMember') }));
    onSubmit(form, messages, async () => {
      await send('POST', `/api/v1/wijkaanpak/programmes/${programme.id}/coalition`, { partyId: Number(party.control.value), from: from.control.value });
      reload();
    });
    section.append(form);
  }
  section.append(messages);
  return section;
}

/**
 * The agreements as five columns by status.
 * @param {import('../../contracts.js').Agreement[]} agreements
 */
function boardSection(agreements) {
  const columns = statuses.map((status) => {
    const items = agreements.filter((a) => a.status === status);
    return el('section', { class: `column status-${status}`, 'data-status': status, 'aria-label': statusLabel(status) },
      el('h3', { text: `${statusLabel(status)} (${items.length})` }),
      el('ul', {}, ...items.map((a) => el('li', { class: 'agreement-card', 'data-id': String(a.id) },
        el('a', { href: `#/agreement/${a.id}`, text: a.title }),
        el('span', { class: 'small', text: `${t('wk.owner')}: ${a.ownerParty.name}` }),
        el('span', { class: 'small', text: a.deadlinePassed ? t('wk.deadlinePassedOn', date(a.deadline)) : `${t('wk.deadline')}: ${date(a.deadline)}` })))));
  });
  return el('section', { class: 'card', id: 'board', 'aria-labelledby': 'board-title' }, el('h2', { id: 'board-title', text: t('wk.board') }), el('div', { class: 'board' }, ...columns));
}

/**
 * A new agreement: coordinators for any member party, partners for their own.
 * @param {import('../../contracts.js').Programme} programme
 */
async function agreementForm(programme) {
  const me = signedInAccount();
  const fields = await agreementFields(programme);
  const owners = coordinates(programme) ? fields.members : fields.members.filter((p) => p.id === me.party.id);
  const owner = select(t('wk.owner'), owners.map((p) => [p.id, p.name]), { id: 'agreement-owner' });
  owner.control.value = String(me.party.id);
  const messages = messageArea();
  const form = el('form', { id: 'agreement-form', class: 'card' }, el('h2', { text: t('wk.newAgreement') }), owner, ...fields.nodes, el('button', { type: 'submit', text: t('wk.create') }), messages);
  onSubmit(form, messages, async () => {
    const created = await send('POST', `/api/v1/wijkaanpak/programmes/${programme.id}/agreements`, { ...fields.body(), ownerPartyId: Number(owner.control.value) });
    window.location.hash = `#/agreement/${created.id}`;
  });
  return form;
}

/**
 * The funding streams; the coordinating party adds them.
 * @param {import('../../contracts.js').Programme} programme
 * @param {import('../../contracts.js').Funding[]} funding
 * @param {import('../../contracts.js').Party[]} parties
 * @param {boolean} manage
 */
function fundingSection(programme, funding, parties, manage) {
  const section = el('section', { class: 'card', id: 'funding', 'aria-labelledby': 'funding-title' }, el('h2', { id: 'funding-title', text: t('wk.funding') }));
  section.append(reflow(el('table', { id: 'funding-table' },
    el('thead', {}, el('tr', {}, ...[t('wk.funder'), t('wk.purpose'), t('wk.from'), t('wk.to'), t('wk.amount')].map((h, i) => el('th', { scope: 'col', class: i === 4 ? 'num' : '', text: h })))),
    el('tbody', {}, ...funding.map((f) => el('tr', {}, el('td', { text: f.funderParty.name }), el('td', { text: f.purpose }), el('td', { text: date(f.from) }), el('td', { text: date(f.to) }), el('td', { class: 'num', text: euro(f.amount) })))))));
  if (manage) {
    const funder = select(t('wk.funder'), parties.map((p) => [p.id, p.name]), { id: 'funding-funder' });
    const amount = field(t('wk.amount'), { id: 'funding-amount', type: 'number', step: '0.01', min: '0', required: '' });
    const from = field(t('wk.from'), { id: 'funding-from', type: 'date', required: '', value: programme.startDate });
    const to = field(t('wk.to'), { id: 'funding-to', type: 'date', required: '' });
    const purpose = field(t('wk.purpose'), { id: 'funding-purpose', type: 'text', required: '' });
    const messages = messageArea();
    const form = el('form', { id: 'funding-form', class: 'inline-form' }, funder, amount, from, to, purpose, el('button', { type: 'submit', text: t('wk.addFunding') }), messages);
    onSubmit(form, messages, async () => {
      await send('POST', `/api/v1/wijkaanpak/programmes/${programme.id}/funding`, {
        funderPartyId: Number(funder.control.value), amount: Number(amount.control.value), from: from.control.value, to: to.control.value, purpose: purpose.control.value,
      });
      reload();
    });
    section.append(form);
  }
  return section;
}

export const show = signedIn(showProgramme);
