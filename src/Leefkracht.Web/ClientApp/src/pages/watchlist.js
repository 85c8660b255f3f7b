import { el, reflow } from '../dom.js';
import { get, getMeta, href } from '../http.js';
import { num, t } from '../i18n.js';

// The early-warning watchlist of a gemeente (#/watchlist?gemeente=&year=), sortable, with its reasons and downloads.

/** @type {import('../router.js').View} */
export async function show(main, params) {
  const meta = await getMeta();
  const year = params.get('year') ?? String(meta.defaultYear);
  const gemeente = params.get('gemeente') ?? 'GM0344';
  main.append(el('h1', { text: t('watchTitle') }), el('p', { text: t('watchHelp') }));
  /** @type {{ areas: import('../contracts.js').Area[] }} */
  const gemeenten = await get('/api/v1/areas', { level: 'gemeente', limit: 1000 });
  const chooser = el('select', { id: 'watch-gemeente' });
  chooser.append(el('option', { value: '', text: t('all') }));
  for (const g of gemeenten.areas) chooser.append(el('option', { value: g.code, text: g.name }));
  chooser.value = gemeente;
  chooser.addEventListener('change', () => { window.location.hash = `#/watchlist?gemeente=${chooser.value}&year=${year}`; });
  const csv = el('a', { class: 'button', id: 'watch-csv', download: '', href: href('/api/v1/exports/watchlist', { format: 'csv', year, gemeente }), text: t('download') });
  const xlsx = el('a', { class: 'button', download: '', href: href('/api/v1/exports/watchlist', { format: 'xlsx', year, gemeente }), text: t('downloadXlsx') });
  main.append(el('div', { class: 'inline-form' }, el('label', { for: 'watch-gemeente', text: t('filterGemeente') }), chooser, csv, xlsx));
  const status = el('p', { text: t('loading') });
  main.append(status);
  /** @type {import('../contracts.js').Watchlist} */
  const list = await get('/api/v1/watchlist', { year, gemeente });
  status.textContent = t('considered', list.entries.length, list.considered, list.from ?? '–', list.to);
  // What the risk means and how it did in the backtest, above the list: when it is no better than the lowest scores, the page says so.
  main.insertBefore(el('div', { id: 'watch-basis', class: 'caveat', role: 'note' },
    ...list.riskBasis.map((line) => el('p', { text: line }))), status);

  /** @type {[string, string, (e: import('../contracts.js').WatchEntry) => string | number | null][]} */
  const columns = [
    ['name', t('name'), (e) => e.name ?? e.code],
    ['gemeente', t('gemeente'), (e) => e.gemeente ?? ''],
    ['risk', list.riskLabel, (e) => e.risk],
    ['score', t('deviation'), (e) => e.score],
    ['class', t('klasse'), (e) => e.class],
    ['change', t('change'), (e) => e.change],
  ];
  /** @type {[string, number]} the column and the direction (1 ascending, -1 descending) */
  let sort = ['risk', -1];
  const table = el('table', { id: 'watchlist-table' });
  const render = () => {
    const [key, dir] = sort;
    const valueOf = (columns.find((c) => c[0] === key) ?? columns[2])[2];
    const rows = [...list.entries].sort((a, b) => {
      const [x, y] = [valueOf(a), valueOf(b)];
      return (typeof x === 'string' ? x.localeCompare(String(y)) : (x ?? -Infinity) - (/** @type {number | null} */ (y) ?? -Infinity)) * dir;
    });
    const head = el('tr', {}, ...columns.map(([k, label]) => el('th', { scope: 'col', 'aria-sort': k === key ? (dir > 0 ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', 'data-key': k, 'aria-label': `${t('sortBy')} ${label}`, text: label + (k === key ? (dir > 0 ? ' ▲' : ' ▼') : '') }))), el('th', { scope: 'col', text: t('reasons') }));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows.map((e) => el('tr', {},
      el('td', {}, el('a', { href: `#/area/${e.code}?year=${list.to}`, text: e.name ?? e.code })),
      el('td', { text: e.gemeente ?? '' }),
      el('td', { class: 'num', text: `${num(e.risk * 100, 1)} %` }),
      el('td', { class: 'num', text: num(e.score, 3, true) }),
      el('td', { text: e.class ? `${e.class} ${e.className}` : '–' }),
      el('td', { class: 'num', text: num(e.change, 3, true) }),
      el('td', { class: 'reasons', text: e.reasons.join('; ') })))));
    // On a phone each area is a card with its reasons in full (the most important column, which scrolled off-screen).
    reflow(table);
    table.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => {
      const column = b.dataset.key ?? '';
      sort = [column, sort[0] === column ? -sort[1] : -1];
      render();
      /** @type {HTMLButtonElement | null} */ (table.querySelector(`button[data-key="${column}"]`))?.focus();
    }));
  };
  render();
  main.append(table, el('p', { class: 'caveat', role: 'note', text: meta.caveat }));
}
