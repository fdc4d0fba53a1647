import { readFileSync } from 'node:fs';
import { generateDemoOrg } from '../src/server/seed/demoOrg';
import { expect, test } from './fixtures';
import { liveTraffic } from './support/liveTraffic';

/**
 * Reports over history: the demo organisation's two months of cases (so last week has figures), with customers
 * writing in while the supervisor works. Dimitris is one of its supervisors.
 */
const demo = generateDemoOrg({ seed: 17, customers: 150, interactions: 1_500, now: Date.now() });
const supervisor = demo.staff.find((s) => s.staff.username === 'dimitris.sup')!;
test.use({ org: { ...demo, batches: demo.batches(500) } });

/** The KPI cards' keys (reportFigures.ts): counts and shares can be checked against their raw values too. */
const COUNTS = ['created', 'resolved', 'csatAnswers', 'explainedTwice'];
const SHARES = ['slaAttainment', 'csatResponseRate', 'negativeShare'];
const KPIS = [...COUNTS, 'firstResponseP50', 'firstResponseP90', 'nextResponseP50', 'nextResponseP90', 'resolutionP50', 'resolutionP90', 'csatAverage', ...SHARES];

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks; lines end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

test('a supervisor opens last week’s report in Greek, filters one queue, exports CSV, and the file says what the screen says', async ({ app, hub, page }) => {
  await app.language('el');
  await page.getByLabel('Όνομα χρήστη').fill(supervisor.staff.username);
  await page.getByLabel(/^Κωδικός πρόσβασης/).fill(supervisor.password);
  await page.getByRole('button', { name: 'Σύνδεση', exact: true }).click();
  await expect(page.locator('header')).toBeVisible();

  const traffic = liveTraffic((n) => hub.inbound({ from: { email: `pelatis${n}@example.gr`, name: `Πελάτης ${n}` }, text: `Καλησπέρα, πού είναι η παραγγελία ${n};` }));
  try {
    await page.locator('header').getByText('Εποπτεία', { exact: true }).click();
    await page.getByRole('tab', { name: 'Αναφορές' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Περίοδος').selectOption({ label: 'Προηγούμενη εβδομάδα' });
    await panel.getByLabel('Ουρά', { exact: true }).selectOption({ label: 'Online chat' });
    await expect(panel.getByTestId('kpi-created').getByTestId('kpi-value')).toBeVisible({ timeout: 20_000 });
    await expect(panel.getByTestId('report-period')).toContainText('7 ημέρες');

    const screen = new Map<string, { value: string; previous: string }>();
    for (const key of KPIS) {
      const card = panel.getByTestId(`kpi-${key}`);
      screen.set(key, { value: await card.getByTestId('kpi-value').innerText(), previous: await card.getByTestId('kpi-previous').innerText() });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Εξαγωγή CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));

    // Headed with the period as the screen names it, the time zone and the queue.
    expect(rows[0]).toEqual(['Αναφορές']);
    const period = rows.find((r) => r[0] === 'Περίοδος')!;
    expect(await panel.getByTestId('report-period').innerText()).toContain(period[1]);
    expect(rows.find((r) => r[0] === 'Ζώνη ώρας')?.[1]).toBe(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone));
    expect(rows.find((r) => r[0] === 'Ουρά')).toEqual(['Ουρά', 'Online chat']);

    // Each summary row (measure, key, this period, previous, change, raw, raw previous) says what its card says.
    const el = new Intl.NumberFormat('el');
    const percent = new Intl.NumberFormat('el', { style: 'percent', maximumFractionDigits: 0 });
    for (const key of KPIS) {
      const row = rows.find((r) => r[1] === key);
      expect(row, `the CSV's ${key} row`).toBeDefined();
      const [, , value, previous, , raw, rawPrevious] = row!;
      expect(value, key).toBe(screen.get(key)!.value);
      expect(`Προηγούμενη περίοδος: ${previous}`, key).toBe(screen.get(key)!.previous);
      if (COUNTS.includes(key)) {
        expect(el.format(Number(raw)), key).toBe(value);
        expect(el.format(Number(rawPrevious)), key).toBe(previous);
      }
      if (SHARES.includes(key) && raw !== '') expect(percent.format(Number(raw)), key).toBe(value);
    }
    // Last week of two months' history in the busiest queue is not empty.
    expect(Number(rows.find((r) => r[1] === 'created')![5])).toBeGreaterThan(0);
    expect(await app.axe(), 'axe on the reports tab').toEqual([]);
  } finally {
    await traffic.stop();
  }
  expect(traffic.failures).toEqual([]);
  expect(traffic.sent()).toBeGreaterThan(0);
});
