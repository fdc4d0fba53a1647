/**
 * What the frame tells the visitor outside the conversation: refusals as an alert (read out at once, kept until
 * the next thing they do), and confirmations and the connection's state as a polite status.
 */
import type { WidgetTexts } from '../widgetTexts';
import { fill, h } from './dom';
import type { I18n } from './i18n';

export type Words = (t: WidgetTexts) => string;

export function noticesView(i18n: I18n) {
  const alert = h('p', { class: 'wc-alert error', role: 'alert' });
  const status = h('p', { class: 'wc-status-line', role: 'status' });
  let alertWords: Words | null = null;
  let statusWords: Words | null = null;
  i18n.bind((t) => {
    fill(alert, alertWords?.(t) ?? '');
    fill(status, statusWords?.(t) ?? '');
  });
  return {
    alert,
    status,
    refuse(words: Words | null) {
      alertWords = words;
      fill(alert, words?.(i18n.t) ?? '');
    },
    say(words: Words | null) {
      statusWords = words;
      fill(status, words?.(i18n.t) ?? '');
    },
  };
}
export type Notices = ReturnType<typeof noticesView>;
