import { app, Notification, type BrowserWindow } from 'electron';
import elCommon from '../../shared/i18n/locales/el/common.json';
import el from '../../shared/i18n/locales/el/notifications.json';
import enCommon from '../../shared/i18n/locales/en/common.json';
import en from '../../shared/i18n/locales/en/notifications.json';
import plCommon from '../../shared/i18n/locales/pl/common.json';
import pl from '../../shared/i18n/locales/pl/notifications.json';
import type { NoticeKind } from '../../shared/domain/preferences';
import type { Engine } from '../engine/createEngine';

type Texts = typeof en & { channel: (typeof enCommon)['channel'] };
const TEXTS: Record<string, Texts> = {
  en: { ...en, channel: enCommon.channel },
  pl: { ...pl, channel: plCommon.channel },
  el: { ...el, channel: elCommon.channel },
};

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/**
 * OS notifications for what must not wait for the person to look at the window: a case assigned to them, a
 * red alert, and a message of theirs (or on their case) that could not be delivered. In the OS's language (the
 * page's chosen language lives in the page), with the same texts as the page's own notifications. Clicking one
 * brings the window forward. Returns the unsubscribe.
 */
export function showOsNotifications(engine: Engine, window: BrowserWindow): () => void {
  if (!Notification.isSupported()) return () => {};
  const texts = TEXTS[app.getLocale().slice(0, 2)] ?? en;
  /**
   * Per kind, as the person chose (their settings live in their cache, behind the engine). Only while the window
   * is not in front: there the page's own notice says it, and leaves out the case already open.
   */
  const show = (kind: NoticeKind, title: string, body: string) =>
    void engine.call('notifications.settings', {}).then((settings) => {
      if (window.isDestroyed() || window.isFocused()) return;
      if (settings.ok && !settings.value[kind].os) return;
      raise(title, body);
    });
  const raise = (title: string, body: string) => {
    const notification = new Notification({ title, body });
    notification.on('click', () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    notification.show();
  };
  return engine.subscribe((event) => {
    if (event.name === 'assignment.new') {
      const name = event.payload.customerName ?? texts.unknownCustomer;
      show('assignment', texts.assignment.title, fill(texts.assignment.body, { name }));
    } else if (event.name === 'alert.red') {
      const { alert, customerName } = event.payload;
      const name = customerName ?? texts.unknownCustomer;
      const body = alert.score === null ? texts.alert[alert.reason] : texts.alert.score;
      show('alert', texts.alert.title, fill(body, { name, score: alert.score ?? '' }));
    } else if (event.name === 'delivery.failed') {
      const { failure, customerName } = event.payload;
      const name = customerName ?? texts.unknownCustomer;
      show('delivery', texts.delivery.title, fill(texts.delivery.body, { name, channel: texts.channel[failure.channel], error: failure.error }));
    } else if (event.name === 'mention.new') {
      const { authorName, caseSubject } = event.payload;
      show('mention', texts.mention.title, fill(texts.mention.body, { name: authorName, subject: caseSubject }));
    }
  });
}
