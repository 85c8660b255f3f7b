import { el } from './dom.js';
import { get } from './http.js';
import { lang, setLang, t, translatePage } from './i18n.js';
import { navigate, reload } from './router.js';
import { account, loadSession, onSessionChange, roleLabel, signOut } from './session.js';

// The header every page shares: the language button, the search box (an ARIA combobox) and who is signed in.

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

export function setUpHeader() {
  // The header wraps to a second line when the session box does not fit; the map page fills what is left under it.
  const header = /** @type {HTMLElement} */ (document.querySelector('header.top'));
  new ResizeObserver(() => document.documentElement.style.setProperty('--top', `${header.offsetHeight}px`)).observe(header);
  setUpMenu(header);
  setUpLanguage();
  setUpSearch();
  setUpSession();
}

/**
 * On a narrow screen the menu folds behind a menu button (the phone block at the end of styles.css hides it);
 * choosing a page folds it again.
 * @param {HTMLElement} header
 */
function setUpMenu(header) {
  const button = byId('menu-button');
  /** @param {boolean} open */
  const show = (open) => {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => show(!header.classList.contains('menu-open')));
  window.addEventListener('hashchange', () => show(false));
}

function setUpLanguage() {
  const button = byId('lang');
  /** The language the button switches to (it shows that one's code). */
  const other = /** @type {const} */ ({ nl: 'en', en: 'nl' });
  // The button shows the other language's code and says what it does in that language; its accessible name starts
  // with the visible code (WCAG 2.5.3, axe: label-content-name-mismatch), and lang= lets a screen reader switch voice.
  const label = () => {
    button.lang = other[lang()];
    button.replaceChildren(other[lang()].toUpperCase(), el('span', { class: 'visually-hidden', text: ` – ${t('lang.switch')}` }));
    translatePage();
  };
  button.addEventListener('click', () => {
    setLang(other[lang()]);
    label();
    window.dispatchEvent(new CustomEvent('leefkracht:lang'));
    reload();
  });
  setLang(lang());
  label();
}

/** @typedef {import('./contracts.js').AreaHit} AreaHit */

function setUpSearch() {
  const input = /** @type {HTMLInputElement} */ (byId('search'));
  const list = byId('search-results');
  /** @type {AreaHit[]} */
  let items = [];
  let active = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  /** @param {AreaHit} area */
  const open = (area) => { close(); input.value = ''; navigate(`#/area/${area.code}`); };
  const render = () => {
    list.replaceChildren(...(items.length ? items : [null]).map((area, i) => {
      if (!area) return el('li', { role: 'option', text: t('search.none') });
      const li = el('li', {
        role: 'option', id: `search-option-${i}`, 'data-code': area.code, 'aria-selected': String(i === active),
        text: `${area.name} (${area.level}${area.gemeente ? ', ' + area.gemeente.name : ''})${area.alias ? ' · ' + t('search.foundAs', area.alias) : ''}`,
      });
      li.addEventListener('mousedown', (e) => { e.preventDefault(); open(area); });
      return li;
    }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    timer = setTimeout(async () => {
      const result = await get('/api/v1/areas', { q, limit: 10 });
      items = result.areas;
      active = -1;
      render();
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { active = Math.min(items.length - 1, active + 1); render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); e.preventDefault(); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  byId('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const choice = items[Math.max(active, 0)];
    if (choice) open(choice);
  });
}

/** "Who am I" in the header: account, party and role with a sign-out button, or a sign-in link. */
function setUpSession() {
  const box = byId('who');
  const accounts = /** @type {HTMLElement} */ (document.querySelector('nav a[data-route="accounts"]'));
  /** @param {import('./session.js').Account | null} me */
  const render = (me) => {
    accounts.hidden = me?.role !== 'admin';
    if (!me) {
      box.replaceChildren(el('a', { href: '#/signin', id: 'signin-link', text: t('wk.signIn') }));
      return;
    }
    const who = el('span', { id: 'whoami', title: `${t('wk.signedInAs')} ${me.userName}`, text: `${me.displayName} · ${me.party.name} · ${roleLabel(me.role)}` });
    const out = el('button', { type: 'button', id: 'signout', class: 'lang', text: t('wk.signOut') });
    out.addEventListener('click', async () => {
      await signOut();
      navigate('#/signin');
    });
    box.replaceChildren(who, out);
  };
  onSessionChange(render);
  window.addEventListener('leefkracht:lang', () => render(account()));
  render(account());
  loadSession();
}
