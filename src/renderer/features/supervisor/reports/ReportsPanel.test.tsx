// @vitest-environment jsdom
import '../../../test/setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { InputOf } from '../../../../shared/ipc/contract';
import type { Report } from '../../../../shared/protocol/reports';
import { NOW } from '../../../test/builders';
import { readBytes } from '../../case/attachmentData';
import { freezeClock, openTab, renderConsole } from '../../../test/renderConsole';
import { localTimeZone, presetPeriod } from './period';
import { aReport, anEmptyReport } from './reportBuilders';

freezeClock();

type Query = InputOf<'supervisor.report'>;
type Answer = Report | { ok: false; error: { code: string; message: string } };

function render(answer: (q: Query) => Answer = (q) => aReport(q), lng: 'en' | 'pl' | 'el' = 'en') {
  return renderConsole({ lng, handlers: { 'supervisor.report': (q) => answer(q) } });
}

const card = (key: string) => {
  const c = screen.getByTestId(`kpi-${key}`);
  const text = (id: string) => within(c).queryByTestId(id)?.textContent ?? null;
  return { name: c.getAttribute('aria-labelledby') && document.getElementById(c.getAttribute('aria-labelledby')!)?.textContent, value: text('kpi-value'), previous: text('kpi-previous'), change: text('kpi-change') };
};
const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

async function openReports(name = 'Reports') {
  const panel = await openTab(name);
  await within(panel).findByTestId('kpi-created');
  return panel;
}

describe('the Reports tab', () => {
  it('asks for the last 7 days by day in the supervisor’s zone, compared, and shows each card now, before and the change in words', async () => {
    const { fake } = render();
    await openReports();
    const zone = localTimeZone();
    expect(fake.calls('supervisor.report')).toEqual([{ ...presetPeriod('last7', NOW, zone), granularity: 'day', timeZone: zone, compare: true }]);
    expect(card('created')).toEqual({ name: 'Cases created', value: '120', previous: 'Previous period: 100', change: 'Up 20 (20%)' });
    expect(card('resolved')).toEqual({ name: 'Cases resolved', value: '100', previous: 'Previous period: 100', change: 'No change' });
    expect(card('firstResponseP50')).toEqual({ name: 'First response, median', value: '12 min', previous: 'Previous period: 15 min', change: 'Down 3 min' });
    expect(card('resolutionP90').value).toBe('2 days 2 hr');
    expect(card('slaAttainment')).toMatchObject({ value: '85%', change: 'Up 5 pts' });
    expect(card('csatAverage')).toMatchObject({ value: '7.3', previous: 'Previous period: 6.5', change: 'Up 0.8' });
    expect(card('negativeShare')).toEqual({ name: 'Negative customers', value: '13%', previous: 'Previous period: No data', change: 'Nothing to compare with' });
    expect(card('explainedTwice').change).toBe('Down 3 (33%)');
    expect(within(screen.getByTestId('kpi-csatResponseRate')).getByText('of 80 surveys sent')).toBeTruthy();
    // The arrow only repeats the words: it is hidden from screen readers.
    expect(within(screen.getByTestId('kpi-created')).getByText('▲').getAttribute('aria-hidden')).toBe('true');
    // Each chart's numbers as a table, the buckets named in the zone and language.
    expect(rowsOf('report-series')[0]).toEqual([expect.stringMatching(/^\w{3}, Nov 17$/), '70', '60', '10 min', '25', '7.5', '10%']);
    expect(rowsOf('report-channels')).toEqual([
      ['Chat', '300', '280', '80'],
      ['Email', '1,500', '90', '40'],
    ]);
    expect(rowsOf('report-distribution')[7]).toEqual(['8', '8']);
    expect(screen.getByTestId('report-period').textContent).toMatch(/^Nov 17\s*–\s*23, 2026 \(7 days, .+\)$/);
  });

  it('sends the chosen period, granularity, comparison and filters with the query', async () => {
    const { fake } = render();
    const panel = await openReports();
    const zone = localTimeZone();
    await userEvent.selectOptions(within(panel).getByLabelText('Period'), 'Last week');
    await waitFor(() => expect(fake.calls('supervisor.report').at(-1)).toMatchObject(presetPeriod('lastWeek', NOW, zone)));
    await userEvent.selectOptions(within(panel).getByLabelText('Queue'), 'Email desk');
    await userEvent.selectOptions(within(panel).getByLabelText('Channel'), 'Email');
    await userEvent.selectOptions(within(panel).getByLabelText('Agent'), 'Piotr Zieliński');
    await userEvent.click(within(panel).getByRole('radio', { name: 'Week' }));
    await userEvent.click(within(panel).getByRole('checkbox', { name: 'Compare with the previous period' }));
    await waitFor(() =>
      expect(fake.calls('supervisor.report').at(-1)).toEqual({
        ...presetPeriod('lastWeek', NOW, zone),
        queueId: 'q-email',
        channel: 'email',
        agentId: 'a2',
        granularity: 'week',
        timeZone: zone,
        compare: false,
      }),
    );
    // Without a previous period, the cards say there is nothing to compare with.
    await waitFor(() => expect(card('created')).toMatchObject({ value: '120', previous: null, change: 'Nothing to compare with' }));
    // Back to all queues: the filter leaves the query.
    await userEvent.selectOptions(within(panel).getByLabelText('Queue'), 'All');
    await waitFor(() => expect(fake.calls('supervisor.report').at(-1)).not.toHaveProperty('queueId'));
  });

  it('shows short periods by the hour and offers hours only while the series stays short', async () => {
    const { fake } = render();
    const panel = await openReports();
    await userEvent.selectOptions(within(panel).getByLabelText('Period'), 'Yesterday');
    await waitFor(() => expect(fake.calls('supervisor.report').at(-1)).toMatchObject({ granularity: 'hour' }));
    await userEvent.selectOptions(within(panel).getByLabelText('Period'), 'Last 90 days');
    await waitFor(() => expect(fake.calls('supervisor.report').at(-1)).toMatchObject({ granularity: 'week' }));
    expect((within(panel).getByRole('radio', { name: 'Hour' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('asks for a custom range of whole days, and says what is wrong with a bad one instead of asking', async () => {
    const { fake } = render();
    const panel = await openReports();
    await userEvent.selectOptions(within(panel).getByLabelText('Period'), 'Custom');
    expect((await within(panel).findByRole('alert')).textContent).toBe('Pick the first and the last day of the period.');
    const asked = fake.calls('supervisor.report').length;
    fireEvent.change(within(panel).getByLabelText('First day'), { target: { value: '2026-11-10' } });
    fireEvent.change(within(panel).getByLabelText('Last day'), { target: { value: '2026-11-05' } });
    expect(within(panel).getByRole('alert').textContent).toBe('The last day cannot be before the first.');
    expect(fake.calls('supervisor.report')).toHaveLength(asked);
    fireEvent.change(within(panel).getByLabelText('Last day'), { target: { value: '2026-11-12' } });
    const zone = localTimeZone();
    await waitFor(() => expect(fake.calls('supervisor.report').at(-1)).toMatchObject({ granularity: 'day', timeZone: zone }));
    const { from, to } = fake.calls('supervisor.report').at(-1)!;
    expect([new Date(from).toLocaleDateString('en-CA', { timeZone: zone }), new Date(to).toLocaleDateString('en-CA', { timeZone: zone })]).toEqual(['2026-11-10', '2026-11-13']);
  });

  it('sorts the agents by any column, by keyboard too, and says the order with aria-sort', async () => {
    render();
    await openReports();
    const names = () => rowsOf('report-agents').map((r) => r[0]);
    const header = (name: string) => within(screen.getByTestId('report-agents')).getByRole('columnheader', { name: new RegExp(`^${name}`) });
    // Most handled first by default.
    expect(names()).toEqual(['Kowalski, Jan "Kowal"', 'Anna Nowak', '=Eleni Papadopoulou']);
    expect(header('Cases handled').getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(within(header('Resolved')).getByRole('button'));
    expect(names()).toEqual(['=Eleni Papadopoulou', 'Anna Nowak', 'Kowalski, Jan "Kowal"']);
    expect(header('Resolved').getAttribute('aria-sort')).toBe('descending');
    expect(header('Cases handled').getAttribute('aria-sort')).toBe('none');
    // Enter on a focused header reverses it.
    within(header('Resolved')).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(header('Resolved').getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Kowalski, Jan "Kowal"', 'Anna Nowak', '=Eleni Papadopoulou']);
    // People with no CSAT come last whichever way.
    await userEvent.click(within(header('CSAT average')).getByRole('button'));
    expect(rowsOf('report-agents').map((r) => r[4])).toEqual(['8.5', '6.8', 'No data']);
    await userEvent.click(within(header('CSAT average')).getByRole('button'));
    expect(rowsOf('report-agents').map((r) => r[4])).toEqual(['6.8', '8.5', 'No data']);
    await userEvent.click(within(header('Agent')).getByRole('button'));
    expect(names()).toEqual(['=Eleni Papadopoulou', 'Anna Nowak', 'Kowalski, Jan "Kowal"']);
  });

  it('exports a CSV of the figures on screen, in the table’s order, with the filters named', async () => {
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:report'), revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      render();
      const panel = await openReports();
      await userEvent.selectOptions(within(panel).getByLabelText('Queue'), 'Chat support');
      await waitFor(() => expect(card('created').value).toBe('120'));
      await userEvent.click(within(within(panel).getByTestId('report-agents')).getByRole('button', { name: 'Agent' }));
      await userEvent.click(within(panel).getByRole('button', { name: 'Export CSV' }));
      expect(created).toHaveLength(1);
      expect(created[0].type).toBe('text/csv;charset=utf-8');
      const bytes = await readBytes(created[0]);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      const lines = csv.split('\r\n');
      expect(lines).toContain('Queue,Chat support');
      expect(lines).toContain('Channel,All');
      expect(lines).toContain(`Time zone,${localTimeZone()}`);
      // The summary's "this period" column is the cards' text, found by the cards' key.
      for (const key of ['created', 'firstResponseP50', 'slaAttainment', 'csatAverage', 'negativeShare']) {
        const row = lines.find((l) => l.includes(`,${key},`))!;
        expect(row).toContain(`,${key},${card(key).value},`);
      }
      const agents = lines.slice(lines.indexOf('Agents') + 2, lines.indexOf('Agents') + 5).map((l) => l.split(',')[0]);
      expect(agents).toEqual(["'=Eleni Papadopoulou", 'Anna Nowak', '"Kowalski']);
      const link = click.mock.contexts[0] as HTMLAnchorElement;
      expect(link.download).toMatch(/^report-2026-11-17-to-2026-11-23\.csv$/);
    } finally {
      click.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('says offline that reports need the server, and shows the report once the link is back', async () => {
    let online = false;
    const { fake } = render((q) => (online ? aReport(q) : { ok: false, error: { code: 'offline', message: 'offline' } }));
    const panel = await openTab('Reports');
    expect((await within(panel).findByRole('alert')).textContent).toBe('Reports are computed by the server: they show once the workstation is connected.');
    expect(within(panel).queryByTestId('kpi-created')).toBeNull();
    expect((within(panel).getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
    online = true;
    act(() => fake.emit('connection.changed', { state: 'online', lastSyncAt: NOW, unsent: 0, since: NOW }));
    await within(panel).findByTestId('kpi-created');
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('says why the hub refused, and shows progress while it computes', async () => {
    let release: (r: Answer) => void = () => {};
    render(() => new Promise<Answer>((r) => (release = r)) as unknown as Answer);
    const panel = await openTab('Reports');
    expect((await within(panel).findByRole('status')).textContent).toContain('Computing the report…');
    await act(async () => release({ ok: false, error: { code: 'forbidden', message: 'no' } }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('You are not allowed to do this.');
    expect(within(panel).queryByRole('status')).toBeNull();
  });

  it('never shows the answer for the filters before as the answer for the new ones', async () => {
    let release: (r: Answer) => void = () => {};
    render((q) => (q.queueId ? (new Promise<Answer>((r) => (release = r)) as unknown as Answer) : aReport(q)));
    const panel = await openReports();
    await userEvent.selectOptions(within(panel).getByLabelText('Queue'), 'Email desk');
    expect(within(panel).queryByTestId('kpi-created')).toBeNull();
    expect(within(panel).getByRole('status').textContent).toContain('Computing the report…');
    await act(async () => release(anEmptyReport({ ...presetPeriod('last7', NOW, localTimeZone()), granularity: 'day', timeZone: localTimeZone(), compare: true })));
    expect((await within(panel).findByTestId('kpi-created')).textContent).toContain('0');
    expect(card('created').value).toBe('0');
  });

  it('says when nothing happened in the period, with no charts or tables of zeros', async () => {
    render((q) => anEmptyReport(q));
    const panel = await openReports();
    expect(within(panel).getByTestId('report-empty').textContent).toBe('Nothing happened in this period: no cases, survey answers or contacts match.');
    expect(card('firstResponseP50')).toMatchObject({ value: 'No data', change: 'Nothing to compare with' });
    expect(within(panel).queryByTestId('report-series')).toBeNull();
    expect(within(panel).queryByTestId('report-agents')).toBeNull();
  });

  it('speaks Polish, plurals included', async () => {
    render(undefined, 'pl');
    const panel = await openReports('Raporty');
    expect(screen.getByTestId('report-period').textContent).toMatch(/\(7 dni, /);
    expect(within(panel).getByText('3 agentów')).toBeTruthy();
    expect(within(panel).getByText('z 80 wysłanych ankiet')).toBeTruthy();
    expect(card('created')).toEqual({ name: 'Nowe sprawy', value: '120', previous: 'Poprzedni okres: 100', change: 'Wzrost o 20 (20%)' });
    await userEvent.selectOptions(within(panel).getByLabelText('Okres'), 'Wczoraj');
    await waitFor(() => expect(screen.getByTestId('report-period').textContent).toMatch(/\(1 dzień, /));
  });

  it('speaks Greek, plurals included', async () => {
    render(undefined, 'el');
    const panel = await openReports('Αναφορές');
    expect(screen.getByTestId('report-period').textContent).toMatch(/\(7 ημέρες, /);
    expect(within(panel).getByText('3 εκπρόσωποι')).toBeTruthy();
    expect(card('firstResponseP50')).toMatchObject({ name: 'Πρώτη απάντηση, διάμεσος', change: expect.stringMatching(/^Μείωση 3 λ/) });
    expect(within(panel).getByRole('columnheader', { name: /Εκπρόσωπος/ }).getAttribute('aria-sort')).toBe('none');
  });
});
