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
