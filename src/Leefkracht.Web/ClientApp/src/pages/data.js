import { el } from '../dom.js';
import { get, getMeta, href } from '../http.js';
import { plain, t } from '../i18n.js';

// What the database holds and where it came from (#/data): every import with its provenance, and the exports.

/** @type {import('../router.js').View} */
export async function show(main) {
  /** @type {[import('../contracts.js').DataSummary, import('../contracts.js').Meta]} */
  const [summary, meta] = await Promise.all([get('/api/v1/imports'), getMeta()]);
  main.append(el('h1', { text: t('dataTitle') }),
    el('p', { text: `${plain(summary.imports)} ${t('imports').toLowerCase()} · ${plain(summary.areas)} ${t('areas')} · ${plain(summary.values)} ${t('values').toLowerCase()} · ${plain(summary.boundaries)} boundaries` }));
  const exports = el('ul', { class: 'facts' });
  for (const level of ['gemeente', 'wijk', 'buurt']) {
    exports.append(el('li', {}, `${level} ${meta.defaultYear}: `,
      el('a', { href: href('/api/v1/exports/scores', { format: 'csv', level, year: meta.defaultYear }), download: '', text: 'CSV' }), ' · ',
      el('a', { href: href('/api/v1/exports/scores', { format: 'xlsx', level, year: meta.defaultYear }), download: '', text: 'Excel' }), ' · ',
      el('a', { href: href('/api/v1/exports/scores', { format: 'geojson', level, year: meta.defaultYear }), download: '', text: 'GeoJSON' })));
  }
  main.append(el('h2', { text: t('exports') }), exports, el('h2', { text: t('imports') }));
  const table = el('table', { id: 'imports-table' },
    el('thead', {}, el('tr', {}, ...[t('file'), t('kind'), 'SHA-256', t('importedAt'), t('rows'), t('values')].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...summary.files.map((f) => el('tr', {},
      el('td', { text: f.file }), el('td', { text: `${f.kind} (${f.shape})` }), el('td', {}, el('code', { title: f.sha256, text: f.sha256.slice(0, 12) + '…' })),
      el('td', { text: new Date(f.importedAt).toLocaleString(document.documentElement.lang) }), el('td', { class: 'num', text: plain(f.rowsStored) }), el('td', { class: 'num', text: plain(f.valuesStored) })))));
  main.append(table, el('p', { class: 'small', text: 'Bron: CBS (CC BY 4.0), politie, RIVM, VNG, gemeenten; zie data/sample/ATTRIBUTION.md.' }));
}
