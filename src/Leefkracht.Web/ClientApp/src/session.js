import { ApiError, get, onUnauthorized, refreshAntiforgeryToken, request, send, setAntiforgeryToken } from './http.js';
import { t } from './i18n.js';

// The signed-in account (docs/wijkaanpak.md, "Sign-in flow"): asked from the server once per page load (the
// session cookie is HttpOnly), set by signing in, cleared by signing out or by any 401 answer.

/**
 * @typedef {object} Account
 * @property {number} id
 * @property {string} userName
 * @property {string} displayName
 * @property {'admin' | 'coordinator' | 'partner' | 'bewoner'} role
 * @property {{ id: number, name: string, type: string }} party
 */

/** @type {Account | null} */
let me = null;
/** @type {Promise<Account | null> | null} */
let checking = null;
/** @type {Set<(account: Account | null) => void>} */
const listeners = new Set();

/** The signed-in account, or null. */
export const account = () => me;

/** The signed-in account on a page that needs one (the router's signed-in pages run only with a session). */
export function signedInAccount() {
  if (!me) throw new Error('not signed in');
  return me;
}

/** @param {(account: Account | null) => void} listener */
export function onSessionChange(listener) {
  listeners.add(listener);
}

function changed() {
  listeners.forEach((listener) => listener(me));
}

onUnauthorized(() => {
  if (me) {
    me = null;
    changed();
  }
});

/** Asks the server once per page load who is signed in, and gets an antiforgery token when someone is. */
export function loadSession() {
  checking ??= (async () => {
    try {
      me = await get('/api/v1/auth/me');
      await refreshAntiforgeryToken();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    changed();
    return me;
  })();
  return checking.then(() => me);
}

/**
 * @param {string} userName
 * @param {string} password
 */
export async function signIn(userName, password) {
  const answer = await request('POST', '/api/v1/auth/login', { body: { userName, password }, signingIn: true });
  me = answer.account;
  setAntiforgeryToken(answer.antiforgery.token);
  checking = Promise.resolve(me);
  changed();
  return me;
}

export async function signOut() {
  try {
    await send('POST', '/api/v1/auth/logout');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  me = null;
  setAntiforgeryToken(null);
  changed();
}

/**
 * Goes to the sign-in page, which comes back to the current page afterwards. Only once: a page whose several requests
 * all answer 401 must not send the sign-in page to itself (it would forget where to come back to).
 */
export function goToSignIn() {
  if (window.location.hash.startsWith('#/signin')) return;
  window.location.replace(`#/signin?next=${encodeURIComponent(window.location.hash)}`);
}

/** @param {string} role */
export const roleLabel = (role) => t(`wk.role.${role}`);
