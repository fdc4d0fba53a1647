import { chromium, type LaunchOptions } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkstationPage } from './WorkstationPage';
import { startE2eWorkstation } from './e2eWorkstation';

/**
 * Another person's workstation against the same hub, for journeys with several people: its own engine and
 * browser host, and its own Chromium profile (as a second PC would be). `close` tears both down.
 */
export async function openExtraWorkstation(hubUrl: string, launchOptions: LaunchOptions): Promise<{ app: WorkstationPage; close(): Promise<void> }> {
  const workstation = await startE2eWorkstation(hubUrl);
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const app = new WorkstationPage(page, workstation);
  await app.open();
  return {
    app,
    async close() {
      await context.close().catch(() => {});
      await workstation.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
