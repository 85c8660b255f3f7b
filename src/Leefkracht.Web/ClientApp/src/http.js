import { lang } from './i18n.js';

// The one HTTP client of the dashboard. Every request asks for answers in the user's language (`lang=`), sends and
// reads JSON, and turns an answer that is not 2xx into an ApiError with the problem details (RFC 9457). Changes
// carry the antiforgery token in X-CSRF-TOKEN and, for a versioned item, the version the page read in If-Match
// (docs/wijkaanpak.md, "Sign-in flow"). The token lives in memory only: session.js sets it after signing in, or
// fetches it again from /auth/antiforgery after a reload, which works while the session cookie is valid.

/** @typedef {Record<string, string | number | boolean | null | undefined>} Params query parameters; empty ones are left out */

/**
 * The problem details of an error answer; `errors` names each bad field (a parameter or a JSON path).
 * @typedef {{ type?: string, title?: string, detail?: string, errors?: Record<string, string[]> }} Problem
 */

/** An API answer that was not 2xx: the status and the problem details, when there were any. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {Problem | null} problem
   */
  constructor(status, problem) {
    const fields = Object.entries(problem?.errors ?? {}).map(([key, messages]) => `${key}: ${messages.join(', ')}`).join('; ');
    // The detail when there is one, else the bad fields (the planner's `$.stock[0].year: …`), else the title.
    super(problem?.detail ?? (fields || problem?.title) ?? String(status));
    this.status = status;
    /** @type {Problem} */
    this.problem = problem ?? {};
  }
}

/** @type {string | null} */
let token = null;
/** @type {() => void} */
let unauthorized = () => {};

/** @param {string | null} value the antiforgery token of the session, or null after signing out */
export function setAntiforgeryToken(value) {
  token = value;
}

/** Fetches the session's antiforgery token (after a reload, or when the server no longer accepts the one held). */
export async function refreshAntiforgeryToken() {
  try {
    token = (await get('/api/v1/auth/antiforgery')).token;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** @param {() => void} listener called when an answer says 401: the session has ended */
export function onUnauthorized(listener) {
  unauthorized = listener;
}

/**
 * An address of the API with the query parameters and the user's language.
 * @param {string} path
 * @param {Params} [params]
 */
function url(path, params = {}) {
  const u = new URL(path, window.location.origin);
  /** @type {Params} */
  const all = { ...params, lang: lang() };
  for (const [key, value] of Object.entries(all)) {
    if (value !== undefined && value !== null && value !== '') u.searchParams.set(key, String(value));
  }
  return u;
}

/**
 * A link to the API (a download, a report) in the user's language.
 * @param {string} path
 * @param {Params} [params]
 */
export function href(path, params = {}) {
  const u = url(path, params);
  return u.pathname + u.search;
}

/** @param {Response} response */
async function problemOf(response) {
  try {
    return /** @type {Problem} */ (await response.json());
  } catch {
    return null;
  }
}

/**
 * Sends one request and returns the JSON answer (null for 204 No Content).
 * @param {string} method
 * @param {string} path
 * @param {object} [options]
 * @param {unknown} [options.body] sent as JSON
 * @param {string | number | null} [options.version] the version the page read, sent in If-Match
 * @param {Params} [options.params]
 * @param {boolean} [options.signingIn] a sign-in: its 401 means wrong credentials, not that the session ended
 * @returns {Promise<any>} the answer as the API documents it (not checked here)
 */
export async function request(method, path, { body = undefined, version = undefined, params = {}, signingIn = false } = {}) {
  const attempt = async () => {
    /** @type {Record<string, string>} */
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && token) headers['X-CSRF-TOKEN'] = token;
    if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
    return fetch(url(path, params), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await attempt();
  if (response.status === 403 && method !== 'GET') {
    // The token expired with the server's key ring or was never fetched: get a new one and try once more.
    const problem = await problemOf(response.clone());
    if (problem?.type?.endsWith('/csrf')) {
      await refreshAntiforgeryToken();
      response = await attempt();
    }
  }
  if (response.status === 401 && !signingIn) unauthorized();
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  return response.json();
}

/**
 * GET a JSON resource of the API.
 * @param {string} path
 * @param {Params} [params]
 */
export const get = (path, params = {}) => request('GET', path, { params });

/**
 * POST a JSON body; on failure the ApiError's message names the bad fields by JSON path.
 * @param {string} path
 * @param {unknown} body
 */
export const post = (path, body) => request('POST', path, { body });

/**
 * A change: the body as JSON and, for a versioned item, the version read in If-Match (a change made meanwhile by
 * someone else then gives 409, not an overwrite).
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {string | number | null} [version]
 */
export const send = (method, path, body = undefined, version = undefined) => request(method, path, { body, version });

/** @type {import('./contracts.js').Meta | undefined} */
let meta;

/** The years, dimensions, indicators and class names of the monitor (GET /meta), asked once unless `reload`. */
export async function getMeta(reload = false) {
  if (!meta || reload) meta = /** @type {import('./contracts.js').Meta} */ (await get('/api/v1/meta'));
  return meta;
}
