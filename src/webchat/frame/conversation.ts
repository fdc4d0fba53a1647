/**
 * The conversation as the visitor sees it: their messages and the shop's, in order, each with who wrote it, when,
 * its photos and (for the visitor's own) its state in an icon and words. New messages are announced politely
 * (`role="log"`); a message being sent shows at once and becomes the hub's once it answers; one that failed keeps
 * its text and offers to send it again.
 */
import type { AttachmentRef } from '../../shared/domain/attachment';
import type { VisitorMessage } from '../../shared/protocol/webchat';
import type { ShownStatus } from '../widgetTexts';
import { fill, h } from './dom';
import type { I18n } from './i18n';
import { laterStatus, statusView } from './messageStatus';

/** A message of the list: the hub's, or the visitor's own still on its way (keyed by its client id). */
export interface Shown {
  key: string;
  from: VisitorMessage['from'];
  text: string;
  at: number;
  agentName: string | null;
  attachments: AttachmentRef[];
  status: ShownStatus;
  /** The hub's id once it has the message. */
  id: string | null;
}

export interface ConversationView {
  readonly element: HTMLOListElement;
  /** The hub's messages (history or live), each once; the newest cursor is kept to resume from. */
  add(messages: VisitorMessage[]): void;
  /** The visitor's message as it leaves. */
  sending(key: string, text: string, attachments: AttachmentRef[]): void;
  sent(key: string, message: VisitorMessage): void;
  failed(key: string): void;
  status(id: string, status: VisitorMessage['status']): void;
  readonly cursor: string | null;
  /** The newest of the shop's messages the visitor has not yet told the hub they read. */
  unreadFromShop(): string | null;
  hasVisitorMessages(): boolean;
}

export function conversationView(i18n: I18n, deps: { photo(sha256: string): Promise<string | null>; retry(key: string): void; changed(): void }): ConversationView {
  const element = h('ol', { class: 'wc-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const shown = new Map<string, Shown>();
  const items = new Map<string, HTMLLIElement>();
  /** The key of each message the hub has named (a sent one keeps its client id as key). */
  const keyOfId = new Map<string, string>();
  let cursor: string | null = null;
  let readUpTo: string | null = null;

  const time = (at: number) => new Intl.DateTimeFormat(i18n.lang, { hour: '2-digit', minute: '2-digit' }).format(at);

  function photos(attachments: AttachmentRef[]): HTMLElement | null {
    if (attachments.length === 0) return null;
    const list = h('div', { class: 'wc-photos' });
    for (const a of attachments) {
      const img = h('img', { alt: i18n.t.photo(a.name), class: 'wc-photo' });
      list.append(img);
      void deps.photo(a.sha256).then((url) => url && img.setAttribute('src', url));
    }
    return list;
  }

  function render(m: Shown): HTMLLIElement {
    const t = i18n.t;
    const who = m.from === 'visitor' ? t.you : (m.agentName ?? t.shop);
    const meta = h('p', { class: 'wc-meta' }, h('time', { datetime: new Date(m.at).toISOString() }, time(m.at)));
    if (m.from === 'visitor') {
      const s = statusView(m.status, t);
      meta.append(' ', h('span', { class: s.className }, h('span', { 'aria-hidden': 'true' }, s.icon), ` ${s.words}`));
      if (m.status === 'failed') {
        const retry = h('button', { type: 'button', class: 'wc-link' }, t.retry);
        retry.addEventListener('click', () => deps.retry(m.key));
        meta.append(' ', retry);
      }
    }
    return h('li', { class: `wc-msg wc-from-${m.from}` }, h('p', { class: 'wc-who' }, who), m.text ? h('p', { class: 'wc-text' }, m.text) : null, photos(m.attachments), meta);
  }

  /** Puts a message in its place (by time, then arrival) or redraws it where it is. */
  function put(m: Shown): void {
    shown.set(m.key, m);
    if (m.id !== null) keyOfId.set(m.id, m.key);
    const item = render(m);
    const old = items.get(m.key);
    items.set(m.key, item);
    if (old) {
      old.replaceWith(item);
      return;
    }
    const after = [...shown.values()].filter((o) => o.key !== m.key && o.at > m.at).sort((a, b) => a.at - b.at)[0];
    const before = after ? items.get(after.key) : undefined;
    if (before) element.insertBefore(item, before);
    else element.append(item);
  }

  const fromHub = (m: VisitorMessage, key = m.id): Shown => ({ key, from: m.from, text: m.text, at: m.at, agentName: m.agentName, attachments: m.attachments, status: m.status, id: m.id });

  i18n.bind((t) => {
    element.setAttribute('aria-label', t.conversation);
    for (const m of shown.values()) put(m);
  });

  return {
    element,
    add(messages) {
      for (const m of messages) {
        const known = shown.get(keyOfId.get(m.id) ?? m.id);
        put(known ? { ...known, status: laterStatus(known.status, m.status) } : fromHub(m));
        cursor = m.cursor;
      }
      if (messages.length > 0) deps.changed();
    },
    sending(key, text, attachments) {
      put({ key, from: 'visitor', text, at: Date.now(), agentName: null, attachments, status: 'sending', id: null });
      deps.changed();
    },
    sent(key, message) {
      const pending = shown.get(key);
      if (!pending) return;
      // The same message may have come back already (history after a reconnect): shown once, where it was sent.
      const earlier = keyOfId.get(message.id);
      if (earlier !== undefined && earlier !== key) {
        shown.delete(earlier);
        items.get(earlier)?.remove();
        items.delete(earlier);
      }
      // Keyed by the client id still: the hub's id joins the message, its place stays.
      put({ ...fromHub(message, key), at: pending.at });
    },
    failed(key) {
      const pending = shown.get(key);
      if (pending) put({ ...pending, status: 'failed' });
    },
    status(id, status) {
      const key = keyOfId.get(id);
      const m = key === undefined ? undefined : shown.get(key);
      if (m) put({ ...m, status: laterStatus(m.status, status) });
    },
    get cursor() {
      return cursor;
    },
    unreadFromShop() {
      const last = [...shown.values()].filter((m) => m.from === 'agent' && m.id !== null).pop();
      if (!last || last.id === readUpTo || last.status === 'read') return null;
      readUpTo = last.id;
      return last.id;
    },
    hasVisitorMessages: () => [...shown.values()].some((m) => m.from === 'visitor'),
  };
}

/** The line under the header: who is handling the conversation, or a greeting until someone does. */
export function agentLine(i18n: I18n, customerName: () => string | null) {
  const element = h('p', { class: 'wc-agent' });
  let agent: string | null = null;
  const word = () => fill(element, agent ? i18n.t.chattingWith(agent) : i18n.t.greeting(customerName()));
  i18n.bind(word);
  return {
    element,
    set(name: string | null) {
      agent = name;
      word();
    },
    refresh: word,
  };
}
