import { lang } from './i18n.js';

/** GET a JSON resource of the API in the current language; throws with the problem details' words on failure. */
export async function get(path, params = {}) {
  return request(path, params);
}

/**
 * POST a JSON body (the planner); on failure the error's message says what is wrong and `errors` keeps the problem
 * details' errors keyed by JSON path, so the page can show each next to its field.
 */
export async function post(path, body, params = {}) {
  return request(path, params, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function request(path, params, init = undefined) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries({ ...params, lang: lang() })) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    let detail = `${response.status}`;
    let errors = {};
    try {
      const problem = await response.json();
      errors = problem.errors ?? {};
      detail = problem.detail ?? (Object.entries(errors).map(([key, messages]) => `${key}: ${messages.join(', ')}`).join('; ') || problem.title);
    } catch { /* not JSON */ }
    throw Object.assign(new Error(detail), { status: response.status, errors });
  }
  return response.json();
}

export function href(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries({ ...params, lang: lang() })) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url.pathname + url.search;
}

let meta;
export async function getMeta(reload = false) {
  if (!meta || reload) meta = await get('/api/v1/meta');
  return meta;
}
