import { lang, t } from './i18n.js';

// The signed-in account and the antiforgery token (docs/wijkaanpak.md, "Sign-in flow"). The token lives in memory
// only; after a reload it is fetched again from /auth/antiforgery, which works while the session cookie is valid.
let me = null;
let token = null;
let checking = null;
const listeners = new Set();

/** An API answer that was not 2xx: the status and the problem details (RFC 9457), when there were any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? String(status));
    this.status = status;
    this.problem = problem ?? {};
  }
}

export const account = () => me;

export function onSessionChange(listener) {
  listeners.add(listener);
}

function changed() {
  listeners.forEach((listener) => listener(me));
}

function url(path, params = {}) {
  const u = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries({ ...params, lang: lang() })) {
    if (value !== undefined && value !== null && value !== '') u.searchParams.set(key, value);
  }
  return u;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Asks the server once per page load who is signed in (the session cookie is HttpOnly), and gets a token. */
export function loadSession() {
  checking ??= (async () => {
    const response = await fetch(url('/api/v1/auth/me'));
    if (response.ok) {
      me = await response.json();
      await refreshToken();
    }
    changed();
    return me;
  })();
  return checking.then(() => me);
}

async function refreshToken() {
  const response = await fetch(url('/api/v1/auth/antiforgery'));
  if (response.ok) token = (await response.json()).token;
}

export async function signIn(userName, password) {
  const response = await fetch(url('/api/v1/auth/login'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName, password }),
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const answer = await response.json();
  me = answer.account;
  token = answer.antiforgery.token;
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
  token = null;
  changed();
}

/** Sends one request: JSON in and out, the antiforgery header on changes and the version read in If-Match. */
export async function send(method, path, body = undefined, version = undefined, params = {}) {
  const attempt = async () => {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && token) headers['X-CSRF-TOKEN'] = token;
    if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
    return fetch(url(path, params), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await attempt();
  if (response.status === 403 && method !== 'GET') {
    const problem = await problemOf(response.clone());
    if (problem?.type?.endsWith('/csrf')) {
      await refreshToken();
      response = await attempt();
    }
  }
  if (response.status === 401 && me) {
    me = null;
    changed();
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const etag = response.headers.get('ETag');
  const data = await response.json();
  if (etag && data && typeof data === 'object' && !Array.isArray(data)) Object.defineProperty(data, 'etag', { value: etag.replace(/^W\//, '').replaceAll('"', '') });
  return data;
}

export const read = (path, params) => send('GET', path, undefined, undefined, params);

/** A download link of the API in the current language. */
export function fileHref(path) {
  const u = url(path);
  return u.pathname + u.search;
}

/** Words for an error: the status says what kind it is, the problem's own words say the rest. */
export function describe(error) {
  if (!(error instanceof ApiError)) return `${t('error')}: ${error.message}`;
  const fields = Object.entries(error.problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join('; ')}`);
  const detail = fields.length ? fields.join(' · ') : (error.problem.detail ?? '');
  const kind = {
    400: t('wk.err.400'), 401: t('wk.err.401'), 403: t('wk.err.403'), 404: t('wk.err.404'), 409: t('wk.err.409'), 428: t('wk.err.409'), 429: t('wk.err.429'),
  }[error.status] ?? `${t('error')} (${error.status})`;
  return detail && error.status !== 409 ? `${kind} ${detail}` : kind;
}
