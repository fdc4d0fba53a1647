/**
 * Whether anyone can answer: the expected wait while people are available, or "nobody is available" with a form
 * to leave a message and an email address (it waits in the queue and the answer goes out by email).
 */
import type { Availability } from '../../shared/protocol/webchat';
import type { WidgetTexts } from '../widgetTexts';
import { clientId, fill, h } from './dom';
import { field } from './forms';
import type { I18n } from './i18n';
import type { Notices } from './notices';

/** The banner's words for an availability. */
export function availabilityWords(a: Availability, t: WidgetTexts): string {
  if (a.waitMinutes === null) return t.nobody;
  return a.waitMinutes === 0 ? t.waitShort : t.waitAbout(a.waitMinutes);
}

export function availabilityView(i18n: I18n, notices: Notices, deps: { draft(): string; leave(req: { clientId: string; email: string; name?: string; text: string }): Promise<boolean> }) {
  const words = h('span', {});
  const open = h('button', { type: 'button', class: 'wc-link', hidden: true });
  const banner = h('p', { class: 'wc-banner', role: 'status' }, words, ' ', open);
  const email = field('email', { required: true, autocomplete: 'email' });
  const name = field('text', { autocomplete: 'name' });
  const text = field('textarea', { required: true });
  const intro = h('p', {});
  const sendButton = h('button', { type: 'submit' });
  const cancel = h('button', { type: 'button', class: 'secondary' });
  const form = h('form', { class: 'wc-leave', hidden: true }, intro, email.element, name.element, text.element, h('p', { class: 'wc-actions' }, sendButton, cancel));
  let current: Availability | null = null;
  let left: string | null = null;

  i18n.bind((t) => {
    fill(words, left ? t.leftMessage(left) : current ? availabilityWords(current, t) : '');
    fill(open, t.leaveMessage);
    fill(intro, t.leaveMessageIntro);
    fill(email.label, t.email);
    fill(name.label, t.optional(t.name));
    fill(text.label, t.message);
    fill(sendButton, t.sendLeftMessage);
    fill(cancel, t.cancel);
  });

  const showForm = (show: boolean) => {
    form.hidden = !show;
    if (show) {
      text.input.value ||= deps.draft();
      email.input.focus();
    } else open.focus();
  };
  open.addEventListener('click', () => showForm(true));
  cancel.addEventListener('click', () => showForm(false));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const address = email.input.value.trim();
    const ok = deps.leave({ clientId: clientId(), email: address, ...(name.input.value.trim() ? { name: name.input.value.trim() } : {}), text: text.input.value.trim() });
    void ok.then((done) => {
      if (!done) return;
      left = address;
      form.hidden = true;
      open.hidden = true;
      fill(words, i18n.t.leftMessage(address));
      notices.say(null);
    });
  });

  return {
    elements: [banner, form],
    set(a: Availability) {
      current = a;
      if (left) return;
      fill(words, availabilityWords(a, i18n.t));
      open.hidden = a.waitMinutes !== null;
      if (a.waitMinutes !== null) form.hidden = true;
    },
  };
}
