import { el } from '../../dom.js';
import { ApiError } from '../../http.js';
import { t } from '../../i18n.js';
import { signIn } from '../../session.js';
import { field, messageArea, showError } from './forms.js';

// The sign-in page (#/signin?next=…): every failure gets the server's one uniform message, a 429 says to wait.

/** @type {import('../../router.js').View} */
export async function show(main, params) {
  const next = params.get('next') || '#/wijkaanpak';
  main.append(el('h1', { text: t('wk.signInTitle') }), el('p', { text: t('wk.signInHelp') }));
  const user = field(t('wk.userName'), { id: 'signin-user', type: 'text', autocomplete: 'username', required: '' });
  const password = field(t('wk.password'), { id: 'signin-password', type: 'password', autocomplete: 'current-password', required: '' });
  const area = messageArea();
  const form = el('form', { id: 'signin-form', class: 'card narrow' }, user, password, el('button', { type: 'submit', text: t('wk.signIn') }), area);
  main.append(form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await signIn(user.control.value.trim(), password.control.value);
      window.location.hash = next.startsWith('#/signin') ? '#/wijkaanpak' : next;
    } catch (error) {
      password.control.value = '';
      if (error instanceof ApiError && error.status === 429) area.replaceChildren(el('p', { class: 'problem', role: 'alert', text: t('wk.rateLimited') }));
      else if (error instanceof ApiError && error.status === 401) area.replaceChildren(el('p', { class: 'problem', role: 'alert', text: error.problem.detail }));
      else showError(area, error);
    }
  });
  user.control.focus();
}
