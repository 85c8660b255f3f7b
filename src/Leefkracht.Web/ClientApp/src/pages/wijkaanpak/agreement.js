import { el, reflow } from '../../dom.js';
import { get, send } from '../../http.js';
import { date, t, time } from '../../i18n.js';
import { reload } from '../../router.js';
import { signedInAccount } from '../../session.js';
import { agreementFields } from './agreement-fields.js';
import { field, memberOf, messageArea, nextStatuses, onSubmit, select, showDone, statusLabel, target } from './forms.js';
import { indicatorsById, signedIn } from './parts.js';

// An agreement (#/agreement/ID): its facts, linked indicators, status history and comments; the owner party gets the
// status and edit forms (the version read goes in If-Match), other member parties only comment.

/** @type {import('../../router.js').View} */
async function showAgreement(main, params, id) {
  /** @type {import('../../contracts.js').Agreement} */
  const agreement = await get(`/api/v1/wijkaanpak/agreements/${id}`);
  /** @type {[import('../../contracts.js').Programme, Map<string, import('../../contracts.js').Meta['indicators'][number]>]} */
  const [programme, names] = await Promise.all([get(`/api/v1/wijkaanpak/programmes/${agreement.programmeId}`), indicatorsById()]);
  const me = signedInAccount();
  const owner = (me.role === 'coordinator' || me.role === 'partner') && me.party.id === agreement.ownerParty.id && memberOf(programme);
  document.title = `${agreement.title} — Leefkracht`;
  main.append(el('p', {}, el('a', { href: `#/programme/${programme.id}`, text: `← ${programme.name}` })),
    el('h1', { text: agreement.title }));

  main.append(el('section', { class: 'card', id: 'agreement-facts', 'aria-label': agreement.title },
    el('dl', { class: 'facts-list' },
      el('dt', { text: t('wk.status') }), el('dd', {}, el('span', { class: `badge status-${agreement.status}`, id: 'agreement-status', text: statusLabel(agreement.status) }),
        // The badge is the status a person chose (or the system's "te laat" while nobody acted after the deadline);
        // a passed deadline stays visible beside it as a quieter fact (docs/wijkaanpak.md, "Late").
        agreement.deadlinePassed ? el('span', { class: 'small muted', id: 'agreement-deadline-passed', text: ` ${t('wk.deadlinePassedOn', date(agreement.deadline))}` }) : null),
      el('dt', { text: t('wk.owner') }), el('dd', { id: 'agreement-owner-party', text: agreement.ownerParty.name }),
      el('dt', { text: t('wk.counterparties') }), el('dd', { text: agreement.counterparties.map((p) => p.name).join(', ') || '–' }),
      el('dt', { text: t('wk.deadline') }), el('dd', { text: date(agreement.deadline) }),
      el('dt', { text: t('wk.deliverable') }), el('dd', { text: agreement.deliverable || '–' }),
      el('dt', { text: t('wk.linked') }), el('dd', {}, agreement.indicators.length
        ? el('ul', {}, ...agreement.indicators.map((i) => el('li', { text: `${names.get(i.indicator ?? '')?.name ?? i.indicator}: ${t('wk.target').toLowerCase()} ${target(i.target, names.get(i.indicator ?? '')?.unit)}` })))
        : '–'),
      el('dt', { text: t('wk.version') }), el('dd', { text: String(agreement.version - 1) }))));

  if (owner) main.append(await statusForm(agreement), await editForm(programme, agreement));
  else main.append(el('p', { class: 'muted', id: 'read-only', text: t('wk.readOnly', agreement.ownerParty.name) }));

  main.append(el('section', { class: 'card', 'aria-labelledby': 'history-title' }, el('h2', { id: 'history-title', text: t('wk.history') }),
    el('table', { id: 'history-table' }, el('thead', {}, el('tr', {}, ...[t('wk.when'), t('wk.status'), t('wk.who'), t('wk.comment')].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...(agreement.history ?? []).map((h) => el('tr', {},
        el('td', { text: time(h.at) }), el('td', { text: `${statusLabel(h.from)} → ${statusLabel(h.to)}` }), el('td', { text: h.account?.displayName ?? t('wk.system') }),
        // The system writes only the late mark (when a deadline passed), in the store's words: word it here.
        el('td', { text: !h.account && h.to === 'late' ? t('wk.deadlinePassed') : h.comment ?? '' })))))));
  // On a phone each change is a card: its comment was in a column off to the right.
  reflow(/** @type {HTMLTableElement} */ (main.querySelector('#history-table')));

  const comments = el('section', { class: 'card', id: 'comments', 'aria-labelledby': 'comments-title' }, el('h2', { id: 'comments-title', text: t('wk.comments') }));
  const said = agreement.comments ?? [];
  comments.append(said.length
    ? el('ul', { class: 'comments' }, ...said.map((c) => el('li', {}, el('p', { class: 'small muted', text: `${c.account.displayName} (${c.party.name}) · ${time(c.at)}` }), el('p', { text: c.text }))))
    : el('p', { text: t('wk.noComments') }));
  if (memberOf(programme)) {
    const text = field(t('wk.comment'), { id: 'comment-text', rows: '2', required: '' }, 'textarea');
    const messages = messageArea();
    const form = el('form', { id: 'comment-form' }, text, el('button', { type: 'submit', text: t('wk.addComment') }), messages);
    onSubmit(form, messages, async () => {
      await send('POST', `/api/v1/wijkaanpak/agreements/${id}/comments`, { text: text.control.value });
      reload();
    });
    comments.append(form);
  }
  main.append(comments);
  (main.closest('main') ?? main).focus({ preventScroll: true });
}

/** @param {import('../../contracts.js').Agreement} agreement */
async function statusForm(agreement) {
  const choices = nextStatuses[agreement.status] ?? [];
  const status = select(t('wk.newStatus'), choices.map((s) => [s, statusLabel(s)]), { id: 'status-new' });
  const comment = field(t('wk.comment'), { id: 'status-comment', type: 'text' });
  const messages = messageArea();
  const form = el('form', { id: 'status-form', class: 'card' }, el('h2', { text: t('wk.changeStatus') }), el('div', { class: 'inline-form' }, status, comment, el('button', { type: 'submit', text: t('wk.changeStatus') })), messages);
  if (!choices.length) /** @type {HTMLButtonElement} */ (form.querySelector('button')).disabled = true;
  // The version read with the page goes in If-Match: a change made meanwhile by someone else gives 409, not an overwrite.
  onSubmit(form, messages, async () => {
    await send('POST', `/api/v1/wijkaanpak/agreements/${agreement.id}/status`, { status: status.control.value, comment: comment.control.value || null }, agreement.version);
    reload();
  }, reload);
  return form;
}

/**
 * @param {import('../../contracts.js').Programme} programme
 * @param {import('../../contracts.js').Agreement} agreement
 */
async function editForm(programme, agreement) {
  const fields = await agreementFields(programme, agreement);
  const messages = messageArea();
  const form = el('form', { id: 'edit-form', class: 'card' }, el('h2', { text: t('wk.edit') }), ...fields.nodes, el('button', { type: 'submit', text: t('wk.save') }), messages);
  onSubmit(form, messages, async () => {
    await send('PUT', `/api/v1/wijkaanpak/agreements/${agreement.id}`, fields.body(), agreement.version);
    showDone(messages, t('wk.saved'));
    reload();
  }, reload);
  return form;
}

export const show = signedIn(showAgreement);
