/** Small labelled form fields of the frame (every field has a visible label, tied by id). */
import { h, uid } from './dom';

export function field(kind: 'email' | 'text' | 'tel' | 'textarea', { required = false, autocomplete = 'off' } = {}) {
  const id = uid('wc-field');
  const label = h('label', { for: id });
  const input =
    kind === 'textarea'
      ? h('textarea', { id, rows: '3', required })
      : h('input', { id, type: kind, required, autocomplete, ...(kind === 'email' ? { inputmode: 'email' } : {}) });
  return { label, input, element: h('p', { class: 'wc-field' }, label, input) };
}
