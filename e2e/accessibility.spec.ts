import { expect, test } from './fixtures';
import { screenTour, SCREENS, type Screen } from './support/screenTour';

/**
 * axe-core on every screen of a shift, customers writing in all along (see screenTour): no serious or critical
 * violation anywhere. Every screen is checked before the test judges, so one run lists them all, by screen,
 * rule id and target (also attached as violations.json).
 */
test.describe('accessibility', () => {
  test('every screen, dialogs and consoles included, has no serious or critical axe violation under live traffic', async ({ app, hub }, testInfo) => {
    test.setTimeout(180_000);
    const found: { screen: Screen; rule: string; impact: string; targets: string[] }[] = [];
    const visited: Screen[] = [];
    await screenTour({ app, hub, lng: 'en' }, async (screen) => {
      visited.push(screen);
      for (const v of await app.axe()) found.push({ screen, rule: v.id, impact: String(v.impact), targets: v.targets });
    });
    await testInfo.attach('violations.json', { body: JSON.stringify(found, null, 2), contentType: 'application/json' });
    expect(visited).toEqual([...SCREENS]);
    expect(found.map((v) => `${v.screen}: ${v.rule} (${v.impact}) at ${v.targets.join(' | ')}`)).toEqual([]);
  });
});
