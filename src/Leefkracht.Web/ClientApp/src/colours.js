// Palettes with readable contrast on white; the livability scale runs red (1) to green (9) as the Leefbaarometer's.
export const livability = ['#a50026', '#d73027', '#f46d43', '#fdae61', '#fee08b', '#d9ef8b', '#a6d96a', '#66bd63', '#1a9850'];
export const change = ['#8e0152', '#c51b7d', '#de77ae', '#f1b6da', '#f7f7f7', '#b8e186', '#7fbc41', '#4d9221', '#276419'];
export const resilience = ['#b2182b', '#ef8a62', '#f7f7f7', '#67a9cf', '#2166ac'];
export const sequential = ['#f7fcfd', '#e0ecf4', '#bfd3e6', '#9ebcda', '#8c96c6', '#8c6bb1', '#88419d', '#810f7c', '#4d004b'];
/** @type {Record<string, string>} */
export const lisa = { HH: '#d7191c', LL: '#2c7bb6', HL: '#fdae61', LH: '#abd9e9', ns: '#e8e8e8', island: '#9e9e9e' };
export const none = '#cfcfcf';

/**
 * The fill colour of a class of a legend kind.
 * @param {string} kind
 * @param {string | number | null | undefined} key
 */
export function colourOf(kind, key, reversed = false) {
  if (key === null || key === undefined) return none;
  if (kind === 'lisa') return lisa[key] ?? none;
  const palette = kind === 'change' ? change : kind === 'resilience' ? resilience : kind === 'quantiles' ? sequential : livability;
  const index = Number(key) - 1;
  return palette[reversed ? palette.length - 1 - index : index] ?? none;
}

/**
 * Black or white text, whichever reads better on the colour.
 * @param {string} colour '#rrggbb'
 */
export function textOn(colour) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.5 ? '#111' : '#fff';
}
