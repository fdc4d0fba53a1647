import { join } from 'node:path';
import { expect, test } from './fixtures';
import { screenTour, SCREENS, type Lang, type Screen } from './support/screenTour';

/**
 * Every screen of a shift, customers writing in all along (see screenTour), in English, Polish and Greek. At each
 * stop: axe-core (no serious or critical violation anywhere; every screen is checked before the test judges, so one
 * run lists them all by screen, rule id and target, also attached as violations.json), and a picture kept as a CI
 * artifact for people to look at, not compared with anything: test-results/screens/<lang>/<screen>.png (.ci/run
 * prints where they are). One tour per language does both, so the suite walks the shift three times, not four.
 */
const SCREENS_DIR = join('test-results', 'screens');

test.describe('every screen', () => {
  for (const lng of ['en', 'pl', 'el'] as const satisfies readonly Lang[]) {
    test(`in ${lng}: no serious or critical axe violation under live traffic, and a picture of each`, async ({ app, hub, page }, testInfo) => {
      test.setTimeout(180_000);
      const found: { screen: Screen; rule: string; impact: string; targets: string[] }[] = [];
      const visited: Screen[] = [];
      await screenTour({ app, hub, lng }, async (screen) => {
        visited.push(screen);
        await page.screenshot({ path: join(SCREENS_DIR, lng, `${screen}.png`) });
        for (const v of await app.axe()) found.push({ screen, rule: v.id, impact: String(v.impact), targets: v.targets });
      });
      await testInfo.attach('violations.json', { body: JSON.stringify(found, null, 2), contentType: 'application/json' });
      expect(visited).toEqual([...SCREENS]);
      expect(found.map((v) => `${v.screen}: ${v.rule} (${v.impact}) at ${v.targets.join(' | ')}`)).toEqual([]);
    });
  }
});
