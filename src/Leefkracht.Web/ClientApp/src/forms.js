import { plain, t } from './i18n.js';
import { el } from './profile.js';
import { ApiError, account, describe } from './session.js';

// Small building blocks of the wijkaanpak pages: labelled fields, error and conflict messages, labels of codes.

let counter = 0;

/** A labelled input (or select/textarea when `tag` says so); returns the wrapper, the control is `.control`. */
export function field(label, attrs = {}, tag = 'input') {
  const id = attrs.id ?? `f${++counter}`;
  const control = el(tag, { ...attrs, id });
  const wrapper = el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
  wrapper.control = control;
  return wrapper;
}

export function select(label, options, attrs = {}) {
  const wrapper = field(label, attrs, 'select');
  for (const [value, text] of options) wrapper.control.append(el('option', { value: String(value), text }));
  return wrapper;
}

/** The area where a form's outcome is said (role=alert, so a screen reader hears it). */
export function messageArea() {
  return el('div', { class: 'messages', 'aria-live': 'assertive' });
}

/**
 * Shows what went wrong. A 409 (someone else changed it) gets a reload button: reloading shows the current state and
 * throws away what was typed, which the message says, so that nothing is kept or overwritten silently.
 */
export function showError(area, error, reload) {
  const box = el('div', { class: 'problem', role: 'alert' });
  if (error instanceof ApiError && (error.status === 409 || error.status === 428)) {
    box.classList.add('conflict');
    box.append(el('p', { text: t('wk.err.409') }), el('p', { class: 'small', text: t('wk.conflictHelp') }));
    if (reload) box.append(el('button', { type: 'button', class: 'reload', text: t('wk.reload') }));
    box.querySelector('button.reload')?.addEventListener('click', reload);
  } else if (error instanceof ApiError && error.status === 401) {
    // The session ended (sign-out elsewhere, 8 hours idle): to the sign-in page, which comes back here afterwards.
    window.location.replace(`#/signin?next=${encodeURIComponent(window.location.hash)}`);
    return;
  } else {
    box.append(el('p', { text: describe(error) }));
  }
  area.replaceChildren(box);
  box.scrollIntoView?.({ block: 'nearest' });
}

export function showDone(area, text) {
  area.replaceChildren(el('p', { class: 'done', role: 'status', text }));
}

/** Runs a form's action with its button disabled, and reports the outcome in the message area. */
export function onSubmit(form, area, action, reload) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(area, error, reload);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

export const statusLabel = (status) => t(`wk.status.${status}`);
export const initiativeLabel = (status) => t(`wk.initiative.${status}`);
export const roleLabel = (role) => t(`wk.role.${role}`);
export const movementLabel = (movement) => t(`wk.movement.${movement}`);

/** Agreement status changes a client may make (docs/wijkaanpak.md, "Status rules"); `late` follows from the clock. */
export const nextStatuses = {
  planned: ['in_progress', 'done', 'not_kept'],
  in_progress: ['done', 'not_kept'],
  late: ['in_progress', 'done', 'not_kept'],
  done: ['in_progress'],
  not_kept: [],
};

export const nextInitiativeStatuses = {
  submitted: ['under_review', 'rejected'],
  under_review: ['accepted', 'rejected'],
  accepted: ['done'],
  rejected: [],
  done: [],
};

export function date(value) {
  if (!value) return '–';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function time(value) {
  return value ? new Date(value).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

export function euro(amount) {
  return new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(amount);
}

export const value = (v) => plain(v);

/** True when the signed-in account may change the programme's coalition, funding and initiatives. */
export function coordinates(programme) {
  const me = account();
  return me?.role === 'coordinator' && me.party.id === programme.coordinatorParty.id;
}

/** True when the signed-in account's party is a current member of the coalition (and may comment, add agreements). */
export function memberOf(programme) {
  const me = account();
  return !!me && (me.role === 'coordinator' || me.role === 'partner') && programme.coalition.some((m) => m.party.id === me.party.id && m.active);
}

export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
