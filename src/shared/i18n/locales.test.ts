import { describe, expect, it } from 'vitest';

/**
 * Every locale has exactly the keys English has, in every namespace. Plural forms count as one key whose forms
 * follow each language's own rules (Polish one/few/many/other, Greek and English one/other), and every form
 * uses the same {{variables}} as English.
 */
type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<{ default: Tree }>('./locales/*/*.json', { eager: true });
const SOURCE = 'en';
const PLURAL = /_(zero|one|two|few|many|other)$/;

const byLang = new Map<string, Map<string, Tree>>();
for (const [path, module] of Object.entries(files)) {
  const [, lng, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  if (!byLang.has(lng)) byLang.set(lng, new Map());
  byLang.get(lng)!.set(ns, module.default);
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [fk, fv] of flatten(v, `${prefix}${k}.`)) out.set(fk, fv);
  }
  return out;
}

/** Keys with plural forms folded: base key -> the forms present (empty for a plain key). */
function fold(flat: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    if (!out.has(base)) out.set(base, new Set());
    if (form) out.get(base)!.add(form);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const source = byLang.get(SOURCE)!;
  const others = [...byLang.keys()].filter((l) => l !== SOURCE);

  it('has English, Polish and Greek, each with the same namespace files', () => {
    expect([...byLang.keys()].sort()).toEqual(['el', 'en', 'pl']);
    for (const lng of others) expect([...byLang.get(lng)!.keys()].sort(), lng).toEqual([...source.keys()].sort());
  });

  for (const lng of [SOURCE, ...others]) {
    const required = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const ns of source.keys()) {
      it(`${lng}/${ns}.json has every key English has and no other, with ${lng} plural forms and English variables`, () => {
        const tree = byLang.get(lng)?.get(ns);
        expect(tree, `${lng}/${ns}.json is missing`).toBeDefined();
        const flat = flatten(tree!);
        const keys = fold(flat);
        const english = fold(flatten(source.get(ns)!));
        expect([...keys.keys()].filter((k) => !english.has(k)), 'keys English lacks').toEqual([]);
        expect([...english.keys()].filter((k) => !keys.has(k)), 'keys missing').toEqual([]);
        for (const [base, forms] of keys) {
          if (english.get(base)!.size === 0) {
            expect(forms.size, `${base} is plural here but not in English`).toBe(0);
            continue;
          }
          expect(required.filter((f) => !forms.has(f)), `${base}: plural forms missing`).toEqual([]);
        }
        const sourceFlat = flatten(source.get(ns)!);
        for (const [key, text] of flat) {
          expect(text.trim(), `${key} is empty`).not.toBe('');
          const form = PLURAL.exec(key)?.[1];
          const englishText = sourceFlat.get(key) ?? sourceFlat.get(form ? key.replace(PLURAL, '_other') : key)!;
          // A form for exactly one may say "one" in words instead of {{count}}.
          const drop = (v: string[]) => (form === 'one' ? v.filter((x) => x !== 'count' && x !== 'n') : v);
          expect(drop(variables(text)), `${key} variables`).toEqual(drop(variables(englishText)));
        }
      });
    }
  }
});
