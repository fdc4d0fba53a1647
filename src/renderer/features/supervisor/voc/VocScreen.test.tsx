// @vitest-environment jsdom
import '../../../test/setup';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../../shared/ipc/contract';
import type { Voc, VocAnswer } from '../../../../shared/protocol';
import { NOW } from '../../../test/builders';
import { freezeClock, HOSTILE, openTab, renderConsole } from '../../../test/renderConsole';
import { startOfDay } from '../useSupervisorData';
import { VOC_PAGE_SIZE } from './VocScreen';

freezeClock();

const DAY = 86_400_000;
const anAnswer = (i: number, over: Partial<VocAnswer> = {}): VocAnswer => ({
  id: `s${i}`,
  caseId: `c${i}`,
  score: 2,
  comment: 'Courier late again',
  at: NOW - i * 60_000,
  subject: `Parcel ${i}`,
  customerName: 'Jan Kowalski',
  queueId: 'q-chat',
  queueName: 'Chat support',
  assigneeId: 'a1',
  assigneeName: 'Anna Nowak',
  channel: 'email',
  ...over,
});
const noFigures = { recovered: 0, lost: 0, noAnswer: 0, open: 0, unrecorded: 0, ackMs: { p50: null, p90: null } };
const D1 = Date.UTC(2026, 10, 21);

/** The hub's answer: `total` answers, the page asked for, two phrases and two days of alert results (in UTC). */
function vocOf(q: InputOf<'supervisor.voc'>, total = 60): Voc {
  const cursor = q.cursor ?? 0;
  const count = Math.max(0, Math.min(q.limit ?? 50, total - cursor));
  return {
    timeZone: 'UTC',
    answers: {
      total,
      cursor,
      nextCursor: cursor + count < total ? cursor + count : null,
      items: Array.from({ length: count }, (_, k) => anAnswer(cursor + k + 1, k === 0 ? { comment: HOSTILE, subject: null } : {})),
    },
    phrases: {
      lowScoreComments: 12,
      items: [
        { phrase: 'courier', words: 1, count: 7, comments: 5 },
        { phrase: 'nie dotarla', words: 2, count: 2, comments: 1 },
      ],
    },
    alerts: {
      granularity: q.granularity ?? 'day',
      buckets: [
        { start: D1, end: D1 + DAY, recovered: 3, lost: 1, noAnswer: 0, open: 2, unrecorded: 0, ackMs: { p50: 5 * 60_000, p90: 90 * 60_000 } },
        { start: D1 + DAY, end: D1 + 2 * DAY, ...noFigures },
      ],
      total: { recovered: 3, lost: 1, noAnswer: 0, open: 2, unrecorded: 0, ackMs: { p50: 5 * 60_000, p90: 90 * 60_000 } },
    },
  };
}

function render(lng: 'en' | 'pl' | 'el' = 'en', answer: (q: InputOf<'supervisor.voc'>) => Voc | { ok: false; error: { code: string; message: string } } = (q) => vocOf(q)) {
  return renderConsole({ lng, handlers: { 'supervisor.voc': answer } });
}
const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));
const lastCall = (fake: ReturnType<typeof render>['fake']) => fake.calls('supervisor.voc').at(-1)!;

describe('the Voice of the Customer tab', () => {
  it('asks for the last 7 days in this time zone and lists the answers; a case opens from its answer', async () => {
    const { fake, onOpenCase } = render();
    await openTab('Voice of the Customer');
    await waitFor(() => expect(screen.queryByTestId('voc-answers')).not.toBeNull());
    expect(fake.calls('supervisor.voc')).toEqual([
      { from: startOfDay(NOW) - 6 * DAY, to: startOfDay(NOW) + DAY, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, granularity: 'day', cursor: 0, limit: VOC_PAGE_SIZE },
    ]);
    expect(screen.getByText('60 answers')).toBeTruthy();
    const rows = rowsOf('voc-answers');
    expect(rows).toHaveLength(VOC_PAGE_SIZE);
    expect(rows[1]!.slice(1)).toEqual(['2 / 10', 'Courier late again', 'Parcel 2', 'Jan Kowalski', 'Chat support', 'Anna Nowak', 'Email']);
    // A comment is text, never markup; an answer without a subject still opens its case.
    expect(rows[0]![2]).toBe(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open the case: (no subject)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open the case: Parcel 2' }));
    expect(onOpenCase.mock.calls).toEqual([['c1'], ['c2']]);
  });

  it('filters by score, queue, agent and channel, from the first page again', async () => {
    const { fake } = render();
    const panel = await openTab('Voice of the Customer');
    await waitFor(() => expect(screen.queryByTestId('voc-answers')).not.toBeNull());
    await userEvent.click(within(panel).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastCall(fake).cursor).toBe(VOC_PAGE_SIZE));
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Highest score' }), '4');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Email desk');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Agent' }), 'Piotr Zieliński');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Channel' }), 'SMS');
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ maxScore: 4, queueId: 'q-email', agentId: 'a2', channel: 'sms', cursor: 0 }));
    expect(lastCall(fake)).not.toHaveProperty('minScore');
    // A range upside down is not asked for.
    const asked = fake.calls('supervisor.voc').length;
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Lowest score' }), '5');
    expect(await within(panel).findByText('The lowest score must not be above the highest.')).toBeTruthy();
    expect(fake.calls('supervisor.voc')).toHaveLength(asked);
  });

  it('pages through the answers', async () => {
    const { fake } = render();
    const panel = await openTab('Voice of the Customer');
    await waitFor(() => expect(within(panel).getByText('1–25 of 60')).toBeTruthy());
    expect(within(panel).getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
    await userEvent.click(within(panel).getByRole('button', { name: 'Next page' }));
    await userEvent.click(await within(panel).findByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(panel).getByText('51–60 of 60')).toBeTruthy());
    expect(within(panel).getByRole('button', { name: 'Next page' })).toHaveProperty('disabled', true);
    await userEvent.click(within(panel).getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(lastCall(fake).cursor).toBe(25));
  });

  it('switches the period: today, the last 30 days, custom dates (in order only)', async () => {
    const { fake } = render();
    const panel = await openTab('Voice of the Customer');
    await waitFor(() => expect(screen.queryByTestId('voc-answers')).not.toBeNull());
    await userEvent.click(within(panel).getByRole('radio', { name: 'Today' }));
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ from: startOfDay(NOW), to: startOfDay(NOW) + DAY }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Last 30 days' }));
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ from: startOfDay(NOW) - 29 * DAY }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Custom' }));
    const asked = fake.calls('supervisor.voc').length;
    await userEvent.type(within(panel).getByLabelText('From'), '2026-11-10');
    await userEvent.type(within(panel).getByLabelText('To'), '2026-11-01');
    expect(await within(panel).findByText('The start date must be on or before the end date.')).toBeTruthy();
    expect(fake.calls('supervisor.voc')).toHaveLength(asked);
    await userEvent.clear(within(panel).getByLabelText('To'));
    await userEvent.type(within(panel).getByLabelText('To'), '2026-11-12');
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ from: new Date(2026, 10, 10).getTime(), to: new Date(2026, 10, 13).getTime() }));
  });

  it('ranks the recurring phrases; picking one shows only the answers holding it, picking it again shows all', async () => {
    const { fake } = render();
    const panel = await openTab('Voice of the Customer');
    const list = await within(panel).findByTestId('voc-phrases');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['courier 7 times · in 5 comments', 'nie dotarla 2 times · in 1 comment']);
    const courier = within(list).getByRole('button', { name: 'Show the answers containing “courier”' });
    await userEvent.click(courier);
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ phrase: 'courier', cursor: 0 }));
    expect(within(panel).getByRole('status').textContent).toBe('Showing the answers containing “courier”');
    expect(courier.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(courier);
    await waitFor(() => expect(lastCall(fake)).not.toHaveProperty('phrase'));
  });

  it('shows the alerts’ results per day beside the chart, with time to acknowledge, and by week on demand', async () => {
    const { fake } = render();
    const panel = await openTab('Voice of the Customer');
    await waitFor(() => expect(screen.queryByTestId('voc-alert-results')).not.toBeNull());
    expect(rowsOf('voc-alert-results')).toEqual([
      ['Nov 21, 2026', '3', '1', '0', '2', '0', '5 min', '1 hr 30 min'],
      ['Nov 22, 2026', '0', '0', '0', '0', '0', '—', '—'],
      ['Whole period', '3', '1', '0', '2', '0', '5 min', '1 hr 30 min'],
    ]);
    await userEvent.click(within(panel).getByRole('radio', { name: 'Week' }));
    await waitFor(() => expect(lastCall(fake)).toMatchObject({ granularity: 'week' }));
    await waitFor(() => expect(rowsOf('voc-alert-results')[0]![0]).toBe('Week of Nov 21, 2026'));
  });

  it('counts answers with each language’s plural forms', async () => {
    for (const [lng, total, text] of [
      ['pl', 1, '1 odpowiedź'],
      ['pl', 3, '3 odpowiedzi'],
      ['pl', 5, '5 odpowiedzi'],
      ['el', 1, '1 απάντηση'],
      ['el', 2, '2 απαντήσεις'],
      ['en', 1, '1 answer'],
    ] as const) {
      const view = render(lng, (q) => vocOf(q, total));
      await openTab(lng === 'pl' ? 'Głos klienta' : lng === 'el' ? 'Η φωνή του πελάτη' : 'Voice of the Customer');
      expect(await screen.findByText(text)).toBeTruthy();
      view.unmount();
    }
  });

  it('says it needs the hub when offline', async () => {
    render('en', () => ({ ok: false, error: { code: 'offline', message: 'no link' } }));
    const panel = await openTab('Voice of the Customer');
    expect((await within(panel).findByRole('alert')).textContent).toContain('it shows once this workstation is connected');
  });
});
