import { el, labelled, numberInput, reflow } from '../../dom.js';
import { post } from '../../http.js';
import { pct, plain, t } from '../../i18n.js';

// The optimiser: one year's placements over the gemeente's buurten, the naive plan (where the vacancies are) against
// the spread with the lowest possible highest concentration (POST /planner/optimise), with the reasoning in words.

/**
 * Draws the optimiser's form into `box`; it plans for the page's gemeente and base year at the time of the click.
 * @param {HTMLElement} box
 * @param {() => { gemeente: string, year: number, names: Map<string, string> }} current
 */
export function renderOptimiser(box, current) {
  const placements = numberInput(150, 1, 10000);
  const cap = numberInput(0.5, 0.05, 1, 0.05);
  const run = el('button', { type: 'button', id: 'opt-run', text: t('planner.optimise') });
  const output = el('div', { id: 'planner-optimisation' });
  box.replaceChildren(el('h2', { id: 'planner-opt-title', text: t('planner.optimiser') }), el('p', { class: 'small', text: t('planner.optimiserHelp') }),
    el('div', { class: 'inline-form' }, labelled('opt-placements', t('planner.optPlacements'), placements), labelled('opt-cap', t('planner.cap'), cap), run), output);
  run.addEventListener('click', async () => {
    output.replaceChildren(el('p', { text: t('loading') }));
    const { gemeente, year } = current();
    try {
      const result = await post('/api/v1/planner/optimise', { gemeente, placements: Number(placements.value), cap: Number(cap.value), year });
      renderOptimisation(output, result, current().names);
    } catch (e) {
      output.replaceChildren(el('p', { class: 'error', role: 'alert', text: `${t('error')}: ${e instanceof Error ? e.message : String(e)}` }));
    }
  });
}

/**
 * The optimiser's plan against the naive one, with its reasoning and the buurten either plan uses.
 * @param {HTMLElement} box
 * @param {import('../../contracts.js').Optimisation} result
 * @param {Map<string, string>} names buurt names by code
 */
function renderOptimisation(box, result, names) {
  const rows = result.rows.filter((r) => r.naive + r.optimised > 0).sort((a, b) => b.naive + b.optimised - (a.naive + a.optimised));
  box.replaceChildren(
    el('p', { class: 'whatif small', role: 'note', text: result.label }),
    el('ul', { class: 'facts', id: 'planner-opt-summary' },
      el('li', {}, el('strong', { text: `${t('planner.naive')}: ` }), t('planner.worstPlaced', pct(result.naive.worstPlacedShare), result.naive.placed)),
      el('li', {}, el('strong', { text: `${t('planner.optimisedPlan')}: ` }), t('planner.worstPlaced', pct(result.optimised.worstPlacedShare), result.optimised.placed))),
    el('ul', { class: 'small' }, ...result.explanation.map((line) => el('li', { text: line }))),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${result.year}: ${t('planner.optCaption')}` }, reflow(el('table', { id: 'planner-opt-table' },
      el('caption', { text: `${result.year}: ${t('planner.optCaption')}` }),
      el('thead', {}, el('tr', {}, ...['name', 'planner.vacancies', 'planner.capacity', 'planner.shareNow', 'planner.naiveShort', 'planner.optimisedPlan', 'planner.reason'].map((h, i) => el('th', { scope: 'col', class: i && i < 6 ? 'num' : '', text: t(h) })))),
      el('tbody', {}, ...rows.map((r) => el('tr', {},
        el('th', { scope: 'row', text: r.name ?? names.get(r.code) ?? r.code }),
        el('td', { class: 'num', text: plain(Math.round(r.vacancies)) }),
        el('td', { class: 'num', text: String(r.capacity) }),
        el('td', { class: 'num', text: pct(r.shareBefore) }),
        el('td', { class: 'num', text: `${r.naive} → ${pct(r.naiveShareAfter)}` }),
        el('td', { class: 'num', text: `${r.optimised} → ${pct(r.optimisedShareAfter)}` }),
        el('td', { text: t('reason.' + r.reason) }))))))));
}
