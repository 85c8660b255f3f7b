import { t } from '../../i18n.js';

// The scenario being built is a scenario document (docs/planner.md#scenario-files) from the start, so saving,
// downloading, uploading and running all use one shape; the server checks it and names bad fields by JSON path.
// The draft and the saved scenarios are kept in the browser (localStorage).

/**
 * @typedef {object} StockChange build, demolish, convert or sell dwellings of a segment
 * @property {'build' | 'demolish' | 'convert' | 'sell'} action
 * @property {string} segment
 * @property {string} [to] the segment a conversion makes
 * @property {number} dwellings
 * @property {number} year
 * @property {number} [overYears]
 * @property {string[]} [buurten]
 * @property {number} [weakest]
 */

/**
 * @typedef {object} Placement households of a target group placed each year
 * @property {string} group
 * @property {number} perYear
 * @property {string} allocation
 * @property {number} [from]
 * @property {number} [to]
 * @property {string[]} [buurten]
 * @property {number} [weakest]
 */

/**
 * @typedef {object} ScenarioDocument
 * @property {string} name
 * @property {number} baseYear
 * @property {number} [years]
 * @property {{ gemeenten?: string[], buurten?: string[] }} area
 * @property {StockChange[]} [stock]
 * @property {Placement[]} [placements]
 * @property {{ maxPlacementShare: number, excludeAboveShare?: number }} [rules]
 * @property {Parameters} [parameters] only the model assumptions that differ from the defaults
 */

/** @typedef {Record<string, number | Record<string, number>>} Parameters the model's assumptions (docs/planner.md#parameters) */

export const segments = ['socialRent', 'midRent', 'privateRent', 'ownerOccupied'];
export const groups = ['statushouder', 'ggz', 'shelter'];

const draftKey = 'leefkracht.planner.draft';
const savedKey = 'leefkracht.planner.scenarios';

/**
 * @param {string} key
 * @param {any} fallback
 */
function readJson(key, fallback) {
  try { return JSON.parse(localStorage.getItem(key) ?? 'null') ?? fallback; } catch { return fallback; }
}

/** @returns {ScenarioDocument | null} the scenario the user was building, as the browser kept it */
export const draft = () => readJson(draftKey, null);

/** @param {ScenarioDocument} doc */
export const keepDraft = (doc) => localStorage.setItem(draftKey, JSON.stringify(doc));

/** @returns {ScenarioDocument[]} */
export const savedScenarios = () => readJson(savedKey, []);

/** @param {ScenarioDocument[]} list */
export const storeSaved = (list) => localStorage.setItem(savedKey, JSON.stringify(list));

/**
 * A short description of an intervention in words.
 * @param {StockChange | Placement} item
 * @param {Map<string, string>} names buurt names by code
 */
export function describe(item, names) {
  const where = item.buurten?.length ? item.buurten.map((c) => names.get(c) ?? c).join(', ') : item.weakest ? t('planner.weakestN', item.weakest) : t('planner.wholeArea');
  if ('action' in item && item.action) {
    const target = item.action === 'convert' ? ` → ${t('segment.' + item.to)}` : '';
    const years = (item.overYears ?? 1) > 1 ? `${item.year}–${item.year + (item.overYears ?? 1) - 1}` : `${item.year}`;
    return `${t('action.' + item.action)}: ${item.dwellings} ${t('segment.' + item.segment)}${target} · ${years} · ${where}`;
  }
  const placement = /** @type {Placement} */ (item);
  const period = `${placement.from ?? ''}–${placement.to ?? ''}`;
  return `${t('planner.placements')}: ${placement.perYear} ${t('group.' + placement.group)} ${t('planner.perYear')} · ${t('allocation.' + placement.allocation)} · ${period} · ${where}`;
}
