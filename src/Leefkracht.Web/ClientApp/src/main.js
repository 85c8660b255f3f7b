import './styles.css';
import { get } from './api.js';
import { lang, setLang, t, translatePage } from './i18n.js';
import { showMap } from './map.js';
import { showProfile } from './profile.js';
import { showCompare } from './compare.js';
import { showWatchlist } from './watchlist.js';
import { showData } from './data.js';
import { showPlanner } from './planner.js';
import { showAgreement, showProgramme, showProgrammes, showSignIn, signedIn } from './wijkaanpak.js';
import { showAccountability, showAudit, showInitiatives } from './accountability.js';
import { showAccounts } from './accounts.js';
import { account, loadSession, onSessionChange, signOut } from './session.js';
import { roleLabel } from './forms.js';

const main = document.getElementById('main');

/**
 * Hash routes: #/map?…, #/area/CODE?year=…, #/compare?codes=A,B, #/watchlist?gemeente=…, #/planner?gemeente=…, #/data; the
 * wijkaanpak: #/signin?next=…, #/wijkaanpak, #/programme/ID, #/agreement/ID, #/initiatives/ID, #/accountability/ID, #/audit/ID, #/accounts.
 */
function route() {
  const hash = window.location.hash.replace(/^#\/?/, '') || 'map';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query ?? '');
  const [page, arg] = path.split('/');
  const section = { programme: 'wijkaanpak', agreement: 'wijkaanpak', initiatives: 'wijkaanpak', accountability: 'wijkaanpak', audit: 'wijkaanpak' }[page] ?? page;
  document.querySelectorAll('nav a[data-route]').forEach((a) => {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  main.replaceChildren();
  const views = {
    map: showMap, area: showProfile, compare: showCompare, watchlist: showWatchlist, planner: showPlanner, data: showData, signin: showSignIn,
    wijkaanpak: signedIn(showProgrammes), programme: signedIn(showProgramme), agreement: signedIn(showAgreement), initiatives: signedIn(showInitiatives),
    accountability: signedIn(showAccountability), audit: signedIn(showAudit), accounts: signedIn(showAccounts),
  };
  const view = views[page] ?? showMap;
  view(main, params, arg).catch((error) => {
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = `${t('error')}: ${error.message}`;
    main.append(p);
  });
}

export function navigate(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

export function announce(text) {
  document.getElementById('status').textContent = text;
}

function setupLanguage() {
  const button = document.getElementById('lang');
  const label = () => {
    button.textContent = lang() === 'en' ? 'NL' : 'EN';
    button.setAttribute('aria-label', t('lang.switch'));
    translatePage();
  };
  button.addEventListener('click', () => {
    setLang(lang() === 'en' ? 'nl' : 'en');
    label();
    window.dispatchEvent(new CustomEvent('leefkracht:lang'));
    route();
  });
  setLang(lang());
  label();
}

function setupSearch() {
  const input = document.getElementById('search');
  const list = document.getElementById('search-results');
  let items = [];
  let active = -1;
  let timer;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const open = (area) => { close(); input.value = ''; navigate(`#/area/${area.code}`); };
  const render = () => {
    list.replaceChildren(...(items.length ? items : [null]).map((area, i) => {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      if (!area) { li.textContent = t('search.none'); return li; }
      li.id = `search-option-${i}`;
      li.textContent = `${area.name} (${area.level}${area.gemeente ? ', ' + area.gemeente.name : ''})`;
      li.dataset.code = area.code;
      li.setAttribute('aria-selected', String(i === active));
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
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const choice = items[Math.max(active, 0)];
    if (choice) open(choice);
  });
}

/** "Who am I" in the header: account, party and role with a sign-out button, or a sign-in link. */
function setupSession() {
  const box = document.getElementById('who');
  const accounts = document.querySelector('nav a[data-route="accounts"]');
  const render = (me) => {
    accounts.hidden = me?.role !== 'admin';
    if (!me) {
      const link = document.createElement('a');
      link.href = '#/signin';
      link.id = 'signin-link';
      link.textContent = t('wk.signIn');
      box.replaceChildren(link);
      return;
    }
    const who = document.createElement('span');
    who.id = 'whoami';
    who.textContent = `${me.displayName} · ${me.party.name} · ${roleLabel(me.role)}`;
    who.title = `${t('wk.signedInAs')} ${me.userName}`;
    const out = document.createElement('button');
    out.type = 'button';
    out.id = 'signout';
    out.className = 'lang';
    out.textContent = t('wk.signOut');
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

// The header wraps to a second line when the session box does not fit; the map page fills what is left under it.
const header = document.querySelector('header.top');
new ResizeObserver(() => document.documentElement.style.setProperty('--top', `${header.offsetHeight}px`)).observe(header);

setupLanguage();
setupSearch();
setupSession();
window.addEventListener('hashchange', route);
route();
