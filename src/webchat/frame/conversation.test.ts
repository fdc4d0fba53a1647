// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { VisitorMessage } from '../../shared/protocol/webchat';
import { conversationView } from './conversation';
import { createI18n } from './i18n';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const message = (over: Partial<VisitorMessage>): VisitorMessage => ({
  id: 'm1',
  from: 'agent',
  text: 'Hello',
  at: Date.UTC(2026, 11, 3, 10, 0),
  agentName: 'Anna',
  attachments: [],
  status: 'delivered',
  cursor: 'c1',
  ...over,
});

function view() {
  const i18n = createI18n('en');
  const log = conversationView(i18n, { photo: async () => null, retry: () => {}, changed: () => {} });
  document.body.replaceChildren(log.element);
  return { i18n, log };
}

describe('the conversation', () => {
  // The language a visitor picks is kept in the frame's storage: each test starts without one.
  beforeEach(() => localStorage.clear());

  it('shows what anyone wrote as text, never as markup', () => {
    const { log } = view();
    log.add([message({ text: HOSTILE, agentName: `Anna ${HOSTILE}` })]);
    const item = log.element.querySelector('li')!;
    expect(item.querySelector('.wc-text')!.textContent).toBe(HOSTILE);
    expect(item.querySelector('.wc-who')!.textContent).toBe(`Anna ${HOSTILE}`);
    expect(log.element.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('shows each message once, in order, resuming from the newest cursor', () => {
    const { log } = view();
    log.add([message({ id: 'm2', at: 2000, cursor: 'c2', text: 'second' }), message({ id: 'm1', at: 1000, cursor: 'c1', text: 'first' })]);
    log.add([message({ id: 'm2', at: 2000, cursor: 'c2', text: 'second' })]);
    expect([...log.element.querySelectorAll('.wc-text')].map((p) => p.textContent)).toEqual(['first', 'second']);
    expect(log.cursor).toBe('c2');
  });

  it("follows the visitor's own message from sending to read, once, in words the visitor's language has", () => {
    const { i18n, log } = view();
    log.sending('k1', 'Where is my parcel?', []);
    expect(log.element.textContent).toContain('Sending…');
    log.sent('k1', message({ id: 'm9', from: 'visitor', agentName: null, text: 'Where is my parcel?', status: 'sent' }));
    log.add([message({ id: 'm9', from: 'visitor', agentName: null, text: 'Where is my parcel?', status: 'delivered' })]);
    log.status('m9', 'read');
    log.status('m9', 'delivered');
    expect(log.element.querySelectorAll('li')).toHaveLength(1);
    expect(log.element.querySelector('.wc-status')!.textContent).toBe('✓✓ Read');
    i18n.set('pl');
    expect(log.element.querySelector('.wc-status')!.textContent).toBe('✓✓ Przeczytano');
    expect(log.element.querySelector('.wc-who')!.textContent).toBe('Ty');
    expect(log.element.getAttribute('aria-label')).toBe('Rozmowa');
  });

  it('keeps a failed message with a way to send it again, and marks the newest reply read once', () => {
    const retried: string[] = [];
    const i18n = createI18n('en');
    const log = conversationView(i18n, { photo: async () => null, retry: (k) => retried.push(k), changed: () => {} });
    log.sending('k2', 'Hello?', []);
    log.failed('k2');
    const again = log.element.querySelector('button')!;
    expect(again.textContent).toBe('Send again');
    again.click();
    expect(retried).toEqual(['k2']);
    log.add([message({ id: 'r1' })]);
    expect(log.unreadFromShop()).toBe('r1');
    expect(log.unreadFromShop()).toBeNull();
  });
});
