import { el } from './dom.js';
import { t } from './i18n.js';

// Hash routes: `#/page/arg?query`. The route table (routes.js) maps each page to a loader, a dynamic import(), so a
// page's code (and Leaflet, Chart.js) is downloaded when the page is first opened. Every change of page goes through
// `hashchange`: `navigate` sets location.hash, and `reload` (or navigating to the page already shown) fires the event
// itself, so there is one way a page is drawn.

/**
 * What a page module exports: `show` draws the page into `main`.
 * @typedef {(main: HTMLElement, params: URLSearchParams, arg?: string) => Promise<void>} View
 * @typedef {{ show: View }} Page
 */

/**
 * @typedef {object} Route
 * @property {() => Promise<Page>} load the page's module, imported on demand
 * @property {string} [section] the menu entry marked as current (default: the route's own name)
 * @property {(params: URLSearchParams) => void} [start] starts the page's first requests before its code is loaded
 */

/** @param {string} hash '#/…' */
export function navigate(hash) {
  if (window.location.hash === hash) reload();
  else window.location.hash = hash;
}

/** Draws the current page again (after a change, or when the language switches). */
export function reload() {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Draws the page of the current hash into `main` now and after every hashchange.
 * @param {HTMLElement} main
 * @param {Record<string, Route>} routes
 * @param {string} fallback the route of an empty or unknown hash
 */
export function startRouter(main, routes, fallback) {
  let drawn = 0;
  const draw = async () => {
    const hash = window.location.hash.replace(/^#\/?/, '') || fallback;
    const [path, query] = hash.split('?');
    const params = new URLSearchParams(query ?? '');
    const [name, arg] = path.split('/');
    const route = routes[name] ?? routes[fallback];
    const section = routes[name] ? route.section ?? name : undefined;
    document.querySelectorAll('nav a[data-route]').forEach((a) => {
      if (/** @type {HTMLElement} */ (a).dataset.route === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    // Every drawing gets its own container: a page still awaiting an answer when the user moves on writes into a
    // container that is no longer in the document, never over the next page.
    // Until the page draws something, the view says it is loading (the page's code and data may take a moment).
    const loading = el('p', { class: 'loading', role: 'status', text: t('loading') });
    const view = el('div', { class: 'view' }, loading);
    const drawing = new MutationObserver(() => {
      if (view.firstElementChild !== loading || view.childElementCount > 1) { loading.remove(); drawing.disconnect(); }
    });
    drawing.observe(view, { childList: true });
    main.replaceChildren(view);
    const mine = ++drawn;
    try {
      // The page's first requests run while its code downloads (the map's: map-start.js).
      route.start?.(params);
      const page = await route.load();
      if (mine === drawn) await page.show(view, params, arg);
      loading.remove();
    } catch (error) {
      loading.remove();
      if (view.isConnected) view.append(el('p', { class: 'error', role: 'alert', text: `${t('error')}: ${error instanceof Error ? error.message : String(error)}` }));
    }
  };
  window.addEventListener('hashchange', draw);
  draw();
}
