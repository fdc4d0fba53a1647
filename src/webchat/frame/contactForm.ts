/** "Leave your email or phone": contact details the hub matches to a known customer (`visitor:contact`). */
import { fill, h } from './dom';
import { field } from './forms';
import type { I18n } from './i18n';
import type { Notices } from './notices';

export function contactView(i18n: I18n, notices: Notices, save: (contact: { email?: string; phone?: string; name?: string }) => Promise<boolean>) {
  const summary = h('summary', {});
  const intro = h('p', { class: 'muted' });
  const email = field('email', { autocomplete: 'email' });
  const phone = field('tel', { autocomplete: 'tel' });
  const name = field('text', { autocomplete: 'name' });
  const button = h('button', { type: 'submit' });
  const form = h('form', {}, intro, email.element, phone.element, name.element, button);
  const element = h('details', { class: 'wc-contact' }, summary, form);

  i18n.bind((t) => {
    fill(summary, t.contact);
    fill(intro, t.contactIntro);
    fill(email.label, t.optional(t.email));
    fill(phone.label, t.optional(t.phone));
    fill(name.label, t.optional(t.name));
    fill(button, t.saveContact);
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const given = Object.fromEntries(
      (
        [
          ['email', email.input.value.trim()],
          ['phone', phone.input.value.trim()],
          ['name', name.input.value.trim()],
        ] as const
      ).filter(([, v]) => v !== ''),
    );
    if (Object.keys(given).length === 0) {
      email.input.focus();
      return;
    }
    void save(given).then((done) => {
      if (!done) return;
      element.open = false;
      notices.say((t) => t.contactSaved);
    });
  });

  return { element };
}
