// Small DOM helpers every page uses: elements with attributes and children, labelled controls, text escaped for
// HTML (Leaflet tooltips take HTML), and the live region that tells screen readers what changed.

/**
 * @typedef {Record<string, string | number | null | undefined>} Attributes `text` sets the text (null and undefined:
 * none), every other key an attribute
 */
/** @typedef {Node | string | null | undefined} Child null and undefined are left out */

/**
 * An element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v === null || v === undefined ? '' : String(v);
    else e.setAttribute(k, String(v));
  }
  e.append(.../** @type {(Node | string)[]} */ (children.filter((c) => c !== null && c !== undefined)));
  return e;
}

/**
 * A control with its label above it (the control gets the id the label points to).
 * @param {string} id
 * @param {string} label
 * @param {HTMLElement} control
 */
export function labelled(id, label, control) {
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
}

/**
 * Fills a select with [value, text] options and selects `value` when it is one of them.
 * @param {HTMLSelectElement} select
 * @param {[string | number, string | number][]} pairs
 * @param {string | number} [value]
 */
export function options(select, pairs, value) {
  select.replaceChildren(...pairs.map(([v, text]) => el('option', { value: String(v), text })));
  if (value !== undefined && pairs.some(([v]) => String(v) === String(value))) select.value = String(value);
  return select;
}

/**
 * @param {string | number} value
 * @param {number} min
 * @param {number} max
 */
export const numberInput = (value, min, max, step = 1) => el('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step) });

/** @param {unknown} text */
export function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * Says a change to screen readers (the polite live region under the page).
 * @param {string} text
 */
export function announce(text) {
  /** @type {HTMLElement} */ (document.getElementById('status')).textContent = text;
}

/**
 * Lets a table reflow on a phone (styles.css, `table.reflow`): one card per row, every cell under its column's name,
 * instead of a table wider than the screen whose right-hand columns can only be reached by scrolling sideways (issue
 * 16). Each body cell gets its column's header as `data-label` (the grid of the header's columns, so cells after a
 * `rowspan` or `colspan` get the right one); the first cell of a row is the card's title and gets none. A row whose
 * first columns are still covered by a `rowspan` from above continues that card (`continued`). The table, its rows
 * and cells get their roles explicitly: a table drawn as blocks loses its table semantics in some browsers (Safari),
 * which would leave a screen-reader user on a phone without headers. Call it again after the rows are redrawn.
 * @template {HTMLTableElement} T
 * @param {T} table
 * @param {'cards' | 'matrix' | 'values'} [kind] `matrix`: many short values under short headers (years), laid out side by
 * side in each card; `values`: the same without a title cell (a row of values only, every cell labelled)
 * @returns {T}
 */
export function reflow(table, kind = 'cards') {
  table.classList.add('reflow', kind === 'values' ? 'matrix' : kind);
  table.setAttribute('role', 'table');
  const head = table.tHead?.rows[table.tHead.rows.length - 1];
  /** @type {string[]} */
  const labels = [];
  for (const section of [table.tHead, ...table.tBodies]) section?.setAttribute('role', 'rowgroup');
  for (const row of table.tHead?.rows ?? []) {
    row.setAttribute('role', 'row');
    for (const cell of row.cells) cell.setAttribute('role', 'columnheader');
  }
  for (const cell of head?.cells ?? []) labels.push(...Array(cell.colSpan).fill((cell.textContent ?? '').replace(/[▲▼]/g, '').trim()));
  /** @type {number[]} per column, the rows a cell above still covers */
  let covered = [];
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      row.setAttribute('role', 'row');
      const continued = covered.some((n) => n > 0);
      row.classList.toggle('continued', continued);
      let column = 0;
      [...row.cells].forEach((cell, i) => {
        while ((covered[column] ?? 0) > 0) column++;
        cell.setAttribute('role', cell.tagName === 'TH' ? 'rowheader' : 'cell');
        const label = i === 0 && !continued && kind !== 'values' ? '' : labels[column] ?? '';
        if (label) cell.dataset.label = label;
        else delete cell.dataset.label;
        for (let c = column; c < column + cell.colSpan; c++) covered[c] = cell.rowSpan;
        column += cell.colSpan;
      });
      covered = covered.map((n) => n - 1);
    }
  }
  return table;
}
