import { getMeta } from './api.js';
import { t } from './i18n.js';
import { el } from './profile.js';
import { account, ApiError, read, send, signIn, loadSession } from './session.js';
import {
  coordinates, date, euro, field, memberOf, messageArea, nextStatuses, onSubmit, select, showDone, showError, statusLabel, time, today, value,
} from './forms.js';

// The wijkaanpak pages: sign-in, the programmes, a programme's board and an agreement (docs/web.md, "Wijkaanpak").

const statuses = ['planned', 'in_progress', 'done', 'late', 'not_kept'];

/** Wraps a page that needs a session: without one the browser goes to the sign-in page and comes back after. */
export function signedIn(view) {
  return async (main, params, arg) => {
    const me = await loadSession();
    if (!me) {
      window.location.replace(`#/signin?next=${encodeURIComponent(window.location.hash)}`);
      return;
    }
    try {
      await view(main, params, arg);
    } catch (error) {
      if (error instanceof ApiError) {
        const area = messageArea();
        main.replaceChildren(area);
        showError(area, error, () => window.dispatchEvent(new HashChangeEvent('hashchange')));
      } else {
        throw error;
      }
    }
  };
}

export const reloadPage = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

export async function showSignIn(main, params) {
  const next = params.get('next') || '#/wijkaanpak';
  main.append(el('h1', { text: t('wk.signInTitle') }), el('p', { text: t('wk.signInHelp') }));
  const user = field(t('wk.userName'), { id: 'signin-user', type: 'text', autocomplete: 'username', required: '' });
  const password = field(t('wk.password'), { id: 'signin-password', type: 'password', autocomplete: 'current-password', required: '' });
  const area = messageArea();
  const form = el('form', { id: 'signin-form', class: 'card narrow' }, user, password, el('button', { type: 'submit', text: t('wk.signIn') }), area);
  main.append(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await signIn(user.control.value.trim(), password.control.value);
      window.location.hash = next.startsWith('#/signin') ? '#/wijkaanpak' : next;
    } catch (error) {
      password.control.value = '';
      if (error instanceof ApiError && error.status === 429) area.replaceChildren(el('p', { class: 'problem', role: 'alert', text: t('wk.rateLimited') }));
      else if (error instanceof ApiError && error.status === 401) area.replaceChildren(el('p', { class: 'problem', role: 'alert', text: error.problem.detail }));
      else showError(area, error);
    }
  });
  user.control.focus();
}

async function indicatorOptions() {
  const meta = await getMeta();
  return [['', t('wk.none')], ...meta.indicators.map((i) => [i.id, i.name])];
}

async function indicatorNames() {
  const meta = await getMeta();
  return new Map(meta.indicators.map((i) => [i.id, i.name]));
}

export async function showProgrammes(main) {
  const programmes = await read('/api/v1/wijkaanpak/programmes');
  main.append(el('h1', { text: t('wk.programmes') }), el('p', { text: t('wk.programmesHelp') }));
  if (!programmes.length) main.append(el('p', { text: t('wk.noProgrammes') }));
  else {
    main.append(el('table', { id: 'programmes-table' },
      el('thead', {}, el('tr', {}, ...[t('wk.name'), t('wk.area'), t('wk.coordinator'), t('wk.published'), t('wk.agreements'), t('wk.late')].map((h, i) => el('th', { scope: 'col', class: i > 3 ? 'num' : '', text: h })))),
      el('tbody', {}, ...programmes.map((p) => el('tr', { 'data-id': String(p.id) },
        el('td', {}, el('a', { href: `#/programme/${p.id}`, text: p.name })),
        el('td', { text: `${p.areaName ?? p.areaCode} (${p.areaCode})` }),
        el('td', { text: p.coordinatorParty.name }),
        el('td', { text: p.published ? t('yes') : t('no') }),
        el('td', { class: 'num', text: String(p.agreements) }),
        el('td', { class: 'num', text: String(p.late) }))))));
  }
  if (account().role === 'coordinator') main.append(await programmeForm());
}

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
        description: g.querySelector('.goal-description').value, indicator: g.querySelector('.goal-indicator').value || null,
        target: g.querySelector('.goal-target').value === '' ? null : Number(g.querySelector('.goal-target').value),
      })).filter((g) => g.description || g.indicator),
    });
    window.location.hash = `#/programme/${created.id}`;
  });
  return form;
}

/** The links every programme page has: board, initiatives, accountability, audit. */
export function programmeNav(programme, current) {
  const links = [['programme', t('wk.board')], ['initiatives', t('wk.initiatives')], ['accountability', t('wk.accountability')]];
  const me = account();
  // The audit trail is for admins and the parties that are or were in the coalition (others get 404 from the API).
  if (me.role === 'admin' || (me.role !== 'bewoner' && programme.coalition.some((m) => m.party.id === me.party.id))) links.push(['audit', t('wk.audit')]);
  return el('nav', { class: 'subnav', 'aria-label': programme.name },
    ...links.map(([page, label]) => el('a', { href: `#/${page}/${programme.id}`, ...(page === current ? { 'aria-current': 'page' } : {}), text: label })));
}

export function programmeHeader(programme, current) {
  return el('header', { class: 'profile-head' },
    el('h1', { text: programme.name }),
    el('p', { class: 'sub' }, `${programme.coordinatorParty.name} · `, el('a', { href: `#/area/${programme.areaCode}`, id: 'programme-area-link', text: `${programme.areaName ?? programme.areaCode} (${t('wk.profile')})` }),
      ` · ${t('wk.startDate').toLowerCase()} ${date(programme.startDate)} · ${programme.published ? t('wk.published').toLowerCase() : t('wk.draft')}`),
    programmeNav(programme, current));
}

export async function showProgramme(main, params, id) {
  const [programme, agreements, funding, names] = await Promise.all([
    read(`/api/v1/wijkaanpak/programmes/${id}`), read(`/api/v1/wijkaanpak/programmes/${id}/agreements`), read(`/api/v1/wijkaanpak/programmes/${id}/funding`), indicatorNames(),
  ]);
  const manage = coordinates(programme);
  const parties = manage || memberOf(programme) ? await read('/api/v1/wijkaanpak/parties') : [];
  document.title = `${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'programme'));
  if (programme.description) main.append(el('p', { text: programme.description }));

  if (manage) {
    const messages = messageArea();
    const publish = el('button', { type: 'button', id: 'publish', text: programme.published ? t('wk.unpublish') : t('wk.publish') });
    publish.addEventListener('click', async () => {
      try {
        await send('POST', `/api/v1/wijkaanpak/programmes/${id}/publish`, { published: !programme.published }, programme.version);
        reloadPage();
      } catch (error) {
        showError(messages, error, reloadPage);
      }
    });
    main.append(el('div', { class: 'actions' }, publish), messages);
  }

  // Goals with their indicators and targets.
  main.append(el('section', { class: 'card', 'aria-labelledby': 'goals-title' }, el('h2', { id: 'goals-title', text: t('wk.goals') }),
    el('table', { id: 'goals-table' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('wk.goal') }), el('th', { scope: 'col', text: t('wk.indicator') }), el('th', { scope: 'col', class: 'num', text: t('wk.target') }))),
      el('tbody', {}, ...programme.goals.map((g) => el('tr', {}, el('td', { text: g.description ?? '' }), el('td', { text: g.indicator ? names.get(g.indicator) ?? g.indicator : '–' }), el('td', { class: 'num', text: value(g.target) })))))));

  main.append(coalitionSection(programme, parties, manage));
  main.append(boardSection(programme, agreements));
  if (manage || memberOf(programme)) main.append(await agreementForm(programme, parties));
  main.append(fundingSection(programme, funding, parties, manage));
  main.focus({ preventScroll: true });
}

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
        reloadPage();
      }, reloadPage);
      cell.append(form);
    }
    row.append(cell);
    return row;
  });
  section.append(el('table', { id: 'coalition-table' },
    el('thead', {}, el('tr', {}, ...[t('wk.party'), t('wk.type'), t('wk.from'), t('wk.to'), ''].map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows)));
  if (manage) {
    const current = new Set(programme.coalition.filter((m) => !m.to).map((m) => m.party.id));
    const party = select(t('wk.party'), parties.filter((p) => !current.has(p.id)).map((p) => [p.id, `${p.name} (${p.type})`]), { id: 'member-party' });
    const from = field(t('wk.from'), { id: 'member-from', type: 'date', required: '', value: programme.startDate });
    const form = el('form', { id: 'member-form', class: 'inline-form' }, party, from, el('button', { type: 'submit', text: t('wk.addMember') }));
    onSubmit(form, messages, async () => {
      await send('POST', `/api/v1/wijkaanpak/programmes/${programme.id}/coalition`, { partyId: Number(party.control.value), from: from.control.value });
      reloadPage();
    });
    section.append(form);
  }
  section.append(messages);
  return section;
}

function boardSection(programme, agreements) {
  const columns = statuses.map((status) => {
    const items = agreements.filter((a) => a.status === status);
    return el('section', { class: `column status-${status}`, 'data-status': status, 'aria-label': statusLabel(status) },
      el('h3', { text: `${statusLabel(status)} (${items.length})` }),
      el('ul', {}, ...items.map((a) => el('li', { class: 'agreement-card', 'data-id': String(a.id) },
        el('a', { href: `#/agreement/${a.id}`, text: a.title }),
        el('span', { class: 'small', text: `${t('wk.owner')}: ${a.ownerParty.name}` }),
        el('span', { class: 'small', text: `${t('wk.deadline')}: ${date(a.deadline)}` })))));
  });
  return el('section', { class: 'card', id: 'board', 'aria-labelledby': 'board-title' }, el('h2', { id: 'board-title', text: t('wk.board') }), el('div', { class: 'board' }, ...columns));
}

/** The fields of an agreement (create and edit share them). */
async function agreementFields(programme, parties, agreement) {
  const options = await indicatorOptions();
  const members = programme.coalition.filter((m) => m.active).map((m) => m.party);
  const title = field(t('wk.title'), { id: 'agreement-title', type: 'text', required: '', value: agreement?.title ?? '' });
  const deliverable = field(t('wk.deliverable'), { id: 'agreement-deliverable', rows: '2' }, 'textarea');
  deliverable.control.value = agreement?.deliverable ?? '';
  const deadline = field(t('wk.deadline'), { id: 'agreement-deadline', type: 'date', required: '', value: agreement?.deadline ?? '' });
  const counter = el('fieldset', { class: 'checks' }, el('legend', { text: t('wk.counterparties') }),
    ...members.filter((p) => p.id !== agreement?.ownerParty.id).map((p) => {
      const box = el('input', { type: 'checkbox', value: String(p.id), id: `counterparty-${p.id}` });
      box.checked = agreement?.counterparties.some((c) => c.id === p.id) ?? false;
      return el('label', { for: box.id }, box, ` ${p.name}`);
    }));
  const linked = agreement?.indicators[0];
  const indicator = select(t('wk.indicator'), options, { id: 'agreement-indicator' });
  indicator.control.value = linked?.indicator ?? '';
  const target = field(t('wk.target'), { id: 'agreement-target', type: 'number', step: 'any', value: linked?.target ?? '' });
  const body = () => ({
    title: title.control.value, deliverable: deliverable.control.value, deadline: deadline.control.value,
    counterpartyIds: [...counter.querySelectorAll('input:checked')].map((c) => Number(c.value)),
    indicators: [
      ...(indicator.control.value ? [{ indicator: indicator.control.value, target: target.control.value === '' ? null : Number(target.control.value) }] : []),
      ...(agreement?.indicators.slice(1) ?? []),
    ],
  });
  return { nodes: [el('div', { class: 'grid2' }, title, deadline), deliverable, counter, el('div', { class: 'inline-form' }, indicator, target)], body, members };
}

async function agreementForm(programme, parties) {
  const me = account();
  const fields = await agreementFields(programme, parties);
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

function fundingSection(programme, funding, parties, manage) {
  const section = el('section', { class: 'card', id: 'funding', 'aria-labelledby': 'funding-title' }, el('h2', { id: 'funding-title', text: t('wk.funding') }));
  section.append(el('table', { id: 'funding-table' },
    el('thead', {}, el('tr', {}, ...[t('wk.funder'), t('wk.purpose'), t('wk.from'), t('wk.to'), t('wk.amount')].map((h, i) => el('th', { scope: 'col', class: i === 4 ? 'num' : '', text: h })))),
    el('tbody', {}, ...funding.map((f) => el('tr', {}, el('td', { text: f.funderParty.name }), el('td', { text: f.purpose }), el('td', { text: date(f.from) }), el('td', { text: date(f.to) }), el('td', { class: 'num', text: euro(f.amount) }))))));
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
      reloadPage();
    });
    section.append(form);
  }
  return section;
}

export async function showAgreement(main, params, id) {
  const agreement = await read(`/api/v1/wijkaanpak/agreements/${id}`);
  const [programme, names] = await Promise.all([read(`/api/v1/wijkaanpak/programmes/${agreement.programmeId}`), indicatorNames()]);
  const me = account();
  const owner = (me.role === 'coordinator' || me.role === 'partner') && me.party.id === agreement.ownerParty.id && memberOf(programme);
  document.title = `${agreement.title} — Leefkracht`;
  main.append(el('p', {}, el('a', { href: `#/programme/${programme.id}`, text: `← ${programme.name}` })),
    el('h1', { text: agreement.title }));

  main.append(el('section', { class: 'card', id: 'agreement-facts', 'aria-label': agreement.title },
    el('dl', { class: 'facts-list' },
      el('dt', { text: t('wk.status') }), el('dd', {}, el('span', { class: `badge status-${agreement.status}`, id: 'agreement-status', text: statusLabel(agreement.status) })),
      el('dt', { text: t('wk.owner') }), el('dd', { id: 'agreement-owner-party', text: agreement.ownerParty.name }),
      el('dt', { text: t('wk.counterparties') }), el('dd', { text: agreement.counterparties.map((p) => p.name).join(', ') || '–' }),
      el('dt', { text: t('wk.deadline') }), el('dd', { text: date(agreement.deadline) }),
      el('dt', { text: t('wk.deliverable') }), el('dd', { text: agreement.deliverable || '–' }),
      el('dt', { text: t('wk.linked') }), el('dd', {}, agreement.indicators.length
        ? el('ul', {}, ...agreement.indicators.map((i) => el('li', { text: `${names.get(i.indicator) ?? i.indicator}: ${t('wk.target').toLowerCase()} ${value(i.target)}` })))
        : '–'),
      el('dt', { text: t('wk.version') }), el('dd', { text: String(agreement.version) }))));

  if (owner) main.append(await statusForm(agreement), await editForm(programme, agreement));
  else main.append(el('p', { class: 'muted', id: 'read-only', text: t('wk.readOnly', agreement.ownerParty.name) }));

  main.append(el('section', { class: 'card', 'aria-labelledby': 'history-title' }, el('h2', { id: 'history-title', text: t('wk.history') }),
    el('table', { id: 'history-table' }, el('thead', {}, el('tr', {}, ...[t('wk.when'), t('wk.status'), t('wk.who'), t('wk.comment')].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...(agreement.history ?? []).map((h) => el('tr', {},
        el('td', { text: time(h.at) }), el('td', { text: `${statusLabel(h.from)} → ${statusLabel(h.to)}` }), el('td', { text: h.account?.displayName ?? t('wk.system') }), el('td', { text: h.comment ?? '' })))))));

  const comments = el('section', { class: 'card', id: 'comments', 'aria-labelledby': 'comments-title' }, el('h2', { id: 'comments-title', text: t('wk.comments') }));
  comments.append((agreement.comments ?? []).length
    ? el('ul', { class: 'comments' }, ...agreement.comments.map((c) => el('li', {}, el('p', { class: 'small muted', text: `${c.account.displayName} (${c.party.name}) · ${time(c.at)}` }), el('p', { text: c.text }))))
    : el('p', { text: t('wk.noComments') }));
  if (memberOf(programme)) {
    const text = field(t('wk.comment'), { id: 'comment-text', rows: '2', required: '' }, 'textarea');
    const messages = messageArea();
    const form = el('form', { id: 'comment-form' }, text, el('button', { type: 'submit', text: t('wk.addComment') }), messages);
    onSubmit(form, messages, async () => {
      await send('POST', `/api/v1/wijkaanpak/agreements/${id}/comments`, { text: text.control.value });
      reloadPage();
    });
    comments.append(form);
  }
  main.append(comments);
  main.focus({ preventScroll: true });
}

async function statusForm(agreement) {
  const choices = nextStatuses[agreement.status] ?? [];
  const status = select(t('wk.newStatus'), choices.map((s) => [s, statusLabel(s)]), { id: 'status-new' });
  const comment = field(t('wk.comment'), { id: 'status-comment', type: 'text' });
  const messages = messageArea();
  const form = el('form', { id: 'status-form', class: 'card' }, el('h2', { text: t('wk.changeStatus') }), el('div', { class: 'inline-form' }, status, comment, el('button', { type: 'submit', text: t('wk.changeStatus') })), messages);
  if (!choices.length) form.querySelector('button').disabled = true;
  // The version read with the page goes in If-Match: a change made meanwhile by someone else gives 409, not an overwrite.
  onSubmit(form, messages, async () => {
    await send('POST', `/api/v1/wijkaanpak/agreements/${agreement.id}/status`, { status: status.control.value, comment: comment.control.value || null }, agreement.version);
    reloadPage();
  }, reloadPage);
  return form;
}

async function editForm(programme, agreement) {
  const fields = await agreementFields(programme, [], agreement);
  const messages = messageArea();
  const form = el('form', { id: 'edit-form', class: 'card' }, el('h2', { text: t('wk.edit') }), ...fields.nodes, el('button', { type: 'submit', text: t('wk.save') }), messages);
  onSubmit(form, messages, async () => {
    await send('PUT', `/api/v1/wijkaanpak/agreements/${agreement.id}`, fields.body(), agreement.version);
    showDone(messages, t('wk.saved'));
    reloadPage();
  }, reloadPage);
  return form;
}
