import { el, labelled, numberInput } from '../../dom.js';
import { t } from '../../i18n.js';
import { segments } from './scenario.js';

// The fold-out "Model assumptions" under the allocation rules: the model's assumptions (docs/planner.md#parameters)
// as the user reads them, shares in percent and the others as factors, with the defaults of GET /planner/context.
// Only the values that differ from the defaults go into the scenario document, so that a downloaded file shows what
// this scenario assumes differently.

/**
 * @typedef {object} Assumption
 * @property {string[]} path where the value sits in the document's `parameters`
 * @property {string} id
 * @property {() => string} label
 * @property {boolean} percent shown ×100
 * @property {number} min
 * @property {number} max
 * @property {number} step
 */

/** @type {Assumption[]} */
const assumptions = [
  ...segments.map((s) => ({ path: ['turnover', s], id: `param-turnover-${s}`, label: () => `${t('planner.turnover')}: ${t('segment.' + s)} (%)`, percent: true, min: 0, max: 100, step: 0.5 })),
  ...segments.map((s) => ({ path: ['relativeVulnerability', s], id: `param-vulnerability-${s}`, label: () => `${t('planner.relativeVulnerability')}: ${t('segment.' + s)}`, percent: false, min: 0, max: 10, step: 0.05 })),
  { path: ['midRentShareOfOtherRent'], id: 'param-midrent', label: () => `${t('planner.midRentShare')} (%)`, percent: true, min: 0, max: 100, step: 1 },
  { path: ['tippingShare'], id: 'param-tipping', label: () => `${t('planner.tippingShare')} (%)`, percent: true, min: 1, max: 99, step: 1 },
  { path: ['inflowFeedback'], id: 'param-feedback', label: () => t('planner.inflowFeedback'), percent: false, min: 0, max: 3, step: 0.1 },
];

/**
 * @param {import('./scenario.js').Parameters | undefined} object
 * @param {string[]} path
 * @returns {number | undefined}
 */
const valueAt = (object, path) => path.reduce((/** @type {any} */ o, key) => o?.[key], object);

/**
 * The fold-out: `show` fills it with a scenario's values over the defaults, `read` gives back what differs from them.
 */
export function assumptionsFoldOut() {
  const inputs = assumptions.map((f) => ({ ...f, input: numberInput('', f.min, f.max, f.step) }));
  const reset = el('button', { type: 'button', id: 'param-reset', text: t('planner.defaults') });
  const box = el('details', { class: 'model-parameters', id: 'planner-parameters' },
    el('summary', { text: t('planner.parameters') }), el('p', { class: 'small', text: t('planner.parametersHelp') }),
    el('div', { class: 'form-grid' }, ...inputs.map((f) => labelled(f.id, f.label(), f.input))), reset);
  /** @type {import('./scenario.js').Parameters | undefined} */
  let defaults;
  /**
   * @param {number | undefined} value
   * @param {Assumption} f
   */
  const shown = (value, f) => (value === undefined ? '' : String(Number((f.percent ? value * 100 : value).toFixed(6))));
  /**
   * @param {import('./scenario.js').Parameters | undefined} values the scenario's own values
   * @param {import('./scenario.js').Parameters | undefined} fallback the model's defaults
   */
  const show = (values, fallback) => {
    defaults = fallback;
    for (const f of inputs) f.input.value = shown(valueAt(values, f.path) ?? valueAt(defaults, f.path), f);
    box.open = box.open || inputs.some((f) => valueAt(values, f.path) !== undefined && valueAt(values, f.path) !== valueAt(defaults, f.path));
  };
  reset.addEventListener('click', () => show(undefined, defaults));
  /**
   * The parameters that differ from the defaults, in the document's shape; undefined when none does.
   * @param {import('./scenario.js').Parameters} fallback the model's defaults
   */
  const read = (fallback) => {
    /** @type {Record<string, any>} */
    const result = {};
    for (const f of inputs) {
      if (f.input.value === '') continue;
      const value = Number(f.input.value) / (f.percent ? 100 : 1);
      if (Math.abs(value - Number(valueAt(fallback, f.path))) < 1e-9) continue;
      if (f.path.length === 2) (result[f.path[0]] ??= {})[f.path[1]] = value;
      else result[f.path[0]] = value;
    }
    return Object.keys(result).length ? /** @type {import('./scenario.js').Parameters} */ (result) : undefined;
  };
  return { box, show, read };
}
