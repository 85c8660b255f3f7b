import { el, reflow } from '../../dom.js';
import { get, href, send } from '../../http.js';
import { t, time } from '../../i18n.js';
import { reload } from '../../router.js';
import { roleLabel, signedInAccount } from '../../session.js';
import { field, messageArea, onSubmit, select, showDone, showError } from './forms.js';
import { auditTable, signedIn } from './parts.js';

// Account management for admins: list, create with party and role, disable/enable and set a new password
// (PUT /accounts/{id} with the version read; a new password also ends a lockout).

const roles = ['admin', 'coordinator', 'partner', 'bewoner'];

/** @type {import('../../router.js').View} */
async function showAccounts(main) {
  main.append(el('h1', { text: t('wk.accounts') }));
  if (signedInAccount().role !== 'admin') {
    main.append(el('p', { class: 'problem', role: 'alert', text: t('wk.adminOnly') }));
    return;
  }
  /** @type {[import('../../contracts.js').AccountRow[], import('../../contracts.js').Party[], import('../../contracts.js').AuditEntry[]]} */
  const [accounts, parties, audit] = await Promise.all([get('/api/v1/accounts'), get('/api/v1/wijkaanpak/parties'), get('/api/v1/accounts/audit')]);
  const messages = messageArea();
  /**
   * Changes an account: the fields it has, with `change` over them, and the version read in If-Match.
   * @param {import('../../contracts.js').AccountRow} a
   * @param {{ disabled?: boolean, password?: string }} change
   */
  const update = (a, change) => send('PUT', `/api/v1/accounts/${a.id}`, { displayName: a.displayName, partyId: a.party.id, role: a.role, disabled: a.disabled, ...change }, a.version);

  const rows = accounts.map((a) => {
    // Every row has the same controls: their accessible names say whose account they change.
    const toggle = el('button', { type: 'button', class: 'toggle', 'aria-label': `${a.disabled ? t('wk.enable') : t('wk.disable')}: ${a.userName}`, text: a.disabled ? t('wk.enable') : t('wk.disable') });
    toggle.addEventListener('click', async () => {
      try {
        await update(a, { disabled: !a.disabled });
        reload();
      } catch (error) {
        showError(messages, error, reload);
      }
    });
    const password = field(t('wk.resetPassword'), { type: 'password', autocomplete: 'new-password', minlength: '12', required: '', 'aria-label': `${t('wk.resetPassword')}: ${a.userName}` });
    const reset = el('form', { class: 'inline-form compact' }, password, el('button', { type: 'submit', 'aria-label': `${t('wk.setPassword')}: ${a.userName}`, text: t('wk.setPassword') }));
    onSubmit(reset, messages, async () => {
      await update(a, { password: password.control.value });
      password.control.value = '';
      showDone(messages, `${a.userName}: ${t('wk.saved')}`);
    }, reload);
    return el('tr', { 'data-user': a.userName },
      el('td', { text: a.userName }), el('td', { text: a.displayName }), el('td', { text: a.party.name }), el('td', { text: roleLabel(a.role) }),
      el('td', { text: a.disabled ? t('yes') : t('no') }), el('td', { text: a.lockedUntil ? time(a.lockedUntil) : '–' }), el('td', {}, toggle, reset));
  });
  main.append(messages, reflow(el('table', { id: 'accounts-table' },
    el('thead', {}, el('tr', {}, ...[t('wk.userName'), t('wk.displayName'), t('wk.party'), t('wk.role'), t('wk.disabled'), t('wk.lockedUntil'), ''].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows))));

  const userName = field(t('wk.userName'), { id: 'account-user', type: 'text', required: '', autocomplete: 'off' });
  const displayName = field(t('wk.displayName'), { id: 'account-display', type: 'text', required: '' });
  const party = select(t('wk.party'), parties.map((p) => [p.id, `${p.name} (${p.type})`]), { id: 'account-party' });
  const role = select(t('wk.role'), roles.map((r) => [r, roleLabel(r)]), { id: 'account-role' });
  const password = field(`${t('wk.password')} (${t('wk.passwordHelp')})`, { id: 'account-password', type: 'password', autocomplete: 'new-password', minlength: '12', required: '' });
  const created = messageArea();
  const form = el('form', { id: 'account-form', class: 'card' }, el('h2', { text: t('wk.newAccount') }), el('div', { class: 'grid2' }, userName, displayName, party, role, password),
    el('button', { type: 'submit', text: t('wk.create') }), created);
  onSubmit(form, created, async () => {
    await send('POST', '/api/v1/accounts', {
      userName: userName.control.value.trim(), displayName: displayName.control.value, partyId: Number(party.control.value), role: role.control.value, password: password.control.value,
    });
    reload();
  });
  main.append(form);

  main.append(el('section', { class: 'card', 'aria-labelledby': 'account-audit-title' },
    el('h2', { id: 'account-audit-title', text: t('wk.accountAudit') }), el('p', { text: t('wk.accountAuditHelp') }),
    el('div', { class: 'actions' }, el('a', { class: 'button', id: 'account-audit-csv', download: '', href: href('/api/v1/accounts/audit.csv'), text: t('wk.csv') })),
    auditTable(audit, 'account-audit-table')));
}

export const show = signedIn(showAccounts);
