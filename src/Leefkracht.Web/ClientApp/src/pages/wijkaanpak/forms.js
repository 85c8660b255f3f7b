import { el, labelled } from '../../dom.js';
import { ApiError } from '../../http.js';
import { measure, t } from '../../i18n.js';
import { account, goToSignIn } from '../../session.js';

// Small building blocks of the wijkaanpak pages: labelled fields, error and conflict messages, labels of codes and
// who may change what.

let counter = 0;

/**
 * A labelled input (or select/textarea when `tag` says so); returns the wrapper, the control is `.control`.
 * @template {'input' | 'select' | 'textarea'} [K='input']
 * @param {string} label
 * @param {import('../../dom.js').Attributes} [attrs]
 * @param {K} [tag]
 */
export function field(label, attrs = {}, tag = /** @type {K} */ ('input')) {
  const id = String(attrs.id ?? `f${++counter}`);
  const control = el(tag, { ...attrs, id });
  return Object.assign(labelled(id, label, control), { control });
}

/**
 * @param {string} label
 * @param {[string | number, string][]} options
 * @param {import('../../dom.js').Attributes} [attrs]
 */
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
 * Words for an error: the status says what kind it is, the problem's own words say the rest.
 * @param {unknown} error
 */
function describe(error) {
  if (!(error instanceof ApiError)) return `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
  const fields = Object.entries(error.problem.errors ?? {}).map(([name, messages]) => `${name}: ${messages.join('; ')}`);
  const detail = fields.length ? fields.join(' · ') : (error.problem.detail ?? '');
  /** @type {Record<number, string>} */
  const kinds = {
    400: t('wk.err.400'), 401: t('wk.err.401'), 403: t('wk.err.403'), 404: t('wk.err.404'), 409: t('wk.err.409'), 428: t('wk.err.409'), 429: t('wk.err.429'),
  };
  const kind = kinds[error.status] ?? `${t('error')} (${error.status})`;
  return detail && error.status !== 409 ? `${kind} ${detail}` : kind;
}

/**
 * Shows what went wrong. A 409 (someone else changed it) gets a reload button: reloading shows the current state and
 * throws away what was typed, which the message says, so that nothing is kept or overwritten silently.
 * @param {HTMLElement} area
 * @param {unknown} error
 * @param {() => void} [reload]
 */
export function showError(area, error, reload) {
  const box = el('div', { class: 'problem', role: 'alert' });
  if (error instanceof ApiError && (error.status === 409 || error.status === 428)) {
    box.classList.add('conflict');
    box.append(el('p', { text: t('wk.err.409') }), el('p', { class: 'small', text: t('wk.conflictHelp') }));
    if (reload) {
      const button = el('button', { type: 'button', class: 'reload', text: t('wk.reload') });
      button.addEventListener('click', reload);
      box.append(button);
    }
  } else if (error instanceof ApiError && error.status === 401) {
    // The session ended (sign-out elsewhere, 8 hours idle): to the sign-in page, which comes back here afterwards.
    goToSignIn();
    return;
  } else {
    box.append(el('p', { text: describe(error) }));
  }
  area.replaceChildren(box);
  box.scrollIntoView?.({ block: 'nearest' });
}

/**
 * @param {HTMLElement} area
 * @param {string} text
 */
export function showDone(area, text) {
  area.replaceChildren(el('p', { class: 'done', role: 'status', text }));
}

/**
 * Runs a form's action with its button disabled, and reports the outcome in the message area.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} area
 * @param {() => Promise<void>} action
 * @param {() => void} [reload] offered with a conflict
 */
export function onSubmit(form, area, action, reload) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    if (button instanceof HTMLButtonElement) button.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(area, error, reload);
    } finally {
      if (button instanceof HTMLButtonElement) button.disabled = false;
    }
  });
}

/** @param {string} status */
export const statusLabel = (status) => t(`wk.status.${status}`);
/** @param {string} status */
export const initiativeLabel = (status) => t(`wk.initiative.${status}`);
/** @param {string} movement */
export const movementLabel = (movement) => t(`wk.movement.${movement}`);

/**
 * Agreement status changes a client may make (docs/wijkaanpak.md, "Status rules"); `late` follows from the clock.
 * @type {Record<string, string[]>}
 */
export const nextStatuses = {
  planned: ['in_progress', 'done', 'not_kept'],
  in_progress: ['done', 'not_kept'],
  late: ['in_progress', 'done', 'not_kept'],
  done: ['in_progress'],
  not_kept: [],
};

/** @type {Record<string, string[]>} */
export const nextInitiativeStatuses = {
  submitted: ['under_review', 'rejected'],
  under_review: ['accepted', 'rejected'],
  accepted: ['done'],
  rejected: [],
  done: [],
};

/**
 * A goal's or agreement's target with the unit of its indicator ("45 %", "12 per 1.000 inwoners"), so that a number
 * never stands alone.
 * @param {number | null} v
 * @param {string | null | undefined} unit the API's unit name of the indicator
 */
export const target = (v, unit) => (v === null ? '–' : measure(v, unit ?? undefined));

/**
 * True when the signed-in account may change the programme's coalition, funding and initiatives.
 * @param {import('../../contracts.js').Programme} programme
 */
export function coordinates(programme) {
  const me = account();
  return me?.role === 'coordinator' && me.party.id === programme.coordinatorParty.id;
}

/**
 * True when the signed-in account's party is a current member of the coalition (and may comment, add agreements).
 * @param {import('../../contracts.js').Programme} programme
 */
export function memberOf(programme) {
  const me = account();
  return !!me && (me.role === 'coordinator' || me.role === 'partner') && programme.coalition.some((m) => m.party.id === me.party.id && m.active);
}

export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
