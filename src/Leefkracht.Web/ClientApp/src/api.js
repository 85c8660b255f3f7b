import { lang } from './i18n.js';

/** GET a JSON resource of the API in the current language; throws with the problem details' words on failure. */
export async function get(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries({ ...params, lang: lang() })) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  if (!response.ok) {
    let detail = `${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail ?? Object.values(problem.errors ?? {}).flat().join('; ') ?? problem.title;
    } catch { /* not JSON */ }
    throw new Error(detail);
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
