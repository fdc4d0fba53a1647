import { describe, expect, it } from 'vitest';
import { VISITOR_REFUSALS } from '../shared/protocol/webchat';
import { LAUNCHER_TEXTS } from './launcherTexts';
import { preferredLang, WIDGET_LANGS } from './widgetLangs';
import { WIDGET_TEXTS } from './widgetTexts';

/** Every text of a dictionary as path → words, functions called with sample values. */
function flatten(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'string') return { [path]: value };
  if (typeof value === 'function') return { [path]: String((value as (...a: unknown[]) => unknown)('Anna', 5)) };
  return Object.fromEntries(Object.entries(value as object).flatMap(([k, v]) => Object.entries(flatten(v, path ? `${path}.${k}` : k))));
}

describe('widget texts', () => {
  it('say the same things in every language, none left empty or untranslated', () => {
    const en = flatten(WIDGET_TEXTS.en);
    for (const lang of WIDGET_LANGS) {
      const texts = flatten(WIDGET_TEXTS[lang]);
      expect(Object.keys(texts).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, words] of Object.entries(texts)) expect(words.trim(), `${lang} ${key}`).not.toBe('');
      if (lang !== 'en') {
        const same = Object.keys(en).filter((k) => texts[k] === en[k] && !/^[\d\s=]+/.test(en[k]));
        expect(same, `${lang} untranslated`).toEqual([]);
      }
      expect(Object.keys(WIDGET_TEXTS[lang].refusals).sort(), `${lang} refusals`).toEqual([...VISITOR_REFUSALS].sort());
      expect(flatten(LAUNCHER_TEXTS[lang])).toEqual(Object.fromEntries(Object.keys(LAUNCHER_TEXTS.en).map((k) => [k, texts[k]])));
    }
  });

  it('count minutes and seconds as each language does', () => {
    expect(WIDGET_TEXTS.en.waitAbout(1)).toBe('Expected wait: about 1 minute.');
    expect(WIDGET_TEXTS.en.waitAbout(3)).toBe('Expected wait: about 3 minutes.');
    expect([1, 2, 5, 12, 22, 25].map((n) => WIDGET_TEXTS.pl.waitAbout(n).split(' ').pop())).toEqual(['minuta.', 'minuty.', 'minut.', 'minut.', 'minuty.', 'minut.']);
    expect(WIDGET_TEXTS.pl.rateLimited(3)).toContain('3 sekundy');
    expect(WIDGET_TEXTS.el.waitAbout(1)).toContain('1 λεπτό');
    expect(WIDGET_TEXTS.el.waitAbout(4)).toContain('4 λεπτά');
  });

  it('pick the first browser language the widget speaks, else English', () => {
    expect(preferredLang(['de-DE', 'pl-PL', 'en'])).toBe('pl');
    expect(preferredLang(['EL', 'en'])).toBe('el');
    expect(preferredLang(['fr', 'de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});
