import { join } from 'node:path';
import { expect, test } from './fixtures';
import { screenTour, SCREENS, type Lang, type Screen } from './support/screenTour';

/**
 * A picture of every screen in English, Polish and Greek, kept as CI artifacts for people to look at (not
 * compared with anything): test-results/screens/<lang>/<screen>.png. .ci/run prints where they are.
 */
const SCREENS_DIR = join('test-results', 'screens');

test.describe('screenshots', () => {
  for (const lng of ['en', 'pl', 'el'] as const satisfies readonly Lang[]) {
    test(`every screen in ${lng}`, async ({ app, hub, page }) => {
      test.setTimeout(180_000);
      const saved: Screen[] = [];
      await screenTour({ app, hub, lng }, async (screen) => {
        await page.screenshot({ path: join(SCREENS_DIR, lng, `${screen}.png`) });
        saved.push(screen);
      });
      expect(saved).toEqual([...SCREENS]);
    });
  }
});
