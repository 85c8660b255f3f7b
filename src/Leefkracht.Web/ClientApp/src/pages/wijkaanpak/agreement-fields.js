import { el } from '../../dom.js';
import { t } from '../../i18n.js';
import { field, select } from './forms.js';
import { indicatorOptions } from './parts.js';

/**
 * The fields of an agreement (create and edit share them): what `body` sends, and the coalition's current members.
 * @param {import('../../contracts.js').Programme} programme
 * @param {import('../../contracts.js').Agreement} [agreement] the agreement being edited
 */
export async function agreementFields(programme, agreement) {
  const options = await indicatorOptions();
  const members = programme.coalition.filter((m) => m.active).map((m) => m.party);
  const title = field(t('wk.title'), { id: 'agreement-title', type: 'text', required: '', value: agreement?.title ?? '' });
  const deliverable = field(t('wk.deliverable'), { id: 'agreement-deliverable', rows: '2' }, 'textarea');
  deliverable.control.value = agreement?.deliverable ?? '';
  const deadline = field(t('wk.deadline'), { id: 'agreement-deadline', type: 'date', required: '', value: agreement?.deadline ?? '' });
  const counter = el('fieldset', { class: 'checks' }, el('legend', { text: t('wk.counterparties') }),
    ...members.filter((p) => p.id !== agreement?.ownerParty.id).map((p) => {
      const box = el('input', { type: 'checkbox', value: String(p.id), id: `counterparty-${p.id}` });
      box.checked = agreement?.counterparties.some((c) => c.id === p.id) ?? false;
      return el('label', { for: box.id }, box, ` ${p.name}`);
    }));
  const linked = agreement?.indicators[0];
  const indicator = select(t('wk.indicator'), options, { id: 'agreement-indicator' });
  indicator.control.value = linked?.indicator ?? '';
  const target = field(t('wk.target'), { id: 'agreement-target', type: 'number', step: 'any', value: linked?.target ?? '' });
  const body = () => ({
    title: title.control.value, deliverable: deliverable.control.value, deadline: deadline.control.value,
    counterpartyIds: [.../** @type {NodeListOf<HTMLInputElement>} */ (counter.querySelectorAll('input:checked'))].map((c) => Number(c.value)),
    indicators: [
      ...(indicator.control.value ? [{ indicator: indicator.control.value, target: target.control.value === '' ? null : Number(target.control.value) }] : []),
      ...(agreement?.indicators.slice(1) ?? []),
    ],
  });
  return { nodes: [el('div', { class: 'grid2' }, title, deadline), deliverable, counter, el('div', { class: 'inline-form' }, indicator, target)], body, members };
}
