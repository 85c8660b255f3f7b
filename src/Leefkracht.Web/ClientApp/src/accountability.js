import { t } from './i18n.js';
import { el } from './profile.js';
import { account, fileHref, read, send } from './session.js';
import {
  coordinates, date, euro, field, initiativeLabel, messageArea, movementLabel, nextInitiativeStatuses, onSubmit, select, statusLabel, time, value,
} from './forms.js';
import { programmeHeader, reloadPage } from './wijkaanpak.js';

// Accountability, the audit trail and residents' initiatives of one programme (docs/web.md, "Wijkaanpak").

const yearValue = (v) => (v ? `${value(v.value)} (${v.year})` : '–');

export async function showAccountability(main, params, id) {
  const [programme, view] = await Promise.all([read(`/api/v1/wijkaanpak/programmes/${id}`), read(`/api/v1/wijkaanpak/programmes/${id}/accountability`)]);
  document.title = `${t('wk.accountability')}: ${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'accountability'));
  main.append(el('div', { class: 'actions' },
    el('a', { class: 'button', id: 'accountability-csv', download: '', href: fileHref(`/api/v1/wijkaanpak/programmes/${id}/accountability.csv`), text: t('wk.csv') }),
    el('a', { class: 'button', id: 'accountability-pdf', href: fileHref(`/api/v1/wijkaanpak/programmes/${id}/accountability.pdf`), text: t('wk.pdf') })));
  main.append(el('p', { text: `${t('wk.asOf', date(view.asOf))}. ${t('wk.accountabilityHelp')}` }));

  const c = view.counts;
  main.append(el('section', { class: 'card', id: 'counts', 'aria-label': t('wk.status') },
    el('ul', { class: 'counts' }, ...[['planned', c.planned], ['in_progress', c.inProgress], ['done', c.done], ['late', c.late], ['not_kept', c.notKept]]
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
    const indicatorCells = (i) => [el('td', { text: i.name }), el('td', { class: 'num', text: value(i.target) }), el('td', { class: 'num', text: yearValue(i.baseline) }),
      el('td', { class: 'num', text: yearValue(i.latest) }), el('td', { class: `movement ${i.movement}`, text: movementLabel(i.movement) })];
    if (!item.indicators.length) rows.push(el('tr', { 'data-id': String(a.id), 'data-status': a.status }, ...lead, el('td', { colspan: '5', class: 'muted', text: '–' })));
    item.indicators.forEach((i, n) => rows.push(el('tr', n === 0 ? { 'data-id': String(a.id), 'data-status': a.status } : {}, ...(n === 0 ? lead : []), ...indicatorCells(i))));
  }
  main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-title' }, el('h2', { id: 'acc-title', text: t('wk.agreements') }),
    el('table', { id: 'accountability-table' },
      el('thead', {}, el('tr', {}, ...[t('wk.title'), t('wk.owner'), t('wk.deadline'), t('wk.status'), t('wk.indicator'), t('wk.target'), t('wk.baseline'), t('wk.latest'), t('wk.movement')]
        .map((h, i) => el('th', { scope: 'col', class: i >= 5 && i <= 7 ? 'num' : '', text: h })))),
      el('tbody', {}, ...rows))));

  if (view.goals.length) {
    main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-goals' }, el('h2', { id: 'acc-goals', text: t('wk.goals') }),
      el('table', {}, el('thead', {}, el('tr', {}, ...[t('wk.indicator'), t('wk.target'), t('wk.baseline'), t('wk.latest'), t('wk.movement')].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...view.goals.map((g) => el('tr', {}, el('td', { text: g.name }), el('td', { class: 'num', text: value(g.target) }), el('td', { class: 'num', text: yearValue(g.baseline) }),
          el('td', { class: 'num', text: yearValue(g.latest) }), el('td', { class: `movement ${g.movement}`, text: movementLabel(g.movement) })))))));
  }
  main.append(el('section', { class: 'card', 'aria-labelledby': 'acc-funding' }, el('h2', { id: 'acc-funding', text: t('wk.funding') }),
    el('p', { text: `${t('wk.total')}: ${euro(view.funding.total)}` }),
    el('ul', {}, ...view.funding.byParty.map((f) => el('li', { text: `${f.party.name}: ${euro(f.amount)}` })))));
}

/** The changed fields of an audit row as "field: before → after" (a create lists what was set). */
function changes(before, after) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== 'version');
  const show = (v) => (v === undefined || v === null ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys.filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k])).map((k) => `${k}: ${show(before?.[k])} → ${show(after?.[k])}`);
}

export async function showAudit(main, params, id) {
  const [programme, entries] = await Promise.all([read(`/api/v1/wijkaanpak/programmes/${id}`), read(`/api/v1/wijkaanpak/programmes/${id}/audit`)]);
  document.title = `${t('wk.audit')}: ${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'audit'), el('p', { text: t('wk.auditHelp') }),
    el('div', { class: 'actions' }, el('a', { class: 'button', id: 'audit-csv', download: '', href: fileHref(`/api/v1/wijkaanpak/programmes/${id}/audit.csv`), text: t('wk.csv') })));
  main.append(auditTable(entries, 'audit-table'));
}

/** Audit entries as a table: when, who, what, and the changed fields before → after. */
export function auditTable(entries, id) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, ...[t('wk.when'), t('wk.who'), t('wk.entity'), t('wk.action'), t('wk.change')].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...entries.map((e) => el('tr', {},
      el('td', { text: time(e.at) }), el('td', { text: e.account?.displayName ?? t('wk.system') }), el('td', { text: `${e.entity} ${e.entityId}` }), el('td', { text: e.action }),
      el('td', {}, el('ul', { class: 'changes' }, ...changes(e.before, e.after).map((line) => el('li', { text: line }))))))));
}

export async function showInitiatives(main, params, id) {
  const [programme, initiatives] = await Promise.all([read(`/api/v1/wijkaanpak/programmes/${id}`), read(`/api/v1/wijkaanpak/programmes/${id}/initiatives`)]);
  const manage = coordinates(programme);
  document.title = `${t('wk.initiatives')}: ${programme.name} — Leefkracht`;
  main.append(programmeHeader(programme, 'initiatives'), el('p', { text: t('wk.initiativesHelp') }));
  const messages = messageArea();
  const rows = initiatives.map((i) => {
    const decide = el('td');
    const choices = nextInitiativeStatuses[i.status] ?? [];
    if (manage && choices.length) {
      const status = select(t('wk.newStatus'), choices.map((s) => [s, initiativeLabel(s)]), { class: 'initiative-status' });
      const note = field(t('wk.note'), { type: 'text', class: 'initiative-note' });
      const form = el('form', { class: 'inline-form compact' }, status, note, el('button', { type: 'submit', text: t('wk.decide') }));
      onSubmit(form, messages, async () => {
        await send('POST', `/api/v1/wijkaanpak/initiatives/${i.id}/status`, { status: status.control.value, note: note.control.value || null }, i.version);
        reloadPage();
      }, reloadPage);
      decide.append(form);
    }
    return el('tr', { 'data-id': String(i.id), 'data-title': i.title },
      el('td', {}, el('strong', { text: i.title }), el('p', { class: 'small', text: i.description })),
      el('td', {}, el('span', { class: `badge initiative-${i.status}`, text: initiativeLabel(i.status) })),
      el('td', { text: `${i.submittedBy.displayName} · ${time(i.submittedAt)}` }), el('td', { text: i.note ?? '' }), decide);
  });
  main.append(initiatives.length
    ? el('table', { id: 'initiatives-table' }, el('thead', {}, el('tr', {}, ...[t('wk.title'), t('wk.status'), t('wk.submittedBy'), t('wk.note'), ''].map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows))
    : el('p', { text: t('wk.noInitiatives') }), messages);

  if (account().role !== 'admin') {
    const title = field(t('wk.title'), { id: 'initiative-title', type: 'text', required: '' });
    const description = field(t('wk.description'), { id: 'initiative-description', rows: '3', required: '' }, 'textarea');
    const submitted = messageArea();
    const form = el('form', { id: 'initiative-form', class: 'card' }, el('h2', { text: t('wk.submitInitiative') }), title, description, el('button', { type: 'submit', text: t('wk.submitInitiative') }), submitted);
    onSubmit(form, submitted, async () => {
      await send('POST', `/api/v1/wijkaanpak/programmes/${id}/initiatives`, { title: title.control.value, description: description.control.value });
      reloadPage();
    });
    main.append(form);
  }
}
