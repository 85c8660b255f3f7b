import { el } from '../../dom.js';
import { get, href } from '../../http.js';
import { t } from '../../i18n.js';
import { auditTable, programmeHeader, signedIn } from './parts.js';

// A programme's audit trail (#/audit/ID): who changed what when, newest first, and its CSV.

/** @type {import('../../router.js').View} */
async function showAudit(main, params, id) {
  /** @type {[import('../../contracts.js').Programme, import('../../contracts.js').AuditEntry[]]} */
  const [programme, entries] = await Promise.all([get(`/api/v1/wijkaanpak/programmes/${id}`), get(`/api/v1/wijkaanpak/programmes/${id}/audit`)]);
  document.title = `${t('wk.audit')}: ${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'audit'), el('p', { text: t('wk.auditHelp') }),
    el('div', { class: 'actions' }, el('a', { class: 'button', id: 'audit-csv', download: '', href: href(`/api/v1/wijkaanpak/programmes/${id}/audit.csv`), text: t('wk.csv') })));
  main.append(auditTable(entries, 'audit-table'));
}

export const show = signedIn(showAudit);
