import { el, reflow } from '../dom.js';
import { get, getMeta, href } from '../http.js';
import { plain, t, yearRanges } from '../i18n.js';

// What the database holds and where it came from (#/data): the indicator catalogue (like StatLine's metadata: what an
// indicator measures, its unit, source with link, years, levels and coverage), the exports, and every import with its
// provenance.

/**
 * @typedef {{ level: string, withValue: number, areas: number, coverage: number }} LevelCoverage
 * @typedef {{ id: string, name: string, unit: string, theme: string, dimension: string | null, direction: string, source: string, sourceUrl: string | null, kwbCode: string | null, years: number[], levels: LevelCoverage[], definition: string | null }} CatalogueEntry
 */

/** @type {import('../router.js').View} */
export async function show(main) {
  /** @type {[import('../contracts.js').DataSummary, import('../contracts.js').Meta]} */
  /** @type {[import('../contracts.js').DataSummary, import('../contracts.js').Meta, { year: number, indicators: CatalogueEntry[] }]} */
  const [summary, meta, catalogue] = await Promise.all([get('/api/v1/imports'), getMeta(), get('/api/v1/indicators')]);
  main.append(el('h1', { text: t('dataTitle') }),
    el('p', { text: `${plain(summary.imports)} ${t('imports').toLowerCase()} · ${plain(summary.areas)} ${t('areas')} · ${plain(summary.values)} ${t('values').toLowerCase()} · ${plain(summary.boundaries)} ${t('data.boundaries')}` }));
  const exports = el('ul', { class: 'facts' });
  for (const level of ['gemeente', 'wijk', 'buurt']) {
    exports.append(el('li', {}, `${level} ${meta.defaultYear}: `,
      el('a', { href: href('/api/v1/exports/scores', { format: 'csv', level, year: meta.defaultYear }), download: '', text: 'CSV' }), ' · ',
      el('a', { href: href('/api/v1/exports/scores', { format: 'xlsx', level, year: meta.defaultYear }), download: '', text: 'Excel' }), ' · ',
      el('a', { href: href('/api/v1/exports/scores', { format: 'geojson', level, year: meta.defaultYear }), download: '', text: 'GeoJSON' })));
  }
  main.append(catalogueSection(catalogue.year, catalogue.indicators));
  main.append(el('h2', { text: t('exports') }), exports, el('h2', { text: t('catalogue.provenance') }));
  const table = reflow(el('table', { id: 'imports-table' },
    el('thead', {}, el('tr', {}, ...[t('file'), t('kind'), 'SHA-256', t('importedAt'), t('rows'), t('values')].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...summary.files.map((f) => el('tr', {},
      // A file name is a name, in no language (zxx): screen readers spell it rather than read it as Dutch.
      el('td', { lang: 'zxx', text: f.file }),
      // What the reader found the file to be, in the reader's language (worded by the server from stored codes).
      el('td', {}, t(`fileKind.${f.kind}`), el('br'), el('small', { class: 'import-shape', text: f.shape })),
      el('td', {}, el('code', { title: f.sha256, text: f.sha256.slice(0, 12) + '…' })),
      el('td', { text: new Date(f.importedAt).toLocaleString(document.documentElement.lang) }), el('td', { class: 'num', text: plain(f.rowsStored) }), el('td', { class: 'num', text: plain(f.valuesStored) }))))));
  main.append(table, el('p', { class: 'small', text: t('data.sources') }));
}

/**
 * The indicator catalogue with a filter by name: one row per indicator.
 * @param {number} year
 * @param {CatalogueEntry[]} entries
 */
function catalogueSection(year, entries) {
  const filter = el('input', { id: 'catalogue-filter', type: 'search', autocomplete: 'off' });
  const rows = entries.map((i) => {
    const facts = [
      t(`catalogue.${i.direction}`), t('catalogue.theme', i.theme), i.dimension ? t('catalogue.dimension', i.dimension) : null,
    ].filter(Boolean).join('; ');
    // The CBS variable is a code, not a word of any language (a_w_all): lang="zxx" says so to screen readers and the
    // page's words check.
    const [beforeCode, afterCode] = t('catalogue.kwb', '\u0000').split('\u0000');
    const kwb = i.kwbCode ? ['; ', beforeCode, el('code', { lang: 'zxx', text: i.kwbCode }), afterCode] : [];
    const row = el('tr', { 'data-id': i.id },
      el('th', { scope: 'row' }, el('span', { text: i.name }), el('br'), el('code', { class: 'small', lang: 'zxx', text: i.id })),
      el('td', { class: 'definition' }, i.definition ?? '', el('br'), el('span', { class: 'small muted' }, facts, ...kwb)),
      el('td', { text: t(`unit.${i.unit}`) }),
      // A publisher's name is a name in every language: translate="no" says so (and the page's words check skips it).
      el('td', { translate: 'no' }, i.sourceUrl ? el('a', { href: i.sourceUrl, rel: 'noopener', target: '_blank', text: i.source }) : i.source),
      el('td', { text: yearRanges(i.years) }),
      el('td', { text: i.levels.map((l) => `${l.level} ${Math.round(l.coverage * 100)} % (${plain(l.withValue)}/${plain(l.areas)})`).join(', ') || '–' }));
    return { row, text: `${i.name} ${i.id} ${i.theme} ${i.definition ?? ''}`.toLowerCase() };
  });
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const { row, text } of rows) row.hidden = q !== '' && !text.includes(q);
  });
  return el('section', { id: 'catalogue', 'aria-labelledby': 'catalogue-title' },
    el('h2', { id: 'catalogue-title', text: `${t('catalogue.title')} (${entries.length})` }),
    el('p', { class: 'small', text: t('catalogue.help') }),
    el('div', { class: 'field' }, el('label', { for: 'catalogue-filter', text: t('catalogue.filter') }), filter),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('catalogue.title') },
      reflow(el('table', { id: 'catalogue-table' },
        el('thead', {}, el('tr', {}, ...[t('indicator'), t('catalogue.definition'), t('unit'), t('catalogue.source'), t('catalogue.years'), t('catalogue.levels', year)].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, ...rows.map((r) => r.row))))));
}
