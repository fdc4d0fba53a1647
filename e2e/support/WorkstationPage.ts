import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { passwordOf } from './e2eOrg';
import type { E2eWorkstation } from './e2eWorkstation';

/**
 * The workstation as a person drives it, in English unless the test switches language (helpers that find
 * controls by name say so). Locators are by role and accessible name, as a screen reader would find them.
 */
export class WorkstationPage {
  constructor(
    readonly page: Page,
    readonly workstation: E2eWorkstation,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.workstation.url);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** The inbox list (English name). */
  get inbox(): Locator {
    return this.page.getByRole('listbox', { name: 'Inbox' });
  }

  /** The inbox row of a case, by what it shows (customer name or message text). */
  inboxRow(text: string | RegExp): Locator {
    return this.page.getByRole('option').filter({ hasText: text });
  }

  /** Signs in from the sign-in screen (English) and waits for the work screen. */
  async signIn(username: string, options: { password?: string; offline?: boolean } = {}): Promise<void> {
    await this.signInAttempt(username, options);
    await expect(this.page.locator('header')).toBeVisible();
  }

  /** Fills in and sends the sign-in form (English), whatever the answer. */
  async signInAttempt(username: string, { password = passwordOf(username), offline = false } = {}): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel(/^Password/).fill(password);
    if (offline) await this.page.getByLabel('Sign in offline').check();
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Opens the signed-in person's menu (the header button bearing their name). */
  async personMenu(name: string): Promise<void> {
    await this.page.locator('header').getByRole('button', { name }).click();
  }

  /** Signs out, confirming when unsent work is left, and waits for the sign-in screen. */
  async signOut(name: string): Promise<void> {
    await this.personMenu(name);
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
    const anyway = this.page.getByRole('button', { name: 'Sign out anyway' });
    const signIn = this.page.getByRole('heading', { name: 'Sign in' });
    await expect(anyway.or(signIn)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(signIn).toBeVisible();
  }

  async unlock(password: string): Promise<void> {
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  /** Picks a UI language with the picker (found by its options, so it works whatever the current language). */
  async language(lng: 'en' | 'pl' | 'el'): Promise<void> {
    await this.page.locator('select:has(option[value="el"])').first().selectOption(lng);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lng);
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  async axe(): Promise<{ id: string; impact: string | null | undefined; help: string; targets: string[] }[]> {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }
}
