import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import el from '../i18n/locales/el/assist.json';
import en from '../i18n/locales/en/assist.json';
import pl from '../i18n/locales/pl/assist.json';
import type { HintCode } from './types';

const LOCALES = { en, pl, el };

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** Every key the engine emits (hints, reasons, insertable texts), as `checkDraft` and the rules spell them. */
const HINT_CODES: HintCode[] = [
  'humour-when-upset',
  'dismissive',
  'smiley-when-upset',
  'too-casual',
  'no-acknowledgement',
  'blaming',
  'shouting',
  'too-long',
  'jargon',
  'formality-mismatch',
];
const REASONS = [
  'reply-now',
  'reply-now-overdue',
  'share-article',
  'recap-previous-channel',
  'ask-missing-info',
  'callback-unanswered',
  'callback-dropped',
  'callback-waited',
  'escalate',
  'remind',
  'close',
  'follow-up-alert',
  'anticipate-guide',
  'anticipate-help',
];
const TEXTS = ['ask-order-number', 'reminder', 'offer-setup-help'];

describe('assist locale files', () => {
  it('have the same keys in en, pl and el', () => {
    expect(keys(pl).sort()).toEqual(keys(en).sort());
    expect(keys(el).sort()).toEqual(keys(en).sort());
  });

  it.each(Object.entries(LOCALES))('%s translates every key the engine emits, with plural forms where counts appear', async (lang, resources) => {
    const instance = i18next.createInstance();
    await instance.init({ lng: lang, resources: { [lang]: { assist: resources } }, defaultNS: 'assist', interpolation: { escapeValue: false } });
    for (const key of [...HINT_CODES.map((c) => `hint.${c}`), ...REASONS.map((r) => `reason.${r}`), ...TEXTS.map((x) => `text.${x}`)]) {
      for (const count of [1, 3, 7]) expect(instance.exists(key, { count }), `${lang} ${key} count=${count}`).toBe(true);
    }
    const recap = instance.t('reason.recap-previous-channel', { channel: 'video' });
    expect(recap).not.toContain('$t(');
    expect(recap).toContain(instance.t('channel.video'));
  });

  it('uses the Polish plural forms', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'pl', resources: { pl: { assist: pl } }, defaultNS: 'assist' });
    expect(instance.t('reason.remind', { count: 1 })).toContain('1 dnia');
    expect(instance.t('reason.close', { count: 3 })).toContain('3 dni');
    expect(instance.t('reason.escalate', { count: 5 })).toContain('5 kontaktów');
  });
});
