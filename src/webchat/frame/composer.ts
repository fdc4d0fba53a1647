/**
 * Where the visitor writes: the message box (Enter sends, Shift+Enter starts a new line), a photo to attach with
 * its preview, and the send button. Limits are checked before anything leaves (the refusal says why, the draft
 * stays); what to do with a message is the frame's (main.ts).
 */
import type { FrameConfig } from '../frameConfig';
import { fill, h, uid } from './dom';
import { photoProblem } from './files';
import type { I18n } from './i18n';
import type { Notices } from './notices';

export interface Draft {
  text: string;
  photo: File | null;
}

export function composerView(config: FrameConfig, i18n: I18n, notices: Notices, on: { input(text: string): void; submit(draft: Draft): void }) {
  const boxId = uid('wc-box');
  const label = h('label', { for: boxId, class: 'sr-only' });
  const box = h('textarea', { id: boxId, rows: '2', autocomplete: 'off' });
  const file = h('input', { type: 'file', accept: config.photoTypes.join(','), class: 'sr-only', tabindex: '-1' });
  const attach = h('button', { type: 'button', class: 'secondary wc-attach' });
  const preview = h('div', { class: 'wc-preview', hidden: true });
  const send = h('button', { type: 'submit' });
  const form = h('form', { class: 'wc-composer' }, label, box, preview, h('div', { class: 'wc-actions' }, attach, file, send));
  let photo: File | null = null;
  let photoUrl: string | null = null;

  function drawPreview(): void {
    if (photoUrl) URL.revokeObjectURL(photoUrl);
    photoUrl = photo ? URL.createObjectURL(photo) : null;
    preview.hidden = photo === null;
    if (!photo || !photoUrl) return fill(preview);
    const remove = h('button', { type: 'button', class: 'wc-link' }, i18n.t.removePhoto);
    remove.addEventListener('click', () => {
      photo = null;
      drawPreview();
      attach.focus();
    });
    fill(preview, h('img', { src: photoUrl, alt: i18n.t.photo(photo.name) }), h('span', {}, photo.name), remove);
  }

  i18n.bind((t) => {
    fill(label, t.messageLabel);
    box.placeholder = t.messagePlaceholder;
    fill(attach, t.attachPhoto);
    file.setAttribute('aria-label', t.attachPhoto);
    fill(send, t.send);
    drawPreview();
  });

  attach.addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const picked = file.files?.[0] ?? null;
    file.value = '';
    if (!picked) return;
    if (photoProblem(picked, config, i18n.t)) {
      notices.refuse((t) => photoProblem(picked, config, t) ?? '');
      return;
    }
    notices.refuse(null);
    photo = picked;
    drawPreview();
  });

  box.addEventListener('input', () => on.input(box.value));
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = box.value.trim();
    if (text === '' && !photo) return;
    if (text.length > config.maxText) {
      const length = text.length;
      notices.refuse((t) => t.tooLong(length, config.maxText));
      box.focus();
      return;
    }
    notices.refuse(null);
    on.submit({ text, photo });
  });

  return {
    element: form,
    get text() {
      return box.value;
    },
    clear() {
      box.value = '';
      photo = null;
      drawPreview();
    },
    /** Puts a message back to be sent again (a refusal that loses nothing). */
    restore(draft: Draft) {
      box.value = draft.text;
      photo = draft.photo;
      drawPreview();
    },
    focus: () => box.focus(),
    submit: () => form.requestSubmit(),
  };
}
