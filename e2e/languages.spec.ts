import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** The namespaces of the shell, the inbox and what sits around them (the case screens are checked with their own). */
const SHELL_NAMESPACES = ['common', 'shell', 'inbox', 'search', 'notifications', 'auth'];
const locale = (lng: string, ns: string) => JSON.parse(readFileSync(join('src/shared/i18n/locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;

function leaves(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [lk, lv] of leaves(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(lk, lv);
  }
  return out;
}

/** English texts (without variables) that the language translates differently: none may show once it is picked. */
function englishLeftovers(lng: string): string[] {
  return SHELL_NAMESPACES.flatMap((ns) => {
    const translated = leaves(locale(lng, ns));
    return [...leaves(locale('en', ns))]
      .filter(([key, text]) => !text.includes('{{') && text.length >= 3 && translated.get(key) !== text)
      .map(([, text]) => text);
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('languages', () => {
  test('Polish and Greek translate the whole visible UI', async ({ app, hub, page }, testInfo) => {
    await app.language('pl');
    await expect(page.getByRole('heading', { name: 'Zaloguj się' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-pl.png') });
    await app.language('en');
    await app.signIn('a1');
    // One case in the list, so that its row (badges, waiting time, SLA) is part of what is checked.
    await hub.inbound({ from: { email: 'zofia@example.pl', name: 'Zofia Mazur' }, text: 'Dzień dobry, proszę o fakturę.' });
    await expect(app.inboxRow('Zofia Mazur')).toBeVisible();
    await expect(app.inboxRow('Zofia Mazur').getByTestId('preview')).toHaveText('Dzień dobry, proszę o fakturę.');

    for (const [lng, inboxTitle] of [
      ['pl', 'Skrzynka'],
      ['el', 'Εισερχόμενα'],
    ] as const) {
      await app.language(lng);
      await expect(page.getByRole('listbox', { name: inboxTitle })).toBeVisible();
      await expect(page.getByTestId('inbox-count')).toHaveText(lng === 'pl' ? '1 sprawa' : '1 υπόθεση');
      const file = testInfo.outputPath(`inbox-${lng}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`inbox-${lng}`, { path: file, contentType: 'image/png' });

      const visible = await page.locator('body').innerText();
      const leftovers = englishLeftovers(lng).filter((en) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(en)}($|[^\\p{L}])`, 'u').test(visible));
      expect(leftovers, `English left in the ${lng} UI`).toEqual([]);
      // Accessible names count too: icons and controls are read out in the chosen language.
      await expect(page.getByRole('img', { name: lng === 'pl' ? 'Czat' : 'Συνομιλία' }).first()).toBeVisible();
      // Customer text stays as written.
      await expect(app.page.getByTestId('preview')).toHaveText('Dzień dobry, proszę o fakturę.');
    }
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    await expect(page).toHaveTitle('Σταθμός εργασίας εκπροσώπου');
  });
});
