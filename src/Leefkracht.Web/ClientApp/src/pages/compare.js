import { Chart } from '../charts.js';
import { el, reflow } from '../dom.js';
import { get, getMeta } from '../http.js';
import { num, t } from '../i18n.js';
import { navigate } from '../router.js';

// Two to four areas side by side (#/compare?codes=A,B&year=): deviation, class, dimensions, resilience, flags.

const palette = ['#2f4f6f', '#d95f02', '#7570b3', '#1b9e77'];

/** @type {import('../router.js').View} */
export async function show(main, params) {
  const meta = await getMeta();
  const codes = (params.get('codes') ?? '').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean).slice(0, 4);
  const year = params.get('year') ?? String(meta.defaultYear);
  main.append(el('h1', { text: t('compareTitle') }), el('p', { text: t('compareHelp') }));

  const form = el('form', { class: 'inline-form', id: 'compare-form' });
  const input = el('input', { id: 'compare-code', type: 'text', placeholder: 'BU03440111', 'aria-label': t('code') });
  form.append(el('label', { for: 'compare-code', text: t('code') }), input, el('button', { type: 'submit', text: t('add') }));
  // A name that fits more than one area is not guessed: the page lists them and asks which one.
  const choices = el('div', { id: 'compare-choices', 'aria-live': 'polite' });
  /** @param {string} code */
  const add = (code) => { if (code && !codes.includes(code) && codes.length < 4) navigate(`#/compare?codes=${[...codes, code].join(',')}&year=${year}`); };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = input.value.trim().toUpperCase();
    if (/^(GM|WK|BU)\d+$/.test(code)) { add(code); return; }
    /** @type {{ areas: import('../contracts.js').AreaHit[] }} */
    const found = await get('/api/v1/areas', { q: input.value.trim(), limit: 10 });
    if (found.areas.length === 1) { add(found.areas[0].code); return; }
    choices.replaceChildren(found.areas.length === 0 ? el('p', { text: t('search.none') }) : el('p', { text: t('search.which') }),
      el('ul', { class: 'choices' }, ...found.areas.map((area) => {
        const pick = el('button', { type: 'button', 'data-code': area.code, text: `${area.name} (${area.level}${area.gemeente ? ', ' + area.gemeente.name : ''})` });
        pick.addEventListener('click', () => add(area.code));
        return el('li', {}, pick);
      })));
  });
  main.append(form, choices);
  if (!codes.length) return;

  /** @type {(import('../contracts.js').Profile | { error: string, code: string })[]} */
  const profiles = await Promise.all(codes.map((code) => get(`/api/v1/areas/${code}`, { year }).catch((error) => ({ error: error.message, code }))));
  const ok = /** @type {import('../contracts.js').Profile[]} */ (profiles.filter((p) => !('error' in p)));
  for (const failed of profiles) if ('error' in failed) main.append(el('p', { class: 'error', role: 'alert', text: `${failed.code}: ${failed.error}` }));

  const table = el('table', { class: 'compare', id: 'compare-table' });
  const head = el('tr', {}, el('th', { scope: 'col', text: '' }), ...ok.map((p, i) => el('th', { scope: 'col' },
    el('a', { href: `#/area/${p.area.code}?year=${p.year}`, text: p.area.name }), ' ',
    el('button', { type: 'button', class: 'link', 'aria-label': `${t('remove')} ${p.area.name}`, text: '×', 'data-index': String(i) }))));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  /**
   * @param {string} label
   * @param {string[]} values
   */
  const row = (label, values) => body.append(el('tr', {}, el('th', { scope: 'row', text: label }), ...values.map((v) => el('td', { class: 'num', text: v }))));
  row(t('deviation'), ok.map((p) => num(p.score.deviation, 3, true)));
  row(t('klasse'), ok.map((p) => p.score.className ?? '–'));
  for (const d of meta.dimensions) row(d.name, ok.map((p) => num(p.dimensions.find((x) => x.id === d.id)?.contribution, 3, true)));
  row(t('resilience'), ok.map((p) => (p.resilience?.score !== null && p.resilience ? `${num(p.resilience.score, 2, true)} (${p.resilience.className})` : '–')));
  row(`${t('lbm.title')}`, ok.map((p) => (p.leefbaarometer ? `${num(p.leefbaarometer.score, 3)} (${p.leefbaarometer.className}, ${p.leefbaarometer.year})` : '–')));
  row(t('flags'), ok.map((p) => String(p.flags.length)));
  table.append(body);
  main.append(reflow(table));
  table.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => {
    const rest = ok.filter((_, i) => i !== Number(b.dataset.index)).map((p) => p.area.code);
    navigate(`#/compare?codes=${rest.join(',')}&year=${year}`);
  }));

  const canvas = el('canvas', { role: 'img', 'aria-label': t('compareTitle') });
  main.append(el('div', { class: 'chart' }, canvas));
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: meta.dimensions.map((d) => d.name),
      datasets: ok.map((p, i) => ({ label: p.area.name, data: meta.dimensions.map((d) => p.dimensions.find((x) => x.id === d.id)?.contribution ?? 0), backgroundColor: palette[i] })),
    },
    options: { maintainAspectRatio: false },
  });
  main.append(el('p', { class: 'caveat', role: 'note', text: meta.caveat }));
}
