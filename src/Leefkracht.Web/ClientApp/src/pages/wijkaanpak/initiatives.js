import { el, reflow } from '../../dom.js';
import { get, send } from '../../http.js';
import { t, time } from '../../i18n.js';
import { reload } from '../../router.js';
import { signedInAccount } from '../../session.js';
import { coordinates, field, initiativeLabel, messageArea, nextInitiativeStatuses, onSubmit, select } from './forms.js';
import { programmeHeader, signedIn } from './parts.js';

// Residents' initiatives of a programme (#/initiatives/ID): residents submit and follow them, members see all, the
// coordinating party moves them on with a note.

/** @type {import('../../router.js').View} */
async function showInitiatives(main, params, id) {
  /** @type {[import('../../contracts.js').Programme, import('../../contracts.js').Initiative[]]} */
  const [programme, initiatives] = await Promise.all([get(`/api/v1/wijkaanpak/programmes/${id}`), get(`/api/v1/wijkaanpak/programmes/${id}/initiatives`)]);
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
        reload();
      }, reload);
      decide.append(form);
    }
    return el('tr', { 'data-id': String(i.id), 'data-title': i.title },
      el('td', {}, el('strong', { text: i.title }), el('p', { class: 'small', text: i.description })),
      el('td', {}, el('span', { class: `badge initiative-${i.status}`, text: initiativeLabel(i.status) })),
      el('td', { text: `${i.submittedBy.displayName} · ${time(i.submittedAt)}` }), el('td', { text: i.note ?? '' }), decide);
  });
  main.append(initiatives.length
    ? reflow(el('table', { id: 'initiatives-table' }, el('thead', {}, el('tr', {}, ...[t('wk.title'), t('wk.status'), t('wk.submittedBy'), t('wk.note'), ''].map((h) => el('th', { scope: 'col', text: h })))), el('tbody', {}, ...rows)))
    : el('p', { text: t('wk.noInitiatives') }), messages);

  if (signedInAccount().role !== 'admin') {
    const title = field(t('wk.title'), { id: 'initiative-title', type: 'text', required: '' });
    const description = field(t('wk.description'), { id: 'initiative-description', rows: '3', required: '' }, 'textarea');
    const submitted = messageArea();
    const form = el('form', { id: 'initiative-form', class: 'card' }, el('h2', { text: t('wk.submitInitiative') }), title, description, el('button', { type: 'submit', text: t('wk.submitInitiative') }), submitted);
    onSubmit(form, submitted, async () => {
      await send('POST', `/api/v1/wijkaanpak/programmes/${id}/initiatives`, { title: title.control.value, description: description.control.value });
      reload();
    });
    main.append(form);
  }
}

export const show = signedIn(showInitiatives);
