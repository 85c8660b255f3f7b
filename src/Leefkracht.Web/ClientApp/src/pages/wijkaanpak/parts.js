import { el } from '../../dom.js';
import { ApiError, getMeta } from '../../http.js';
import { date, t, time } from '../../i18n.js';
import { reload } from '../../router.js';
import { goToSignIn, loadSession, signedInAccount } from '../../session.js';
import { messageArea, showError } from './forms.js';

// What the wijkaanpak pages share: the session guard, a programme's header with its sub-menu, the audit table and
// the indicator names of the monitor.

/**
 * Wraps a page that needs a session: without one the browser goes to the sign-in page and comes back after. An API
 * error the page did not handle is shown in words (a 409 with a reload button, a 401 back to the sign-in page).
 * @param {import('../../router.js').View} view
 * @returns {import('../../router.js').View}
 */
export function signedIn(view) {
  return async (main, params, arg) => {
    const me = await loadSession();
    if (!me) {
      goToSignIn();
      return;
    }
    try {
      await view(main, params, arg);
    } catch (error) {
      if (error instanceof ApiError) {
        const area = messageArea();
        main.replaceChildren(area);
        showError(area, error, reload);
      } else {
        throw error;
      }
    }
  };
}

/**
 * The links every programme page has: board, initiatives, accountability, audit.
 * @param {import('../../contracts.js').Programme} programme
 * @param {string} current
 */
function programmeNav(programme, current) {
  const links = [['programme', t('wk.board')], ['initiatives', t('wk.initiatives')], ['accountability', t('wk.accountability')]];
  const me = signedInAccount();
  // The audit trail is for admins and the parties that are or were in the coalition (others get 404 from the API).
  if (me.role === 'admin' || (me.role !== 'bewoner' && programme.coalition.some((m) => m.party.id === me.party.id))) links.push(['audit', t('wk.audit')]);
  return el('nav', { class: 'subnav', 'aria-label': programme.name },
    ...links.map(([page, label]) => el('a', { href: `#/${page}/${programme.id}`, ...(page === current ? { 'aria-current': 'page' } : {}), text: label })));
}

/**
 * A programme's name, coordinator, area (a link to its monitor profile), start and publication, and its sub-menu.
 * @param {import('../../contracts.js').Programme} programme
 * @param {string} current the sub-page shown
 */
export function programmeHeader(programme, current) {
  return el('header', { class: 'profile-head' },
    el('h1', { text: programme.name }),
    el('p', { class: 'sub' }, `${programme.coordinatorParty.name} · `, el('a', { href: `#/area/${programme.areaCode}`, id: 'programme-area-link', text: `${programme.areaName ?? programme.areaCode} (${t('wk.profile')})` }),
      ` · ${t('wk.startDate').toLowerCase()} ${date(programme.startDate)} · ${programme.published ? t('wk.published').toLowerCase() : t('wk.draft')}`),
    programmeNav(programme, current));
}

/**
 * Audit entries as a table: when, and the change as the server words it ("Pim Dekker (Portaal) zette de afspraak …").
 * @param {import('../../contracts.js').AuditEntry[]} entries
 * @param {string} id
 */
export function auditTable(entries, id) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, ...[t('wk.when'), t('wk.change')].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...entries.map((e) => el('tr', { 'data-entity': e.entity, 'data-action': e.action },
      el('td', { class: 'when', text: time(e.at) }), el('td', { text: e.description })))));
}

/**
 * The monitor's indicators as select options, with "(none)" first.
 * @returns {Promise<[string, string][]>}
 */
export async function indicatorOptions() {
  const meta = await getMeta();
  return [['', t('wk.none')], ...meta.indicators.map((i) => /** @type {[string, string]} */ ([i.id, i.name]))];
}

/** The monitor's indicators by id: name and unit. */
export async function indicatorsById() {
  const meta = await getMeta();
  return new Map(meta.indicators.map((i) => [i.id, i]));
}
