import { texts } from './texts.js';

// The user's language (Dutch by default, English on request, remembered in the browser), the words of texts.js in
// it, and numbers, dates and money written the way that language writes them.

/** @typedef {'nl' | 'en'} Language */

/** The locale each language formats numbers and dates in. */
const locales = { nl: 'nl-NL', en: 'en-GB' };

/** @type {Language} */
let language = localStorage.getItem('leefkracht.lang') === 'en' ? 'en' : 'nl';

export const lang = () => language;

/** @param {string} value 'en' for English, anything else for Dutch */
export function setLang(value) {
  language = value === 'en' ? 'en' : 'nl';
  localStorage.setItem('leefkracht.lang', language);
  document.documentElement.lang = language;
}

/**
 * The text of a key in the user's language, with {0}, {1}, … replaced by the arguments; an unknown key is shown as
 * itself (scripts/check-texts.mjs keeps the keys the code names literally in texts.js).
 * @param {string} key
 * @param {...(string | number)} args
 */
export function t(key, ...args) {
  const text = texts[key]?.[language] ?? key;
  return args.reduce((/** @type {string} */ s, a, i) => s.replace(`{${i}}`, String(a)), text);
}

const plainFormats = { nl: new Intl.NumberFormat(locales.nl, { maximumFractionDigits: 3 }), en: new Intl.NumberFormat(locales.en, { maximumFractionDigits: 3 }) };

/**
 * A number in the user's language with a fixed number of digits; signed numbers get a real minus sign.
 * @param {number | null | undefined} value
 */
export function num(value, digits = 3, signed = false) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const format = new Intl.NumberFormat(locales[language], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const text = format.format(Math.abs(value));
  if (value < 0) return '−' + text;
  return signed ? '+' + text : text;
}

/**
 * A number in the user's language with up to three digits.
 * @param {number | null | undefined} value
 */
export function plain(value) {
  return value === null || value === undefined ? '–' : plainFormats[language].format(value);
}

/**
 * A measured value rounded as a reader expects (68, not 68,009; 1.992, not 1.992,46): whole numbers from 10 up, one
 * decimal from 1, two below; with its unit when one is given (the API's unit names, "percent", "count", …).
 * @param {number | null | undefined} value
 * @param {string} [unit]
 */
export function measure(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const size = Math.abs(value);
  const digits = size >= 10 || Number.isInteger(value) ? 0 : size >= 1 ? 1 : 2;
  const format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits });
  const text = (value < 0 ? '−' : '') + format.format(size);
  if (!unit || unit === 'count' || unit === 'code') return text;
  return unit === 'percent' ? `${text} %` : `${text} ${t(`unit.${unit}`)}`;
}

/**
 * Years as ranges: 2009–2011, 2013, 2015–2016.
 * @param {number[]} years ascending
 */
export function yearRanges(years) {
  /** @type {string[]} */
  const parts = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    parts.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return parts.join(', ');
}

/**
 * A share (0–1) as a percentage in the user's language; signed differences are in percentage points.
 * @param {number | null | undefined} value
 */
export function pct(value, digits = 1, signed = false) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${num(100 * value, digits, signed)}${signed ? ' pp' : ' %'}`;
}

/**
 * A calendar date (yyyy-mm-dd…) as "3 mrt 2025" / "3 Mar 2025".
 * @param {string | null | undefined} value
 */
export function date(value) {
  if (!value) return '–';
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A moment as a date and a time of day in the browser's time zone.
 * @param {string | null | undefined} value
 */
export function time(value) {
  return value ? new Date(value).toLocaleString(locales[language], { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

/** @param {number} amount */
export function euro(amount) {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(amount);
}

/**
 * Applies the words to static elements marked with data-i18n attributes.
 * @param {ParentNode} root
 */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(/** @type {HTMLElement} */ (e).dataset.i18n ?? ''); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { /** @type {HTMLInputElement} */ (e).placeholder = t(/** @type {HTMLElement} */ (e).dataset.i18nPlaceholder ?? ''); });
  root.querySelectorAll('[data-i18n-aria]').forEach((e) => { e.setAttribute('aria-label', t(/** @type {HTMLElement} */ (e).dataset.i18nAria ?? '')); });
}
