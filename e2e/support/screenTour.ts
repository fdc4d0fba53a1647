import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { E2eHub } from './e2eHub';
import { passwordOf } from './e2eOrg';
import { liveTraffic } from './liveTraffic';
import type { WorkstationPage } from './WorkstationPage';

/** The screens a tour stops at, in the order it reaches them (also the screenshot file names). */
export const SCREENS = ['case', 'customer-360', 'search', 'shortcuts', 'lock', 'store', 'supervisor', 'administration', 'sign-in'] as const;
export type Screen = (typeof SCREENS)[number];
export type Lang = 'en' | 'pl' | 'el';

/** The customer whose case the agent opens (written before the traffic starts, so it is found among it). */
const CUSTOMER = { email: 'marta.wrona@example.pl', name: 'Marta Wrona' };

/**
 * A UI text of `lng` as the renderer shows it, read from the locale files (so the tour finds controls by the
 * same accessible names in every language): `ns:dotted.key`, with `{{var}}` filled in.
 */
export function uiText(lng: Lang, key: string, vars: Record<string, string> = {}): string {
  const [ns, path] = key.split(':');
  const tree = JSON.parse(readFileSync(join('src/shared/i18n/locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;
  const found = path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  if (typeof found !== 'string') throw new Error(`no text ${key} in ${lng}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? `{{${name}}}`);
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const nameOf = (username: string) => `Person ${username}`;

/**
 * A shift's screens in one language, with customers writing in all along: an agent with a case open, its
 * customer's 360, search and the shortcut sheet; the lock screen, from which a colleague from the store signs
 * in (store mode), then a supervisor (console and administration); and the sign-in screen after they sign
 * out. `at(screen)` is called at each stop, with the screen settled. Starts on the sign-in screen.
 */
export async function screenTour({ app, hub, lng }: { app: WorkstationPage; hub: E2eHub; lng: Lang }, at: (screen: Screen) => Promise<void>): Promise<void> {
  const { page } = app;
  const say = (key: string, vars?: Record<string, string>) => uiText(lng, key, vars);
  await app.language(lng);
  await hub.inbound({ from: CUSTOMER, text: 'Dzień dobry, zamówiłam dwa swetry, a przyszedł jeden. Co teraz?' });
  const traffic = liveTraffic((n) => hub.inbound({ from: { email: `traffic-${n}@example.pl`, name: `Klient ${n}` }, text: `Pytanie numer ${n} o moje zamówienie.` }), 1_000);
  try {
    await signIn(page, say, 'a1');
    await page.getByRole('option').filter({ hasText: CUSTOMER.name }).click();
    await expect(page.getByText('zamówiłam dwa swetry').first()).toBeVisible();
    await at('case');

    await page.getByRole('button', { name: CUSTOMER.name, exact: true }).first().click();
    await expect(page.getByRole('heading', { name: CUSTOMER.name })).toBeVisible();
    await at('customer-360');

    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.type('Wrona');
    await expect(dialog.getByText(CUSTOMER.name).first()).toBeVisible();
    await at('search');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // The sheet of every shortcut opens on `?` from anywhere outside a text field.
    await page.locator('header').getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toBeVisible();
    await at('shortcuts');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // a1 locks; a colleague from the store signs in over the lock, and later a supervisor over theirs.
    await lock('a1');
    await at('lock');
    await someoneElse('a1', 'store1');
    await expect(page.getByRole('heading', { name: say('store:title') })).toBeVisible();
    await at('store');

    await lock('store1');
    await someoneElse('store1', 'sup1');
    await page.locator('header').getByText(say('supervisor:view.supervisor'), { exact: true }).click();
    await expect(page.getByRole('tab').first()).toBeVisible();
    await at('supervisor');
    await page.locator('header').getByText(say('admin:title'), { exact: true }).click();
    await expect(page.getByRole('tab').first()).toBeVisible();
    await at('administration');

    await page.locator('header').getByRole('button', { name: nameOf('sup1') }).click();
    await page.getByRole('menuitem', { name: say('shell:menu.signOut') }).click();
    const anyway = page.getByRole('button', { name: say('shell:confirm.signOut.confirm') });
    const signInHeading = page.getByRole('heading', { name: say('auth:signIn.title') });
    await expect(anyway.or(signInHeading)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(page.getByRole('list').getByRole('button', { name: nameOf('a1') })).toBeVisible();
    await at('sign-in');

    expect(traffic.sent(), 'customers wrote in during the tour').toBeGreaterThan(3);
  } finally {
    await traffic.stop();
  }
  expect(traffic.failures).toEqual([]);

  async function lock(username: string) {
    await page.locator('header').getByRole('button', { name: nameOf(username) }).click();
    await page.getByRole('menuitem', { name: say('shell:menu.lock') }).click();
    await expect(page.getByTestId('locked-for')).toBeVisible();
  }

  async function someoneElse(locked: string, username: string) {
    await page.getByRole('button', { name: say('auth:lock.switchUser', { name: nameOf(locked) }) }).click();
    await signIn(page, say, username);
  }
}

/** Signs in from the sign-in screen in the tour's language and waits for the work screen. */
async function signIn(page: Page, say: (key: string) => string, username: string): Promise<void> {
  await page.getByLabel(startsWith(say('auth:signIn.username'))).fill(username);
  await page.getByLabel(startsWith(say('auth:signIn.password'))).fill(passwordOf(username));
  await page.getByRole('button', { name: say('auth:signIn.submit'), exact: true }).click();
  await expect(page.locator('header')).toBeVisible();
}
